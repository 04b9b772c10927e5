"""Batch benchmark (issue 7): throughput per stage, worker scaling, Dask overhead, memory, trafilatura.

    python bench/bench_batch.py [--docs 2000] [--shared ../shared] [--skip-dask] [--skip-trafilatura]

Builds a corpus of N documents from the shared development data (the seed, the collection texts,
the cwced and trafilatura HTML pages, the laws as page text; each copy made unique by a line of
its own so nothing is skipped), then runs ``zhdoc run`` in-process with 1 worker, with 2 workers,
and on a Dask LocalCluster with 2 workers, and prints documents/s, MB/s, seconds per stage, the
speed-up, the Dask overhead and the peak resident memory of each worker process (sampled), and
trafilatura's pages/s on the same HTML pages.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build_corpus(shared: Path, n: int, dest: Path) -> list[Path]:
    seeds: list[tuple[str, bytes]] = []
    seeds.append(("seed.txt", (ROOT / "raw" / "000_5a49548756330bd5.txt").read_bytes()))
    for p in sorted((shared / "data" / "collection").glob("*.txt")):
        seeds.append((p.name, p.read_bytes()))
    for p in sorted((shared / "data" / "html-zh").rglob("*.html")):
        seeds.append((p.name, p.read_bytes()))
    for p in sorted((shared / "data" / "laws-corpus").glob("*.md"))[:60]:
        seeds.append((p.stem + ".txt", p.read_bytes()))
    files = []
    for i in range(n):
        name, data = seeds[i % len(seeds)]
        stem, dot, ext = name.rpartition(".")
        extra = f"\n<!-- copy {i} -->\n" if ext == "html" else f"\n（副本 {i}）\n"
        f = dest / f"{i // 500:03d}" / f"{i:05d}_{stem[:40]}.{ext}"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(data + extra.encode("utf-8"))
        files.append(f)
    return files


class PeakMemory:
    """Samples the resident memory of this process's children (the workers) every 0.2 s."""

    def __init__(self):
        import psutil

        self.proc = psutil.Process()
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            procs = self.proc.children(recursive=True) or [self.proc]
            for c in procs:
                try:
                    rss = c.memory_info().rss
                except psutil.Error:
                    continue
                self.peak[c.pid] = max(self.peak.get(c.pid, 0), rss)
            time.sleep(0.2)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join()

    def max_mb(self) -> float:
        return max(self.peak.values(), default=0) / 2**20


def run(files_root: Path, out: Path, workers: int, engine: str = "local", docs: int | None = None):
    from pipeline import Config
    from pipeline.batch import run_batch

    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    with PeakMemory() as mem:
        s = run_batch([str(files_root)], str(out), Config(), workers=workers, engine=engine, progress=False)
    dt = time.perf_counter() - t0
    return s, dt, mem.max_mb()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--shared", default=os.environ.get("ZHDOC_SHARED") or str(ROOT.parent / "shared"))
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-trafilatura", action="store_true")
    ap.add_argument("--memory", action="store_true",
                    help="only: peak RSS per worker (2 workers) on 1,000 and on --docs documents")
    args = ap.parse_args()
    if args.memory:
        tmp = Path(tempfile.mkdtemp(prefix="zhdoc-bench-"))
        for n in (1000, args.docs):
            build_corpus(Path(args.shared), n, tmp / f"in{n}")
            s, t, mb_peak = run(tmp / f"in{n}", tmp / f"out{n}", 2)
            print(f"{n:6d} documents, 2 workers: peak RSS per worker {mb_peak:.0f} MB ({n / t:.1f} docs/s, errors {s.failed})")
        shutil.rmtree(tmp, ignore_errors=True)
        return
    tmp = Path(tempfile.mkdtemp(prefix="zhdoc-bench-"))
    files = build_corpus(Path(args.shared), args.docs, tmp / "in")
    mb = sum(f.stat().st_size for f in files) / 2**20
    print(f"corpus: {len(files)} documents, {mb:.1f} MB ({tmp / 'in'})")

    s1, t1, m1 = run(tmp / "in", tmp / "out1", 1)
    print(f"1 worker : {len(files) / t1:7.1f} docs/s  {mb / t1:6.2f} MB/s  ({t1:.1f} s, ok {s1.done}, errors {s1.failed}), "
          f"peak RSS {m1:.0f} MB")
    total_stage = sum(s1.stage_seconds.values())
    for stage, secs in s1.stage_seconds.items():
        print(f"   stage {stage:<12} {secs:7.1f} s  {len(files) / secs:8.1f} docs/s  {mb / secs:7.2f} MB/s  "
              f"{100 * secs / total_stage:5.1f} %")
    s2, t2, m2 = run(tmp / "in", tmp / "out2", 2)
    print(f"2 workers: {len(files) / t2:7.1f} docs/s  speed-up {t1 / t2:.2f}x (target >= 1.8), "
          f"peak RSS per worker {m2:.0f} MB (target <= 300)")
    same = all((tmp / "out1" / p.relative_to(tmp / "out1")).read_bytes() == (tmp / "out2" / p.relative_to(tmp / "out1")).read_bytes()
               for p in (tmp / "out1").rglob("*.json") if not p.name.startswith("_"))
    print(f"   outputs identical to 1 worker: {same}")
    if not args.skip_dask:
        s3, t3, m3 = run(tmp / "in", tmp / "out3", 2, engine="dask")
        print(f"dask 2   : {len(files) / t3:7.1f} docs/s  overhead vs pool {100 * (t3 - t2) / t2:+.1f} % (target <= 15 %), "
              f"peak RSS {m3:.0f} MB")
    if not args.skip_trafilatura:
        try:
            import trafilatura
        except ImportError:
            print("trafilatura not installed (pip install -e '.[bench]')")
        else:
            html = [f for f in files if f.suffix == ".html"]
            t0 = time.perf_counter()
            for f in html:
                trafilatura.extract(f.read_bytes(), with_metadata=True)
            tt = time.perf_counter() - t0
            from pipeline import Config
            from pipeline.batch import run_batch

            hdir = tmp / "html"
            for f in html:
                (hdir / f.relative_to(tmp / "in")).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(f, hdir / f.relative_to(tmp / "in"))
            t0 = time.perf_counter()
            run_batch([str(hdir)], str(tmp / "outh"), Config(), progress=False)
            tz = time.perf_counter() - t0
            print(f"HTML pages ({len(html)}): trafilatura {len(html) / tt:.1f} pages/s, zhdoc whole pipeline "
                  f"{len(html) / tz:.1f} pages/s = {tt / tz:.2f}x trafilatura (target >= 0.5x)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
