"""Batch runs over folders, JSONL and WARC dumps: resumable, sharded, parallel, safe on bad input.

* Inputs become :class:`Task`\\ s: files (folders recursively, globs), ``-`` for stdin, JSONL /
  JSONL.gz records and WARC / WARC.gz HTML responses.  A task knows where its output goes: the
  input's path relative to the folder given, or ``<dump>/<record id>`` for records (ids are made
  safe, so no id can write outside OUTDIR, and collisions get a suffix).
* Outputs are written atomically (temporary file, then rename): a killed run leaves only complete
  outputs.  Each output carries ``producer`` (zhdoc version, config digest); an input whose output
  exists with the same source hash and producer is skipped, unless ``force``.
* ``shard=(i, n)`` keeps the i-th of n deterministic shards (by output key), for any scheduler.
* Engines: in-process, a process pool (models warmed once per worker), or Dask.
"""
from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .config import Config
from .runner import DocumentTimeout

INPUT_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz")
TEXT_FIELDS = ("html", "content", "text", "body", "raw")
ID_FIELDS = ("id", "doc_id", "url", "uri")
_SAFE = re.compile(r"[^\w\u4e00-\u9fff.=-]+")


@dataclass
class Task:
    key: str  # output path relative to OUTDIR, without ".json"
    path: str | None = None  # read from here in the worker ...
    data: bytes | None = None  # ... or these bytes
    name: str | None = None  # source.path in the output
    url: str | None = None
    http_charset: str | None = None


@dataclass
class Result:
    task: Task
    doc: str | None = None  # the output JSON
    errors: list[dict] = field(default_factory=list)
    timings: dict = field(default_factory=dict)


def safe_key(s: str, limit: int = 120) -> str:
    """A file name from any id or URL: no separators, no dot-dot, bounded length."""
    s = re.sub(r"^[a-z]+://", "", s.strip())
    s = _SAFE.sub("_", s).strip("._") or "record"
    if len(s) > limit:
        s = s[: limit - 17] + "_" + hashlib.sha1(s.encode()).hexdigest()[:16]
    return s


# -- discovering inputs ---------------------------------------------------------------------------
def _walk(root: Path, follow_symlinks: bool) -> Iterator[Path]:
    real_root = root.resolve()
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks, onerror=lambda e: None):
        real = os.path.realpath(dirpath)
        if real in seen:  # a symlink loop
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if p.is_symlink() and not follow_symlinks:
                target = p.resolve()
                if real_root not in target.parents:
                    continue  # never leave the input root through a symlink unless asked
            yield p


def discover(inputs: list[str], follow_symlinks: bool = False, **record_opts) -> Iterator[Task]:
    """Tasks for every input; raises FileNotFoundError for an input that names nothing."""
    keys: dict[str, int] = {}

    def unique(key: str) -> str:
        n = keys.get(key, 0)
        keys[key] = n + 1
        return key if n == 0 else f"{key}~{n}"

    for inp in inputs:
        if inp == "-":
            data = sys.stdin.buffer.read()
            yield Task(key=unique("stdin"), data=data, name="-")
            continue
        path = Path(inp)
        if path.is_dir():
            for f in _walk(path, follow_symlinks):
                rel = f.relative_to(path).as_posix()
                yield from _tasks_for_file(f, rel, unique, record_opts)
        elif path.is_file():
            yield from _tasks_for_file(path, path.name, unique, record_opts)
        else:
            matches = sorted(glob.glob(inp, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no such file or folder: {inp}")
            base = Path(os.path.commonpath([os.path.dirname(m) or "." for m in matches]))
            for m in matches:
                mp = Path(m)
                if mp.is_file():
                    yield from _tasks_for_file(mp, mp.relative_to(base).as_posix(), unique, record_opts)


def _tasks_for_file(f: Path, rel: str, unique: Callable[[str], str], record_opts: dict) -> Iterator[Task]:
    low = f.name.lower()
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from jsonl_tasks(f, rel, unique, **record_opts)
    elif low.endswith((".warc", ".warc.gz")):
        yield from warc_tasks(f, rel, unique)
    elif low.endswith(INPUT_SUFFIXES):
        yield Task(key=unique(rel), path=str(f), name=rel)


def _open(f: Path):
    return gzip.open(f, "rb") if f.name.lower().endswith(".gz") else open(f, "rb")


def jsonl_tasks(f: Path, rel: str, unique, text_field: str | None = None, id_field: str | None = None) -> Iterator[Task]:
    """One task per JSON line; text from ``text_field`` (or html/content/text/body), id from ``id_field``."""
    with _open(f) as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
                fields = [text_field] if text_field else TEXT_FIELDS
                text = next((rec[k] for k in fields if isinstance(rec.get(k), str)), None)
            except (json.JSONDecodeError, AttributeError):
                rec, text = {}, None
            ident = next((str(rec[k]) for k in ([id_field] if id_field else ID_FIELDS) if rec.get(k) is not None), None)
            key = unique(f"{rel}/{safe_key(ident or f'line{n}')}")
            if text is None:
                yield Task(key=key, data=b"", name=f"{rel}:{n}", url=rec.get("url") if isinstance(rec, dict) else None)
                continue
            yield Task(key=key, data=text.encode("utf-8"), name=f"{rel}:{n}", url=rec.get("url"))


def warc_tasks(f: Path, rel: str, unique) -> Iterator[Task]:
    """One task per HTML response record (URL and HTTP charset kept)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(f, "rb") as fh:
        for n, record in enumerate(ArchiveIterator(fh), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():  # text/html, application/xhtml+xml
                continue
            m = re.search(r"charset=([\w-]+)", ctype, re.I)
            url = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read()
            yield Task(key=unique(f"{rel}/{safe_key(url or f'record{n}')}"), data=data, name=f"{rel}#{n}",
                       url=url, http_charset=m.group(1) if m else None)


def in_shard(task: Task, shard: tuple[int, int] | None) -> bool:
    if not shard:
        return True
    i, n = shard
    return int(hashlib.sha1(task.key.encode()).hexdigest(), 16) % n == i - 1


# -- processing one task (in any worker) ------------------------------------------------------
def producer(config: Config) -> dict:
    return {"zhdoc": __version__, "config": config.digest()}


def run_task(task: Task, config: Config, time_limit: float | None = None, compact: bool = False) -> Result:
    from .runner import load, run

    try:
        if task.path is not None:
            size = os.path.getsize(task.path)
            if size > config.max_bytes:
                raise ValueError(f"input is {size} bytes, over max_bytes={config.max_bytes}")
            with open(task.path, "rb") as fh:
                data = fh.read()
        else:
            data = task.data or b""
            if len(data) > config.max_bytes:
                raise ValueError(f"input is {len(data)} bytes or more, over max_bytes={config.max_bytes}")
        doc = load(data, name=task.name, url=task.url)
        if task.http_charset:
            doc.source["http_charset"] = task.http_charset
        doc = _with_time_limit(lambda: run(doc, config), time_limit)
    except (Exception, DocumentTimeout) as exc:  # noqa: BLE001
        return Result(task, None, [{"stage": "load", "type": type(exc).__name__, "message": str(exc)[:500]}])
    d = doc.to_dict()
    d["source"].pop("http_charset", None)
    d["producer"] = producer(config)
    # serialised here, in the worker: a string crosses the process boundary far cheaper than a
    # nested dict, and the writer (the parent) only writes
    return Result(task, json.dumps(d, ensure_ascii=False, indent=None if compact else 1), d["errors"], dict(doc.timings))


def _with_time_limit(fn, seconds: float | None):
    """Run fn with a wall-clock limit (SIGALRM, main thread of a POSIX process); else no limit."""
    import signal
    import threading

    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        return fn()

    def on_alarm(signum, frame):
        raise DocumentTimeout(f"document took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# worker-side state for pools
_STATE: dict = {}


def _init_worker(config_dict: dict, time_limit: float | None, compact: bool) -> None:
    from .runner import warm_up

    _STATE["config"] = Config.from_dict(config_dict)
    _STATE["time_limit"] = time_limit
    _STATE["compact"] = compact
    warm_up(_STATE["config"])


def _pool_task(task: Task) -> Result:
    marker = os.environ.get("ZHDOC_TEST_KILL_MARKER")
    if marker and task.path and marker.encode() in open(task.path, "rb").read(256):
        os._exit(13)  # test hook: simulate a worker killed by a crash in native code
    return run_task(task, _STATE["config"], _STATE["time_limit"], _STATE["compact"])


def ordered(submit: Callable[[Task], object], result_of: Callable[[object], Result],
            tasks: Iterable[Task], window: int) -> Iterator[Result]:
    """Submit at most ``window`` tasks ahead and yield results in input order (bounded memory)."""
    from collections import deque

    pending: deque = deque()
    for t in tasks:
        pending.append(submit(t))
        if len(pending) >= window:
            yield result_of(pending.popleft())
    while pending:
        yield result_of(pending.popleft())


def execute(tasks: Iterable[Task], config: Config, workers: int = 1, engine: str = "local",
            scheduler: str | None = None, time_limit: float | None = 120.0, compact: bool = False) -> Iterator[Result]:
    """Results in input order; ``compact``: one-line JSON (for JSON Lines output)."""
    if engine == "dask":
        yield from _execute_dask(tasks, config, workers, scheduler, compact)
    elif workers <= 1:
        from .runner import warm_up

        warm_up(config)
        for t in tasks:
            yield run_task(t, config, time_limit, compact)
    else:
        yield from _execute_pool(tasks, config, workers, time_limit, compact)


def _execute_pool(tasks: Iterable[Task], config: Config, workers: int, time_limit, compact: bool) -> Iterator[Result]:
    return pool_map(_pool_task, tasks, workers, _init_worker, (config.to_dict(), time_limit, compact),
                    lambda t: Result(t, None, [{"stage": "worker", "type": "WorkerCrashed",
                                                "message": "the worker process died on this document"}]))


def pool_map(fn: Callable, items: Iterable, workers: int, initializer: Callable, initargs: tuple,
             on_crash: Callable) -> Iterator:
    """``fn`` over ``items`` in a spawn process pool, results in input order, a bounded window in
    flight.  A worker that dies (segfault, OOM kill) costs only its item: the pool is rebuilt, the
    items in flight are retried one at a time, and the one that kills a worker again gives
    ``on_crash(item)`` instead of a result.  Workers that cannot start at all raise
    :class:`WorkersCannotStart` at once."""
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                                   initializer=initializer, initargs=initargs)

    it = iter(items)
    pool = new_pool()
    pending: deque = deque()
    try:
        while True:
            while len(pending) < workers * 4:
                item = next(it, _END)
                if item is _END:
                    break
                pending.append((item, pool.submit(fn, item)))
            if not pending:
                return
            try:
                res = pending[0][1].result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                _check_workers_start(new_pool)
                suspects = [item for item, _ in pending]
                pending.clear()
                for item in suspects:  # isolate the culprit: one at a time
                    pool = new_pool()
                    try:
                        yield pool.submit(fn, item).result()
                    except BrokenProcessPool:
                        yield on_crash(item)
                    finally:
                        pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                continue
            pending.popleft()
            yield res
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_END = object()


class WorkersCannotStart(RuntimeError):
    """The pool's worker processes die before doing any work (not one document's fault)."""


def _noop() -> None:
    return None


def _check_workers_start(new_pool: Callable[[], ProcessPoolExecutor]) -> None:
    """After a broken pool: can a fresh one run nothing at all?  If not, no document is to blame
    (a script without ``if __name__ == "__main__":`` re-runs itself in every spawned worker, a
    worker cannot import its modules, ...): stop with that, rather than retrying every document
    one at a time and calling each a crash."""
    from concurrent.futures.process import BrokenProcessPool

    pool = new_pool()
    try:
        pool.submit(_noop).result()
    except BrokenProcessPool as e:
        raise WorkersCannotStart(
            "worker processes die on start-up, before any document: if you call process_many() or "
            "run_batch() with workers > 1 from a script, put the call under "
            "`if __name__ == \"__main__\":` (spawned workers import the main module); the worker's own "
            "error is printed above") from e
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


DASK_CHUNK = 16


def _chunked(tasks: Iterable[Task], n: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _with_bytes(task: Task, config: Config) -> Task:
    """The client reads each file (at most max_bytes + 1 bytes) so remote workers need no shared
    file system."""
    if task.path is None:
        return task
    try:
        with open(task.path, "rb") as fh:
            data = fh.read(config.max_bytes + 1)
    except OSError:
        return Task(key=task.key, path=task.path, name=task.name)  # the worker reports the error
    return Task(key=task.key, data=data, name=task.name, url=task.url, http_charset=task.http_charset)


def run_tasks(tasks: list[Task], config: Config, compact: bool = False) -> list[Result]:
    return [run_task(t, config, None, compact) for t in tasks]


def _execute_dask(tasks, config: Config, workers: int, scheduler: str | None, compact: bool):
    from distributed import Client, LocalCluster, WorkerPlugin

    class WarmUp(WorkerPlugin):
        name = "zhdoc-warm-up"

        def __init__(self, config_dict):
            self.config_dict = config_dict

        def setup(self, worker):
            from .runner import warm_up

            warm_up(Config.from_dict(self.config_dict))

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        client.register_plugin(WarmUp(config.to_dict()))
        # tasks go in chunks: one Dask task per document costs more in scheduling than a small
        # document takes to process.  Worker threads cannot take SIGALRM: no per-document alarm.
        chunks = _chunked((_with_bytes(t, config) for t in tasks), DASK_CHUNK)
        for results in ordered(lambda c: client.submit(run_tasks, c, config, compact, pure=False),
                               lambda f: f.result(), chunks, max(1, workers) * 3):
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- the run -----------------------------------------------------------------------------------
def write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.replace(tmp, path)  # atomic: a reader (or a rerun after a kill) sees the old file or the new


def up_to_date(out: Path, task: Task, prod: dict) -> list[dict] | None:
    """The errors recorded in ``out`` when it exists, was made by this producer from the same
    input bytes (so the document need not be redone); None when it must be (re)done."""
    try:
        with open(out, encoding="utf-8") as fh:
            old = json.load(fh)
    except (OSError, ValueError):
        return None
    if old.get("producer") != prod:
        return None
    if task.path is not None:
        try:
            with open(task.path, "rb") as fh:
                sha = hashlib.sha256(fh.read()).hexdigest()
        except OSError:
            return None
    else:
        sha = hashlib.sha256(task.data or b"").hexdigest()
    return old.get("errors", []) if old.get("source", {}).get("sha256") == sha else None


@dataclass
class RunSummary:
    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    stage_seconds: dict = field(default_factory=dict)


def run_batch(inputs: list[str], outdir: str | None, config: Config, *, workers: int = 1, engine: str = "local",
              scheduler: str | None = None, shard: tuple[int, int] | None = None, force: bool = False,
              jsonl: str | None = None, time_limit: float | None = 120.0, follow_symlinks: bool = False,
              text_field: str | None = None, id_field: str | None = None, progress: bool = True) -> RunSummary:
    from tqdm import tqdm

    started = datetime.now(timezone.utc)
    out = Path(outdir) if outdir else None
    prod = producer(config)
    tasks = [t for t in discover(inputs, follow_symlinks, text_field=text_field, id_field=id_field) if in_shard(t, shard)]
    summary = RunSummary(total=len(tasks))
    todo, earlier_errors = [], []
    for t in tasks:
        old_errors = None if out is None or force or jsonl else up_to_date(out / (t.key + ".json"), t, prod)
        if old_errors is None:
            todo.append(t)
            continue
        summary.skipped += 1
        if old_errors:  # skipped, but still a document with errors: report it again
            summary.failed += 1
            earlier_errors.append((t, old_errors))
    report_dir = out if out is not None else Path(jsonl).parent
    report_dir.mkdir(parents=True, exist_ok=True)
    # shards that share an OUTDIR keep reports of their own
    suffix = f".{shard[0]}of{shard[1]}" if shard else ""
    errors_path = report_dir / f"_errors{suffix}.jsonl"
    stream = None
    if jsonl:
        tmp_stream = Path(jsonl).with_name(f".{Path(jsonl).name}.{os.getpid()}.tmp")
        stream = open(tmp_stream, "w", encoding="utf-8")
    bar = tqdm(total=len(todo), unit="doc", disable=not progress or not sys.stderr.isatty(), file=sys.stderr,
               smoothing=0.1)
    with open(errors_path, "w", encoding="utf-8") as err_fh:
        for t, errs in earlier_errors:
            for e in errs:
                err_fh.write(json.dumps({"input": t.name, "output": t.key + ".json", **e, "earlier_run": True},
                                        ensure_ascii=False) + "\n")
        for res in execute(todo, config, workers, engine, scheduler, time_limit, compact=bool(jsonl)):
            if res.doc is not None:
                if stream:
                    stream.write(res.doc + "\n")
                else:
                    write_atomic(out / (res.task.key + ".json"), res.doc + "\n")
            for stage, secs in res.timings.items():
                summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + secs
            if res.errors:
                summary.failed += 1
                for e in res.errors:
                    err_fh.write(json.dumps({"input": res.task.name, "output": res.task.key + ".json", **e},
                                            ensure_ascii=False) + "\n")
            else:
                summary.done += 1
            bar.update(1)
    bar.close()
    if stream:
        stream.close()
        os.replace(tmp_stream, jsonl)
    write_atomic(report_dir / f"_run{suffix}.json", json.dumps({
        "zhdoc": __version__, "config": config.to_dict(), "config_digest": config.digest(),
        "inputs": inputs, "engine": engine, "workers": workers, "shard": list(shard) if shard else None,
        "counts": {"total": summary.total, "processed_ok": summary.done, "skipped_up_to_date": summary.skipped,
                   "with_errors": summary.failed},
        "stage_seconds": {k: round(v, 3) for k, v in sorted(summary.stage_seconds.items())},
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }, ensure_ascii=False, indent=1) + "\n")
    return summary
