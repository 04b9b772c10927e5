"""Run documents through the stages; a failing stage becomes an error value, never a crash."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from .config import Config
from .document import Document
from .stages.boilerplate import boilerplate
from .stages.decode import decode
from .stages.outline import outline
from .stages.repair import repair
from .stages.tag import tag

Stage = Callable[[Document, Config], Document]
STAGES: dict[str, Stage] = {"decode": decode, "repair": repair, "boilerplate": boilerplate,
                            "outline": outline, "tag": tag}
Source = Union[bytes, str, os.PathLike]


def _names_a_file(s: str) -> bool:
    """A str is a path when it names an existing file; anything else is the article's text."""
    if "\n" in s or len(s) >= 4096 or "\x00" in s:
        return False
    try:
        return Path(s).is_file()
    except (OSError, ValueError):  # e.g. a one-line article longer than the file-name limit
        return False


def load(source: Source, *, name: str | None = None, url: str | None = None) -> Document:
    """A document not yet decoded: from a path, from bytes, or from text (a str that is not a path)."""
    path = None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _names_a_file(source)):
        path = Path(source)
        data = path.read_bytes()
        raw = ""
    elif isinstance(source, bytes):
        data, raw = source, ""
    elif isinstance(source, str):
        data, raw = None, source
    else:
        raise TypeError(f"process() takes bytes, str or a path, not {type(source).__name__}")
    digest = hashlib.sha256(data if data is not None else raw.encode("utf-8")).hexdigest()
    src = {"path": name or (str(path) if path else None), "sha256": digest,
           "bytes": len(data) if data is not None else len(raw.encode("utf-8")),
           "encoding": None, "format": None}
    if url:
        src["url"] = url
    return Document(id=digest[:16], source=src, data=data, raw=raw)


class DocumentTimeout(BaseException):
    """The per-document time limit ran out.  A BaseException, so no stage's ``except Exception``
    can swallow it: the document stops where it is and keeps what the finished stages made."""


def run(doc: Document, config: Config | None = None) -> Document:
    config = config or Config()
    if (doc.data is not None and not doc.data.strip()) or (doc.data is None and not doc.raw.strip()):
        return doc.evolve(data=None, errors=doc.errors + [
            {"stage": "decode", "type": "EmptyInput", "message": "the input is empty"}])
    timings = dict(doc.timings)
    for name in config.stages:
        if doc.tracked is None and name != "decode":
            break  # nothing to work on: decoding failed
        t0 = time.perf_counter()
        try:
            doc = STAGES[name](doc, config)
        except DocumentTimeout as exc:
            doc = doc.evolve(errors=doc.errors + [{"stage": name, "type": "DocumentTimeout", "message": str(exc)}])
            break
        except Exception as exc:  # noqa: BLE001 - the point is to keep the batch going
            doc = doc.evolve(errors=doc.errors + [{"stage": name, "type": type(exc).__name__, "message": str(exc)[:500]}])
        finally:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    meta = {k: v for k, v in doc.meta.items() if k != "_head"}
    return doc.evolve(meta=meta, data=None, timings=timings)


def process(source: Source, config: Config | None = None, **kw) -> Document:
    """Process one article (bytes, text, or a path) and return the document."""
    try:
        doc = load(source, **kw)
    except (OSError, TypeError) as exc:
        if isinstance(exc, TypeError):
            raise
        doc = Document(id="", source={"path": str(source), "sha256": None, "bytes": 0, "encoding": None, "format": None},
                       errors=[{"stage": "load", "type": type(exc).__name__, "message": str(exc)}])
        return doc
    return run(doc, config)


def warm_up(config: Config | None = None) -> None:
    """Load models once (jieba, spaCy pipeline, OpenCC) so the first document is not slow."""
    process("预热：隨著消費(fèi)金融，电话催收。", config)


_worker_config: Config | None = None


def _init_worker(config_dict: dict) -> None:
    global _worker_config
    _worker_config = Config.from_dict(config_dict)
    warm_up(_worker_config)


def _work(source: Source) -> Document:
    return process(source, _worker_config)


def _crashed(source: Source) -> Document:
    name = str(source) if isinstance(source, os.PathLike) else None
    return Document(id="", source={"path": name, "sha256": None, "bytes": 0, "encoding": None, "format": None},
                    errors=[{"stage": "worker", "type": "WorkerCrashed",
                             "message": "the worker process died on this document"}])


def process_many(sources: Iterable[Source], config: Config | None = None, workers: int = 1) -> Iterator[Document]:
    """Process many sources; results come back in input order.  With ``workers`` > 1 a process pool
    (models warmed once per worker) does the work; a worker that dies costs only its document."""
    config = config or Config()
    if workers <= 1:
        for s in sources:
            yield process(s, config)
        return
    from .batch import pool_map

    yield from pool_map(_work, sources, workers, _init_worker, (config.to_dict(),), _crashed)
