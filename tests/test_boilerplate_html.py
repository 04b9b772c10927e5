"""Main-content region, Chinese metadata and several articles on one page (HTML input)."""
import pipeline
from pipeline import meta

CFG = pipeline.Config(keep_personal_data=True).without("outline", "tag")
PROSE = "这是一段很长的正文内容，讲述了事情的经过，并且包含了足够多的标点符号。" * 3
NAV = "".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(12))
SIDEBAR = "".join(f'<li><a href="/a{i}">一条相关新闻的标题{i}</a></li>' for i in range(8))


def page(body: str, head: str = "<title>测试文章标题_某某网</title>") -> bytes:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def test_main_region_drops_nav_and_sidebar_keeps_headings_and_lists():
    html = page(f"<ul class='nav'>{NAV}</ul><div class='content'><h1>测试文章标题</h1>"
                "<div class='info'>2024年3月15日 09:30 来源：某某网 作者：张三</div>"
                f"<p>{PROSE}</p><h2>一、小标题</h2><ul><li>第一项</li><li>第二项</li></ul><p>{PROSE}</p>"
                f"<p>（记者 李四）</p></div><div class='box'><h3>热点</h3><ul>{SIDEBAR}</ul></div>"
                "<div>Copyright 2024 某某网 版权所有</div>")
    d = pipeline.process(html, CFG)
    assert "一、小标题" in d.text and "第一项" in d.text and PROSE in d.text
    assert "栏目3" not in d.text and "一条相关新闻的标题2" not in d.text and "版权所有" not in d.text
    assert d.meta["title"] == "测试文章标题"
    assert d.meta["author"] == "张三"
    assert d.meta["published"] == "2024-03-15T09:30:00+08:00"
    assert any("published" in a for a in d.meta["assumed"])
    kinds = {b["kind"] for b in d.boilerplate}
    assert kinds & {"chrome", "links", "outside_main"}


def test_whole_page_inside_form_is_kept():  # ASP.NET pages wrap everything in one <form>
    d = pipeline.process(page(f"<form id='Form1'><input type='hidden' value='x'><p>{PROSE}</p></form>"), CFG)
    assert PROSE in d.text


def test_multiline_text_node_is_one_line():
    d = pipeline.process(page(f"<p>第一行文字，\n第二行文字。{PROSE}</p>"), CFG)
    assert "第一行文字， 第二行文字。" in d.text or "第一行文字，第二行文字。" in d.text


def test_several_articles_on_one_page_are_all_kept():
    arts = "".join(f"<div class='post'><h2>文章{i}</h2><p>{PROSE}第{i}篇。</p></div>"
                   f"<div class='links'><ul>{SIDEBAR}</ul></div>" for i in range(3))
    d = pipeline.process(page(f"<ul class='nav'>{NAV}</ul>{arts}"), CFG)
    for i in range(3):
        assert f"第{i}篇" in d.text
    assert "栏目3" not in d.text


def test_author_cues_and_dates():
    assert meta.find_author("光明日报记者 王建宏 张文攀") == (1, "王建宏 张文攀")
    assert meta.find_author("河南商报记者马俊峰/文受访者供图")[1] == "马俊峰"
    assert meta.find_author("作者： size=\"20\" 来源：") is None
    assert meta.find_author("（袁源）", trailer=True)[1] == "袁源"
    assert meta.find_author("（袁源）") is None
    assert meta.plausible_meta_author("Discuz! Team and Comsenz UI Team") is None
    assert meta.parse_date("发布时间：2024年3月15日 09:30")["value"] == "2024-03-15T09:30:00"
    assert meta.parse_date("6月2日", 2023)["value"] == "2023-06-02"
    d = meta.parse_date("发布日期： 7/5/2005 9:23:57 PM")
    assert d["value"] == "2005-05-07T21:23:57" and d["day_first"]


def test_personal_data_in_boilerplate_stays_redacted():
    html = page(f"<p>{PROSE}</p><p>{PROSE}</p><div class='footer'>联系电话：13812345678 版权所有</div>")
    d = pipeline.process(html, pipeline.Config().without("outline", "tag"))
    assert "13812345678" not in str(d.boilerplate) and "13812345678" not in d.text


def test_nearest_region_word_decides_chrome():
    from pipeline.stages.boilerplate import chrome_hint

    assert not chrome_hint(["main", "widget", "blog", "post", "body", "entry", "content"])  # Blogger post
    assert chrome_hint(["content", "sidebar"]) and chrome_hint(["article", "related"])
    assert not chrome_hint([])


def test_short_verse_lines_inside_the_article_are_kept():
    verse = "".join(f"<div>第{i}句歌词在这里</div><div>Di {i} ju ge ci</div>" for i in range(10))
    html = page(f"<ul class='nav'>{NAV}</ul><div class='post-body entry-content'><p>{PROSE}</p>{verse}"
                f"<div>Posted by K A</div></div><ul class='sidebar'>{SIDEBAR}</ul>")
    d = pipeline.process(html, CFG)
    assert "第3句歌词在这里" in d.text and "第9句歌词在这里" in d.text
    assert "Posted by" not in d.text and "栏目3" not in d.text


def test_title_is_the_part_of_head_title_that_heads_the_page():
    html = page(f"<div class='nav'>{NAV}</div><h1>蔡健雅</h1><p>{PROSE}</p><p>{PROSE}</p>",
                head="<title>蔡健雅_百度百科</title>")
    d = pipeline.process(html, CFG)
    assert d.meta["title"] == "蔡健雅" and d.meta["site"] == "百度百科"
    assert meta.strip_site_suffix("网页标题_某网站") == ("网页标题", "某网站")


def test_statute_articles_are_not_disclaimers():
    """Words like 未经授权不得 / 禁止转载 inside a numbered article are law, not a site's disclaimer."""
    import pipeline

    text = ("中华人民共和国某某法\n第一条 为了规范管理，制定本法。\n"
            "第二条 任何组织和个人未经授权不得发布有关信息，违者依法处理，并承担相应的法律责任。\n"
            "网络产品和服务提供者应当建立处置机制，禁止转载、传播网络欺凌信息，并对相关账号采取必要措施，保护未成年人合法权益，并及时向有关部门报告，配合开展调查工作，依法予以处置和通报，同时做好证据保全，确保相关记录完整可查。\n"
            "声明：本文仅代表作者观点，不代表本站立场。")
    doc = pipeline.process(text)
    kinds = [b["kind"] for b in doc.boilerplate]
    assert kinds == ["disclaimer"]
    assert "未经授权不得发布" in doc.text and "禁止转载、传播" in doc.text


def test_body_text_is_not_anchored_in_title_or_meta_attributes():
    """<title> equal to the h1 and a meta description equal to the start of the first paragraph:
    the h1, the paragraph and an entity in it point at the body, not into <head> or a tag."""
    p1 = "近年来，中国银行保险监督管理委员会要求催收机构规范催收行为&amp;保护消费者权益。"
    raw = ("<html><head><meta charset='utf-8'><title>催收乱象调查报告</title>"
           "<meta name='description' content='近年来，中国银行保险监督管理委员会要求'></head>"
           f"<body><h1>催收乱象调查报告</h1><p><img alt='近年来，中国银行保险'>{p1}</p><p>{PROSE}</p></body></html>")
    d = pipeline.process(raw.encode(), pipeline.Config(keep_personal_data=True)).to_dict()
    src = raw
    title = d["outline"]["title"]
    assert src[title["raw_start"]:title["raw_end"]] == title["text"] == "催收乱象调查报告"
    first = d["outline"]["lead"][0]
    assert first["raw_start"] > src.index("<body>")
    assert src[first["raw_start"]:first["raw_end"]].replace("&amp;", "&") == first["text"]
    ents = [e for e in d["entities"] if e.get("raw_start") is not None]
    assert ents
    for e in ents:
        assert e["raw_start"] > src.index("<body>")
        assert src[e["raw_start"]:e["raw_end"]].replace("&amp;", "&") == e["text"]
