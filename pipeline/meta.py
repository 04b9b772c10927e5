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
_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<src>[^\s|｜]{2,30})")
_STOP_AFTER_NAME = re.compile(r"(浏览|阅读|来源|发布|时间|日期|编辑|点击|评论|分享|\d).*$")
TITLE_SEPARATORS = re.compile(r"\s*(?:[-_|｜–—]|——)\s*")


def parse_date(s: str, year_hint: int | None = None) -> dict | None:
    """{'value': ISO 8601 string, 'has_time', 'has_zone', 'text'} or None."""
    m = _DATE.search(s)
    if m:
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
        S = int(m["S"]) if "S" in m.groupdict() and m["S"] else 0
        if H > 23 or M > 59 or S > 59:
            has_time = False
        else:
            value += f"T{H:02d}:{M:02d}:{S:02d}"
    tz = m.groupdict().get("tz")
    if tz and has_time:
        value += "+00:00" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:])
    return {"value": value, "has_time": has_time, "has_zone": bool(tz and has_time), "text": m.group(0).strip()}


def with_zone(date: dict, zone: str) -> tuple[str, bool]:
    """ISO value with a zone; True when the zone was assumed."""
    if date["has_zone"] or not date["has_time"]:
        return date["value"], False
    return date["value"] + zone, True


def parse_author(s: str) -> str | None:
    m = _AUTHOR.search(s)
    if not m:
        return None
    name = _STOP_AFTER_NAME.sub("", m["name"]).strip(" 、，,")
    return name or None


def parse_source(s: str) -> str | None:
    m = _SOURCE.search(s)
    return m["src"] if m else None


def strip_site_suffix(title: str, site: str | None = None) -> tuple[str, str | None]:
    """'文章标题_网站名' -> ('文章标题', '网站名'): the longest part is the title."""
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip(), site
    best = max(parts, key=len)
    rest = [p for p in parts if p is not best]
    return best.strip(), site or (rest[-1].strip() if rest else None)
