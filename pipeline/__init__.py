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
           "process_many", "run", "warm_up", "nlp", "__version__"]


def nlp():
    """The spaCy pipeline used for tagging (``blank('zh')`` + jieba tokenizer + zhdoc components)."""
    from .nlp.build import nlp as _nlp

    return _nlp()
