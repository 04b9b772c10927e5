"""Outline: series rule, unmarked headings, appendix branches, glued articles, references."""
import pipeline
from pipeline.config import Config

CFG = Config().without("tag")
P = "这是一段较长的正文内容，用来说明上面的标题，并且以句号结尾。"


def heads(text):
    return [(h["number"], h["title"], h["level"]) for h in pipeline.process(text, CFG).headings]


def test_series_of_label_titles_with_inline_content():
    text = f"通知\n一、培养目标：\n{P}\n二、报考条件：\n{P}\n三、学习年限：三年\n四、录取：\n{P}\n"
    assert [(n, t) for n, t, _ in heads(text)] == [("一", "培养目标"), ("二", "报考条件"), ("三", "学习年限"),
                                                  ("四", "录取")]


def test_unmarked_subheadline_and_appendix_branch():
    text = (f"标题\n{P}\n她已辍学\n{P}\n附：\n名单\n一、第一类委员会\n{P}\n二、第二类委员会\n"
            "北京市\n北京仲裁委员会\n天津市\n天津仲裁委员会\n河北省\n石家庄仲裁委员会、邯郸仲裁委员会\n")
    hs = heads(text)
    assert ("", "她已辍学", 1) in [(n or "", t, l) for n, t, l in hs]
    assert (None, "名单", 1) in hs and ("一", "第一类委员会", 2) in hs and (None, "北京市", 3) in hs
    assert (None, "北京仲裁委员会", 3) not in hs


def test_glued_articles_in_sequence_and_cn_dun_between_articles():
    text = "规定\n一、一般规定\n第一条对本法作出说明。\n第二条以下情形适用。\n二、附则\n第三条本规定自公布之日起施行。\n"
    assert heads(text) == [("一", "一般规定", 1), ("第一条", "", 2), ("第二条", "", 2), ("二", "附则", 1),
                           ("第三条", "", 2)]


def test_references_are_items_under_label():
    doc = pipeline.process(f"论文\n{P}\n参考文献\n[1] 张三. 物流研究[J]. 2011.\n[2] 李四. 配送[D]. 2008.\n", CFG)
    # (the boilerplate stage currently drops the 参考文献 line of this short text, so only the items)
    items = [i for b in doc.outline["lead"] + [b for s in doc.outline["sections"] for b in s["blocks"]]
             if b["type"] == "list" for i in b["items"]]
    assert [i["marker"] for i in items] == ["[1]", "[2]"]
