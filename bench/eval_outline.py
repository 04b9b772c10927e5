"""Outline quality against gold: heading P/R/F1, level and parent accuracy, list-item recall, time share.

Usage:  python bench/eval_outline.py [--data-root /work/shared] [--set dev|test|all] [-v] [--limit N]

Datasets
  seed         the seed article (shared/seeds) against shared/gold/seed.expected.json
  gold         the hand-made files in tests/gold/outline (sources as plain text)
  laws         shared/data/laws (Markdown levels + 第X条 lines + （一） items are the gold)
  laws-corpus  shared/data/laws-corpus, documents that have 第X条 articles; even positions (sorted)
               are dev, odd positions are held out (``--set test``)
The Markdown '#' marks and the '<!-- INFO END -->' line are stripped before the text goes in.

A gold heading is matched by a predicted one with the same number and title (in document order,
whitespace and a trailing ：ignored).  Level accuracy and parent accuracy are over matched headings;
a parent is right when both are roots or the predicted parent is the match of the gold parent.
List-item recall: a gold item is found when a predicted list item has its marker and its text starts
with the gold text_prefix, both compared width- and bracket-insensitively (NFKC, 〔〕【】［］ folded,
whitespace ignored: the repair stage rewrites ( as （ and full-width digits as half-width).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.stages.outline import iter_blocks  # noqa: E402

CN = "零〇一二三四五六七八九十百千"
ARTICLE = re.compile(rf"^(第[{CN}]+条(?:之[{CN}]+)?)(?:[\s\u3000]|$)")
ITEM = re.compile(rf"^(（[{CN}]+）)\s*(.*)$")
MD_HEAD = re.compile(r"^(#{1,6})\s+(.*)$")
HEAD_NUM = re.compile(rf"^(第[{CN}\d]+(?:分编|编|章|节))[\s\u3000]*(.*)$|^([{CN}]+)、\s*(.*)$")


def strip_md(md: str) -> str:
    out = []
    for line in md.split("\n"):
        if line.strip() == "<!-- INFO END -->":
            continue
        m = MD_HEAD.match(line)
        out.append(m.group(2) if m else line)
    return "\n".join(out)


def law_gold(md: str) -> dict:
    """Gold from a LawRefBook Markdown file: ## / ### levels, 第X条 articles, （一） items."""
    heads, items = [], []
    stack: list[tuple[int, int]] = []  # (md level, heading index)
    last_article = None
    title = None
    for line in md.split("\n"):
        s = line.strip()
        m = MD_HEAD.match(s)
        if m:
            n = len(m.group(1))
            if n == 1:
                title = title or m.group(2).strip()
                continue
            body = m.group(2).strip()
            hm = HEAD_NUM.match(body)
            if hm and hm.group(1):
                number, t = hm.group(1), hm.group(2)
                scheme = "section" if number.endswith("节") else "chapter"
            elif hm:
                number, t, scheme = hm.group(3), hm.group(4), "cn_dun"
            else:
                number, t, scheme = None, body, "bold"
            while stack and stack[-1][0] >= n:
                stack.pop()
            heads.append({"number": number, "scheme": scheme, "title": t.strip(), "level": len(stack) + 1,
                          "parent": stack[-1][1] if stack else None})
            stack.append((n, len(heads) - 1))
            last_article = None
            continue
        am = ARTICLE.match(s)
        if am:
            heads.append({"number": am.group(1), "scheme": "article", "title": "", "level": len(stack) + 1,
                          "parent": stack[-1][1] if stack else None})
            last_article = len(heads) - 1
            continue
        im = ITEM.match(s)
        if im and last_article is not None:
            items.append({"marker": im.group(1), "text_prefix": im.group(2).strip()[:15], "parent": last_article})
    return {"title": title, "headings": heads, "list_items": items}


def seed_gold(root: Path) -> dict:
    g = json.loads((root / "gold" / "seed.expected.json").read_text("utf-8"))
    heads, items = [], []

    def walk(secs, parent):
        for s in secs:
            heads.append({"number": s["number"], "title": s["title"], "level": s["level"], "parent": parent})
            me = len(heads) - 1
            for b in s["blocks"]:
                if b["type"] == "list":
                    for it in b["items"]:
                        full = (f"{it['term']}：" if it.get("term") else "") + it["text"]
                        items.append({"marker": it["marker"], "text_prefix": full[:15], "parent": me})
            walk(s["children"], me)

    walk(g["outline"]["sections"], None)
    return {"headings": heads, "list_items": items}


def datasets(root: Path, which: str) -> dict[str, list[tuple[str, str | Path, dict]]]:
    """name -> [(doc name, input (text or path), gold)]."""
    out: dict[str, list] = {}
    if which in ("dev", "all"):
        seeds = sorted((root / "seeds").glob("*.txt"))
        if seeds:
            out["seed"] = [(seeds[0].name, seeds[0], seed_gold(root))]
        gdir = ROOT / "tests" / "gold" / "outline"
        rows = []
        for f in sorted(gdir.glob("*.json")):
            g = json.loads(f.read_text("utf-8"))
            src = root / g["source"]
            text = src.read_text("utf-8")
            if src.suffix == ".md":
                text = strip_md(text)
            rows.append((f.stem, text, g))
        out["gold"] = rows
        out["laws"] = [(p.stem, strip_md(p.read_text("utf-8")), law_gold(p.read_text("utf-8")))
                       for p in sorted((root / "data" / "laws").glob("*.md"))]
    used = {json.loads(f.read_text("utf-8"))["source"].split("/")[-1]
            for f in (ROOT / "tests" / "gold" / "outline").glob("*.json")}
    corpus = [p for p in sorted((root / "data" / "laws-corpus").glob("*.md")) if p.name not in used]
    rows = []
    for i, p in enumerate(corpus):
        md = p.read_text("utf-8")
        g = law_gold(md)
        if not any(h["scheme"] == "article" for h in g["headings"]):
            continue
        rows.append((i, p.stem, strip_md(md), g))
    if which in ("dev", "all"):
        out["laws-corpus-dev"] = [(n, t, g) for i, n, t, g in rows if i % 2 == 0]
    if which in ("test", "all"):
        out["laws-corpus-test"] = [(n, t, g) for i, n, t, g in rows if i % 2 == 1]
    return out


def _norm(s: str | None) -> str:
    return re.sub(r"[\s\u3000]+", "", s or "").rstrip("：:")


_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "［": "[", "］": "]", "【": "[", "】": "]", "〖": "[", "〗": "]",
                           "｛": "{", "｝": "}", "〈": "<", "〉": ">", "《": "<", "》": ">", "﹙": "(", "﹚": ")"})


def _fold(s: str | None) -> str:
    """Width- and bracket-insensitive form for list items: the repair stage turns ( into （ and
    full-width digits and letters into half-width, so both sides go through NFKC (（1）→(1), ２→2,
    ㈠→(一)), bracket folding, and lose their whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "").translate(_BRACKETS))


def item_match(pred: tuple[str, str], gold: dict) -> bool:
    return _fold(pred[0]) == _fold(gold["marker"]) and _fold(pred[1]).startswith(_fold(gold["text_prefix"]))


def score(doc: pipeline.Document, gold: dict) -> dict:
    pred = doc.headings
    path_idx = {h["path"]: i for i, h in enumerate(pred)}
    gh = gold["headings"]
    match: dict[int, int] = {}  # gold index -> predicted index
    j = 0
    for gi, g in enumerate(gh):
        key = (_norm(g["number"]), _norm(g["title"]))
        for k in range(j, len(pred)):
            if (_norm(pred[k]["number"]), _norm(pred[k]["title"])) == key:
                match[gi] = k
                j = k + 1
                break
    lvl = sum(pred[k]["level"] == gh[gi]["level"] for gi, k in match.items())
    par = 0
    for gi, k in match.items():
        gp, pp = gh[gi]["parent"], pred[k]["parent"]
        pp = path_idx.get(pp) if pp is not None else None
        par += (gp is None and pp is None) or (gp is not None and match.get(gp) == pp and pp is not None)
    # list items
    text = doc.text
    pitems = []

    for b in iter_blocks(doc.outline):
        if b["type"] == "list":
            for it in b["items"]:
                body = text[it["start"]:it["end"]].lstrip()
                mk = it["marker"]
                rest = body[len(mk):] if body.startswith(mk) else ((it.get("term") or "") + it["text"])
                pitems.append((mk, rest.lstrip(" \t\u3000")))
    found = 0
    j = 0
    for it in gold["list_items"]:
        for k in range(j, len(pitems)):
            if item_match(pitems[k], it):
                found += 1
                j = k + 1
                break
    return {"gold": len(gh), "pred": len(pred), "tp": len(match), "level": lvl, "parent": par,
            "items": len(gold["list_items"]), "items_found": found, "pred_items": len(pitems)}


def summarise(rows: list[dict]) -> dict:
    t = {k: sum(r[k] for r in rows) for k in ("gold", "pred", "tp", "level", "parent", "items", "items_found",
                                               "pred_items")}
    p = t["tp"] / t["pred"] if t["pred"] else 1.0
    r = t["tp"] / t["gold"] if t["gold"] else 1.0
    t.update(P=p, R=r, F1=2 * p * r / (p + r) if p + r else 0.0,
             lvl_acc=t["level"] / t["tp"] if t["tp"] else 1.0, par_acc=t["parent"] / t["tp"] if t["tp"] else 1.0,
             item_R=t["items_found"] / t["items"] if t["items"] else 1.0)
    return t


def fmt(name: str, s: dict) -> str:
    return (f"{name[:44]:44} {s['gold']:5d} {s['pred']:5d} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
            f"{s['lvl_acc']:6.3f} {s['par_acc']:6.3f} {s['items_found']:4d}/{s['items']:<4d} {s['item_R']:6.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", default=os.environ.get("ZHDOC_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--set", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("-v", "--verbose", action="store_true", help="one row per document")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    cfg = Config().without("tag")
    pipeline.process("预热：一、标题\n正文。", cfg)
    header = f"{'document':44} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'level':>6} {'parent':>6} {'items':>9} {'itemR':>6}"
    all_rows, t_outline, t_total = [], 0.0, 0.0
    for name, docs in datasets(Path(a.data_root), a.set).items():
        if a.limit:
            docs = docs[: a.limit]
        rows = []
        print(f"\n== {name} ({len(docs)} documents)\n{header}")
        for dname, src, gold in docs:
            if isinstance(src, str) and "\n" not in src:
                # pipeline.load takes a one-line str for a path and Path.is_file() raises
                # ENAMETOOLONG on a long one (a runner bug): give one-line texts as text
                src += "\n"
            doc = pipeline.process(src, cfg)
            t_outline += doc.timings.get("outline", 0.0)
            t_total += sum(doc.timings.values())
            s = summarise([score(doc, gold)])
            rows.append(s)
            if a.verbose or name != "laws-corpus-dev" and name != "laws-corpus-test":
                print(fmt(str(dname), s))
        tot = summarise(rows)
        print(fmt(f"[{name} total]", tot))
        all_rows += rows
    print()
    print(header)
    print(fmt("[overall]", summarise(all_rows)))
    print(f"outline time {t_outline:.2f}s of {t_total:.2f}s pipeline time ({100 * t_outline / max(t_total, 1e-9):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
