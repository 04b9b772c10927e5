"""Tagging rules on short texts: cues, polarity, laws, authorities, personal data."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.nlp.components import normalize_law_name, trade_name
from pipeline.nlp.numerals import parse_number


@pytest.fixture(scope="module")
def nlp():
    return pipeline.nlp()


def mentions(nlp, text, label=None):
    return [m for m in nlp(text)._.mentions if label is None or m["label"] == label]


@pytest.mark.parametrize("text,id_", [
    ("催收员多次拨打借款人的手机电话", "phone"),
    ("对方给我发送了好几条催款短信", "sms"),
    ("催收公司给他发送威胁短信", "sms"),
    ("催收人员上门催收", "home_visit"),
    ("银行在报纸上刊登债权催收公告", "letter"),
    ("平台将委托第三方催收", "outsourced"),
    ("出借人向法院提起诉讼", "litigation"),
    ("他们打电话给我的家人和同事", "third_party_contact"),
])
def test_methods(nlp, text, id_):
    assert id_ in {m["id"] for m in mentions(nlp, text, "collection_method")}


@pytest.mark.parametrize("text", ["诉讼时效已过", "本案诉讼费用由被告负担", "该平台已被警方立案侦查", "检察院审查起诉",
                                  "联系电话：[电话]", "微信公众号发布消息"])
def test_not_methods(nlp, text):
    assert not mentions(nlp, text, "collection_method")


@pytest.mark.parametrize("text,want", [
    ("催收人员不得泄露借款人隐私", "negated"),
    ("催收机构禁止使用暴力催收", "negated"),
    ("平台无权骚扰借款人的家人", "negated"),
    ("晋商消费金融是否会上门催收存在争议", "uncertain"),
    ("平台可能会上门催收", "uncertain"),
    ("如再迟延，将采取法律途径追讨", "uncertain"),
    ("并非所有逾期客户都会被上门催收", "uncertain"),
    ("催收人员多次上门催收", "affirmed"),
    ("催收员不断打电话骚扰", "affirmed"),
    ("上门催收可能导致冲突", "affirmed"),
])
def test_polarity(nlp, text, want):
    ms = [m for m in mentions(nlp, text) if m["label"] in ("collection_method", "abusive_practice")]
    assert ms and ms[0]["polarity"] == want, ms


def test_names_are_affirmed(nlp):
    ms = mentions(nlp, "如果晋商消费金融不得已上门，警方可能介入")
    assert ms and all(m["polarity"] == "affirmed" for m in ms if m["label"] in ("institution", "authority"))


@pytest.mark.parametrize("s,n", [("1032", 1032), ("一百二十", 120), ("壹百二十", 120), ("壹佰贰拾", 120),
                                 ("二百五十三", 253), ("一千零三十二", 1032), ("十", 10)])
def test_numerals(s, n):
    assert parse_number(s) == n


def law(nlp, text):
    return [m for m in mentions(nlp, text, "law")]


def test_law_citation_articles_and_status(nlp):
    ms = law(nlp, "依据《合同法》第一百二十条、第壹百二十條以及第253条之一的规定")
    assert len(ms) == 1
    info = ms[0]["info"]
    assert ms[0]["id"] == info["name"] == "中华人民共和国合同法"
    assert info["status"] == "repealed" and info["repealed"] == "2021-01-01"
    assert info["replaced_by"] == "中华人民共和国民法典" and info["kind"] == "law"
    arts = [(a["article"], a.get("sub")) for a in info["articles"]]
    assert arts == [(120, None), (120, None), (253, 1)]


def test_bare_law_names(nlp):
    ids = {m["id"]: m for m in law(nlp, "根据民法通则和侵权责任法，以及民法典第1032条")}
    assert set(ids) == {"中华人民共和国民法通则", "中华人民共和国侵权责任法", "中华人民共和国民法典"}
    assert ids["中华人民共和国民法典"]["info"]["articles"][0]["article"] == 1032
    assert not law(nlp, "公司法人代表被限制高消费")


def test_unknown_law_normalized():
    assert normalize_law_name("劳动法") == "中华人民共和国劳动法"
    assert normalize_law_name("上海市地方金融监督管理条例") == "上海市地方金融监督管理条例"
    assert normalize_law_name("最高人民法院关于贯彻执行﹤中华人民共和国民法通则﹥若干问题的意见") == \
        "最高人民法院关于贯彻执行中华人民共和国民法通则若干问题的意见"


def test_law_alias_and_issuer(nlp):
    text = ("最高人民法院、最高人民检察院决定对《关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释》"
            "（法释〔2009〕19号，以下简称《解释》）作如下修改：将《解释》原第六条修改为")
    ms = law(nlp, text)
    full = "最高人民法院、最高人民检察院关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释"
    assert [m["id"] for m in ms] == [full, full, full]  # the title, the alias defined, the alias used
    assert ms[2]["info"]["articles"][0]["article"] == 6
    assert ms[0]["info"]["kind"] == "judicial_interpretation"
    # a court inside a law title is not an authority mention
    assert not any(m["label"] == "authority" and m["start"] > text.index("《") for m in mentions(nlp, text))


def test_document_number(nlp):
    ms = law(nlp, "根据法函（2002）3号规定")
    assert [m["id"] for m in ms] == ["法函〔2002〕3号"]


@pytest.mark.parametrize("text,id_", [
    ("银监会发布通知", "国家金融监督管理总局"),
    ("中国银保监会表示", "国家金融监督管理总局"),
    ("北京银监局称", "国家金融监督管理总局北京监管局"),
    ("惠安县公安局崇武派出所", "公安机关"),
    ("公安部通报", "公安部"),
    ("最高人民法院发布", "最高人民法院"),
    ("宝山金融办", "地方金融监督管理局"),
    ("可以拨打12315投诉", "12315"),
])
def test_authorities(nlp, text, id_):
    assert id_ in {m["id"] for m in mentions(nlp, text, "authority")}


def test_institutions(nlp):
    text = "华夏信财互联网金融信息服务(上海)有限公司旗下平台华夏信财被投诉，内蒙古联发房地产开发有限公司是借款人。"
    ids = [m["id"] for m in mentions(nlp, text, "institution")]
    assert ids == ["华夏信财互联网金融信息服务(上海)有限公司", "华夏信财"]
    assert trade_name("北京网利科技有限公司") == "网利"


def test_bank_branch(nlp):
    ms = mentions(nlp, "被告人向中国工商银行股份有限公司漳平市支行申请信用卡", "institution")
    assert [m["id"] for m in ms] == ["中国工商银行股份有限公司漳平市支行"]


def test_personal_data_values(nlp):
    text = "电话13812345678，邮箱a.b@example.com，身份证11010519491231002X，卡号6222021234567890128"
    kinds = {m["id"] for m in mentions(nlp, text, "personal_data")}
    assert {"phone", "email", "id_card", "bank_card"} <= kinds


def test_personal_data_placeholders_and_masks(nlp):
    kinds = [m["id"] for m in mentions(nlp, "联系[电话]或[邮箱]，卡号为62×××89的信用卡", "personal_data")]
    assert kinds == ["phone", "email", "bank_card"]


# -- general institution rules (names the lexicon does not know) ---------------------------------
def inst(nlp, text):
    return {(m["id"], text[m["start"]:m["end"]]) for m in mentions(nlp, text, "institution")}


@pytest.mark.parametrize("text,name", [
    ("借款人投诉称，青禾金服的催收人员多次打电话", "青禾金服"),
    ("网贷平台卓卓贷逾期后开始催收", "卓卓贷"),
    ("用户在禾苗钱包借款后逾期", "禾苗钱包"),
    ("据悉，木林财富已经停止兑付", "木林财富"),
])
def test_brand_names(nlp, text, name):
    assert name in {i for i, _ in inst(nlp, text)}


@pytest.mark.parametrize("text", [
    "大力发展消费金融和普惠金融", "他下载花了很多时间", "国家严厉打击高利贷", "请登录官网查询",
    "有关部门起草网络安全规定",
])
def test_brand_names_not_found(nlp, text):
    assert not {i for i, _ in inst(nlp, text) if i != "generic"}


def test_platform_names_need_lending_context(nlp):
    assert not inst(nlp, "小区里新开了一家果果宝")
    assert ("果果宝", "果果宝") in inst(nlp, "果果宝平台的借款人逾期后被催收")


def test_operator_company_and_trade_name(nlp):
    text = "青禾金服的运营公司杭州青禾互联网科技有限公司已被立案。"
    assert ("杭州青禾互联网科技有限公司", "杭州青禾互联网科技有限公司") in inst(nlp, text)
    assert not inst(nlp, "杭州青禾互联网科技有限公司今天发布新品")


def test_defined_trade_name_is_its_own_id(nlp):
    text = "运营方安禾融（北京）网络科技有限公司（以下简称安禾融）发布催款公告。安禾融称将起诉。"
    ids = [i for i, t in inst(nlp, text) if t == "安禾融"]
    assert ids == ["安禾融"]
    assert ("安禾融（北京）网络科技有限公司", "安禾融（北京）网络科技有限公司") in inst(nlp, text)


def test_stock_quote_inside_a_name(nlp):
    text = "担保方为中国长城(9.750, -0.20, -2.01%)资产管理股份有限公司内蒙古分公司(以下简称长城资产内蒙古分公司)，长城资产内蒙古分公司表示"
    full = "中国长城资产管理股份有限公司内蒙古分公司"
    got = [m for m in mentions(nlp, text, "institution") if m["id"] == full]
    assert len(got) == 3 and text[got[0]["start"]:got[0]["end"]].startswith("中国长城(9.750")


# -- collection-method context rules ---------------------------------------------------------------
@pytest.mark.parametrize("text,id_", [
    ("原告与某公司联合在报纸上刊登《债权转让通知暨债务催收联合公告》", "letter"),
    ("银行向借款人寄送了催收通知书，借款人签收了上述通知书", "letter"),
    ("被告人前往被害人的家中索要欠款", "home_visit"),
    ("原告向法院提交诉状立案", "litigation"),
])
def test_context_methods(nlp, text, id_):
    assert id_ in {m["id"] for m in mentions(nlp, text, "collection_method")}


@pytest.mark.parametrize("text", ["该平台已被警方立案侦查", "被告人到案经过、受立案材料在卷", "该公告显示公司营收增长",
                                  "他晚上回到家中休息"])
def test_context_methods_not_found(nlp, text):
    assert not mentions(nlp, text, "collection_method")


def test_not_knowing_is_not_a_negated_method(nlp):
    ms = mentions(nlp, "借款人从不知晓银行在报纸上公告之事，银行此前曾催收欠款", "collection_method")
    assert ms and ms[0]["polarity"] == "affirmed"


# -- personal data -----------------------------------------------------------------------------------
def test_qq_style_contact_number():
    from pipeline.pii import find_personal_data, redact

    assert redact("企业免费发布洽: 466381554(微信同号)") == "企业免费发布洽: [QQ](微信同号)"
    assert redact("微信号：466381554") == "微信号：[QQ]"
    assert [k for *_, k in find_personal_data("联系人：13912345678（微信同号）")] == ["phone"]


@pytest.mark.parametrize("text", ["投诉编号：17712345678", "订单号 6222021234567890123", "案号:13912345678"])
def test_labelled_reference_numbers_are_not_personal(nlp, text):
    from pipeline.pii import redact

    assert redact(text) == text
    assert not mentions(nlp, text, "personal_data")
    assert redact("电话：13912345678") == "电话：[电话]"


def test_anonymised_lender(nlp):
    text = "我在借*宝平台借款后逾期。借*宝依旧每天催收。客服李*说会处理"
    got = [(m["id"], text[m["start"]:m["end"]]) for m in mentions(nlp, text, "institution")]
    assert got.count(("借*宝", "借*宝")) == 2 and not any("李" in t for _, t in got)


# -- institutions found by lending context (no suffix) ------------------------------------------
def _inst(text):
    import pipeline
    return {m["id"] for m in pipeline.nlp()(text)._.mentions if m["label"] == "institution"}


def test_institution_after_platform_word():
    assert "懒财主" in _inst("法院审结P2P平台懒财主非法吸收公众存款案。")


def test_institution_before_platform_or_app():
    assert "真金服" in _inst("真融宝仅作为导流平台为真金服平台提供借款人。")


def test_institution_between_zai_and_lending_verb_negative():
    ids = _inst("我在网上申请借款，在手机上借款。")
    assert not (ids - {"generic"})


def test_institution_common_word_before_licai_is_not_a_name():
    assert "布局理财" not in _inst("大玩家中信系：布局理财资产催收全现金贷。")


def test_institution_media_site_is_not_a_name():
    assert "华声在线" not in _inst("文章来源：行业观察者综合华声在线，网贷平台逾期。")


def test_institution_city_dropped_from_informal_name():
    ids = _inst("我在宝鸡银谷普惠小贷贷款公司借款，逾期了。")
    assert "银谷普惠小贷贷款公司" in ids and "宝鸡银谷普惠小贷贷款公司" not in ids
