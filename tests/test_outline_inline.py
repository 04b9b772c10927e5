"""Outline: structure inside joined lines, quoted and OCR-damaged items, 第X条之一."""
import pipeline
from pipeline.config import Config
from pipeline.stages.outline import iter_blocks

CFG = Config().without("tag")


def items(doc):
    return [it for b in iter_blocks(doc.outline) if b["type"] == "list" for it in b["items"]]


def heads(doc):
    return [(h["number"], h["title"], h["level"]) for h in doc.headings]


def exact(doc, it):
    """The item's span starts at its marker."""
    assert doc.text[it["start"]:it["end"]].startswith(it["marker"])


NEWS = ("P2P周报：协会起草评估标准\n"
        "本周速览 1、上海互金协会发布网贷合规倡议书 2、北互金协会拟起草资产评估标准 3、零壹财经发布信息披露排行榜 ? "
        "【监管自律】 ? 1、上海互金协会发布网贷合规倡议书 涉及六方面 ? 5月17日，上海市互联网金融协会官网发布倡议书，"
        "倡议书共涉及六个方面，要求各机构严格自律。 ? 2、北互金协会拟起草资产评估标准，巨头或将入场 ? 5月15日，据报道，"
        "北京市互联网金融行业协会拟起草网贷行业资产评估标准，推动行业整合。 ? 【行业要闻】 ? 3、零壹财经发布信息披露排行榜 ? "
        "上周，零壹财经发布了排行榜，本期一共评测了多家平台的信息披露情况。\n")


def test_joined_news_digest_and_headlines():
    doc = pipeline.process(NEWS, CFG)
    hs = heads(doc)
    assert (None, "监管自律", 1) in hs and (None, "行业要闻", 1) in hs
    titles = [t for n, t, lvl in hs if n and lvl == 2]
    assert len(titles) == 3 and titles[0].startswith("上海互金协会发布网贷合规倡议书")
    assert titles[1].startswith("北互金协会拟起草资产评估标准，")
    # the digest is a list of 3 items, each span exact
    its = items(doc)
    assert [i["marker"] for i in its[:3]] == ["1、", "2、", "3、"]
    for it in its:
        exact(doc, it)


def test_joined_job_ad_labels():
    text = ("催收专员招聘\n{IMG:1} 诚聘信用卡催收专员岗位 1、通过电话方式协助平台处理逾期欠款； "
            "2、引导客户及时正确地缴还欠款； ?岗位要求： 1、年龄：18周岁以上，中专及以上学历； 2、征信良好，无不良记录； "
            "?福利待遇： 1、依法享有国家规定节假日； 2、入职后提供员工免费住宿； 上班时间：夏季：8:30-18:00\n")
    doc = pipeline.process(text, CFG)
    assert [t for _, t, _ in heads(doc)] == ["岗位要求", "福利待遇"]
    its = items(doc)
    assert [i["marker"] for i in its] == ["1、", "2、"] * 3
    assert its[2]["term"] == "年龄"
    for it in its:
        exact(doc, it)


def test_no_split_without_a_continuing_sequence():
    text = "说明\n本案中，原告提出了1、支付货款的请求，法院经审理后予以支持，并判决被告承担诉讼费用。\n"
    doc = pipeline.process(text, CFG)
    assert items(doc) == []


def test_paren_ideograph_counts_in_one_line():
    text = ("主要犯罪事实如下。㈠、2017年6月23日早晨，被告人在酒店将被害人带至洼地非法限制人身自由。"
            "㈡、2017年6月24日16时许，被告人携带砍刀前往被害人家中索要高利贷。\n")
    doc = pipeline.process(text, CFG)
    its = items(doc)
    assert [i["marker"] for i in its] == ["㈠、", "㈡、"]
    for it in its:
        exact(doc, it)


def test_quoted_items_of_an_amendment_decision():
    text = ("决定\n现决定作如下修改：\n一、将《解释》原第六条修改为：“持卡人以非法占有为目的，超过规定限额透支的，应当认定为恶意透支。\n"
            "“具有以下情形之一的，应当认定为以非法占有为目的：\n“（一）明知没有还款能力而大量透支，无法归还的；\n"
            "“（二）使用虚假资信证明申领信用卡后透支，无法归还的。”\n二、增加一条，作为《解释》第七条：“催收同时符合下列条件的，应当认定为有效催收。”\n")
    doc = pipeline.process(text, CFG)
    assert doc.headings == []
    its = items(doc)
    assert [i["marker"] for i in its] == ["一、", "（一）", "（二）", "二、"]
    q = its[1]
    assert doc.text[q["start"]:q["end"]].startswith("（一）明知")


def test_ocr_l_for_1_and_trailing_list_start():
    text = ("报名须知\nl、报名日期为2003年11月1日至11月30日，外地考生可以提前函报。\n2、报名地点：研究生部招生办公室。\n"
            "考试科目\n04艺术史与比较艺术研究 傅谨 1、英语或俄语或日语\n2、美学原理\n3、中外艺术交流史\n")
    doc = pipeline.process(text, CFG)
    its = items(doc)
    assert [i["marker"] for i in its] == ["l、", "2、", "1、", "2、", "3、"]
    assert its[0]["number_value"] == 1 and its[2]["text"] == "英语或俄语或日语"
    for it in its:
        exact(doc, it)


def test_article_sub_value():
    doc = pipeline.process("规定\n第七条 甲方应当履行义务。\n第七条之一 乙方应当配合。\n第八条 本规定自公布之日起施行。\n", CFG)
    got = [(h["number"], h["number_value"], h.get("sub_value")) for h in doc.headings]
    assert got == [("第七条", 7, None), ("第七条之一", 7, 1), ("第八条", 8, None)]
    assert doc.outline["sections"][1]["sub_value"] == 1 and "sub_value" not in doc.outline["sections"][0]
