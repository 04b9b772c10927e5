"""Walk OUTDIR, write one page (+ JSON copy) per document, aggregate, write the dashboard."""
from __future__ import annotations

import json
import os
import shutil
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path, PurePosixPath

from .common import DASH_LABELS, POLARITY_BITS
from .dashboard import render_dashboard
from .page import render_page


def _site_of(doc: dict, rel: PurePosixPath) -> str:
    site = (doc.get("meta") or {}).get("site")
    if site:
        return str(site)
    if len(rel.parts) > 1:  # first folder under OUTDIR
        return rel.parts[0]
    parent = PurePosixPath(str((doc.get("source") or {}).get("path") or "")).parent.name
    return parent or "(unknown)"


def _record(doc: dict, rel: PurePosixPath, href: str) -> dict:
    """What the dashboard needs of one document (small, picklable)."""
    mentions: Counter = Counter()
    pol: dict[str, int] = defaultdict(int)
    arts: Counter = Counter()
    for e in doc.get("entities") or []:
        key = f"{e.get('label')}:{e.get('id')}"
        mentions[key] += 1
        p = e.get("polarity") or "affirmed"
        pol[key] |= POLARITY_BITS.get(p, 1)
        mentions[key + "\x00" + p] += 1
        law = e.get("law")
        if law:
            for a in law.get("articles") or []:
                arts[f"{e.get('id')}\x00{a.get('text') or a.get('article')}"] += 1
    meta = doc.get("meta") or {}
    published = str(meta.get("published") or "")
    return {"href": href, "rel": str(rel), "title": meta.get("title") or "", "site": _site_of(doc, rel),
            "date": published[:10], "n": len(doc.get("entities") or []), "mentions": dict(mentions),
            "pol": dict(pol), "articles": dict(arts), "errors": len(doc.get("errors") or [])}


def _page_name(rel: PurePosixPath) -> PurePosixPath:
    name = rel.name[:-5] if rel.name.endswith(".json") else rel.name
    return rel.with_name(name + ".html")


def _render_one(src: str, rel_s: str, site_dir: str) -> dict | None:
    rel = PurePosixPath(rel_s)
    try:
        raw = Path(src).read_text(encoding="utf-8")
        doc = json.loads(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or "text" not in doc or "outline" not in doc:
        return None  # not a zhdoc output
    page_rel = PurePosixPath("docs") / _page_name(rel)
    json_rel = PurePosixPath("docs") / rel
    out_page = Path(site_dir, *page_rel.parts)
    out_page.parent.mkdir(parents=True, exist_ok=True)
    up = "../" * (len(page_rel.parts) - 1)
    out_page.write_text(render_page(doc, json_rel.name, up + "index.html"), encoding="utf-8")
    shutil.copyfile(src, Path(site_dir, *json_rel.parts))
    return _record(doc, rel, str(page_rel))


def _chunk(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _render_batch(batch: list[tuple[str, str]], site_dir: str) -> list[dict | None]:
    return [_render_one(s, r, site_dir) for s, r in batch]


def render_site(outdir: Path, site: Path, workers: int = 1, page_size: int = 100) -> dict:
    """Render every ``*.json`` under ``outdir`` into ``site``; returns ``{documents, skipped}``."""
    outdir, site = Path(outdir), Path(site)
    files = sorted(p for p in outdir.rglob("*.json") if p.is_file() and not p.name.startswith("."))
    site.mkdir(parents=True, exist_ok=True)
    jobs = [(str(p), p.relative_to(outdir).as_posix()) for p in files]
    if workers > 1 and len(jobs) > 50:
        with ProcessPoolExecutor(max_workers=workers) as ex:
            results = [r for rs in ex.map(_render_batch, list(_chunk(jobs, 50)), [str(site)] * ((len(jobs) + 49) // 50))
                       for r in rs]
    else:
        results = [_render_one(s, r, str(site)) for s, r in jobs]
    records = [r for r in results if r is not None]
    html = render_dashboard(records, page_size=page_size)
    tmp = site / f".index.html.tmp{os.getpid()}"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, site / "index.html")
    return {"documents": len(records), "skipped": len(results) - len(records), "index_bytes": len(html.encode("utf-8"))}


__all__ = ["render_site", "DASH_LABELS"]
