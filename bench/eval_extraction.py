"""Main-text extraction and metadata: zhdoc against trafilatura on the same pages, in one run.

    python bench/eval_extraction.py [--shared DIR] [--repeat N] [-v]

Datasets (under ``$ZHDOC_SHARED/data/html-zh``, default ``../shared``):

* ``cwced``: ``original/*.html`` with gold ``cleaned/*.txt``, ``author/*.txt``, ``date/*.txt``
  (``UNKNOWN``: the field must be empty).
* ``trafilatura/evaldata_zh.json``: per page, snippets that must be in the text (``with``) and
  snippets that must not (``without``).

Metrics

* main-text character F1 (cwced): both texts are NFKC-normalised and compared as *multisets of
  non-whitespace characters* (bag-of-characters F1).  Chosen over an LCS-based F1 because it is
  linear in the page size, insensitive to line wrapping (the gold wraps lines mid-sentence) and to
  block order; the price is that it does not penalise reordering, which neither extractor does.
  zhdoc runs with ``script="source"`` and ``keep_personal_data=True`` so that neither script
  conversion nor redaction counts as an extraction error.
* snippets (evaldata_zh): a ``with`` snippet found is a true positive, missing a false negative;
  a ``without`` snippet found is a false positive.  Precision, recall and F1 over all snippets
  (trafilatura's own evaluation method); matching ignores whitespace and compares NFKC forms
  (zhdoc's repair turns ``(`` into ``（`` next to Chinese text, which is not an extraction error).
* author: equal as sets of names (split on whitespace, 、 ， , ;); UNKNOWN gold needs an empty field.
* date: the gold's calendar date (or year, when the gold gives only a year) equals the date part of
  the extracted value; UNKNOWN gold needs an empty field.
* speed: pages/s of zhdoc's extraction stages (decode, repair, boilerplate; outline and tag off)
  against ``trafilatura.bare_extraction`` with metadata (its extraction and metadata work), same
  pages, best of ``--repeat`` rounds, one process; wall clock and process CPU time (the CPU figure
  is the stable one on a shared, loaded machine).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402

_WS = re.compile(r"\s+")


def chars(s: str) -> Counter:
    return Counter(_WS.sub("", unicodedata.normalize("NFKC", s or "")))


def _snip(s: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", s or ""))


def char_f1(got: str, gold: str) -> tuple[float, float, float]:
    g, w = chars(got), chars(gold)
    common = sum((g & w).values())
    if not g and not w:
        return 1.0, 1.0, 1.0
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(w.values()) if w else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _names(s: str | None) -> set[str]:
    return {x for x in re.split(r"[\s、，,;；/]+", s or "") if x}


def author_ok(got: str | None, gold: str) -> bool:
    gold = gold.strip()
    if gold == "UNKNOWN":
        return not got
    return _names(got) == _names(gold)


def date_ok(got: str | None, gold: str) -> bool:
    gold = gold.strip()
    if gold == "UNKNOWN":
        return not got
    if not got:
        return False
    m = re.match(r"(\d{4})(?:-(\d{1,2})-(\d{1,2}))?", gold)
    if not m:
        return False
    if m.group(2) is None:
        return got[:4] == m.group(1)
    return got[:10] == f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


ZH_CONFIG = pipeline.Config(script="source", keep_personal_data=True).without("outline", "tag")


def zhdoc_extract(data: bytes) -> dict:
    d = pipeline.process(data, ZH_CONFIG)
    return {"text": d.text, "author": d.meta.get("author"), "date": d.meta.get("published"),
            "title": d.meta.get("title"), "errors": d.errors}


def trafilatura_extract(data: bytes) -> dict:
    import trafilatura

    r = trafilatura.bare_extraction(data, favor_precision=False, with_metadata=True)
    if r is None:
        return {"text": "", "author": None, "date": None, "title": None}
    if not isinstance(r, dict):
        r = r.as_dict() if hasattr(r, "as_dict") else vars(r)
    return {"text": r.get("text") or "", "author": r.get("author"), "date": r.get("date"), "title": r.get("title")}


SYSTEMS = {"zhdoc": zhdoc_extract, "trafilatura": trafilatura_extract}


def load_pages(base: Path):
    cw = base / "cwced"
    pages = []
    for f in sorted((cw / "original").glob("*.html")):
        b = f.stem
        pages.append({"set": "cwced", "name": b, "data": f.read_bytes(),
                      "gold": (cw / "cleaned" / f"{b}.txt").read_text("utf-8", "replace"),
                      "author": (cw / "author" / f"{b}.txt").read_text("utf-8", "replace"),
                      "date": (cw / "date" / f"{b}.txt").read_text("utf-8", "replace")})
    tr = base / "trafilatura"
    spec = json.loads((tr / "evaldata_zh.json").read_text("utf-8"))
    for url, e in spec.items():
        pages.append({"set": "evaldata", "name": e["file"], "data": (tr / e["file"]).read_bytes(), "url": url,
                      "with": e.get("with", []), "without": e.get("without", [])})
    return pages


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("ZHDOC_SHARED") or str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    pages = load_pages(Path(args.shared) / "data" / "html-zh")
    for fn in SYSTEMS.values():  # warm up (imports, jieba/OpenCC, regex caches)
        fn(pages[0]["data"])

    results = {name: [] for name in SYSTEMS}
    speed = {}
    for name, fn in SYSTEMS.items():
        best = best_cpu = None
        for _ in range(max(1, args.repeat)):
            t0, c0 = time.perf_counter(), time.process_time()
            outs = [fn(p["data"]) for p in pages]
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            best = dt if best is None else min(best, dt)
            best_cpu = dc if best_cpu is None else min(best_cpu, dc)
        results[name] = outs
        speed[name] = len(pages) / best
        speed[name + ":cpu"] = len(pages) / best_cpu

    report = {}
    for name, outs in results.items():
        f1s, aok, dok = [], 0, 0
        tp = fn_ = fp = 0
        n_cw = 0
        for p, o in zip(pages, outs):
            if p["set"] == "cwced":
                n_cw += 1
                pr, rc, f = char_f1(o["text"], p["gold"])
                f1s.append(f)
                a, d = author_ok(o["author"], p["author"]), date_ok(o["date"], p["date"])
                aok += a
                dok += d
                if args.verbose:
                    print(f"{name:12s} {p['name'][:8]} P={pr:.3f} R={rc:.3f} F1={f:.3f} "
                          f"author={'ok' if a else 'NO'} {o['author']!r}/{p['author'].strip()!r} "
                          f"date={'ok' if d else 'NO'} {o['date']!r}/{p['date'].strip()!r}")
            else:
                text = _snip(o["text"])
                for s in p["with"]:
                    if _snip(s) in text:
                        tp += 1
                    else:
                        fn_ += 1
                        if args.verbose:
                            print(f"{name:12s} {p['name'][:24]} missing {s!r}")
                for s in p["without"]:
                    if _snip(s) in text:
                        fp += 1
                        if args.verbose:
                            print(f"{name:12s} {p['name'][:24]} kept {s!r}")
        sp = tp / (tp + fp) if tp + fp else 0.0
        sr = tp / (tp + fn_) if tp + fn_ else 0.0
        report[name] = {"cwced_f1": sum(f1s) / len(f1s), "author_acc": aok / n_cw, "date_acc": dok / n_cw,
                        "snip_p": sp, "snip_r": sr, "snip_f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
                        "pages_s": speed[name], "pages_cpu_s": speed[name + ":cpu"]}
    print(f"{len(pages)} pages ({sum(p['set'] == 'cwced' for p in pages)} cwced, "
          f"{sum(p['set'] == 'evaldata' for p in pages)} evaldata_zh)")
    print(f"{'system':12s} {'cwced F1':>9s} {'author':>7s} {'date':>6s} {'snip P':>7s} {'snip R':>7s} "
          f"{'snip F1':>8s} {'pages/s':>8s} {'(CPU)':>7s}")
    for name, r in report.items():
        print(f"{name:12s} {r['cwced_f1']:9.3f} {r['author_acc']:7.0%} {r['date_acc']:6.0%} {r['snip_p']:7.3f} "
              f"{r['snip_r']:7.3f} {r['snip_f1']:8.3f} {r['pages_s']:8.1f} {r['pages_cpu_s']:7.1f}")
    z, t = report["zhdoc"], report["trafilatura"]
    print(f"speed ratio zhdoc/trafilatura: {z['pages_s'] / t['pages_s']:.2f}x wall, "
          f"{z['pages_cpu_s'] / t['pages_cpu_s']:.2f}x CPU; "
          f"F1 margin: {z['cwced_f1'] - t['cwced_f1']:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
