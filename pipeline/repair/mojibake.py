"""Mojibake: text decoded with the wrong codec, repaired line by line.

Each line (split on "\\n" only: ``str.splitlines`` also breaks on U+0085, which occurs inside
Latin-1 mojibake) is re-encoded with the codec it was wrongly read with and decoded with the one it
was written in.  A candidate replaces the line only when the plausibility score says it is clearly
better, so clean text is never touched.  ftfy (with a CJK-safe configuration) handles the cases it
knows (UTF-8 read as cp1252/Latin-1, HTML entities); the Chinese code-page confusions are ours.
"""
from __future__ import annotations

import functools
import re

import ftfy

from ..offsets import Edit
from ..text.chars import plausibility
from .script import diff_edits

# (name, codec the text was wrongly read with, codec it was really written in)
CONFUSIONS = (
    ("utf8_as_latin1", "cp1252", "utf-8"),
    ("utf8_as_latin1", "latin-1", "utf-8"),
    ("utf8_as_gbk", "gb18030", "utf-8"),
    ("gbk_as_latin1", "cp1252", "gb18030"),
    ("gbk_as_latin1", "latin-1", "gb18030"),
    ("big5_as_latin1", "cp1252", "big5hkscs"),
    ("big5_as_latin1", "latin-1", "big5hkscs"),
)
MARGIN = 2.0  # a repair must gain at least this much plausibility (and 20 % of the line length)
_SUSPECT_LATIN = re.compile("[\u0080-\u024f\u2018-\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")


@functools.cache
def ftfy_config() -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        fix_character_width=False, uncurl_quotes=False, fix_latin_ligatures=False,
        normalization=None, unescape_html=False, remove_terminal_escapes=True,
        fix_line_breaks=False, explain=False,
    )


def _candidates(line: str):
    if _SUSPECT_LATIN.search(line):
        for name, wrong, right in CONFUSIONS:
            if "latin1" not in name:
                continue
            try:
                yield name, line.encode(wrong).decode(right)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        fixed = ftfy.fix_text(line, ftfy_config())
        if fixed != line:
            yield "ftfy", fixed
    try:
        b = line.encode("gb18030")
        if b != line.encode("utf-8", "ignore") and not line.isascii():
            yield "utf8_as_gbk", b.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass


def repair_line(line: str, depth: int = 2) -> tuple[str, str] | None:
    """(repaired line, kind) when a candidate is clearly more plausible; double encodings by recursion."""
    base = plausibility(line)
    best = None
    for kind, cand in _candidates(line):
        gain = plausibility(cand) - base
        if gain >= MARGIN and gain >= 0.2 * len(cand) and (best is None or gain > best[2]):
            best = (cand, kind, gain)
    if best is None:
        return None
    cand, kind = best[0], best[1]
    if depth > 1:
        again = repair_line(cand, depth - 1)
        if again:
            return again[0], f"{kind}+{again[1]}"
    return cand, kind


def mojibake(text: str) -> list[Edit]:
    """Repair lines that are UTF-8/GBK/Big5 read with the wrong codec (see module docs)."""
    out: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if line and not line.isascii():
            fixed = repair_line(line)
            if fixed:
                out.extend(Edit(pos + e.start, pos + e.end, e.new, f"mojibake_{fixed[1]}") for e in diff_edits(line, fixed[0], ""))
        pos += len(line) + 1
    return out
