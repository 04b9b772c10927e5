"""Traditional to simplified script with OpenCC, word-aware and region-aware.

OpenCC's ``t2s`` keeps 著 in 隨著 (it cannot tell the particle 着 from 著作's 著); the Taiwan
profile ``tw2s`` segments phrases and gets 随着/接着/看着 right while keeping 著作/显著, so it is
the default for traditional text; ``hk2s`` is used when Cantonese-only characters show the text is
from Hong Kong.  The conversion is applied as edits: character by character when the converter
kept the length (the usual case, checked), otherwise through a real alignment (difflib), so
offsets stay exact either way.
"""
from __future__ import annotations

import difflib
import functools
import re

from ..offsets import Edit

_HK_MARKERS = re.compile("[嘅咗冇佢哋喺嚟啲嘢乜冚]")
# share of Han characters that OpenCC changes above which a document is treated as traditional
TRADITIONAL_SHARE = 0.02


@functools.cache
def converter(profile: str):
    import opencc

    return opencc.OpenCC(profile)


def profile_for(text: str) -> str:
    return "hk2s" if len(_HK_MARKERS.findall(text)) >= 3 else "tw2s"


# the Han blocks counted (CJK Extension A, Unified Ideographs, Compatibility Ideographs)
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
_HAN = re.compile("[" + "".join(f"{chr(a)}-{chr(b - 1)}" for a, b in _HAN_RANGES) + "]")


@functools.cache
def _traditional_chars() -> re.Pattern:
    """Characters OpenCC's t2s changes on their own (one conversion of the Han blocks, ~10 ms)."""
    chars = [chr(i) for r in _HAN_RANGES for i in range(*r)]
    conv = converter("t2s").convert("\n".join(chars)).split("\n")
    trad = "".join(a for a, b in zip(chars, conv) if a != b)
    return re.compile(f"[{trad}]")


def traditional_share(text: str) -> float:
    """Share of Han characters that OpenCC's t2s changes.

    A cheap check first: a text with no character that t2s changes on its own is simplified (the
    usual case: no conversion at all), one where such characters are far below the threshold is
    too; only the others are converted to count exactly."""
    trad = len(_traditional_chars().findall(text))
    if not trad:
        return 0.0
    han = len(_HAN.findall(text))
    if not han:
        return 0.0
    if trad < han * TRADITIONAL_SHARE / 4:
        return trad / han
    conv = converter("t2s").convert(text)
    if len(conv) != len(text):
        return 1.0
    changed = sum(1 for a, b in zip(text, conv) if a != b)
    return changed / han


def diff_edits(old: str, new: str, kind: str) -> list[Edit]:
    if len(old) == len(new):
        edits, i, n = [], 0, len(old)
        while i < n:
            if old[i] != new[i]:
                j = i
                while j < n and old[j] != new[j]:
                    j += 1
                edits.append(Edit(i, j, new[i:j], kind))
                i = j
            else:
                i += 1
        return edits
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [Edit(a0, a1, new[b0:b1], kind) for op, a0, a1, b0, b1 in sm.get_opcodes() if op != "equal"]


def script(text: str) -> list[Edit]:
    """Convert traditional text to simplified (documents that are mostly simplified are left alone)."""
    if traditional_share(text) < TRADITIONAL_SHARE:
        return []
    profile = profile_for(text)
    out: list[Edit] = []
    pos = 0
    conv = converter(profile).convert
    lines = text.split("\n")
    # one OpenCC call for the whole text; lines are then aligned one by one (small and local)
    converted = conv(text).split("\n")
    if len(converted) != len(lines):  # never seen: OpenCC keeps line breaks; convert per line
        converted = [conv(line) for line in lines]
    for line, new in zip(lines, converted):
        if new != line:
            out.extend(Edit(pos + e.start, pos + e.end, e.new, f"script_{profile}") for e in diff_edits(line, new, ""))
        pos += len(line) + 1
    return out
