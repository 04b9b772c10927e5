"""Synthetic corpora for tests and benchmarks: copies of one zhdoc output with varied ids, sites,
dates and entity ids/polarities (text and offsets stay valid)."""
from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

SITES = ["www.example-news.cn", "bbs.loan-help.com", "zhidao.example.com", "finance.sample.net", "blog.demo.cn"]


def variant(doc: dict, i: int) -> dict:
    d = copy.deepcopy(doc)
    d["id"] = hashlib.sha256(f"{doc.get('id')}-{i}".encode()).hexdigest()[:16]
    meta = d.setdefault("meta", {})
    meta["site"] = SITES[i % len(SITES)] if i % 7 else None  # some without site: the folder is used
    meta["published"] = f"{2023 + (i // 12) % 2}-{i % 12 + 1:02d}-{i % 28 + 1:02d}T10:00:00+08:00"
    meta["title"] = f"{meta.get('title') or '文档'}（{i}）"
    ents = d.get("entities") or []
    methods = [e for e in ents if e.get("label") == "collection_method"]
    if i % 3 == 0 and methods:  # a negated third-party contact in every third document
        methods[0]["id"] = "third_party_contact"
        methods[0]["polarity"] = "negated"
    if i % 4 == 1 and len(methods) > 1:
        methods[1]["polarity"] = "uncertain"
    return d


def write_corpus(seed_json: Path, out: Path, n: int, folders: int = 3) -> list[Path]:
    """Write ``n`` variants of ``seed_json`` under ``out/<folder>/`` and return their paths."""
    doc = json.loads(Path(seed_json).read_text(encoding="utf-8"))
    paths = []
    for i in range(n):
        d = variant(doc, i)
        p = Path(out) / f"src{i % folders}" / f"doc_{i:05d}_{d['id']}.json"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(d, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(p)
    return paths
