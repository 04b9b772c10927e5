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


def test_headings_glued_to_the_previous_sentence():
    """…的问题。一、概述1.1背景 — a heading run into the paragraph before it, and its first subheading."""
    import pipeline
    from pipeline import Config

    t = ("关于催收的文章标题\n本文讨论晋商消费金融的催收方式，尤其是其是否会上门催收的问题。一、晋商消费金融概述1.1晋商消费金融的背景\n"
         "晋商消费金融成立于近年来，致力于提供服务。\n1.2 业务模式\n主要包括个人贷款。\n二、催收的必要性\n逾期还款会带来损失。")
    d = pipeline.process(t, Config().without("tag")).to_dict()
    got = [(h["path"], h["title"], h["level"]) for h in d["headings"]]
    assert got == [("一", "晋商消费金融概述", 1), ("一/1.1", "晋商消费金融的背景", 2), ("一/1.2", "业务模式", 2),
                   ("二", "催收的必要性", 1)]
    assert d["outline"]["lead"][0]["text"].endswith("上门催收的问题。")
    # prose that lists reasons is not split: the pieces are sentences, not titles
    p = pipeline.process("标题行在这里的文章\n理由如下：一、事实不清，证据不足。二、适用法律错误。", Config().without("tag")).to_dict()
    assert p["headings"] == []


def test_lone_glued_marker_is_not_a_heading():
    """一、两天 (one or two days) and 三、五年 after a full stop open no series: no heading."""
    for t in ("催收投诉处理\n\n客服回复说，已经为您提交了还款申请。一、两天内就会到账\n",
              "催收投诉处理\n\n他说这笔欠款已经拖了很久很久。三、五年都没有还上\n之后的事情大家都知道了。\n"):
        d = pipeline.process(t, CFG).to_dict()
        assert d["headings"] == []
        assert "一、两天内就会到账" in d["text"] or "三、五年都没有还上" in d["text"]
