"""Plain text: the fallback title and the badge rule for the short lines above it."""
import pipeline

CFG = pipeline.Config(keep_personal_data=True).without("outline", "tag")


def run(text: str):
    d = pipeline.process(text.encode(), CFG)
    return d.meta.get("title"), {b["text"]: b["kind"] for b in d.boilerplate}, d.text


def test_subheading_below_the_first_paragraph_is_not_the_title():
    t = ("催收乱象调查\n记者 张三\n近年来，一些催收机构采用暴力手段催收债务，引发社会广泛关注。\n"
         "暴力催收背后的利益链条\n调查发现，部分平台将逾期债务打包转让给第三方催收公司，从中获利。\n")
    title, removed, text = run(t)
    assert title == "催收乱象调查"
    assert "催收乱象调查" not in removed and "记者 张三" not in removed
    assert "暴力催收背后的利益链条" in text


def test_numbered_headings_and_final_contact_line_are_not_the_title():
    t = ("催收投诉通报\n近期，我们收到多起关于催收行为的投诉，现将有关情况通报如下。\n一、基本情况\n"
         "今年以来共受理投诉一百余件，涉及多家机构。\n二、主要问题\n部分机构存在夜间催收、骚扰第三人等问题。\n"
         "联系电话：010-12345678\n")
    title, removed, text = run(t)
    assert title == "催收投诉通报"
    assert "一、基本情况" in text and "二、主要问题" in text
    assert removed.get("联系电话：010-12345678") == "contact"


def test_short_title_above_the_text_is_kept():
    title, removed, text = run("催收投诉处理\n\n客服回复说，已经为您提交了还款申请。两天内就会到账。\n")
    assert title == "催收投诉处理"
    assert not removed


def test_no_badges_above_a_title_found_below_the_text():
    """A repeated subheading may be the title; the lines above the first sentence stay."""
    t = ("催收乱象调查\n记者 张三\n近年来，一些催收机构采用暴力手段催收债务，引发社会广泛关注。\n"
         "暴力催收背后的利益链条\n调查发现，部分平台将逾期债务打包转让给第三方催收公司。\n"
         "暴力催收背后的利益链条\n记者还发现，一些公司利用技术手段获取借款人通讯录。\n")
    _, removed, text = run(t)
    assert "badge" not in removed.values() and "chrome" not in removed.values()
    assert text.startswith("催收乱象调查\n记者 张三\n")


def test_site_name_after_a_space_in_the_html_title():
    """<title>标题 网站名</title>: the site name is known because the page shows it on its own (logo)."""
    import pipeline

    html = ("<html><head><title>土豆不土 土豆无土 某某网</title></head><body><h1 class='logo'>某某网</h1>"
            "<div class='content'><p>土豆，听名字就土得掉渣。可这几天，在著名的产地，土豆成了香饽饽，价格一路上涨。</p>"
            "<p>农民们说，今年的收成不错，销路也好，大家的收入都增加了不少，日子越过越红火。</p></div></body></html>")
    meta = pipeline.process(html.encode("utf-8")).meta
    assert meta["title"] == "土豆不土 土豆无土" and meta["site"] == "某某网"
