"""Outline stage: numbering schemes, levels, articles and inline lists (fast, text input only)."""
import pytest

import pipeline
from pipeline.config import Config
from pipeline.stages.outline import parse_marker

CFG = Config().without("tag")


def heads(text):
    doc = pipeline.process(text, CFG)
    return doc, [(h["number"], h["title"], h["level"], h["parent"]) for h in doc.headings]


@pytest.mark.parametrize("line,scheme,value", [
    ("第三章 法律责任", "chapter", 3), ("第二节 一般规定", "section", 2), ("第一编 总则", "part", 1),
    ("第二百五十三条之一 违反国家规定", "article", 253), ("一、概述", "cn_dun", 1), ("（二）背景", "cn_paren", 2),
    ("㈢、次日", "cn_paren", 3), ("3.2 短信催收", "decimal", 2), ("1、年龄", "arabic_dot", 1),
    ("(4) 其他", "arabic_paren", 4), ("②买家", "circled", 2), ("B. 方案", "latin", 2),
])
def test_parse_marker(line, scheme, value):
    n = parse_marker(line)
    assert n.scheme == scheme and n.value == value


def test_law_levels_articles_and_items():
    text = ("某某法\n第一章 总则\n第一条 为了规范。\n第二条 有下列情形之一的：\n（一）甲；\n（二）乙。\n"
            "第二章 细则\n第一节 一般规定\n第三条 本法自公布之日起施行。\n")
    doc, hs = heads(text)
    assert [(n, l) for n, _, l, _ in hs] == [("第一章", 1), ("第一条", 2), ("第二条", 2), ("第二章", 1),
                                             ("第一节", 2), ("第三条", 3)]
    art2 = doc.outline["sections"][0]["sections"][1]
    assert [b["type"] for b in art2["blocks"]] == ["paragraph", "list"]
    assert [i["marker"] for i in art2["blocks"][1]["items"]] == ["（一）", "（二）"]


def test_mixed_schemes_nest_and_explicit_decimal():
    text = "标题\n一、概述\n1.1 背景\n正文。\n1.2 模式\n正文。\n二、方式\n2.1 电话\n正文。\n(1) 其一\n正文。\n"
    _, hs = heads(text)
    assert [(n, l) for n, _, l, _ in hs] == [("一", 1), ("1.1", 2), ("1.2", 2), ("二", 1), ("2.1", 2), ("1", 3)]


def test_run_of_short_numbered_lines_is_a_list():
    doc, hs = heads("标题\n二、报考条件\n1、硕士学位\n2、身体健康\n3、两名专家推荐\n")
    assert [h[0] for h in hs] == ["二"]
    items = doc.outline["sections"][0]["blocks"][0]["items"]
    assert [i["marker"] for i in items] == ["1、", "2、", "3、"]


def test_inline_list_and_citation_not_heading():
    doc, hs = heads("问题？\n回答：主要有以下流程：1、收集证据。2、向法院立案。《劳动法》第九十一条规定如下。\n")
    assert hs == []
    lists = [b for b in doc.outline["lead"] if b["type"] == "list"]
    assert [i["marker"] for i in lists[0]["items"]] == ["1、", "2、"]


def test_plain_prose_has_no_outline():
    doc, hs = heads("评论\n第一就是要坚持。2019年1月，会议召开。预祝大会圆满成功！\n")
    assert hs == [] and all(b["type"] == "paragraph" for b in doc.outline["lead"])
