"""Registered spaCy components that tag a Doc (see docs/tagging.md).

Every component appends plain mention dicts to ``doc._.mentions`` (character offsets into
``doc.text``, label, id, evidence, confidence); ``zhdoc_finalize`` merges duplicates, sets
polarity and exposes them as ``doc.spans["zhdoc"]`` and (non-overlapping) ``doc.ents``.
Terms are matched on characters (Aho-Corasick), not on jieba tokens, so a term that crosses a
token boundary is still found; token boundaries are used only to reject a short term that cuts
two words apart (同事 in 共同事业).
"""
from __future__ import annotations

import functools
import re

import ahocorasick
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import lexicon
from .numerals import parse_number

for _name, _default in (("mentions", None), ("outline", None), ("gaps", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("id", "polarity", "evidence", "confidence", "info"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

CLAUSE_PUNCT = "，,；;。！？!?\n：:"
SENTENCE_PUNCT = "。！？!?\n；;"


def _mentions(doc: Doc) -> list[dict]:
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def _token_edges(doc: Doc) -> set[int]:
    edges = {0, len(doc.text)}
    for t in doc:
        edges.add(t.idx)
        edges.add(t.idx + len(t.text))
    return edges


# -- terms ------------------------------------------------------------------------------------
@functools.cache
def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    table: dict[str, list[tuple[str, str, str]]] = {}
    for surface, label, id_, canon in lexicon.terms():
        table.setdefault(surface, []).append((label, id_, canon))
    for surface, rows in table.items():
        auto.add_word(surface, (surface, tuple(rows)))
    auto.make_automaton()
    return auto


@functools.cache
def _filters() -> dict[tuple[str, str], dict]:
    out = {}
    for label in lexicon.LABELS:
        for e in lexicon.load(label)["entries"]:
            if "not_followed_by" in e or "not_preceded_by" in e:
                out[(label, e["id"])] = e
    return out


def _context_ok(text: str, start: int, end: int, label: str, id_: str) -> bool:
    f = _filters().get((label, id_))
    if f:
        if any(text.startswith(w, end) for w in f.get("not_followed_by", [])):
            return False
        if any(text.endswith(w, 0, start) for w in f.get("not_preceded_by", [])):
            return False
    return True


@Language.component("zhdoc_terms")
def match_terms(doc: Doc) -> Doc:
    text = doc.text
    edges = _token_edges(doc)
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    for end_idx, (surface, rows) in _automaton().iter(text):
        end = end_idx + 1
        start = end - len(surface)
        if surface.isdigit() and (
            (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())
        ):
            continue
        if len(surface) <= 2 and start not in edges and end not in edges:
            continue
        for label, id_, canon in rows:
            if _context_ok(text, start, end, label, id_):
                found.setdefault(label, []).append((start, end, id_, canon))
    out = _mentions(doc)
    for label, spans in found.items():
        # leftmost-longest within a label: a longer term hides the shorter ones inside it
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, id_, canon in spans:
            if start < last_end:
                continue
            out.append({"label": label, "id": id_, "start": start, "end": end, "evidence": "term",
                        "confidence": 0.9, "term": canon})
            last_end = end
    return doc


# -- cues (token patterns) ---------------------------------------------------------------------
@Language.factory("zhdoc_cues")
def make_cues(nlp: Language, name: str):
    matcher = Matcher(nlp.vocab)
    keys: dict[int, tuple[str, str]] = {}
    for i, (label, id_, seq) in enumerate(lexicon.cues()):
        pattern: list[dict] = []
        for j, word in enumerate(seq):
            if j:
                pattern.append({"TEXT": {"NOT_IN": list(CLAUSE_PUNCT)}, "OP": "{0,6}"})
            pattern.append({"TEXT": word})
        key = f"cue{i}"
        matcher.add(key, [pattern], greedy="FIRST" if len(seq) > 1 else None)
        keys[nlp.vocab.strings[key]] = (label, id_)

    def cues(doc: Doc) -> Doc:
        out = _mentions(doc)
        for match_id, s, e in matcher(doc):
            label, id_ = keys[match_id]
            span = doc[s:e]
            out.append({"label": label, "id": id_, "start": span.start_char, "end": span.end_char,
                        "evidence": "cue", "confidence": 0.8 if e - s > 1 else 0.7})
        return doc

    return cues


# -- institutions (name + suffix) ---------------------------------------------------------------
@functools.cache
def _institution_rx() -> tuple[re.Pattern, frozenset[str]]:
    data = lexicon.load("institution")
    suffixes = sorted(data["suffixes"], key=len, reverse=True)
    rx = re.compile(r"([\u4e00-\u9fff]{2,10}?)(" + "|".join(map(re.escape, suffixes)) + ")")
    return rx, frozenset(data["name_stop_words"])


@Language.component("zhdoc_institutions")
def match_institutions(doc: Doc) -> Doc:
    """A name before an institution suffix; the name starts at a token and after any function word."""
    rx, stops = _institution_rx()
    text = doc.text
    out = _mentions(doc)
    token_at = {t.idx: t for t in doc}
    for m in rx.finditer(text):
        start, end = m.start(1), m.end(2)
        # move the start to the first token boundary after the last function word
        pos, name_start = start, None
        while pos < m.end(1):
            tok = token_at.get(pos)
            if tok is None:
                pos += 1
                continue
            if tok.text in stops or any(c in stops for c in tok.text if len(tok.text) == 1):
                name_start = None
            elif name_start is None:
                name_start = pos
            pos += len(tok.text)
        if name_start is None or m.end(1) - name_start < 2:
            continue
        start = name_start
        out.append({"label": "institution", "id": text[start:end], "start": start, "end": end,
                    "evidence": "pattern", "confidence": 0.75})
    return doc


# -- laws -------------------------------------------------------------------------------------
_CITATION = re.compile(r"《([^《》\n]{2,80})》")
_NUM = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟万\\d"
_ARTICLE = re.compile(rf"(?:的)?第([{_NUM}]+)条(?:之([{_NUM}]+))?(?:第([{_NUM}]+)款)?")
_ARTICLE_LIST = re.compile(rf"\s*(?:[、，,和及与]|以及)\s*第([{_NUM}]+)条(?:之([{_NUM}]+))?(?:第([{_NUM}]+)款)?")


def _law_entry(name: str) -> dict | None:
    idx = lexicon.law_index()
    for cand in (name, name.replace("中华人民共和国", ""), re.sub(r"[（(].*?[)）]$", "", name)):
        if cand in idx:
            return idx[cand]
    return None


def _kind_by_suffix(name: str) -> str | None:
    for suffix, kind in lexicon.load("law")["kind_by_suffix"]:
        if name.endswith(suffix):
            return kind
    return None


def _articles_after(text: str, end: int) -> tuple[list[dict], int]:
    arts: list[dict] = []
    m = _ARTICLE.match(text, end)
    while m:
        art = {"article": parse_number(m.group(1))}
        if m.group(2):
            art["sub"] = parse_number(m.group(2))
        if m.group(3):
            art["paragraph"] = parse_number(m.group(3))
        art["text"] = m.group(0).lstrip("的")
        arts.append(art)
        end = m.end()
        m = _ARTICLE_LIST.match(text, end)
    return arts, end


def law_info(entry: dict | None, name: str) -> dict:
    if entry is None:
        return {"name": name, "kind": _kind_by_suffix(name), "status": "unknown"}
    info = {"name": entry["id"], "kind": entry["kind"], "status": entry["status"]}
    for k in ("effective", "repealed", "replaced_by"):
        if k in entry:
            info[k] = entry[k]
    return info


@Language.component("zhdoc_laws")
def match_laws(doc: Doc) -> Doc:
    text = doc.text
    out = _mentions(doc)
    for m in _CITATION.finditer(text):
        name = m.group(1).strip()
        entry = _law_entry(name)
        if entry is None and _kind_by_suffix(name) is None:
            continue  # a book or article title, not a law
        arts, _ = _articles_after(text, m.end())
        out.append({"label": "law", "id": entry["id"] if entry else name, "start": m.start(), "end": m.end(),
                    "evidence": "citation", "confidence": 0.95 if entry else 0.8,
                    "info": dict(law_info(entry, name), articles=arts)})
    # bare names found by the term matcher: attach law info and articles
    for men in out:
        if men["label"] == "law" and "info" not in men:
            entry = _law_entry(men["id"])
            arts, _ = _articles_after(text, men["end"])
            men["info"] = dict(law_info(entry, men["id"]), articles=arts)
    return doc


# -- personal data ----------------------------------------------------------------------------
@Language.component("zhdoc_personal_data")
def match_personal_data(doc: Doc) -> Doc:
    from ..pii import find_personal_data, find_placeholders

    out = _mentions(doc)
    for start, end, kind in list(find_placeholders(doc.text)) + list(find_personal_data(doc.text)):
        out.append({"label": "personal_data", "id": kind, "start": start, "end": end,
                    "evidence": "pattern", "confidence": 0.95})
    return doc


# -- polarity and final spans -----------------------------------------------------------------
@functools.cache
def _polarity_cues() -> dict:
    import json
    from importlib import resources

    return json.loads(resources.files("pipeline.data").joinpath("lexicon").joinpath("polarity.json").read_text("utf-8"))


def _bounds(text: str, start: int, end: int, punct: str) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in punct) + 1
    ends = [i for i in (text.find(c, end) for c in punct) if i >= 0]
    return a, min(ends) if ends else len(text)


def polarity(text: str, start: int, end: int) -> tuple[str, str | None]:
    """(affirmed|negated|uncertain, the cue) for a mention, scoped to its clause / sentence."""
    cues = _polarity_cues()
    c0, _ = _bounds(text, start, end, CLAUSE_PUNCT)
    window = text[max(c0, start - cues["negation_window"]):start]
    for cue in sorted(cues["negation"], key=len, reverse=True):
        if cue in window:
            # 不仅 / 不但 / 不断 are not negations
            i = window.rfind(cue)
            if cue == "不" and window[i:i + 2] in ("不仅", "不但", "不断", "不少", "不同", "不当", "不良", "不久", "不论", "不管"):
                continue
            return "negated", cue
    s0, s1 = _bounds(text, start, end, SENTENCE_PUNCT)
    before = text[s0:start]
    for cue in cues["uncertainty"]:
        if cue in before:
            return "uncertain", cue
    after = text[end:s1]
    for cue in cues["uncertainty_after"]:
        if cue in after:
            return "uncertain", cue
    return "affirmed", None


@Language.component("zhdoc_finalize")
def finalize(doc: Doc) -> Doc:
    text = doc.text
    merged: dict[tuple[str, str, int, int], dict] = {}
    for m in _mentions(doc):
        merged.setdefault((m["label"], m["id"], m["start"], m["end"]), m)
    items = sorted(merged.values(), key=lambda m: (m["start"], -(m["end"] - m["start"]), m["label"], m["id"]))
    # a mention inside a longer one of the same label and id (拨打…电话 around 电话) is dropped
    kept: list[dict] = []
    for m in items:
        if any(k["label"] == m["label"] and k["start"] <= m["start"] and m["end"] <= k["end"]
               and (k["start"], k["end"]) != (m["start"], m["end"]) and m["end"] > m["start"] for k in kept):
            continue
        kept.append(m)
    spans = []
    for m in kept:
        pol, cue = polarity(text, m["start"], m["end"])
        m.setdefault("polarity", pol)
        if cue:
            m.setdefault("polarity_cue", cue)
        span = doc.char_span(m["start"], m["end"], label=m["label"], kb_id=m["id"], alignment_mode="expand")
        if span is not None and len(span):
            span._.id = m["id"]
            span._.polarity = m["polarity"]
            span._.evidence = m["evidence"]
            span._.confidence = m["confidence"]
            spans.append(span)
    doc._.mentions = kept
    doc.spans["zhdoc"] = spans
    doc.ents = filter_spans(spans)
    return doc
