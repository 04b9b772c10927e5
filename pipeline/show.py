"""Terminal and Markdown views of a processed document (``zhdoc show``, ``zhdoc explain``)."""
from __future__ import annotations

COLORS = {"collection_method": "31", "abusive_practice": "35", "right": "32", "obligation": "33",
          "law": "34", "authority": "36", "institution": "90", "personal_data": "41"}


def _tags_by_section(doc: dict) -> dict[str | None, list[dict]]:
    out: dict[str | None, list[dict]] = {}
    for e in doc.get("entities", []):
        out.setdefault(e.get("section"), []).append(e)
    return out


def _fmt_tags(ents: list[dict], color: bool) -> str:
    seen: dict[tuple[str, str], str] = {}
    for e in ents:
        key = (e["label"], e["id"])
        mark = "" if e["polarity"] == "affirmed" else ("¬" if e["polarity"] == "negated" else "?")
        seen.setdefault(key, mark)
    parts = []
    for (label, id_), mark in seen.items():
        t = f"{label}:{id_}{mark}"
        parts.append(f"\033[{COLORS.get(label, '0')}m{t}\033[0m" if color else t)
    return "  [" + ", ".join(parts) + "]" if parts else ""


def _table_shape(b: dict) -> str:
    rows = b.get("rows", [])
    return f"{len(rows)}×{max((len(r) for r in rows), default=0)}"


def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|") or " "


def render_table_md(rows: list[list[str]]) -> list[str]:
    """A Markdown (GFM) table: the first row is the header, short rows are padded."""
    if not rows:
        return []
    width = max(len(r) for r in rows)
    cells = [[_md_cell(c) for c in r] + [" "] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return out


def render_tree(doc: dict, color: bool = False) -> str:
    meta = doc.get("meta", {})
    lines = [f"{meta.get('title') or '(untitled)'}"]
    for k in ("author", "published", "site"):
        if meta.get(k):
            lines.append(f"  {k}: {meta[k]}")
    tags = _tags_by_section(doc)
    outline = doc.get("outline", {})
    if outline.get("lead"):
        tables = "".join(f", table {_table_shape(b)}" for b in outline["lead"] if b["type"] == "table")
        lines.append(f"├─ (lead: {len(outline['lead'])} blocks{tables}){_fmt_tags(tags.get(None, []), color)}")

    def walk(secs: list[dict], prefix: str):
        for i, s in enumerate(secs):
            last = i == len(secs) - 1
            branch = "└─ " if last else "├─ "
            num = f"{s['number']} " if s.get("number") else ""
            blocks = s.get("blocks", [])
            items = sum(len(b.get("items", [])) for b in blocks if b["type"] == "list")
            tables = [b for b in blocks if b["type"] == "table"]
            extra = f" ({len(blocks)} blocks" + (f", {items} list items" if items else "") + \
                "".join(f", table {_table_shape(t)}" for t in tables) + ")" if blocks else ""
            lines.append(f"{prefix}{branch}{num}{s['title']}{extra}{_fmt_tags(tags.get(s.get('path'), []), color)}")
            walk(s.get("sections", []), prefix + ("   " if last else "│  "))

    walk(outline.get("sections", []), "")
    if doc.get("errors"):
        lines.append("errors: " + "; ".join(f"{e['stage']}: {e['type']}: {e['message']}" for e in doc["errors"]))
    return "\n".join(lines) + "\n"


def render_markdown(doc: dict) -> str:
    out: list[str] = []
    outline = doc.get("outline", {})
    title = (outline.get("title") or {}).get("text") or doc.get("meta", {}).get("title")
    if title:
        out.append(f"# {title}\n")

    def blocks(bs: list[dict]):
        for b in bs:
            if b["type"] == "list":
                for it in b["items"]:
                    term = f"**{it['term']}**：" if it.get("term") else ""
                    out.append(f"- {it['marker']} {term}{it['text']}")
                out.append("")
            elif b["type"] == "table":
                out.extend(render_table_md(b["rows"]))
                out.append("")
            else:
                out.append(b["text"] + "\n")

    blocks(outline.get("lead", []))

    def walk(secs: list[dict]):
        for s in secs:
            hashes = "#" * min(6, s["level"] + 1)
            num = f"{s['number']} " if s.get("number") else ""
            out.append(f"{hashes} {num}{s['title']}\n")
            blocks(s.get("blocks", []))
            walk(s.get("sections", []))

    walk(outline.get("sections", []))
    return "\n".join(out).rstrip() + "\n"


def render_repairs(doc: dict) -> str:
    rows = [f"{len(doc.get('repairs', []))} repairs, {len(doc.get('gaps', []))} suspected gaps"]
    counts: dict[str, int] = {}
    for r in doc.get("repairs", []):
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    rows.append("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for r in doc.get("repairs", []):
        where = f"raw {r['raw_start']}-{r['raw_end']}" + (f", text {r['start']}-{r['end']}" if r.get("in_text") else ", removed later")
        rows.append(f"  {r['kind']:<22} {r['before']!r} -> {r['after']!r}  ({where})")
    for g in doc.get("gaps", []):
        rows.append(f"  gap at {g['start']}: …{g['before']}⟨{g.get('suggestion') or '?'}⟩{g['after']}…  "
                    f"({g['reason']}, confidence {g['confidence']})")
    return "\n".join(rows) + "\n"
