"""The tagging lexicon: data files in ``pipeline/data/lexicon`` (see docs/lexicon.md)."""
from __future__ import annotations

import functools
import json
from importlib import resources

LABELS = ("collection_method", "abusive_practice", "right", "obligation", "authority", "institution", "law")
USER_WORD_FREQ = 20000  # explicit frequency for lexicon terms in jieba (determinism)


@functools.cache
def load(label: str) -> dict:
    path = resources.files("pipeline.data").joinpath("lexicon").joinpath(f"{label}.json")
    return json.loads(path.read_text("utf-8"))


@functools.cache
def _to_traditional():
    import opencc

    return [opencc.OpenCC(p).convert for p in ("s2t", "s2tw", "s2hk")]


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


def to_simplified(text: str) -> str:
    """Simplified-script form of a name (ids are simplified)."""
    return _t2s()(text)


def variants(term: str) -> set[str]:
    """The term and its traditional forms, so text kept in the source script still matches."""
    out = {term}
    for conv in _to_traditional():
        out.add(conv(term))
    return out


@functools.cache
def terms() -> tuple[tuple[str, str, str, str], ...]:
    """(surface, label, id, canonical term) for every term and alias, in all scripts."""
    rows: list[tuple[str, str, str, str]] = []
    for label in LABELS:
        data = load(label)
        for e in data["entries"]:
            words = list(e.get("terms", []))
            if label == "law":
                words = [e["id"], *e.get("aliases", [])]
                if e["id"].startswith("中华人民共和国"):
                    words.append(e["id"][len("中华人民共和国"):])
            for w in words:
                for v in variants(w):
                    rows.append((v, label, e["id"], w))
    return tuple(sorted(set(rows)))


@functools.cache
def law_index() -> dict[str, dict]:
    idx = {}
    for e in load("law")["entries"]:
        names = [e["id"], *e.get("aliases", [])]
        if e["id"].startswith("中华人民共和国"):
            names.append(e["id"][len("中华人民共和国"):])
        for n in names:
            for v in variants(n):
                idx[v] = e
    return idx


@functools.cache
def cues() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    out = []
    for label in LABELS:
        for e in load(label)["entries"]:
            for c in e.get("cues", []):
                out.append((label, e["id"], tuple(c)))
    return tuple(out)


def user_words() -> tuple[tuple[str, int], ...]:
    return tuple(sorted({(t[0], USER_WORD_FREQ) for t in terms() if len(t[0]) > 1}))


@functools.cache
def place_names() -> frozenset[str]:
    """Place names that may start an institution name even though they are common words."""
    return frozenset(load("institution").get("place_names", []))
