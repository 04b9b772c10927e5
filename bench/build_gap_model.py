"""Build ``pipeline/data/gap_bigrams.json``: character statistics for gap detection/suggestion.

Training text: the clean legal corpus (``shared/data/laws-corpus``) and jieba's dictionary (each
word counted as text with weight ~log2(frequency)).  Stored: unigram and bigram counts of Han
characters and Chinese punctuation (bigrams seen at least three times), counts rounded to half
powers of two: ``{"bi": {"B": "abcdef…"}}`` holds bigrams ab, cd, ef … with count ~2**(B/2).
Also stored: for each fill word of ``gaps.json`` (``words``), how often it occurs in the legal corpus
and the characters seen right before and after it (``ctx``, counts >= 2) -- the suggestion model.
The bench sentences (collection, html-zh) are never used for training.  Deterministic (sorted).  Re-run after changing the sources:

    python bench/build_gap_model.py
"""
from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ZHDOC_SHARED") or ROOT.parent / "shared")
OUT = ROOT / "pipeline" / "data" / "gap_bigrams.json"
_KEEP = re.compile("[\u4e00-\u9fff，。、；：？！“”（）《》]")


def main() -> None:
    from pipeline.nlp.jieba_tok import dictionary_freq

    uni, bi = Counter(), Counter()

    def add(text: str, w: int = 1) -> None:
        prev = ""
        for c in text:
            if not _KEEP.match(c):
                prev = ""
                continue
            uni[c] += w
            if prev:
                bi[prev + c] += w
            prev = c

    words = json.loads((ROOT / "pipeline" / "data" / "gaps.json").read_text("utf-8"))["words"]
    ctx = {w: {"l": Counter(), "r": Counter(), "n": 0} for w in words}
    for f in sorted((SHARED / "data" / "laws-corpus").glob("*.md")):
        text = re.sub(r"<!--.*?-->", "", f.read_text("utf-8"), flags=re.S)
        for line in text.split("\n"):
            line = line.lstrip("# ")
            add(line)
            for w in words:  # the context of each fill word: the character before and after it
                i = line.find(w)
                while i >= 0:
                    c = ctx[w]
                    c["n"] += 1
                    if i > 0 and _KEEP.match(line[i - 1]):
                        c["l"][line[i - 1]] += 1
                    j = i + len(w)
                    if j < len(line) and _KEEP.match(line[j]):
                        c["r"][line[j]] += 1
                    i = line.find(w, i + 1)
    for word, freq in sorted(dictionary_freq().items()):
        if freq >= 3 and len(word) >= 2:
            add(word, max(1, int(math.log2(freq))))
    def buckets(counts: Counter, n: int, least: int) -> dict[str, str]:
        out: dict[int, list[str]] = {}
        for k, v in sorted(counts.items()):
            if v >= least:
                out.setdefault(int(round(2 * math.log2(v))), []).append(k)
        return {str(b): "".join(ks) for b, ks in sorted(out.items())}

    model = {
        "about": "character counts for gap detection: laws-corpus + jieba dictionary, built by "
                 "bench/build_gap_model.py; {bucket: concatenated keys}, count ~ 2**(bucket/2)",
        "total": sum(uni.values()),
        "uni": buckets(uni, 1, 2),
        "bi": buckets(bi, 2, 3),
        "ctx": {w: {"n": c["n"], "l": dict(sorted((k, v) for k, v in c["l"].items() if v >= 2)),
                    "r": dict(sorted((k, v) for k, v in c["r"].items() if v >= 2))}
                for w, c in sorted(ctx.items())},
    }
    raw = json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    OUT.write_bytes(raw)
    print(f"{OUT}: {len(uni)} chars, {sum(v >= 3 for v in bi.values())} bigrams, {len(raw)} bytes")

if __name__ == "__main__":
    main()
