"""Suspected gaps: places where the source site deleted a word.

Three detectors, each cheap and explainable:

* a stray space inside a Chinese sentence (the space fix removes it and reports it here);
* a truncated word: a character that, by jieba's dictionary, almost always begins a longer word,
  standing alone right before a function word or punctuation (``催收问也`` -> 问[题]);
* a grammatical frame with its middle missing (``在享受金融服务的也应`` -> 的[同时]也).

Suggestions come from the domain data (``data/gaps.json``): a cue earlier in the clause
(拨打 … -> 电话), the word after the gap (… 催收 -> 电话), the completion of the truncated word.
The text is only changed when the user asks for fills (``Config.fill_gaps``).
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

from ..text.chars import is_han
from ..nlp.jieba_tok import dictionary_freq

_CLAUSE_END = "，。；！？\n"


@functools.cache
def gap_data() -> dict:
    return json.loads(resources.files("pipeline.data").joinpath("gaps.json").read_text("utf-8"))


@functools.cache
def _constructions():
    return [(re.compile(c["pattern"]), c) for c in gap_data()["constructions"]]


@functools.cache
def _completions() -> dict[str, tuple[str, int]]:
    """First character -> (most frequent two-character word it begins, that word's frequency)."""
    freq = dictionary_freq()
    best: dict[str, tuple[str, int]] = {}
    for w, f in freq.items():
        if len(w) == 2 and f and is_han(w[0]) and is_han(w[1]):
            if f > best.get(w[0], ("", 0))[1]:
                best[w[0]] = (w, f)
    return best


def suggest(text: str, pos: int) -> tuple[str | None, float]:
    """Best fill for a gap at ``pos`` in ``text`` and its confidence."""
    data = gap_data()
    start = max(text.rfind(c, 0, pos) for c in _CLAUSE_END) + 1
    clause = text[start:pos]
    after = text[pos:pos + 4]
    for col in data["collocations"]:
        if col["cue"] in clause and col["fill"] not in clause[clause.rfind(col["cue"]):]:
            return col["fill"], col["confidence"]
    for word, cands in data["before_word"].items():
        if after.startswith(word):
            return cands[0][0], cands[0][1]
    return None, 0.3


def truncated_words(text: str) -> list[dict]:
    """Single characters cut off from a frequent word (see module docs)."""
    cfg = gap_data()["truncation"]
    followers, freq, comp = cfg["followers"], dictionary_freq(), _completions()
    out = []
    for i in range(1, len(text) - 1):
        x, z = text[i], text[i + 1]
        if z not in followers or x not in comp or not is_han(text[i - 1]):
            continue
        word, wf = comp[x]
        if wf < cfg["min_word_freq"] or wf < cfg["min_ratio"] * freq.get(x, 0):
            continue
        # jieba's table also holds every word prefix with frequency 0: only real words count
        if any(freq.get(text[max(0, i - k):i + 1], 0) for k in (1, 2, 3)) or freq.get(x + z, 0):
            continue
        out.append({"pos": i + 1, "suggestion": word[1], "confidence": 0.6, "reason": "truncated_word"})
    return out


def frames(text: str) -> list[dict]:
    out = []
    for rx, c in _constructions():
        for m in rx.finditer(text):
            out.append({"pos": m.end(), "suggestion": c["fill"], "confidence": c["confidence"], "reason": "frame"})
    return out


def detect(text: str) -> list[dict]:
    """Gaps found without a space marking them (positions in ``text``)."""
    found = {g["pos"]: g for g in frames(text)}
    for g in truncated_words(text):
        found.setdefault(g["pos"], g)
    return [found[p] for p in sorted(found)]
