"""Metadata from bylines and HTML heads: dates in Chinese formats, authors, titles, sites."""
from __future__ import annotations

import re

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:[T ]|日)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?"
)
_SHORT_DATE = re.compile(r"(?<!\d)(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d{2}))?")
_AUTHOR = re.compile(
    r"(?:作者|撰文|记者|文|编辑|责任编辑|责编|通讯员|主编)\s*[:：/｜|]\s*"
    r"(?P<name>[\u4e00-\u9fff·]{2,12}(?:[ 、，,][\u4e00-\u9fff·]{2,4}){0,3}|[A-Za-z][\w .-]{1,40})"
)
_NAME = r"[\u4e00-\u9fff·]{2,4}"
# ranked author cues: an explicit label with a colon, a reporter credit, a 文/ credit, an editor
_AUTHOR_CUES = (
    (0, re.compile(r"(?:作者|撰文)\s*[:：/｜|]\s*(?P<name>[\u4e00-\u9fff·]{2,12}|[A-Za-z][\w.-]{1,30}(?![\w.=-]))")),
    (1, re.compile(r"记者\s*[:：]?\s*(?P<name>" + _NAME + r"(?:[ 、，,]" + _NAME + r"){0,3})\s*(?:$|[/）)]|\s)")),
    (2, re.compile(r"(?:^|[（(\s])文\s*[/｜|:：]\s*(?P<name>" + _NAME + r")")),
    (2, re.compile(r"(?:^|[（(\s])(?P<name>" + _NAME + r")\s*/\s*文")),
    (3, re.compile(r"(?:责任编辑|责编|编辑|通讯员)\s*[:：]\s*(?P<name>" + _NAME + r"(?:[ 、，,]" + _NAME + r"){0,2})")),
)
# 来源：尹娟 — a source that is a personal name (2-3 characters, no organisation suffix)
_SOURCE_PERSON = re.compile(r"^来源\s*[:：]\s*(?P<name>[\u4e00-\u9fff]{2,3})$")
_ORG_END = tuple("网报社台刊部局会院站厅委所办室司团组")
_BARE_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_EMPTY_LABEL = re.compile(r"(?:作者|撰文)\s*[:：](?![\s]*[\u4e00-\u9fffA-Za-z][\u4e00-\u9fff\w]*(?!\s*=))")
_TRAILER_NAME = re.compile(r"^[（(]\s*(?P<name>" + _NAME + r")\s*[）)]$")
_DMY = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})"
                  r"(?:\s*-?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AP]M)?)?", re.I)
_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<src>[^\s|｜]{2,30})")
_STOP_AFTER_NAME = re.compile(r"(浏览|阅读|来源|发布|时间|日期|编辑|点击|评论|分享|\d).*$")
TITLE_SEPARATORS = re.compile(r"\s*(?:[-_|｜–—]|——)\s*")


def parse_date(s: str, year_hint: int | None = None) -> dict | None:
    """{'value': ISO 8601 string, 'has_time', 'has_zone', 'text'} or None."""
    m = _DATE.search(s)
    dmy = None
    if not m:
        dmy = _DMY.search(s)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    elif dmy:  # 06/02/2022: day first, as the Chinese-language sites using slashes write it
        m = dmy
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = _SHORT_DATE.search(s)
        if not m or year_hint is None:
            return None
        y, mo, d = year_hint, int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    has_time = m["H"] is not None
    if has_time:
        H, M = int(m["H"]), int(m["M"])
        ampm = (m.groupdict().get("ampm") or "").upper()
        if ampm == "PM" and H < 12:
            H += 12
        elif ampm == "AM" and H == 12:
            H = 0
        S = int(m["S"]) if "S" in m.groupdict() and m["S"] else 0
        if H > 23 or M > 59 or S > 59:
            has_time = False
        else:
            value += f"T{H:02d}:{M:02d}:{S:02d}"
    tz = m.groupdict().get("tz")
    if tz and has_time:
        value += "+00:00" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:])
    return {"value": value, "has_time": has_time, "has_zone": bool(tz and has_time), "text": m.group(0).strip(),
            "day_first": dmy is not None}


def with_zone(date: dict, zone: str) -> tuple[str, bool]:
    """ISO value with a zone; True when the zone was assumed."""
    if date["has_zone"] or not date["has_time"]:
        return date["value"], False
    return date["value"] + zone, True


_ROLE_PREFIX = re.compile(r"^(?:本报|本刊|本台|本网|新华社)?(?:特约)?(?:记者|通讯员)\s*(?=[\u4e00-\u9fff·]{2})")


def _clean_name(name: str) -> str:
    """'记者王敬照' (作者：记者王敬照) -> '王敬照'; names are never cut below two characters."""
    return _ROLE_PREFIX.sub("", _STOP_AFTER_NAME.sub("", name).strip(" 、，,")).strip(" 、，,")


def parse_author(s: str) -> str | None:
    m = _AUTHOR.search(s)
    if not m:
        return None
    name = _clean_name(m["name"])
    return name or None


def find_author(s: str, trailer: bool = False) -> tuple[int, str] | None:
    """(rank, name) of the best author cue in a line (rank 0 best), or None.

    Chinese names have no spaces; several names are separated by spaces or 、.  ``trailer``: the
    line closes an article, where a bare parenthesised name (（袁源）) credits the author.
    """
    if len(s) > 120:
        return None
    best = None
    for rank, rx in _AUTHOR_CUES:
        m = rx.search(s)
        if m:
            name = _clean_name(m["name"])
            if len(name) >= 2 and (best is None or rank < best[0]):
                best = (rank, name)
                break
    if best is None:
        m = _SOURCE_PERSON.match(s.strip())
        if m and not m["name"].endswith(_ORG_END):
            best = (5, m["name"])
    if best is None and trailer:
        m = _TRAILER_NAME.match(s.strip())
        if m:
            best = (4, m["name"])
    return best


def label_without_name(s: str) -> bool:
    """作者： with no name after it (the name stands on the next line, or in broken markup)."""
    return len(s) <= 120 and ("作者" in s or "撰文" in s) and find_author(s) is None


def bare_name(s: str) -> str | None:
    s = s.strip()
    return s if _BARE_NAME.match(s) else None


def plausible_meta_author(v: str | None) -> str | None:
    """An author from a <meta> tag, unless it is a URL, a software team or a list of publishers."""
    if not v or "http" in v or "www." in v or re.search(r"\bTeam\b", v) or v.count(",") + v.count("，") >= 2:
        return None
    return v.strip() or None


def parse_source(s: str) -> str | None:
    m = _SOURCE.search(s)
    return m["src"] if m else None


_OPEN, _CLOSE = "(（[【《〈「『", ")）]】》〉」』"


def _bracket_depth(s: str) -> int:
    return sum(s.count(c) for c in _OPEN) - sum(s.count(c) for c in _CLOSE)


def split_title(title: str) -> list[str]:
    """<title> split at its separators (标题_栏目_网站), never inside brackets: 'A - B (C - D)' is
    ['A', 'B (C - D)'], not ['A', 'B (C', 'D)']."""
    pieces = re.split(r"(\s*(?:[-_|｜–—]|——)\s*)", title)
    parts: list[str] = []
    cur, depth = "", 0
    for k, piece in enumerate(pieces):
        if k % 2 and depth <= 0:  # a separator outside brackets ends a part
            parts.append(cur)
            cur = ""
            continue
        cur += piece
        if k % 2 == 0:
            depth += _bracket_depth(piece)
    parts.append(cur)
    if depth > 0:  # a bracket never closed: the brackets say nothing, split at every separator
        parts = TITLE_SEPARATORS.split(title)
    return [p for p in parts if p.strip()]


def _site_name(part: str) -> str | None:
    """A <title> part that can name a site: short, with no brackets left open or standing alone."""
    part = part.strip()
    if not part or len(part) > 30 or any(c in part for c in _OPEN + _CLOSE):
        return None
    return part


def strip_site_suffix(title: str, site: str | None = None) -> tuple[str, str | None]:
    """'文章标题_网站名' -> ('文章标题', '网站名'): the first part is the title unless it is short."""
    parts = split_title(title)
    if len(parts) < 2:
        return title.strip(), site
    # Chinese sites put the title first (标题_栏目_网站); a very short first part is a site prefix
    best = parts[0] if len(parts[0].strip()) >= 4 or len(parts[0]) >= 0.5 * max(map(len, parts)) else max(parts, key=len)
    rest = [p for p in parts if p is not best]
    return best.strip(), site or (_site_name(rest[-1]) if rest else None)
