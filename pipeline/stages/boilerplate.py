"""Stage 3: remove page chrome, keep it (with its kind and raw position), fill ``meta``.

Works on lines: page text has one block per line already, and HTML was turned into lines with DOM
hints by the decode stage.  Each line gets a kind (``None`` for article content) from rules over
the line itself and its neighbours (see ``data/boilerplate.json``); HTML lines also use link
density and class/id hints.  Removed lines leave the text through edits, so provenance holds.
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
        t, _ = meta_mod.strip_site_suffix(head_title)
        for l in content:
            if _norm(l.stripped) == _norm(t) or (l.hint and l.hint.get("level") == 1 and _norm(t).startswith(_norm(l.stripped))):
                return l
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
    for l in content[:8]:
        s = l.stripped
        if 8 <= len(s) <= 60 and not _SENT_END.search(s) and not meta_mod.parse_date(s) and not _HEADING_NUM.match(s):
            return l
    return None


def classify_line(s: str, r: dict) -> str | None:
    """Kind of a line judged on its own (None: no rule fires)."""
    if s in r["widgets"]:
        return "widget"
    if s in r["nav_exact"] or s.rstrip("：:") in r["nav_exact"]:
        return "nav"
    if any(s.startswith(p) for p in r["nav_prefix"]) and len(s) <= 40:
        return "nav"
    if any(s.startswith(p) for p in r["disclaimer_prefix"]) or any(c in s for c in r["disclaimer_contains"]):
        return "disclaimer"
    if any(c in s for c in r["footer_contains"]) and len(s) <= 200:
        return "footer"
    if any(s.startswith(b) for b in r["breadcrumb_start"]) and re.search(r"[>»/›]", s):
        return "breadcrumb"
    if (find_placeholders(s) or find_personal_data(s)) and _is_contact(s, r):
        return "contact"
    if any(c in s for c in r["promo_contains"]) and len(s) <= 60:
        return "promo"
    return None


def _is_contact(s: str, r: dict) -> bool:
    """A contact line labels its data (电话：…, 联系方式：…) or is little more than the data."""
    if len(s) <= 40 and not _is_sentence(s):
        return True
    return len(s) <= 120 and any(re.search(re.escape(k.rstrip("：:")) + r".{0,3}[:：]", s) for k in r["contact_keys"])


def is_byline(s: str, r: dict) -> bool:
    if len(s) > 100 or _SENT_END.search(s):
        return False
    keys = sum(1 for k in r["byline_keys"] if k in s)
    return bool(meta_mod.parse_date(s) and (keys or len(s) <= 40)) or (keys and meta_mod.parse_author(s) is not None)


def is_teaser(line: Line, rest: str) -> bool:
    """A copy of text that also stands elsewhere on the page (a truncated lead, headings run together)."""
    clauses = [c for c in _CLAUSES.split(line.stripped) if len(c) >= 4]
    if not clauses or len(line.stripped) < 20:
        return False
    covered = sum(len(c) for c in clauses if c in rest)
    return covered >= 0.6 * sum(len(c) for c in clauses)


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
        if set(h.get("tokens", ())) & CHROME_TOKENS and l is not title:
            l.kind = "chrome"
        elif h.get("chars") and h.get("link_chars", 0) >= 0.6 * h["chars"] and not _is_sentence(l.stripped):
            l.kind = "links"

    body_start = None
    for pos, l in enumerate(nonempty):
        s = l.stripped
        if l.kind or l is title:
            continue
        kind = classify_line(s, r)
        if kind is None and l.index < title_i and len(s) <= 20 and not _is_sentence(s):
            kind = "badge" if len(s) <= 8 else "chrome"
        if kind is None and title_text:
            if s == title_text:
                kind = "title_repeat"
            elif len(s) < len(title_text) and title_text.startswith(s) and not _is_sentence(s):
                kind = "keywords"
        if kind is None and s in r["lead_labels"]:
            kind = "lead_label"
        if kind is None and body_start is None and is_byline(s, r):
            kind = "byline"
            found.setdefault("byline", s)
        if kind is None and body_start is None and l.index > title_i:
            rest = "\n".join(x.stripped for x in nonempty[pos + 1:])
            if is_teaser(l, rest):
                kind = "teaser"
        if kind is None and body_start is None and l.index > title_i:
            body_start = l.index
        l.kind = kind
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


def extract_meta(title: Line | None, found: dict, head: dict, config, url: str | None) -> dict:
    meta: dict = {"title": None, "author": None, "published": None, "site": None}
    assumed: list[str] = []
    if title is not None:
        meta["title"] = title.stripped
    elif head.get("og:title") or head.get("title"):
        meta["title"], _ = meta_mod.strip_site_suffix(head.get("og:title") or head["title"])
    if head.get("title"):
        _, meta["site"] = meta_mod.strip_site_suffix(head["title"], head.get("og:site_name"))
    meta["site"] = head.get("og:site_name") or meta["site"]
    byline = found.get("byline", "")
    meta["author"] = (meta_mod.parse_author(byline) if byline else None) or head.get("author") or head.get("article:author")
    year_hint = None
    if url:
        m = re.search(r"(20\d{2}|19\d{2})", url)
        year_hint = int(m.group(1)) if m else None
    date = None
    for cand in (byline, head.get("article:published_time"), head.get("publishdate"), head.get("pubdate"),
                 head.get("publish_date"), head.get("date"), head.get("dc.date")):
        if cand:
            date = meta_mod.parse_date(cand, year_hint)
            if date:
                break
    if date:
        meta["published"], zone_assumed = meta_mod.with_zone(date, config.assume_timezone)
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
