"""Benchmark ``zhdoc render``: 1,000 documents must render in < 30 s; the dashboard for 10,000
documents stays small and responsive (aggregated in Python, list paginated in the DOM).

    python bench/bench_render.py [--n 1000] [--big 10000] [--workers 1] [--seed-json PATH]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.render import render_site  # noqa: E402
from pipeline.render.synth import write_corpus  # noqa: E402


def seed_json(tmp: Path) -> Path:
    import pipeline

    p = tmp / "seed.json"
    p.write_text(pipeline.process(ROOT / "raw" / "000_5a49548756330bd5.txt").to_json(), encoding="utf-8")
    return p


def run(n: int, tmp: Path, seed: Path, workers: int) -> dict:
    src, site = tmp / f"out{n}", tmp / f"site{n}"
    write_corpus(seed, src, n)
    t0 = time.perf_counter()
    stats = render_site(src, site, workers=workers)
    secs = time.perf_counter() - t0
    shutil.rmtree(src)
    shutil.rmtree(site)
    return {"documents": stats["documents"], "seconds": round(secs, 2), "ms_per_doc": round(secs / n * 1000, 2),
            "index_html_kb": round(stats["index_bytes"] / 1024, 1)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10000, help="corpus size for the dashboard check (0: skip)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed-json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        seed = Path(args.seed_json) if args.seed_json else seed_json(tmp)
        res = {"render": run(args.n, tmp, seed, args.workers)}
        ok = res["render"]["seconds"] < 30
        if args.big:
            res["big"] = run(args.big, tmp, seed, args.workers)
            ok = ok and res["big"]["index_html_kb"] < 5 * 1024
    print(json.dumps(res, indent=1))
    print("PASS" if ok else "FAIL: 1,000 docs must render in < 30 s and the 10k dashboard stay < 5 MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
