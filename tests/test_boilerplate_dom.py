"""HTML path: lxml prunes and detaches chrome, BeautifulSoup builds the content blocks; iterative
walks (no RecursionError however deep), exact provenance, infobox dates and <title> brackets."""
import sys

import lxml.etree
import pytest
from bs4 import BeautifulSoup

import pipeline
from pipeline import html as H
from pipeline import meta

CFG = pipeline.Config(keep_personal_data=True).without("outline", "tag")
PROSE = "这是一段很长的正文内容，讲述了事情的经过，并且包含了足够多的标点符号。" * 3
NAV = "".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(12))
CTX = {"tag": "body", "tokens": [], "list": None, "depth": 0}


def page(body: str, head: str = "<title>测试文章标题_某某网</title>") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_chrome_is_detached_by_lxml_but_kept_with_kind_and_exact_positions():
    raw = page(f"<nav>{NAV}</nav><div class='content'><h1>测试文章标题</h1><p>{PROSE}</p></div>"
               "<footer><p>关于我们 &amp; 联系方式</p></footer><div class='share-box'><a href='#'>分享到微博</a></div>")
    d = pipeline.process(raw, CFG)
    assert PROSE in d.text and "栏目3" not in d.text and "关于我们" not in d.text and "分享到微博" not in d.text
    chrome = [b for b in d.boilerplate if b["kind"] == "chrome"]
    texts = [b["text"] for b in chrome]
    assert "栏目3" in texts and "关于我们 & 联系方式" in texts and "分享到微博" in texts
    for b in chrome:  # provenance: each removed line points at its own markup
        src = raw[b["raw_start"]:b["raw_end"]]
        assert src.replace("&amp;", "&").endswith(b["text"][-2:]) and src.startswith(b["text"][:2])
    # the content blocks keep exact positions too
    tracked, hints, *_ = H.html_to_lines(raw)
    i = tracked.text.index(PROSE)
    rs, re_ = tracked.raw_span(i, i + len(PROSE))
    assert raw[rs:re_] == PROSE
    assert [h.get("chrome") for h in hints if "栏目" in str(h)] == []  # hints: no text, only features
    assert {h.get("chrome") for h in hints} >= {"nav", "footer", "share", None}


def test_content_blocks_come_from_beautifulsoup(monkeypatch):
    seen = []
    real = H.BeautifulSoup

    def spy(markup, features, **kw):
        seen.append((features, markup))
        return real(markup, features, **kw)

    monkeypatch.setattr(H, "BeautifulSoup", spy)
    raw = page(f"<ul class='menu'>{NAV}</ul><article><p>{PROSE}</p></article>")
    tracked, hints, *_ = H.html_to_lines(raw)
    assert len(seen) == 1 and seen[0][0] == "lxml"
    candidate = seen[0][1]
    assert PROSE in candidate and "栏目3" not in candidate  # the chrome never reaches BeautifulSoup
    assert "栏目3" in tracked.text  # ... but its text is still a (boilerplate) line
    assert hints[-1]["tag"] == "p" and "chrome" not in hints[-1]


def test_article_containers_are_not_detached():
    # a chrome word on a wrapper that holds the article: left to the scorer, the article survives
    raw = page(f"<div class='sidebar-layout'><div class='article-content'><p>{PROSE}</p></div></div>"
               f"<div class='comment-content'><p>{PROSE}</p></div>")
    d = pipeline.process(raw, CFG)
    assert PROSE in d.text


def test_same_lines_with_and_without_chrome_detachment(monkeypatch):
    raw = page(f"<div id='header'><ul>{NAV}</ul></div><div class='content'><h2>一、小标题</h2>"
               f"<p>{PROSE}<br>第二行&nbsp;文字</p><ul><li>第一项</li><li><b>第二项</b></li></ul></div>"
               "<div class='footer'>Copyright 2024 某某网</div>")
    with_detach = H.html_to_lines(raw)
    monkeypatch.setattr(H, "detach_chrome", lambda top: [])
    without = H.html_to_lines(raw)
    assert with_detach[0].text == without[0].text
    assert list(with_detach[0].starts) == list(without[0].starts)
    assert [{k: v for k, v in h.items() if k != "chrome"} for h in with_detach[1]] == without[1]


DEPTH = 100_000


def test_deep_nesting_does_not_recurse():
    raw = page("<div>" * DEPTH + PROSE + "</div>" * DEPTH)
    d = pipeline.process(raw, CFG)  # lxml caps the depth; nothing may raise
    assert not d.errors and PROSE in d.text


def test_walks_are_iterative_on_100000_deep_trees():
    limit = sys.getrecursionlimit()
    assert DEPTH > 10 * limit
    # BeautifulSoup keeps the full depth: the soup walk must not recurse
    soup = BeautifulSoup("<div>" * DEPTH + "正文。" + "</div>" * DEPTH, "lxml", multi_valued_attributes=None)
    out = H._Lines("<div>" * DEPTH + "正文。" + "</div>" * DEPTH)
    H.walk_soup(soup.body, dict(CTX), out, [])
    out.flush()
    assert ["".join(p[0] for p in pieces) for pieces, _ in out.lines] == ["正文。"]
    # a deep lxml subtree (a detached chrome container), built through the API
    root = lxml.etree.Element("div")
    el = root
    for _ in range(DEPTH):
        el = lxml.etree.SubElement(el, "span")
    el.text = "导航"
    out = H._Lines("导航")
    H.walk_lxml(root, dict(CTX, chrome="nav"), False, False, out)
    out.flush()
    assert len(out.lines) == 1 and out.lines[0][1]["chrome"] == "nav"


def test_infobox_birthday_is_not_the_published_date():
    raw = page("<div class='lemma-summary'><dl class='basicInfo'><dt>出生日期</dt>"
               "<dd>1975年1月28日（农历1974年腊月十七）</dd></dl></div><h1>蔡健雅</h1>"
               f"<ul class='keyinfo'><li>1975年1月28日（农历1974年腊月十七）</li></ul><p>{PROSE}</p><p>{PROSE}</p>",
               head="<title>蔡健雅_百度百科</title>")
    d = pipeline.process(raw, CFG)
    assert d.meta["published"] is None
    # a plain dated byline still counts
    d = pipeline.process(page(f"<h1>测试文章标题</h1><div>2024年3月15日</div><p>{PROSE}</p>"), CFG)
    assert d.meta["published"].startswith("2024-03-15")


@pytest.mark.parametrize("title,site", [
    ("Chinese Pinyin Lyrics: Zhi Neng Xiang Nian Ni - Jam Hsiao Jing Teng (只能想念你 - 蕭敬騰)", None),
    ("标题 - 栏目 - 新华网", "新华网"),
    ("《歌-名》_某某网", "某某网"),
])
def test_site_from_title_keeps_brackets_balanced(title, site):
    assert meta.strip_site_suffix(title)[1] == site
    assert all(p.count("(") == p.count(")") for p in meta.split_title(title))


def test_reporter_title_is_not_part_of_the_name():
    assert meta.find_author("作者：记者王敬照") == (0, "王敬照")
    assert meta.parse_author("作者：本报记者张三") == "张三"
    assert meta.find_author("光明日报记者 王建宏 张文攀") == (1, "王建宏 张文攀")
