"""Character classes and the plausibility score used to choose between decodings and repairs.

The score is a sum over characters: common Chinese characters and ordinary ASCII count for a
text, rare Han characters count a little against, and the debris that wrong decodings leave
(replacement characters, private-use and control characters, Latin-1 letters between Han
characters, box drawing, half-width katakana) counts heavily against.  A candidate repair is
accepted only when it scores clearly better than the text it would replace.
"""
from __future__ import annotations

import functools
import unicodedata


@functools.cache
def common_han() -> frozenset[str]:
    """GB2312 level-1 and Big5 level-1 characters: the ~6,000 most used simplified and traditional."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes([hi, lo]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(c for c in chars if is_han(c))


def is_han(c: str) -> bool:
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x3134F
        or 0xF900 <= o <= 0xFAFF
    )


CJK_PUNCT = set("，。、；：？！「」『』（）《》〈〉【】“”‘’…—～·〔〕")


def is_cjk_context(c: str) -> bool:
    """Han character or full-width Chinese punctuation."""
    return is_han(c) or c in CJK_PUNCT


@functools.cache
def _char_weight(c: str) -> float:
    o = ord(c)
    if c in common_han():
        return 1.0
    if is_han(c):
        return -0.5 if o < 0x20000 else -2.0
    if o < 0x80:
        if c.isprintable() or c in "\n\t\r":
            return 0.25
        return -4.0
    if c == "\ufffd":
        return -6.0
    cat = unicodedata.category(c)
    if cat == "Co" or cat == "Cs":  # private use, surrogate
        return -5.0
    if cat == "Cc" or cat == "Cf":
        return -4.0
    if c in CJK_PUNCT or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
        return 0.5
    if 0x80 <= o <= 0x24F:  # Latin-1 supplement and extended: mojibake debris in Chinese text
        return -1.5
    if 0x2500 <= o <= 0x259F or 0xFF61 <= o <= 0xFF9F or 0xE000 <= o <= 0xF8FF:
        return -3.0
    if 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF:  # kana, hangul: legitimate but rare here
        return -0.5
    if 0x0370 <= o <= 0x052F:  # Greek, Cyrillic: typical of GBK-as-cp1251/UTF-8 confusions
        return -1.0
    return 0.0


def plausibility(text: str) -> float:
    """Sum of per-character weights (higher is more like real Chinese text)."""
    w = _char_weight
    return sum(w(c) for c in text)


def plausibility_per_char(text: str) -> float:
    return plausibility(text) / max(1, len(text))
