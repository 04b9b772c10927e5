"""Stage 3: remove page chrome, keep it (with its kind and raw position), fill ``meta``.

Works on lines: page text has one block per line already, and HTML was turned into lines with DOM
hints by the decode stage.  Each line gets a kind (``None`` for article content) from rules over
the line itself and its neighbours (see ``data/boilerplate.json``); HTML lines also use link
density and class/id hints, and lines of containers the HTML parser already detached as obvious
chrome (``hint["chrome"]``: nav, footer, aside, a header outside the article, chrome-named or
link-only containers; see :mod:`pipeline.html`) get kind ``chrome`` unless they hold the title.
Removed lines leave the text through edits, so provenance holds.

HTML pages then get a main-content region (:func:`main_region`): every line is scored for Chinese
prose (characters, not words; full-width punctuation; link density; class/id words of its nearest
region container, see :func:`chrome_hint`), and the maximum-sum contiguous run of lines is the
article.  Headings, list items, table cells and short verse lines inside the run are kept; lines
outside it are removed as ``outside_main``.

Several articles on one page: every further run scoring at least half of the best one (and at
least 200) is kept too, in page order, so a page of several full articles keeps all of them, while
teaser lists, comment blurbs and sidebars (short or link-heavy, so low-scoring) go.  They stay one
text; this stage does not split them into separate documents.

Metadata (HTML): author and date come from the article header (lines just before the main region
and around the title and its repeats), from its trailer (（记者 X）, 责任编辑：…, 发表于 …) and
from short lines inside it (:func:`scan_meta`), then from ``<meta>`` tags; an editor credit loses
to a plausible ``<meta name=author>``.  Page text (no DOM hints) keeps the line rules only.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from .. import meta as meta_mod
from ..document import Document
from ..offsets import Edit
from ..pii import find_placeholders, find_personal_data, redact

_SENT_END = re.compile("[。！？!?；]$")
_PUNCT = re.compile("[，。；！？、：,.;!?:]")
_CLAUSES = re.compile("[，。；！？、,;!?\\s]+")
_HEADING_NUM = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)+|\d+[.．、]|第[一二三四五六七八九十百\d]+[章节条])")
CHROME_TOKENS = {"nav", "navbar", "menu", "footer", "foot", "sidebar", "side", "aside", "share", "comment",
                 "comments", "related", "breadcrumb", "breadcrumbs", "crumb", "copyright", "header", "topbar",
                 "recommend", "hot", "tags", "tag", "ad", "ads", "advert", "banner", "login", "toolbar",
                 "pager", "pagination", "social", "widget", "subnav", "friendlink", "links"}

# class/id words of article containers: the nearest of these or a chrome word decides (a Blogger
# "widget" wraps the post body; a "sidebar" nested in "content" is still a sidebar)
CONTENT_TOKENS = {"content", "article", "post", "entry", "body", "text", "story", "detail", "details",
                  "main", "zw", "zhengwen", "neirong", "maintext", "arc", "artical", "news"}


def chrome_hint(tokens) -> bool:
    """True when the nearest class/id word naming a region names chrome, not article content."""
    for t in reversed(tokens):
        if t in CHROME_TOKENS:
            return True
        if t in CONTENT_TOKENS:
            return False
    return False


@functools.cache
def rules() -> dict:
    return json.loads(resources.files("pipeline.data").joinpath("boilerplate.json").read_text("utf-8"))


@dataclass
class Line:
    index: int
    start: int
    end: int
    text: str
    hint: dict | None = None
    kind: str | None = None

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str, hints: list[dict] | None) -> list[Line]:
    out, pos = [], 0
    for i, t in enumerate(text.split("\n")):
        out.append(Line(i, pos, pos + len(t), t, hints[i] if hints and i < len(hints) else None))
        pos += len(t) + 1
    return out


def _is_sentence(s: str) -> bool:
    return bool(_SENT_END.search(s)) or len(_PUNCT.findall(s)) >= 2


def _norm(s: str) -> str:
    return re.sub(r"[\s，。；！？、：,.;!?:（）()“”\"']", "", s)


def find_title(lines: list[Line], head: dict) -> Line | None:
    """The repeated short line near the top, else the first headline-like line (HTML: h1/<title>)."""
    content = [l for l in lines if l.stripped][:20]
    head_title = head.get("og:title") or head.get("title")
    if head_title:
        found = _title_from_head(lines, head)
        if found is not None or any(l.hint for l in content):
            return found  # HTML: the page's own title wins over a guess (None: meta takes the head's)
    h1 = [l for l in content if l.hint and l.hint.get("level") == 1]
    if h1:
        return h1[0]
    seen: dict[str, Line] = {}
    for l in content:
        key = l.stripped
        if 6 <= len(key) <= 60 and not _is_sentence(key):
            if key in seen:
                return seen[key]
            seen[key] = l
    return _fallback_title(content)


def _fallback_title(content: list[Line]) -> Line | None:
    """The first headline-like line above the text: only lines before the first sentence-like line
    count (a subheading, a contact line or a paragraph further down is never the title), and never a
    numbered heading, a date, a byline or a line with personal data or contact keys."""
    r = rules()
    top: list[Line] = []
    for l in content[:8]:
        if _is_sentence(l.stripped):
            break
        top.append(l)

    def plain(s: str) -> bool:
        return (not _SENT_END.search(s) and not meta_mod.parse_date(s) and not _HEADING_NUM.match(s)
                and not find_placeholders(s) and not find_personal_data(s) and not is_byline(s, r)
                and not any(k.rstrip("：:") in s for k in r["contact_keys"]))

    for lo in (8, 4):  # a full headline first; a short one only when it stands right above the text
        for l in top:
            if lo <= len(l.stripped) <= 60 and plain(l.stripped):
                return l
        if len(top) > 2:
            break
    return None


def _title_from_head(lines: list[Line], head: dict) -> Line | None:
    """The line that <title>/og:title names: og:title or the whole <title> first, then one part of
    <title> split at its separators (标题_栏目_网站); a heading beats a plain line, the first wins."""
    wanted = [_norm(head[k]) for k in ("og:title", "title") if head.get(k)]
    if head.get("title"):
        wanted += [_norm(p) for p in meta_mod.split_title(head["title"]) if len(_norm(p)) >= 2]
    wanted = [w for w in wanted if w]
    best = None
    for l in [l for l in lines if l.stripped][:150]:
        n = _norm(l.stripped)
        if n not in wanted:
            continue
        rank = (wanted.index(n) > 1, not (l.hint and l.hint.get("level")))
        if best is None or rank < best[0]:
            best = (rank, l)
    return best[1] if best else None


@functools.cache
def _compiled() -> dict:
    """The line rules as sets, prefix tuples and one regex per substring list (C-speed matching)."""
    r = rules()
    alt = lambda xs: re.compile("|".join(map(re.escape, xs))) if xs else re.compile(r"(?!x)x")
    return {"widgets": set(r["widgets"]), "nav_exact": set(r["nav_exact"]), "nav_prefix": tuple(r["nav_prefix"]),
            "disclaimer_prefix": tuple(r["disclaimer_prefix"]), "disclaimer_contains": alt(r["disclaimer_contains"]),
            "footer_contains": alt(r["footer_contains"]), "breadcrumb_start": tuple(r["breadcrumb_start"]),
            "promo_contains": alt(r["promo_contains"])}


def classify_line(s: str, r: dict) -> str | None:
    """Kind of a line judged on its own (None: no rule fires)."""
    c = _compiled() if r is rules() else None
    if c is None:  # custom rules: plain matching
        c = {"widgets": r["widgets"], "nav_exact": r["nav_exact"], "nav_prefix": tuple(r["nav_prefix"]),
             "disclaimer_prefix": tuple(r["disclaimer_prefix"]), "breadcrumb_start": tuple(r["breadcrumb_start"]),
             **{k: re.compile("|".join(map(re.escape, r[k])) or r"(?!x)x")
                for k in ("disclaimer_contains", "footer_contains", "promo_contains")}}
    if s in c["widgets"]:
        return "widget"
    if s in c["nav_exact"] or s.rstrip("：:") in c["nav_exact"]:
        return "nav"
    if len(s) <= 40 and s.startswith(c["nav_prefix"]):
        return "nav"
    if s.startswith(c["disclaimer_prefix"]) or (
            # a phrase inside a line marks a site's disclaimer only in a short, unnumbered line:
            # statutes say 未经授权不得… and 禁止转载… in their articles too
            len(s) <= 100 and not _HEADING_NUM.match(s) and c["disclaimer_contains"].search(s)):
        return "disclaimer"
    if len(s) <= 200 and c["footer_contains"].search(s):
        return "footer"
    if s.startswith(c["breadcrumb_start"]) and re.search(r"[>»/›]", s):
        return "breadcrumb"
    if len(s) <= 120 and _is_contact(s, r) and (find_placeholders(s) or find_personal_data(s)):
        return "contact"
    if len(s) <= 60 and c["promo_contains"].search(s):
        return "promo"
    return None


def _is_contact(s: str, r: dict) -> bool:
    """A contact line labels its data (电话：…, 联系方式：…) or is little more than the data."""
    if len(s) <= 40 and not _is_sentence(s):
        return True
    return len(s) <= 120 and _contact_label_rx(tuple(r["contact_keys"])).search(s) is not None


@functools.cache
def _contact_label_rx(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(k.rstrip("：:")) for k in keys) + r").{0,3}[:：]")


def is_byline(s: str, r: dict) -> bool:
    if len(s) > 100 or _SENT_END.search(s):
        return False
    keys = sum(1 for k in r["byline_keys"] if k in s)
    return bool(meta_mod.parse_date(s) and (keys or len(s) <= 40)) or (keys and meta_mod.parse_author(s) is not None)


_CELL_TAGS = ("li", "dd", "dt", "td", "th")


def fact_date(l: Line, r: dict) -> bool:
    """A date stated as a fact in an infobox, list or table cell (百科: 出生日期 1975年1月28日（农历…）):
    a cell whose date has no time, no byline or date word, and comes with other text."""
    h = l.hint
    if not h or h.get("tag") not in _CELL_TAGS:
        return False
    s = l.stripped
    d = meta_mod.parse_date(s)
    return bool(d) and not d["has_time"] and len(d["text"]) < 0.6 * len(s) \
        and not any(k in s for k in _DATE_KEYS) and not any(k in s for k in r["byline_keys"])


def is_teaser(line: Line, rest: str) -> bool:
    """A copy of text that also stands elsewhere on the page (a truncated lead, headings run together)."""
    clauses = [c for c in _CLAUSES.split(line.stripped) if len(c) >= 4]
    if not clauses or len(line.stripped) < 20:
        return False
    covered = sum(len(c) for c in clauses if c in rest)
    return covered >= 0.6 * sum(len(c) for c in clauses)


_BADGE_SPAN = 8  # how far down the title may stand for the short lines above it to count as badges


def classify(lines: list[Line], head: dict) -> tuple[Line | None, dict]:
    r = rules()
    found: dict = {}
    nonempty = [l for l in lines if l.stripped]
    title = find_title(lines, head)
    title_text = title.stripped if title else None
    title_i = title.index if title else -1

    # HTML: DOM hints first (class/id of chrome containers, link-heavy blocks)
    for l in nonempty:
        h = l.hint
        if not h:
            continue
        if l is not title and (h.get("chrome") or chrome_hint(h.get("tokens", ()))):
            l.kind = "chrome"
        elif h.get("chars") and h.get("link_chars", 0) >= 0.6 * h["chars"] and not _is_sentence(l.stripped):
            l.kind = "links"

    # short lines above the title are badges/chrome only when the title stands among the first
    # lines and no sentence comes before it (else the "title" is a subheading found too far down)
    badges_ok = False
    if title is not None:
        before = [l for l in nonempty if l.index < title_i]
        badges_ok = len(before) <= _BADGE_SPAN and not any(_is_sentence(l.stripped) for l in before
                                                            if not l.kind)
    body_start = None
    for pos, l in enumerate(nonempty):
        s = l.stripped
        if l.kind or l is title:
            continue
        kind = classify_line(s, r)
        if kind is None and badges_ok and l.index < title_i and len(s) <= 20 and not _is_sentence(s):
            kind = "badge" if len(s) <= 8 else "chrome"
        if kind is None and title_text:
            if s == title_text:
                kind = "title_repeat"
            elif len(s) < len(title_text) and title_text.startswith(s) and not _is_sentence(s):
                kind = "keywords"
        if kind is None and s in r["lead_labels"]:
            kind = "lead_label"
        if kind is None and body_start is None and is_byline(s, r) and not fact_date(l, r):
            kind = "byline"
            found.setdefault("byline", s)
        if kind is None and body_start is None and l.index > title_i:
            rest = "\n".join(x.stripped for x in nonempty[pos + 1:])
            if is_teaser(l, rest):
                kind = "teaser"
        if kind is None and body_start is None and l.index > title_i:
            body_start = l.index
        l.kind = kind
    if any(l.hint for l in nonempty):
        runs = main_region(nonempty, title)
        found.update(scan_meta(nonempty, title, runs[0][1:] if runs else None))
    # a related/nav heading near the end takes the short lines after it with it
    tail_mode = False
    for l in nonempty:
        if l.kind == "nav" and l.index > (body_start or 0):
            tail_mode = True
        elif tail_mode and l.kind is None:
            if len(l.stripped) <= 40 and not _is_sentence(l.stripped):
                l.kind = "related"
            else:
                tail_mode = False
    return title, found


_CJK = re.compile(r"[\u4e00-\u9fff]")
_FULL_PUNCT = re.compile("[，。；！？、：“”（）《》]")
# kinds that sit inside an article (header lines) and must not split the main region
_NEUTRAL = {"byline", "title_repeat", "keywords", "lead_label", "teaser", "badge"}


def line_score(l: Line, title: Line | None) -> float:
    """Content evidence of one HTML line: + for prose, - for chrome, links and stray short lines.

    Counts characters, not words (Chinese has no spaces); full-width punctuation marks prose; link
    characters count against; lines already classed as chrome weigh against their length.
    """
    s = l.stripped
    h = l.hint or {}
    n = len(s)
    if l is title or l.kind in _NEUTRAL:
        return 0.0
    if l.kind:
        return -(5.0 + 0.5 * n)
    chars = h.get("chars") or n
    link = min(1.0, h.get("link_chars", 0) / chars) if chars else 0.0
    if link >= 0.5:
        return -(5.0 + 0.5 * n)
    cjk = len(_CJK.findall(s))
    punct = len(_FULL_PUNCT.findall(s))
    if punct or _is_sentence(s) or cjk >= 30:
        return (n + 2 * punct) * (1.0 - link) * (1.0 if cjk else 0.6)
    if h.get("level") or h.get("list") or h.get("tag") in ("td", "th", "tr"):
        return -0.5  # a heading, list item or table cell: kept when inside the region
    if not link and (cjk >= 4 or s.count(" ") >= 2):  # a plain short line: verse, a caption, a label
        return 0.3 * n - 1.0
    return -2.0 if n <= 20 else n * 0.2 * (1.0 - 2 * link)


def main_region(nonempty: list[Line], title: Line | None) -> list[tuple[float, int, int]]:
    """Keep the densest contiguous run of content lines (and any run at least half as strong).

    Several articles on one page: each contiguous run of prose is a candidate; the best run is the
    main content, and every other run scoring at least half of it (and at least 200) is kept too,
    so a page of several full articles keeps them all, while a teaser list, a comment or a sidebar
    blurb does not outweigh the article.  Lines outside the kept runs become ``outside_main``.
    """
    scores = [line_score(l, title) for l in nonempty]
    runs = []  # (score, start, end) of maximal-sum segments, found greedily
    taken = [False] * len(scores)
    while True:
        best, cur, cur_start, span = 0.0, 0.0, 0, None
        for i, sc in enumerate(scores):
            if taken[i]:
                cur, cur_start = 0.0, i + 1
                continue
            if cur <= 0:
                cur, cur_start = 0.0, i
            cur += sc
            if cur > best:
                best, span = cur, (cur_start, i + 1)
        if span is None or (runs and (best < 0.5 * runs[0][0] or best < 200)):
            break
        runs.append((best, *span))
        for i in range(*span):
            taken[i] = True
        if len(runs) >= 20:
            break
    if not runs:
        return runs
    for i, l in enumerate(nonempty):
        if not taken[i] and not l.kind and l is not title:
            l.kind = "outside_main"
    return runs


_DATE_KEYS = ("发布", "发表", "时间", "日期", "更新", "Posted", "posted")


def scan_meta(nonempty: list[Line], title: Line | None, region: tuple[int, int] | None) -> dict:
    """Author and date lines around the start of the main content and at its end (HTML pages).

    The header window runs from a few lines before the main region (the best run, see
    :func:`main_region`; and around the title) to two lines into it; the trailer is the last four
    lines of the region and the three after it (（记者 X）, （袁源）, 责任编辑：…).
    A date is taken from a short line of the header window only, never from prose.
    """
    out: dict = {}
    if region is None:
        content = [i for i, l in enumerate(nonempty) if l.kind is None and l is not title]
        if not content:
            return out
        region = (content[0], content[-1] + 1)
    first, end = region
    n = len(nonempty)
    idx = set(range(max(0, first - 12), min(n, first + 3)))
    for t, l in enumerate(nonempty):  # the title and its repeats (the article header sits there)
        if l is title or l.kind == "title_repeat":
            idx |= set(range(max(0, t - 2), min(n, t + 6)))
    header = sorted(idx)
    trailer = [i for i in range(max(0, end - 4), min(n, end + 3)) if i not in idx]
    inner = [i for i in range(first, end) if i not in idx and i not in trailer and len(nonempty[i].stripped) <= 40]
    best = None
    for group, where in ((header, "header"), (trailer, "trailer"), (inner, "inner")):
        for i in group:
            l = nonempty[i]
            if l.kind in ("links", "chrome") and l.hint and l.hint.get("link_chars", 0) >= l.hint.get("chars", 1):
                continue
            a = meta_mod.find_author(l.stripped, trailer=where == "trailer")
            if a is None and where == "header" and meta_mod.label_without_name(l.stripped):
                # 作者： with the name standing alone on one of the next two lines (after a subtitle)
                name = next((meta_mod.bare_name(nonempty[k].stripped) for k in range(i + 1, min(n, i + 3))
                             if meta_mod.bare_name(nonempty[k].stripped)), None)
                a = (0, name) if name else None
            if a and (best is None or a[0] < best[0]):
                best = a
    if best:
        out["author_rank"], out["author"] = best
    for i in header:
        s = nonempty[i].stripped
        if len(s) <= 80 or any(k in s for k in _DATE_KEYS):
            d = meta_mod.parse_date(s[:120])
            # a bare date inside the article text (an infobox birthday) is not the publication date
            if d and nonempty[i].kind is None and not d["has_time"] and not any(k in s for k in _DATE_KEYS) \
                    and first <= i < end and len(d["text"]) < 0.6 * len(s):
                continue
            if d and fact_date(nonempty[i], rules()):  # an infobox birthday, wherever it stands
                continue
            if d:
                out["date_line"] = s
                break
    else:  # a dated signature closing the article: 发表于 2004年12月27日 12:40, 作者：X 发表于 …
        for i in trailer:
            s = nonempty[i].stripped
            if len(s) <= 120 and any(k in s for k in _DATE_KEYS + ("作者",)) and meta_mod.parse_date(s):
                out["date_line"] = s
                break
    return out


def extract_meta(title: Line | None, found: dict, head: dict, config, url: str | None) -> dict:
    meta: dict = {"title": None, "author": None, "published": None, "site": None}
    assumed: list[str] = []
    if title is not None:
        meta["title"] = title.stripped
    elif head.get("og:title"):
        meta["title"] = head["og:title"].strip()
    elif head.get("title"):
        meta["title"], _ = meta_mod.strip_site_suffix(head["title"])
    if head.get("title"):
        _, meta["site"] = meta_mod.strip_site_suffix(head["title"], head.get("og:site_name"))
    # 标题 网站名: a site name appended with a plain space is recognised because the page shows
    # it on its own elsewhere (logo h1, navigation, footer)
    if title is None and meta["title"] and " " in meta["title"]:
        head_part, _, last = meta["title"].rpartition(" ")
        if 2 <= len(last) <= 12 and last in found.get("chrome_texts", ()) and len(head_part) >= 4:
            meta["title"] = head_part.strip()
            meta["site"] = meta["site"] or last
    meta["site"] = head.get("og:site_name") or meta["site"]
    byline = found.get("byline", "")
    head_author = meta_mod.plausible_meta_author(head.get("author") or head.get("article:author"))
    scanned = found.get("author") if found.get("author_rank", 0) != 3 or not head_author else None
    meta["author"] = (meta_mod.parse_author(byline) if byline else None) or scanned or head_author
    year_hint = None
    if url:
        m = re.search(r"(20\d{2}|19\d{2})", url)
        year_hint = int(m.group(1)) if m else None
    date = None
    for cand in (byline, found.get("date_line"), head.get("article:published_time"), head.get("publishdate"), head.get("pubdate"),
                 head.get("publish_date"), head.get("date"), head.get("dc.date")):
        if cand:
            date = meta_mod.parse_date(cand, year_hint)
            if date:
                break
    if date:
        meta["published"], zone_assumed = meta_mod.with_zone(date, config.assume_timezone)
        if date.get("day_first"):
            assumed.append("published: day/month/year order assumed for a slashed date")
        if zone_assumed:
            assumed.append(f"published: time zone {config.assume_timezone} assumed (none in the source)")
    source = meta_mod.parse_source(byline) if byline else None
    if source:
        meta["source_name"] = source
    for key in ("description", "keywords", "og:description"):
        if head.get(key):
            meta[key.replace("og:", "")] = head[key]
    if head.get("lang"):
        meta["lang"] = head["lang"]
    meta["assumed"] = assumed
    if not config.keep_personal_data:
        meta = {k: (redact(v) if isinstance(v, str) else v) for k, v in meta.items()}
    return meta


def boilerplate(doc: Document, config) -> Document:
    tracked = doc.tracked
    head = doc.meta.get("_head", {})
    lines = split_lines(tracked.text, doc.blocks)
    title, found = classify(lines, head)
    removed = []
    for l in lines:
        if l.kind:
            rs, re_ = tracked.raw_span(l.start, l.end)
            text = l.text if config.keep_personal_data else redact(l.text)
            removed.append({"kind": l.kind, "text": text.strip(), "raw_start": rs, "raw_end": re_})
    keep = [l for l in lines if not l.kind and l.stripped]
    edits = _layout_edits(tracked.text, keep)
    new = tracked.apply(edits)
    found["chrome_texts"] = {l.stripped for l in lines if l.kind or (l.hint or {}).get("level") == 1}
    meta = extract_meta(title, found, head, config, doc.source.get("url"))
    blocks = None
    if doc.blocks:
        blocks = [doc.blocks[l.index] if l.index < len(doc.blocks) else None for l in keep]
    return doc.evolve(tracked=new, boilerplate=removed, meta=meta, blocks=blocks)


def _layout_edits(text: str, keep: list[Line]) -> list[Edit]:
    """Edits that leave exactly the kept lines, joined by single newlines."""
    edits: list[Edit] = []
    pos = 0
    for i, l in enumerate(keep):
        if l.start > pos or i:
            edits.append(Edit(pos, l.start, "\n" if i else "", "layout"))
        pos = l.end
    if pos < len(text):
        edits.append(Edit(pos, len(text), "", "layout"))
    # an edit that replaces a single "\n" by "\n" changes nothing: drop it (keeps exact provenance)
    return [e for e in edits if text[e.start:e.end] != e.new]
