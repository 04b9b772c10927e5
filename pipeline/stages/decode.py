"""Stage 1: bytes to text.

The encoding is chosen in this order, and the reason is recorded in ``source.encoding_reason``:
byte-order mark; strict UTF-8; a declared charset (HTTP header or ``<meta charset>``) that decodes
cleanly and is plausible (gb2312/gbk are read as their superset gb18030; a declaration can lie);
GB18030 against Big5-HKSCS by plausibility score, with UTF-8 whose invalid parts are read as
GB18030 or Big5-HKSCS (a page that mixes encodings, :func:`mixed_utf8`); charset-normalizer as the
last resort.
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
           "cp936": "gb18030", "windows-936": "gb18030", "csgb2312": "gb18030", "euc-cn": "gb18030",
           "big5": "big5hkscs", "x-big5": "big5hkscs", "cp950": "big5hkscs", "big5-hkscs": "big5hkscs",
           "utf8": "utf-8", "unicode": "utf-8", "iso-8859-1": "cp1252", "latin1": "cp1252",
           "us-ascii": "utf-8", "ascii": "utf-8",
           # a page read far enough to find its <meta> is ASCII-compatible (WHATWG): not UTF-16
           "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8"}
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|div|p|table|article|title)\b", re.I)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CJK = re.compile("[\u2e80-\u9fff\uf900-\uffef]")
# a declared charset that decodes cleanly is kept unless another decoding reads better by more than
# this much per non-ASCII character (plus a constant): a GBK page declared big5 still decodes as
# Big5-HKSCS, but into rare characters
DECLARED_MARGIN = (2.0, 0.1)
# UTF-8 with a few invalid bytes (a damaged page) competes with the Chinese code pages
UTF8_MAX_BAD = 0.01
# valid UTF-8 CJK characters per invalid byte from which a page is read as mixed UTF-8
MIXED_MIN_UTF8 = 0.1


class DecodeError(ValueError):
    pass


def sniff_format(data: bytes) -> str:
    head = data[:4096].lstrip()
    return "html" if _HTML_SNIFF.search(head) and head[:1] == b"<" or _HTML_SNIFF.search(data[:2048]) and b"</" in data[:65536] else "text"


def declared_charset(data: bytes) -> str | None:
    m = _META.search(data[:16384]) or _XML_DECL.search(data[:1024])
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


def _strict(data: bytes, enc: str) -> str | None:
    """Strict decoding; a page cut inside its last character still counts (that character
    becomes U+FFFD).  None when the bytes are not in ``enc``."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        if e.start < len(data) - 3:
            return None
        try:
            return data[:e.start].decode(enc) + "\ufffd"
        except UnicodeDecodeError:
            return None
    except LookupError:
        return None


def _score(text: str) -> tuple[float, int]:
    """(plausibility of the non-ASCII characters, how many there are): the ASCII markup is the
    same under every ASCII-compatible decoding, so only the rest tells them apart."""
    na = "".join(_NON_ASCII.findall(text[:200000]))[:50000]
    return plausibility(na), len(na)


# invalid UTF-8 bytes (surrogateescape's lone surrogates) and the non-ASCII characters around them:
# bytes of a GBK/Big5 run can happen to form valid UTF-8 sequences (d2 bb -> һ, e5 a3 ac -> 壬)
# Big5 (and GBK's extension) trail bytes include ASCII 0x40-0x7e: after an invalid byte (or a
# character that bytes of the run formed by chance: two-byte letters, supplementary planes), such a
# character may belong to the run
_CHANCE = "\udc81-\udcfe\u0080-\u07ff\U00010000-\U0010ffff"
_INVALID_RUN = re.compile(f"(?:[^\\x00-\\x7f]|(?<=[{_CHANCE}])[\\x40-\\x7e])*[\\udc80-\\udcff]"
                          f"(?:[^\\x00-\\x7f]|(?<=[{_CHANCE}])[\\x40-\\x7e])*")
_ESCAPED = re.compile("[\udc80-\udcff]")


def _best_reading(raw: bytes, as_utf8: str) -> tuple[str, str]:
    """(encoding, text) of ``raw``, invalid as UTF-8: GB18030 or Big5-HKSCS when one decodes it
    cleanly and reads better, per character, than the UTF-8 reading with U+FFFD for what is
    invalid; else that UTF-8 reading."""
    fallback = _ESCAPED.sub("\ufffd", as_utf8)
    best, best_score = ("replaced", fallback), plausibility(fallback) / max(1, len(fallback))
    for enc in ("gb18030", "big5hkscs"):
        try:
            t = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(t) / max(1, len(t))
        if score > best_score and score > 0:
            best, best_score = (enc, t), score
    return best


def mixed_utf8(data: bytes) -> tuple[str, list[dict]]:
    """UTF-8 with parts in another encoding (a GBK footer or ad pasted into a UTF-8 page).  Line by
    line: each run of invalid bytes, with the characters its bytes formed by chance, is read as
    GB18030 or Big5-HKSCS when that reads better (:func:`_best_reading`); where a run still fails,
    the whole line read so is taken if it reads better than the line so far.  What is left invalid
    becomes U+FFFD.  Returns the text and one record per part read ``{kind: mixed_encoding,
    before: the bytes (hex, shortened), after, raw_start, raw_end, detail}``, positions in the
    returned text."""
    lines: list[str] = []
    records: list[dict] = []
    size = 0
    for k, line in enumerate(data.split(b"\n")):
        s = line.decode("utf-8", errors="surrogateescape")
        if not _ESCAPED.search(s):
            lines.append(s)
            size += len(s) + 1
            continue
        parts, recs, at = [], [], 0
        for m in _INVALID_RUN.finditer(s):
            parts.append(s[at:m.start()])
            run = m.group().encode("utf-8", errors="surrogateescape")
            enc, text = _best_reading(run, m.group())
            start = size + sum(map(len, parts))
            recs.append(_mixed_record(run, text, start, enc))
            parts.append(text)
            at = m.end()
        parts.append(s[at:])
        text = "".join(parts)
        if any(r["detail"] == "replaced" for r in recs):
            enc, whole = _best_reading(line, s)
            if enc != "replaced" and plausibility(whole) / max(1, len(whole)) > plausibility(text) / max(1, len(text)):
                text, recs = whole, [_mixed_record(line, whole, size, enc)]
        lines.append(text)
        records += recs
        size += len(text) + 1
    return "\n".join(lines), records


def _mixed_record(raw: bytes, text: str, start: int, enc: str) -> dict:
    return {"kind": "mixed_encoding", "before": raw[:24].hex(" ") + (" …" if len(raw) > 24 else ""),
            "after": text, "raw_start": start, "raw_end": start + len(text), "detail": enc}


def decode_bytes(data: bytes, declared: str | None = None, forced: str | None = None) -> tuple[str, str, str]:
    """Return (text, encoding, reason).  ``declared`` is the HTTP charset; the page's own
    ``<meta>`` (or XML) declaration is read here."""
    return decode_explained(data, declared, forced)[:3]


def decode_explained(data: bytes, declared: str | None = None,
                     forced: str | None = None) -> tuple[str, str, str, list[dict]]:
    """:func:`decode_bytes` plus the repair records of the decoding: the runs of another encoding
    read inside a UTF-8 page (:func:`mixed_utf8`), when that reading is the one chosen."""
    mixed: list = []  # [text, records] of the mixed UTF-8 reading, when one was made
    text, enc, reason = _decode(data, declared, forced, mixed)
    return text, enc, reason, (mixed[1] if mixed and text is mixed[0] else [])


def _decode(data: bytes, declared: str | None, forced: str | None, mixed: list) -> tuple[str, str, str]:
    if forced:
        enc = normalise_name(forced)
        return data.decode(enc, errors="replace"), enc, "forced by config"
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc, "byte-order mark"
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 8:
        raise DecodeError("binary input (NUL bytes)")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8", "strict UTF-8"
    decls = []
    if declared:
        decls.append(("HTTP charset", declared))
    meta = declared_charset(data)
    if meta:
        decls.append(("declared charset", meta))
    candidates: dict[str, str] = {}
    declared_enc = None
    for where, name in decls:
        try:
            enc = normalise_name(name)
        except DecodeError:
            continue
        text = _strict(data, enc)
        if text is not None:
            candidates[enc] = text
            declared_enc = declared_enc or (enc, f"{where} {name}")
    for enc in ("gb18030", "big5hkscs"):
        if enc not in candidates:
            text = _strict(data, enc)
            if text is not None:
                candidates[enc] = text
    u8 = data.decode("utf-8", errors="replace")
    bad, read = u8.count("\ufffd"), 0
    # partly UTF-8: read the invalid parts as the other encoding they may be in.  The bytes of a
    # GBK or Big5 page form valid UTF-8 CJK characters by chance at under 5 % of its invalid bytes
    # (measured on the encoding bench's pages): below MIXED_MIN_UTF8 it is not worth the work
    if len(_CJK.findall(u8)) >= MIXED_MIN_UTF8 * bad:
        u8, runs = mixed_utf8(data)
        mixed[:] = [u8, runs]
        bad = u8.count("\ufffd")
        read = sum(r["detail"] != "replaced" for r in runs)
    if bad <= UTF8_MAX_BAD * max(1, len(_NON_ASCII.findall(u8[:200000]))):
        candidates.setdefault("utf-8", u8)
    scores = {e: _score(t) for e, t in candidates.items()}
    rejected = ""
    if declared_enc:
        enc, why = declared_enc
        s, n = scores[enc]
        best = max(scores, key=lambda e: scores[e][0])
        if best == enc or scores[best][0] - s <= DECLARED_MARGIN[0] + DECLARED_MARGIN[1] * n:
            return candidates[enc], enc, why
        rejected = f" ({why} rejected)"
    elif decls:
        rejected = " (" + ", ".join(f"{w} {n}" for w, n in decls) + " does not decode)"
    if candidates:
        best = max(candidates, key=lambda e: scores[e][0])
        s, n = scores[best]
        if s >= 0 or n == 0:
            reason = "plausibility score" if best != "utf-8" else (
                f"UTF-8 with runs of another encoding ({read} runs{f', {bad} bytes replaced' if bad else ''})"
                if read else f"UTF-8 with {bad} invalid bytes replaced")
            return candidates[best], best, reason + rejected
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        if candidates:
            return candidates[best], best, "plausibility score (nothing reads well)" + rejected
        return data.decode("utf-8", errors="replace"), "utf-8", "undecodable: UTF-8 with replacement"
    return str(match), match.encoding, "charset-normalizer (last resort)"


def decode(doc: Document, config) -> Document:
    """Bytes to text; HTML to block lines with their DOM hints and head metadata."""
    if doc.data is None:  # given as str
        raw, enc, reason, records = doc.raw, "str", "given as text", []
        fmt = sniff_format(raw[:65536].encode("utf-8", "ignore"))
    else:
        data = doc.data
        if len(data) > config.max_bytes:
            raise DecodeError(f"input is {len(data)} bytes, over max_bytes={config.max_bytes}")
        fmt = sniff_format(data)
        # runs of another encoding inside UTF-8 are repairs like any other
        raw, enc, reason, records = decode_explained(data, doc.source.get("http_charset"), config.encoding)
    repairs = doc.repairs + records
    source = dict(doc.source, encoding=enc, encoding_reason=reason, format=fmt)
    if fmt == "html":
        from ..html import html_to_lines

        tracked, hints, head, ruby = html_to_lines(raw, drop_ruby="ruby_annotations" in config.fixes)
        return doc.evolve(raw=raw, data=None, tracked=tracked, blocks=hints, source=source,
                          meta=dict(doc.meta, _head=head), repairs=repairs + ruby)
    return doc.evolve(raw=raw, data=None, tracked=TrackedText.identity(raw), source=source, repairs=repairs)
