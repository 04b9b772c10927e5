"""``zhdoc render OUTDIR -o SITE``: a static, offline HTML site from zhdoc JSON outputs.

Everything the pages need is inline (CSS, JS, SVG charts) or beside them (a copy of each JSON), so
the site opens from ``file://`` without network.  Aggregation happens here in Python; the
dashboard embeds a compact index and its script only filters and paginates.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from .site import render_site

__all__ = ["render_site", "cmd_render"]


def cmd_render(args) -> int:
    src = Path(args.outdir)
    if not src.is_dir():
        print(f"zhdoc: no such folder: {src}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    stats = render_site(src, Path(args.output), workers=getattr(args, "workers", 1) or 1)
    if not getattr(args, "quiet", False):
        print(f"zhdoc: rendered {stats['documents']} documents ({stats['skipped']} skipped) -> "
              f"{Path(args.output) / 'index.html'} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0 if stats["documents"] else 1
