"""Stage 1: bytes to text.

The encoding is chosen in this order, and the reason is recorded in ``source.encoding_reason``:
byte-order mark; strict UTF-8; a declared charset (HTTP header or ``<meta charset>``) that decodes
cleanly and is plausible (gb2312/gbk are read as their superset gb18030; a declaration can lie);
GB18030 against Big5-HKSCS by plausibility score; charset-normalizer as the last resort.
HTML is then turned into lines with DOM hints (see :mod:`pipeline.html`).
"""
from __future__ import annotations

import codecs
import re

from ..document import Document
from ..offsets import TrackedText
from ..text.chars import plausibility

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
           "cp936": "gb18030", "big5": "big5hkscs", "x-big5": "big5hkscs", "cp950": "big5hkscs",
           "utf8": "utf-8", "unicode": "utf-8", "iso-8859-1": "cp1252", "latin1": "cp1252",
           "us-ascii": "utf-8", "ascii": "utf-8"}
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|div|p|table|article|title)\b", re.I)


class DecodeError(ValueError):
    pass


def sniff_format(data: bytes) -> str:
    head = data[:4096].lstrip()
    return "html" if _HTML_SNIFF.search(head) and head[:1] == b"<" or _HTML_SNIFF.search(data[:2048]) and b"</" in data[:65536] else "text"


def declared_charset(data: bytes) -> str | None:
    m = _META.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    return ALIASES.get(name, name)


def normalise_name(name: str) -> str:
    name = name.strip().lower()
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise DecodeError(f"unknown encoding {name!r}") from None


def decode_bytes(data: bytes, declared: str | None = None, forced: str | None = None) -> tuple[str, str, str]:
    """Return (text, encoding, reason)."""
    if forced:
        enc = normalise_name(forced)
        return data.decode(enc, errors="replace"), enc, "forced by config"
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc, "byte-order mark"
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 8:
        raise DecodeError("binary input (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", "strict UTF-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, str] = {}
    declared = declared or declared_charset(data)
    if declared:
        try:
            enc = normalise_name(declared)
            text = data.decode(enc)
            if plausibility(text[:20000]) > 0:
                return text, enc, f"declared charset {declared}"
            candidates[enc] = text
        except (UnicodeDecodeError, DecodeError, LookupError):
            pass
    for enc in ("gb18030", "big5hkscs"):
        try:
            candidates.setdefault(enc, data.decode(enc))
        except UnicodeDecodeError:
            continue
    if candidates:
        best = max(candidates, key=lambda e: plausibility(candidates[e][:50000]))
        reason = "plausibility score" + (f" (declared {declared} rejected)" if declared else "")
        return candidates[best], best, reason
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        return data.decode("utf-8", errors="replace"), "utf-8", "undecodable: UTF-8 with replacement"
    return str(match), match.encoding, "charset-normalizer (last resort)"


def decode(doc: Document, config) -> Document:
    """Bytes to text; HTML to block lines with their DOM hints and head metadata."""
    if doc.data is None:  # given as str
        raw, enc, reason = doc.raw, "str", "given as text"
        fmt = sniff_format(raw[:65536].encode("utf-8", "ignore"))
    else:
        data = doc.data
        if len(data) > config.max_bytes:
            raise DecodeError(f"input is {len(data)} bytes, over max_bytes={config.max_bytes}")
        fmt = sniff_format(data)
        raw, enc, reason = decode_bytes(data, doc.source.get("http_charset"), config.encoding)
    source = dict(doc.source, encoding=enc, encoding_reason=reason, format=fmt)
    if fmt == "html":
        from ..html import html_to_lines

        tracked, hints, head = html_to_lines(raw)
        return doc.evolve(raw=raw, data=None, tracked=tracked, blocks=hints, source=source,
                          meta=dict(doc.meta, _head=head))
    return doc.evolve(raw=raw, data=None, tracked=TrackedText.identity(raw), source=source)
