"""Stage 5: tag entities with the spaCy pipeline (:func:`pipeline.nlp`) and summarise them."""
from __future__ import annotations

import bisect

from ..document import Document
from ..nlp.build import nlp as get_nlp


MAX_VOCAB_STRINGS = 400_000


def _section_index(headings: list[dict]):
    starts = [h["start"] for h in headings]

    def section_of(pos: int) -> str | None:
        # the innermost section containing pos: the last heading starting at or before it whose
        # section extends past pos
        i = bisect.bisect_right(starts, pos) - 1
        while i >= 0:
            h = headings[i]
            if h["start"] <= pos < max(h["end"], h["start"] + 1) or pos == h["end"]:
                return h["path"]
            i -= 1
        return None

    return section_of


def _tagged(doc: Document):
    """The spaCy Doc of the document's clean text, run through every component, with its gaps."""
    nlp = get_nlp()
    sdoc = nlp.make_doc(doc.text)
    sdoc._.gaps = [g for g in doc.gaps_out() if g.get("in_text", True)]
    sdoc._.outline = doc.outline
    for _, proc in nlp.pipeline:
        sdoc = proc(sdoc)
    return nlp, sdoc


def to_spacy(doc: Document):
    """A processed document as a spaCy Doc for library users: ``doc.ents`` and
    ``doc.spans["zhdoc"]`` with ``span._.id / polarity / evidence / confidence / info / section``,
    ``doc._.mentions``, ``doc._.outline`` (the zhdoc outline) and ``doc._.ids(label)``; ready for
    ``spacy.displacy.render(doc, style="ent")``."""
    from spacy.tokens import Span

    if not Span.has_extension("section"):
        Span.set_extension("section", default=None)
    _, sdoc = _tagged(doc)
    section_of = _section_index(doc.headings)
    for span in sdoc.spans["zhdoc"]:
        span._.section = section_of(span.start_char)
    return sdoc


def tag(doc: Document, config) -> Document:
    text = doc.text
    nlp, sdoc = _tagged(doc)
    mentions = sdoc._.mentions
    # every new token string stays in the vocabulary: past a bound, start a fresh pipeline so a
    # long batch keeps flat memory (spaCy's memory_zone does it per document, but costs ~35 %)
    if len(nlp.vocab.strings) > MAX_VOCAB_STRINGS:
        get_nlp.cache_clear()
    section_of = _section_index(doc.headings)
    entities = []
    for m in mentions:
        ent = {"label": m["label"], "id": m["id"], "text": text[m["start"]:m["end"]], **doc.span(m["start"], m["end"]),
               "section": section_of(m["start"]), "polarity": m["polarity"], "evidence": m["evidence"],
               "confidence": m["confidence"]}
        if m.get("polarity_cue"):
            ent["polarity_cue"] = m["polarity_cue"]
        if m.get("info"):
            ent["law"] = m["info"]
        if m.get("inferred_from"):
            ent["inferred_from"] = m["inferred_from"]
        entities.append(ent)
    return doc.evolve(entities=entities, summary=summarise(entities))


def summarise(entities: list[dict]) -> dict:
    by_label: dict[str, dict[str, int]] = {}
    by_section: dict[str, dict[str, int]] = {}
    methods: dict[str, dict] = {}
    for e in entities:
        by_label.setdefault(e["label"], {}).setdefault(e["id"], 0)
        by_label[e["label"]][e["id"]] += 1
        key = e["section"] or ""
        by_section.setdefault(key, {}).setdefault(f"{e['label']}:{e['id']}", 0)
        by_section[key][f"{e['label']}:{e['id']}"] += 1
        if e["label"] == "collection_method":
            m = methods.setdefault(e["id"], {"mentions": 0, "polarity": {}, "evidence": {}})
            m["mentions"] += 1
            m["polarity"][e["polarity"]] = m["polarity"].get(e["polarity"], 0) + 1
            m["evidence"][e["evidence"]] = m["evidence"].get(e["evidence"], 0) + 1
    return {"counts": {k: dict(sorted(v.items())) for k, v in sorted(by_label.items())},
            "by_section": {k: dict(sorted(v.items())) for k, v in sorted(by_section.items())},
            "collection_methods": dict(sorted(methods.items()))}
