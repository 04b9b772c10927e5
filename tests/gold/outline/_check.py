"""Sanity checker for the hand-made outline gold set.

Usage:  python tests/gold/outline/_check.py [--data-root /work/shared]

For every *.json gold file next to this script it checks:
  * the schema (keys, shape, scheme, types);
  * the source file exists under the data root (default /work/shared, or $ZHDOC_SHARED);
  * every heading title occurs in the source text, and the heading can be found in document
    order (number/marker + title for numbered schemes, title alone otherwise);
  * every list item's marker followed (after optional blanks) by its text_prefix occurs in the
    source, in document order, and text_prefix is at most 15 characters;
  * heading parents are earlier indices with level == parent level + 1 (level 1 <=> parent null);
  * list-item parents are valid heading indices that occur before the item in the text.
Prints per-file and total counts; exits 1 if any problem is found.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

SHAPES = {"news", "qa", "notice", "judgment", "job_ad", "law", "other"}
SCHEMES = {"cn_dun", "cn_paren", "arabic_dot", "arabic_paren", "decimal", "circled",
           "chapter", "section", "article", "bracket_label", "bold", "html"}
NUMBERED = SCHEMES - {"bold", "html", "bracket_label"}
CN_NUM = "一二三四五六七八九十百千零〇两"


def number_patterns(h: dict) -> list[str]:
    """Regex fragments for how a numbered heading's marker may be written in the source."""
    n = re.escape(h["number"] or "")
    sch = h["scheme"]
    if sch == "cn_dun":
        return [n + r"\s*[、，,．.]"]
    if sch == "cn_paren":
        return [r"[（(]\s*" + n + r"\s*[）)]"]
    if sch == "arabic_dot":
        return [n + r"\s*[.．、]"]
    if sch == "arabic_paren":
        return [r"[（(]?\s*" + n + r"\s*[）)]"]
    if sch == "decimal":
        return [n + r"\.?"]
    if sch in ("chapter", "section", "article"):
        return [n]
    return [n]


def check_file(path: Path, root: Path) -> tuple[list[str], int, int]:
    errs: list[str] = []
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"cannot load: {e}"], 0, 0
    for k in ("source", "shape", "title", "headings", "list_items", "notes"):
        if k not in d:
            errs.append(f"missing key {k}")
    if errs:
        return errs, 0, 0
    if d["shape"] not in SHAPES:
        errs.append(f"bad shape {d['shape']!r}")
    src = root / d["source"]
    if not src.is_file():
        return errs + [f"source not found: {src}"], 0, 0
    text = src.read_text(encoding="utf-8")
    if d["title"] is not None and d["title"] not in text:
        errs.append(f"title not in source: {d['title']!r}")

    heads = d["headings"]
    hpos: list[int] = []
    pos = 0
    for i, h in enumerate(heads):
        tag = f"heading[{i}]"
        for k in ("number", "scheme", "title", "level", "parent"):
            if k not in h:
                errs.append(f"{tag}: missing {k}")
        if h.get("scheme") not in SCHEMES:
            errs.append(f"{tag}: bad scheme {h.get('scheme')!r}")
            hpos.append(-1)
            continue
        title = h["title"]
        if h["scheme"] == "article":
            if title != "":
                errs.append(f"{tag}: article title must be empty")
            if not re.fullmatch(f"第[{CN_NUM}]+条", h["number"] or ""):
                errs.append(f"{tag}: bad article number {h['number']!r}")
        elif not title:
            errs.append(f"{tag}: empty title")
        elif title not in text:
            errs.append(f"{tag}: title not in source: {title!r}")
        if h["scheme"] in NUMBERED and not h["number"]:
            errs.append(f"{tag}: numbered scheme without number")
        if h["scheme"] in ("chapter", "section") and not re.fullmatch(
                f"第[{CN_NUM}]+{'章' if h['scheme'] == 'chapter' else '节'}", h["number"] or ""):
            errs.append(f"{tag}: bad {h['scheme']} number {h['number']!r}")
        # locate in document order
        if h["scheme"] in NUMBERED or (h["scheme"] == "html" and h["number"]):
            pats = number_patterns(h) if h["scheme"] != "html" else [re.escape(h["number"])]
            rx = re.compile("(?:" + "|".join(pats) + r")[\s:：]*" + re.escape(title))
        else:
            rx = re.compile(re.escape(title))
        m = rx.search(text, pos)
        if not m:
            errs.append(f"{tag}: not found in document order: {h['number']!r} {title!r}")
            hpos.append(-1)
        else:
            hpos.append(m.start())
            pos = m.start() + 1
        # tree
        p, lvl = h["parent"], h["level"]
        if not isinstance(lvl, int) or lvl < 1:
            errs.append(f"{tag}: bad level {lvl!r}")
        elif p is None:
            if lvl != 1:
                errs.append(f"{tag}: root heading with level {lvl}")
        elif not (isinstance(p, int) and 0 <= p < i):
            errs.append(f"{tag}: parent {p!r} is not an earlier index")
        elif heads[p]["level"] >= lvl:
            errs.append(f"{tag}: parent level {heads[p]['level']} not smaller than {lvl}")
        elif heads[p]["level"] != lvl - 1:
            errs.append(f"{tag}: level {lvl} skips below parent level {heads[p]['level']}")

    pos = 0
    for j, it in enumerate(d["list_items"]):
        tag = f"list_items[{j}]"
        for k in ("marker", "text_prefix", "parent"):
            if k not in it:
                errs.append(f"{tag}: missing {k}")
        mk, tp = it.get("marker", ""), it.get("text_prefix", "")
        if not mk or not tp:
            errs.append(f"{tag}: empty marker or text_prefix")
            continue
        if len(tp) > 15:
            errs.append(f"{tag}: text_prefix longer than 15 chars")
        if tp not in text:
            errs.append(f"{tag}: text_prefix not in source: {tp!r}")
        m = re.compile(re.escape(mk) + r"[ \t\u3000]*" + re.escape(tp)).search(text, pos)
        if not m:
            errs.append(f"{tag}: marker+text not found in document order: {mk!r} {tp!r}")
            continue
        pos = m.start() + 1
        p = it["parent"]
        if p is not None:
            if not (isinstance(p, int) and 0 <= p < len(heads)):
                errs.append(f"{tag}: bad parent {p!r}")
            elif hpos[p] >= 0 and hpos[p] > m.start():
                errs.append(f"{tag}: parent heading {p} comes after the item")
            else:
                nxt = [hpos[k] for k in range(p + 1, len(heads))
                       if hpos[k] >= 0 and heads[k]["level"] <= heads[p]["level"]]
                if nxt and min(nxt) < m.start():
                    errs.append(f"{tag}: item lies outside the span of parent heading {p}")
    return errs, len(heads), len(d["list_items"])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", default=os.environ.get("ZHDOC_SHARED", "/work/shared"))
    a = ap.parse_args()
    root = Path(a.data_root)
    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.json"))
    bad = 0
    th = tl = 0
    print(f"{'file':42} {'shape':9} {'head':>5} {'list':>5}  status")
    for f in files:
        errs, nh, nl = check_file(f, root)
        shape = json.loads(f.read_text(encoding="utf-8")).get("shape", "?") if not errs or nh or nl else "?"
        th += nh
        tl += nl
        print(f"{f.stem:42} {shape:9} {nh:5d} {nl:5d}  {'ok' if not errs else 'FAIL'}")
        for e in errs:
            print("    -", e)
        bad += bool(errs)
    print(f"{len(files)} files, {th} headings, {tl} list items, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
