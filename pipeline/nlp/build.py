"""``pipeline.nlp()``: the spaCy pipeline zhdoc tags with, for library users too."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the components)
from . import jieba_tok  # noqa: F401  (registers the tokenizer)

COMPONENTS = ("zhdoc_terms", "zhdoc_cues", "zhdoc_institutions", "zhdoc_laws", "zhdoc_personal_data",
              "zhdoc_gap_inference", "zhdoc_finalize")


@functools.cache
def _method_by_term() -> dict[str, str]:
    from .lexicon import terms

    by_term: dict[str, str] = {}
    for surface, label, id_, _ in terms():
        if label == "collection_method":
            by_term.setdefault(surface, id_)
    return by_term


@Language.component("zhdoc_gap_inference")
def gap_inference(doc: Doc) -> Doc:
    """A gap whose suggested fill is a method word (通过拨打逾期客户的[电话]) infers that method."""
    by_term = _method_by_term()
    out = components._mentions(doc)
    for g in doc._.gaps or []:
        id_ = by_term.get(g.get("suggestion") or "")
        if id_:
            out.append({"label": "collection_method", "id": id_, "start": g["start"], "end": g["start"],
                        "evidence": "inferred", "confidence": round(0.6 * g.get("confidence", 0.5), 2),
                        "inferred_from": g.get("suggestion")})
    return doc


def create() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhdoc.JiebaTokenizer.v1"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@functools.cache
def nlp() -> Language:
    """The shared pipeline of this process (built once; warm it up in workers)."""
    return create()
