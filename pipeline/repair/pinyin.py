"""Inline pinyin glosses: ``消費(fèi)``, ``關（ɡuān）``, ``关(guan1)``, ``消費(xiāofèi)``.

A parenthesis after Han characters is a gloss only when its content spells readings of those very
characters (checked with pypinyin's heteronym dictionary, traditional characters included):

* strong evidence: a toned reading (marks or digits) of the characters -> always removed;
* weak evidence: a toneless reading -> removed only when the document also has strong glosses.

So ``北京(Beijing)``, ``艾滋病(AIDS)``, ``选项(A)`` and ``价格(元)`` stay: their contents are not
readings of the characters before them.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..offsets import Edit

_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêÊɑɡńňǹḿ"
# the bracketed reading; the Han characters before it are found by looking back (up to 8), which
# gives the same matches as a leading ``[\u3400-\u9fff]{1,8}`` group without trying the pattern at
# every Han character of the text
_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff])([(（])\s*([{_LETTERS}]{{1,40}}[1-5]?(?:[\s'’·-]?[{_LETTERS}]{{1,8}}[1-5]?){{0,7}})\s*([)）])"
)
_HAN_BEFORE = re.compile(r"[\u3400-\u9fff]{1,8}$")
_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")


def _fold(s: str) -> str:
    """Lower-case, ɡ→g, ɑ→a, ü→v-neutral form, separators removed."""
    s = s.lower().replace("ɡ", "g").replace("ɑ", "a").replace("ü", "v")
    return re.sub(r"[\s'’·-]", "", s)


def _toneless(s: str) -> str:
    d = unicodedata.normalize("NFD", s)
    d = "".join(c for c in d if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", d).replace("ü", "v")


@functools.cache
def _table() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Single-character readings exported from pypinyin (bench/build_pinyin_table.py): the same
    answers as ``pypinyin.pinyin(ch, heteronym=True)`` without its 55 MB phrase dictionary."""
    import gzip
    from importlib import resources

    raw = resources.files("pipeline.data").joinpath("pinyin_readings.tsv.gz").read_bytes()
    out = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        ch, marks, digits = line.split("\t")
        out[ch] = (tuple(marks.split(",")) if marks else (), tuple(digits.split(",")) if digits else ())
    return out


@functools.lru_cache(maxsize=65536)
def readings(ch: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(tone-marked, tone-digit, toneless) readings of one character.

    The tone-digit set also holds the toneless readings: a word glossed with digits leaves its
    neutral-tone syllables bare (pypinyin's own TONE3 output: ``的其(deqi2)``, ``意思(yi4si)``),
    and any syllable can be neutral inside a word.  A digit gloss still needs one digit."""
    marks, digits = _table().get(ch, ((), ()))
    m = frozenset(_fold(r) for r in marks)
    d = frozenset(_fold(r) for r in digits)
    plain = frozenset(_toneless(r) for r in m) | frozenset(re.sub(r"\d", "", r) for r in d)
    return m, d | plain, plain


def _spell(chars: str, gloss: str, kind: int) -> bool:
    """Can ``gloss`` be split into one reading (of sort ``kind``) per character of ``chars``?"""
    if not chars:
        return not gloss
    for r in readings(chars[0])[kind]:
        if r and gloss.startswith(r) and _spell(chars[1:], gloss[len(r):], kind):
            return True
    return False


def match_gloss(han: str, gloss: str) -> tuple[int, str] | None:
    """(number of glossed characters at the end of ``han``, "strong"|"weak") or None."""
    if gloss != gloss.lower() and not re.search(r"[1-5]", gloss) and not any(c in _TONE_MARKS for c in gloss.lower()):
        return None  # capitalised romanisation (北京(Beijing)) is a translation, not a gloss
    g = _fold(gloss)
    toned = any(c in _TONE_MARKS for c in g)
    digits = bool(re.search(r"[1-5]", g))
    for k in range(1, len(han) + 1):
        chars = han[-k:]
        if toned and _spell(chars, g, 0):
            return k, "strong"
        if digits and _spell(chars, g, 1):
            return k, "strong"
        if not toned and not digits and _spell(chars, g, 2):
            return k, "weak"
    return None


def find_glosses(text: str) -> list[tuple[Edit, str]]:
    """All gloss candidates with their evidence; edits delete the bracketed reading."""
    out = []
    for m in _GLOSS.finditer(text):
        han = _HAN_BEFORE.search(text, max(0, m.start() - 8), m.start()).group()
        hit = match_gloss(han, m.group(2))
        if hit:
            out.append((Edit(m.start(1), m.end(3), "", "pinyin_gloss", hit[1]), hit[1]))
    return out


def pinyin_glosses(text: str) -> list[Edit]:
    """Remove inline pinyin glosses: strong ones always, weak ones when strong ones are present."""
    if "(" not in text and "（" not in text:
        return []
    found = find_glosses(text)
    has_strong = any(ev == "strong" for _, ev in found)
    return [e for e, ev in found if ev == "strong" or has_strong]
