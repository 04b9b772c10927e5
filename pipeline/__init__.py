"""zhdoc: scraped Chinese web articles to clean, structured, tagged JSON.

    >>> import pipeline
    >>> doc = pipeline.process("raw/000_5a49548756330bd5.txt")
    >>> doc.meta["title"], [s["title"] for s in doc.outline["sections"]][:2]
"""
from .config import Config, REPAIR_FIXES, STAGE_NAMES
from .document import SCHEMA_VERSION, Document
from .runner import STAGES, process, process_many, run, warm_up

__version__ = "0.1.0"
__all__ = ["Config", "Document", "SCHEMA_VERSION", "STAGES", "STAGE_NAMES", "REPAIR_FIXES", "process",
           "process_many", "run", "warm_up", "nlp", "to_spacy", "__version__"]


def to_spacy(document: Document):
    """A processed :class:`Document` as a spaCy ``Doc`` (entities, spans with ids, polarity and
    section paths, ``doc._.outline``) — see :func:`pipeline.stages.tag.to_spacy`."""
    from .stages.tag import to_spacy as _to_spacy

    return _to_spacy(document)


def nlp():
    """The spaCy pipeline used for tagging (``blank('zh')`` + jieba tokenizer + zhdoc components)."""
    from .nlp.build import nlp as _nlp

    return _nlp()
