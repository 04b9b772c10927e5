"""Mojibake: text decoded with the wrong codec, repaired line by line.

Each line (split on "\\n" only: ``str.splitlines`` also breaks on U+0085, which occurs inside
Latin-1 mojibake) is re-encoded with the codec it was wrongly read with and decoded with the one it
was written in.  Two kinds of evidence decide:

* UTF-8 that decodes *strictly* after re-encoding (as Latin-1/cp1252 — the browser form of cp1252
  that keeps the five undefined bytes as C1 controls — or as GB18030) is almost never an accident:
  it is unwrapped first, layer by layer (double encodings), when the plausibility per character
  does not drop;
* the Chinese code-page confusions (GBK or Big5 read as Latin-1/cp1252) are accepted when the
  plausibility score (:mod:`pipeline.text.chars`) is clearly better than the line's.

Lossy corruptions leave U+FFFD where a byte was dropped (cp1252's five undefined bytes, a UTF-8
byte that a GBK decoder could not pair).  Those lines are rebuilt byte by byte: each missing byte
is chosen among the values it can have so that the UTF-8 character around it is valid and the most
frequent; such edits carry ``detail='lossy'``.  Clean text is never touched, but it is not free:
only ASCII lines are skipped by a single regex test; every other line pays a GB18030 encode and a
strict UTF-8 decode attempt first (UTF-8 read as GBK), and the code-page confusions are only tried
on lines holding a character a Latin-1/cp1252 reading produces.
"""
from __future__ import annotations

import functools
import itertools
import math
import re

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

from ..offsets import Edit
from ..text.chars import plausibility
from .script import diff_edits

# (name, codec the text was wrongly read with, codec it was really written in)
CONFUSIONS = (
    ("gbk_as_latin1", "latin-1", "gb18030"),
    ("gbk_as_latin1", "sloppy-windows-1252", "gb18030"),
    ("big5_as_latin1", "latin-1", "big5hkscs"),
    ("big5_as_latin1", "sloppy-windows-1252", "big5hkscs"),
)
MARGIN = 2.0  # a plausibility-only repair must gain this much (and 20 % of the line length)
# characters a Latin-1/cp1252 reading of non-ASCII bytes produces
_LATIN = "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_SUSPECT_LATIN = re.compile(f"[{_LATIN}]")
_ALL_LATIN = re.compile(f"[\\x00-\\x7f{_LATIN}\ufffd]*")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# cp1252's undefined bytes: what a lossy cp1252 decoder turned into U+FFFD
_CP1252_HOLES = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
_CONTINUATION = bytes(range(0x80, 0xC0))


def _per_char(s: str) -> float:
    return plausibility(s) / max(1, len(s))


@functools.cache
def char_freq() -> dict[str, int]:
    """Character frequency from jieba's word list (sum over the words holding the character)."""
    from ..nlp.jieba_tok import dictionary_freq

    out: dict[str, int] = {}
    for w, f in dictionary_freq().items():
        if f:
            for c in w:
                out[c] = out.get(c, 0) + f
    return out


def _word_freq() -> dict[str, int]:
    from ..nlp.jieba_tok import dictionary_freq

    return dictionary_freq()


def _unwrap_utf8(line: str) -> tuple[str, str] | None:
    """Strict UTF-8 hidden under a Latin-1/cp1252 or GB18030 reading, or None."""
    if _ALL_LATIN.fullmatch(line):
        for wrong in ("latin-1", "sloppy-windows-1252"):
            try:
                return line.encode(wrong).decode("utf-8"), "utf8_as_latin1"
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        return None
    try:
        b = line.encode("gb18030")
    except UnicodeEncodeError:
        return None
    if len(b) < 6:
        return None  # a character or two of GBK decodes as UTF-8 by accident too often
    try:
        return b.decode("utf-8"), "utf8_as_gbk"
    except UnicodeDecodeError:
        return None


# characters jieba's word list does not hold: sentence punctuation, by how often it ends a line
_PUNCT_PRIOR = {"。": 3_000_000, "，": 2_000_000, "、": 1_000_000, "；": 500_000, "：": 500_000,
                "）": 300_000, "（": 300_000, "“": 300_000, "”": 300_000, "？": 100_000, "！": 100_000}


def _char_at(buf: bytearray, i: int) -> tuple[int, int]:
    """Byte span of the UTF-8 character that byte ``i`` belongs to (by its lead byte)."""
    s = i
    while s > 0 and i - s < 3 and 0x80 <= buf[s] < 0xC0:
        s -= 1
    lead = buf[s]
    n = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 1
    return s, s + n


def _fill_holes(parts: list[bytes], options: bytes) -> str | None:
    """UTF-8 from byte runs separated by one lost byte each.  The holes of one character are
    filled together with the values that make it valid UTF-8 and most likely: its own frequency
    plus the words it forms with its neighbours (jieba's dictionary).  None when a hole cannot be
    filled."""
    buf = bytearray(parts[0])
    holes = []
    for p in parts[1:]:
        holes.append(len(buf))
        buf.append(0x80)
        buf += p
    cf, wf = char_freq(), _word_freq()
    i = 0
    while i < len(holes):
        group = [holes[i]]
        while len(options) < 8 and i + len(group) < len(holes) and holes[i + len(group)] - group[0] < 4:
            group.append(holes[i + len(group)])
        if len(options) ** len(group) > 5000:
            return None
        best, best_score = None, -1.0
        for combo in itertools.product(options, repeat=len(group)):
            for h, o in zip(group, combo):
                buf[h] = o
            s, _ = _char_at(buf, group[0])
            _, e = _char_at(buf, group[-1])
            if e <= group[-1] or e > len(buf):
                continue
            try:
                chars = bytes(buf[s:e]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            left = bytes(buf[max(0, s - 9):s]).decode("utf-8", "ignore")[-3:]
            right = bytes(buf[e:e + 12]).decode("utf-8", "ignore")[:3]
            score = sum(math.log1p(cf.get(c, 0) or _PUNCT_PRIOR.get(c, 0)) for c in chars)
            # words of 2-4 characters through the rebuilt characters, by jieba's frequencies
            ctx, a, b = left + chars + right, len(left), len(left) + len(chars)
            for x in range(max(0, a - 3), b):
                for y in range(max(x + 2, a + 1), min(len(ctx), x + 4) + 1):
                    f = wf.get(ctx[x:y], 0)
                    if f:
                        score += 2 * math.log1p(f)
            if score > best_score:
                best, best_score = combo, score
        if best is None:
            return None
        for h, o in zip(group, best):
            buf[h] = o
        i += len(group)
    try:
        return bytes(buf).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _lossy(line: str) -> tuple[str, str] | None:
    """Rebuild a line whose mojibake lost bytes (each U+FFFD one byte)."""
    pieces = line.split("\ufffd")
    if _ALL_LATIN.fullmatch(line):
        for wrong in ("latin-1", "sloppy-windows-1252"):
            try:
                parts = [p.encode(wrong) for p in pieces]
            except UnicodeEncodeError:
                continue
            fixed = _fill_holes(parts, _CP1252_HOLES)
            if fixed is not None:
                return fixed, "utf8_as_latin1"
        return None
    try:
        parts = [p.encode("gb18030") for p in pieces]
    except UnicodeEncodeError:
        return None
    fixed = _fill_holes(parts, _CONTINUATION)
    return (fixed, "utf8_as_gbk") if fixed is not None else None


def _codepage(line: str) -> tuple[str, str] | None:
    """Best GBK/Big5-read-as-Latin-1 candidate by plausibility, if clearly better."""
    if not _SUSPECT_LATIN.search(line):
        return None
    base = plausibility(line)
    best = None
    for name, wrong, right in CONFUSIONS:
        try:
            cand = line.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        gain = plausibility(cand) - base
        if gain >= MARGIN and gain >= 0.2 * len(cand) and (best is None or gain > best[2]):
            best = (cand, name, gain)
    return (best[0], best[1]) if best else None


def repair_line(line: str, depth: int = 3) -> tuple[str, str, bool] | None:
    """(repaired line, kind, lossy) when the line is mojibake; layers are peeled up to ``depth``."""
    cur, kinds, lossy = line, [], False
    for _ in range(depth):
        if cur.isascii():
            break
        step = None
        un = _unwrap_utf8(cur)
        # strict multi-byte UTF-8 under an all-Latin line is decisive (its C1 debris may show a
        # further layer); under a GB18030 reading it must also read better
        if un and un[0] != cur and (un[1] == "utf8_as_latin1" or _per_char(un[0]) >= _per_char(cur) + 0.05):
            step = un
        if step is None and "\ufffd" in cur:
            lo = _lossy(cur)
            if lo and _per_char(lo[0]) >= _per_char(cur) + 0.3:
                step, lossy = lo, True
        if step is None:
            step = _codepage(cur)
        if step is None:
            break
        cur = step[0]
        kinds.append(step[1])
    if not kinds:
        return None
    return cur, "+".join(kinds), lossy


def mojibake(text: str) -> list[Edit]:
    """Repair lines that are UTF-8/GBK/Big5 read with the wrong codec (see module docs)."""
    out: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if line and _NON_ASCII.search(line):
            fixed = repair_line(line)
            if fixed:
                detail = "lossy" if fixed[2] else None
                out.extend(Edit(pos + e.start, pos + e.end, e.new, f"mojibake_{fixed[1]}", detail)
                           for e in diff_edits(line, fixed[0], ""))
            elif _SUSPECT_LATIN.search(line):
                out.extend(_mixed_runs(line, pos))
        pos += len(line) + 1
    return out


# a run of what UTF-8 read as Latin-1/cp1252 leaves behind (no ASCII: UTF-8 keeps ASCII as is)
_LATIN_RUN = re.compile(f"[{_LATIN}]{{2,}}")
_REAL_PUNCT = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u2022\u00b7"


def _mixed_runs(line: str, pos: int) -> list[Edit]:
    """A line that mixes mojibake with text that is not (real Chinese, full-width letters, pinyin
    glosses): the whole line cannot be re-encoded, so each run of Latin-1/cp1252 debris is
    repaired on its own — only when it is strict UTF-8 underneath, the decisive evidence."""
    out = []
    for m in _LATIN_RUN.finditer(line):
        # real curly quotes, dashes and ellipses may stand right beside the debris: trim them
        a, b = m.start(), m.end()
        for a2, b2 in ((a, b), (a + len(m.group()) - len(m.group().lstrip(_REAL_PUNCT)),
                                b - len(m.group()) + len(m.group().rstrip(_REAL_PUNCT)))):
            run = line[a2:b2]
            un = _unwrap_utf8(run) if len(run) >= 2 else None
            if un and un[0] != run and un[1] == "utf8_as_latin1" and not _SUSPECT_LATIN.search(un[0]):
                out.extend(Edit(pos + a2 + e.start, pos + a2 + e.end, e.new, "mojibake_utf8_as_latin1")
                           for e in diff_edits(run, un[0], ""))
                break
    return out
