"""Tagging throughput, single core: python bench/bench_tagging.py [--repeat N]

Runs only the tag stage (pipeline.stages.tag.tag) on the already-repaired documents of the gold
sources (and raw/), after one warm-up pass, and prints characters of clean text per second.
Target: >= 300k chars/s.  Each round is timed on its own; on a shared machine compare the median
round (other processes inflate the total), and run it idle for the figure of record.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.stages.tag import tag  # noqa: E402


def sources() -> list[Path]:
    shared = Path(os.environ.get("ZHDOC_SHARED") or ROOT.parent / "shared")
    out = [shared / json.loads(Path(f).read_text("utf-8"))["source"]
           for f in sorted(glob.glob(str(ROOT / "tests" / "gold" / "tagging" / "*.json")))]
    out += sorted((ROOT / "raw").glob("*.txt"))
    return [p for p in out if p.exists()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # single core
    except (AttributeError, OSError):
        pass
    cfg = pipeline.Config().without("tag")
    docs = [pipeline.process(p, cfg) for p in sources()]
    chars = sum(len(d.text) for d in docs)
    for d in docs:  # warm-up: builds the pipeline, the automaton and the jieba dictionary
        tag(d, cfg)
    rounds = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for d in docs:
            tag(d, cfg)
        rounds.append(time.perf_counter() - t0)
    dt = sum(rounds)
    rate = chars * a.repeat / dt
    median = chars / statistics.median(rounds)
    best = chars / min(rounds)
    print(f"{len(docs)} documents, {chars} chars x {a.repeat}: {dt:.2f}s  ->  {rate:,.0f} chars/s (target 300,000); "
          f"per round: median {median:,.0f}, best {best:,.0f} (the median and best are less sensitive to other load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
