"""One document page: meta, legend, outline tree, highlighted text, gaps, repairs, boilerplate."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from .common import LABELS, css_label, esc, fill, label_style, template


def _num(x) -> str:
    return f"{x:.2f}" if isinstance(x, float) else str(x if x is not None else "")


def _entity_title(e: dict) -> str:
    lines = [f"{e.get('label')}:{e.get('id')}", f"polarity: {e.get('polarity', 'affirmed')}"
             + (f" (cue: {e['polarity_cue']})" if e.get("polarity_cue") else ""),
             f"evidence: {e.get('evidence', '')}", f"confidence: {_num(e.get('confidence'))}"]
    if e.get("section"):
        lines.append(f"section: {e['section']}")
    law = e.get("law")
    if law:
        lines.append(f"law: {law.get('name')} ({law.get('kind')}, {law.get('status')}"
                     + (f", repealed {law['repealed']}" if law.get("repealed") else "")
                     + (f", replaced by {law['replaced_by']}" if law.get("replaced_by") else "") + ")")
        arts = [a.get("text") or str(a.get("article")) for a in law.get("articles") or []]
        if arts:
            lines.append("articles: " + "、".join(arts))
    return "\n".join(lines)


def _repair_units(text: str, repairs: list[dict]) -> list[tuple[int, int, str]]:
    """Visible repairs as (start, end, title): a replacement covers its span; a deletion is shown on
    the character before it (``费`` with title ``before: 費(fèi)``)."""
    units: dict[tuple[int, int], list] = {}  # (s, e) -> [before, kinds]
    ends: dict[int, tuple[int, int]] = {}
    reps = [r for r in repairs if r.get("in_text", True) and "start" in r]
    for r in reps:
        s, e = r["start"], r["end"]
        if e > s:
            u = units.setdefault((s, e), [r.get("before", ""), []])
            u[1].append(r["kind"])
            ends[e] = (s, e)
    for r in sorted((r for r in reps if r["end"] <= r["start"]), key=lambda r: r.get("raw_start", 0)):
        p = r["start"]
        if p in ends:
            u = units[ends[p]]
            u[0] += r.get("before", "")
        elif p > 0 and p <= len(text) and text[p - 1] != "\n":
            u = units.setdefault((p - 1, p), [text[p - 1], []])
            ends[p] = (p - 1, p)
            u[0] += r.get("before", "")
        elif p < len(text):
            u = units.setdefault((p, p + 1), ["", []])
            u[0] = r.get("before", "") + (u[0] or text[p])
        else:
            continue
        u[1].append(r["kind"])
    out = []
    last = -1
    for (s, e), (before, kinds) in sorted(units.items()):
        if s < last:  # overlapping repairs: keep the first
            continue
        out.append((s, e, f"before: {before}\n({', '.join(dict.fromkeys(kinds))})"))
        last = e
    return out


class Marker:
    """Renders ranges of the clean text with entities, repairs and gaps marked up."""

    def __init__(self, doc: dict):
        self.text = doc.get("text") or ""
        ents = [e for e in doc.get("entities") or [] if isinstance(e.get("start"), int) and e["end"] >= e["start"]]
        self.ents = sorted(ents, key=lambda e: (e["start"], -e["end"]))
        self.ent_starts = [e["start"] for e in self.ents]
        self.units = _repair_units(self.text, doc.get("repairs") or [])
        self.unit_starts = [u[0] for u in self.units]
        self.gaps = sorted((g for g in doc.get("gaps") or [] if isinstance(g.get("start"), int)), key=lambda g: g["start"])
        self.gap_pos = [g["start"] for g in self.gaps]
        self.rendered: set[int] = set()
        self.gaps_done: set[int] = set()

    # -- plain text with repairs and gaps ------------------------------------------------------
    def _gap(self, i: int) -> str:
        g = self.gaps[i]
        self.gaps_done.add(i)
        title = (f"suspected gap ({g.get('reason', '')}, confidence {_num(g.get('confidence'))})\n"
                 f"suggestion: {g.get('suggestion') or '?'}")
        return f'<ins class="gap" title="{esc(title)}">⟨{esc(g.get("suggestion") or "?")}?⟩</ins>'

    def _plain(self, a: int, b: int, out: list[str], close_end: bool = False) -> None:
        text = self.text
        points = []
        gi = bisect_left(self.gap_pos, a)
        while gi < len(self.gaps) and (self.gap_pos[gi] < b or (close_end and self.gap_pos[gi] == b)):
            if gi not in self.gaps_done:
                points.append((self.gap_pos[gi], 0, gi))
            gi += 1
        ui = max(0, bisect_left(self.unit_starts, a) - 1)
        while ui < len(self.units) and self.units[ui][0] < b:
            s, e, _ = self.units[ui]
            if e > a:
                points.append((max(s, a), 1, ui))
            ui += 1
        points.sort()
        pos = a
        for p, kind, i in points:
            if kind == 0:
                if p > pos:
                    out.append(esc(text[pos:p]))
                    pos = p
                out.append(self._gap(i))
            else:
                s, e, title = self.units[i]
                e = min(e, b)
                if p < pos:
                    continue
                if p > pos:
                    out.append(esc(text[pos:p]))
                out.append(f'<span class="rep" title="{esc(title)}">{esc(text[p:e])}</span>')
                pos = e
        if pos < b:
            out.append(esc(text[pos:b]))

    # -- entities ------------------------------------------------------------------------------
    def _range(self, a: int, b: int, idx: list[int], out: list[str], close_end: bool) -> None:
        pos = a
        k = 0
        while k < len(idx):
            i = idx[k]
            e = self.ents[i]
            s, t = max(e["start"], pos), min(e["end"], b)
            inner = []
            k += 1
            while k < len(idx) and self.ents[idx[k]]["start"] < t:
                inner.append(idx[k])
                k += 1
            if s > t or (s == t and e["end"] > e["start"]):
                continue
            self._plain(pos, s, out)
            label = e.get("label") or "other"
            _, short, _ = label_style(label)
            pol = e.get("polarity") or "affirmed"
            out.append(f'<mark class="ent l-{css_label(label)} pol-{esc(pol)}" style="--c:{label_style(label)[0]}" '
                       f'data-label="{esc(label)}" data-id="{esc(e.get("id"))}" data-pol="{esc(pol)}" '
                       f'data-short="{short}" title="{esc(_entity_title(e))}">')
            self._range(s, t, inner, out, s == t)  # zero-width (an inferred word): wraps its gap
            out.append("</mark>")
            self.rendered.add(i)
            pos = t
        self._plain(pos, b, out, close_end)

    def html(self, a: int, b: int, close_end: bool = True) -> str:
        lo = bisect_left(self.ent_starts, a)
        idx = []
        for i in range(lo, len(self.ents)):
            if self.ents[i]["start"] > b or (self.ents[i]["start"] == b and not (close_end and self.ents[i]["end"] == b)):
                break
            if i not in self.rendered and self.ents[i]["end"] <= b:
                idx.append(i)
        out: list[str] = []
        self._range(a, b, idx, out, close_end)
        return "".join(out)


def _blocks(blocks: list[dict], mk: Marker) -> str:
    out = []
    for b in blocks:
        if b.get("type") == "list":
            tag = "ol" if b.get("ordered") else "ul"
            items = "".join(f'<li>{mk.html(it["start"], it["end"])}</li>' for it in b.get("items", []) if "start" in it)
            out.append(f'<{tag} class="items">{items}</{tag}>')
        elif b.get("type") == "table":
            # cells carry no spans of their own: shown as plain text (entities stay in the tables
            # of the sidebar)
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in b.get("rows", []))
            out.append(f'<table class="block-table">{rows}</table>')
        elif "start" in b:
            out.append(f'<p>{mk.html(b["start"], b["end"])}</p>')
        else:
            out.append(f'<p>{esc(b.get("text", ""))}</p>')
    return "".join(out)


def _anchor(path: str) -> str:
    return "s-" + esc(path).replace("/", "_").replace(" ", "_")


def _sections(sections: list[dict], mk: Marker) -> str:
    out = []
    for s in sections:
        h = s.get("heading") or {}
        head = mk.html(h["start"], h["end"]) if "start" in h else esc(f"{s.get('number') or ''} {s.get('title') or ''}")
        out.append(f'<details class="sec lvl{int(s.get("level") or 1)}" open id="{_anchor(s.get("path") or "")}" '
                   f'data-path="{esc(s.get("path"))}"><summary>{head}</summary>'
                   f'{_blocks(s.get("blocks") or [], mk)}{_sections(s.get("sections") or [], mk)}</details>')
    return "".join(out)


def _toc(sections: list[dict]) -> str:
    if not sections:
        return ""
    items = "".join(f'<li><a href="#{_anchor(s.get("path") or "")}">{esc(s.get("number") or "")} {esc(s.get("title") or "")}</a>'
                    f'{_toc(s.get("sections") or [])}</li>' for s in sections)
    return f"<ul>{items}</ul>"


def _meta(doc: dict, json_name: str) -> str:
    meta = doc.get("meta") or {}
    src = doc.get("source") or {}
    rows = []
    for k, v in meta.items():
        if k in ("title",) or v in (None, "", []):
            continue
        rows.append((k, "; ".join(map(str, v)) if isinstance(v, list) else v))
    rows += [("id", doc.get("id")), ("source", src.get("path")),
             ("encoding", f"{src.get('encoding')} ({src.get('encoding_reason', '')})"),
             ("format", src.get("format")), ("bytes", src.get("bytes")), ("sha256", src.get("sha256"))]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
    dl += f'<dt>JSON</dt><dd><a href="{esc(json_name)}" id="json-link">{esc(json_name)}</a></dd>'
    return f'<dl class="meta">{dl}</dl>'


def _legend(doc: dict) -> str:
    counts = Counter(e.get("label") for e in doc.get("entities") or [])
    labels = [l for l in LABELS if counts.get(l)] + sorted(l for l in counts if l not in LABELS)
    parts = []
    for l in labels:
        colour, short, name = label_style(l)
        parts.append(f'<label><input type="checkbox" checked data-label="{css_label(l)}"> '
                     f'<span class="chip" style="background:{colour}">{short}</span> {esc(name)} '
                     f'<span class="muted">{counts[l]}</span></label>')
    parts.append('<span class="muted">| <mark class="ent pol-negated" style="--c:#e5e7eb">negated</mark> '
                 '<mark class="ent pol-uncertain" style="--c:#e5e7eb">uncertain</mark> '
                 '<span class="rep" title="before: …">repaired</span> '
                 '<ins class="gap" title="suspected gap">⟨suggestion?⟩</ins></span>')
    return f'<div class="legend">{"".join(parts)}</div>'


def _entity_table(doc: dict) -> str:
    c: Counter = Counter()
    for e in doc.get("entities") or []:
        c[(e.get("label"), e.get("id"), e.get("polarity", "affirmed"))] += 1
    if not c:
        return '<p class="muted">no entities</p>'
    rows = "".join(f'<tr><td><span class="chip" style="background:{label_style(l)[0]}">{label_style(l)[1]}</span> {esc(i)}</td>'
                   f'<td>{esc(p)}</td><td class="n">{n}</td></tr>'
                   for (l, i, p), n in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    return f"<table><tr><th>entity</th><th>polarity</th><th class=n>n</th></tr>{rows}</table>"


def render_page(doc: dict, json_name: str, index_href: str) -> str:
    """The HTML page of one zhdoc JSON document (``json_name``: the JSON copy beside the page)."""
    mk = Marker(doc)
    outline = doc.get("outline") or {}
    meta = doc.get("meta") or {}
    t = outline.get("title") or {}
    title_text = meta.get("title") or (t.get("text") if isinstance(t, dict) else t) or doc.get("id") or "?"
    title_html = mk.html(t["start"], t["end"]) if isinstance(t, dict) and "start" in t else esc(title_text)
    lead = _blocks(outline.get("lead") or [], mk)
    secs = _sections(outline.get("sections") or [], mk)
    missing = [e for i, e in enumerate(mk.ents) if i not in mk.rendered]
    extra = ""
    if missing:  # entities outside every outline block (should be rare): still listed, highlighted
        extra = ('<h2>Entities outside the outline</h2><p>'
                 + " ".join(Marker({"text": doc.get("text", ""), "entities": [e]}).html(e["start"], e["end"]) for e in missing)
                 + "</p>")
    gaps_left = [g for i, g in enumerate(mk.gaps) if i not in mk.gaps_done]
    if gaps_left:
        extra += "<h2>Other suspected gaps</h2><ul>" + "".join(
            f'<li>{esc(g.get("before"))}<ins class="gap">⟨{esc(g.get("suggestion") or "?")}?⟩</ins>{esc(g.get("after"))}</li>'
            for g in gaps_left) + "</ul>"
    errors = ""
    if doc.get("errors"):
        errors = '<div class="errors"><b>errors</b><ul>' + "".join(
            f"<li>{esc(e.get('stage'))}: {esc(e.get('type'))}: {esc(e.get('message'))}</li>" for e in doc["errors"]) + "</ul></div>"
    rep_kinds = Counter(r.get("kind") for r in doc.get("repairs") or [])
    rep_table = "".join(f"<tr><td>{esc(k)}</td><td class=n>{n}</td></tr>" for k, n in rep_kinds.most_common())
    removed = "".join(f'<li><span class="kind">{esc(b.get("kind"))}</span> {esc(b.get("text"))}</li>'
                      for b in doc.get("boilerplate") or [])
    gaps_list = "".join(f'<li>…{esc(g.get("before"))}<ins class="gap">⟨{esc(g.get("suggestion") or "?")}?⟩</ins>'
                        f'{esc(g.get("after"))}… <span class="muted">{esc(g.get("reason"))} {_num(g.get("confidence"))}</span></li>'
                        for g in doc.get("gaps") or [])
    body = f"""<nav class="crumbs"><a href="{esc(index_href)}">← all documents</a> · <a href="{esc(json_name)}">JSON</a></nav>
<header><h1 id="doc-title">{title_html}</h1>{_meta(doc, json_name)}</header>
{errors}
{_legend(doc)}
<div class="layout">
<article id="doc-text"><div class="tools"><button id="expand" type="button">expand all</button><button id="collapse" type="button">collapse all</button></div>
<div class="lead">{lead}</div>
<div id="outline">{secs}</div>
{extra}
</article>
<aside><b>Outline</b> <span class="muted">({len(doc.get("headings") or [])} headings)</span>{_toc(outline.get("sections") or [])}
<p><b>Entities</b></p>{_entity_table(doc)}
<p><b>Suspected gaps</b> <span class="muted">({len(doc.get("gaps") or [])})</span></p><ul class="small">{gaps_list}</ul>
<p><b>Repairs</b> <span class="muted">({len(doc.get("repairs") or [])}; hover the dotted text)</span></p><table>{rep_table}</table>
</aside>
</div>
<section class="removed" id="boilerplate"><h2>Removed boilerplate ({len(doc.get("boilerplate") or [])})</h2><ul>{removed}</ul></section>"""
    return fill("page.html", title=esc(title_text) + " · zhdoc", css=template("style.css"), body=body,
                body_class="doc", js=template("doc.js"))
