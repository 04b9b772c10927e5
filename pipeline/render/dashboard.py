"""The corpus dashboard (index.html): counts, inline SVG charts with tables, filterable list."""
from __future__ import annotations

from collections import Counter, defaultdict

from .common import DASH_LABELS, esc, fill, label_style, script_json, template

TOP = 20  # ids charted per label (the table lists all, scrollable)


def svg_hbars(items: list[tuple[str, int]], colour: str, width: int = 460) -> str:
    """Horizontal bar chart (one bar per (name, value)), with <title> tooltips."""
    if not items:
        return '<p class="muted">none</p>'
    bar, gap, lab = 16, 5, 150
    h = len(items) * (bar + gap) + 10
    vmax = max(v for _, v in items) or 1
    scale = (width - lab - 50) / vmax
    rows = []
    for i, (name, v) in enumerate(items):
        y = 5 + i * (bar + gap)
        short = name if len(name) <= 14 else name[:13] + "…"
        w = max(1.0, v * scale)
        rows.append(f'<g><title>{esc(name)}: {v}</title><text x="{lab - 6}" y="{y + bar - 4}" text-anchor="end">{esc(short)}</text>'
                    f'<rect x="{lab}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}" stroke="#6b7280" stroke-width=".4"/>'
                    f'<text x="{lab + w + 4:.1f}" y="{y + bar - 4}">{v}</text></g>')
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" '
            f'viewBox="0 0 {width} {h}" role="img">{"".join(rows)}</svg>')


def svg_columns(items: list[tuple[str, int]], width: int = 620, height: int = 200, colour: str = "#93c5fd") -> str:
    """Column chart over time (one column per month)."""
    if not items:
        return '<p class="muted">no dates</p>'
    left, bottom, top = 34, 34, 10
    n = len(items)
    cw = (width - left - 10) / n
    vmax = max(v for _, v in items) or 1
    ih = height - bottom - top
    parts = [f'<line x1="{left}" y1="{top + ih}" x2="{width - 5}" y2="{top + ih}" stroke="#9ca3af"/>',
             f'<text x="{left - 4}" y="{top + 8}" text-anchor="end">{vmax}</text>',
             f'<text x="{left - 4}" y="{top + ih}" text-anchor="end">0</text>']
    every = max(1, n // 12)
    for i, (name, v) in enumerate(items):
        x = left + i * cw
        bh = v / vmax * ih
        parts.append(f'<g><title>{esc(name)}: {v}</title><rect x="{x + cw * .1:.1f}" y="{top + ih - bh:.1f}" '
                     f'width="{max(1.0, cw * .8):.1f}" height="{bh:.1f}" fill="{colour}" stroke="#6b7280" stroke-width=".4"/></g>')
        if i % every == 0:
            parts.append(f'<text x="{x + cw / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">{esc(name)}</text>')
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img">{"".join(parts)}</svg>')


def aggregate(records: list[dict]) -> dict:
    ids = defaultdict(lambda: {"docs": 0, "mentions": 0, "affirmed": 0, "negated": 0, "uncertain": 0,
                               "sites": Counter(), "articles": Counter()})
    sites = defaultdict(lambda: {"docs": 0, "labels": Counter(), "ids": defaultdict(Counter)})
    months = defaultdict(lambda: {"docs": 0, "labels": Counter()})
    for r in records:
        s = sites[r["site"]]
        s["docs"] += 1
        m = months[r["date"][:7] or "unknown"]
        m["docs"] += 1
        for key, n in r["mentions"].items():
            if "\x00" in key:
                key, pol = key.split("\x00", 1)
                if pol in ("affirmed", "negated", "uncertain"):
                    ids[key][pol] += n
                continue
            a = ids[key]
            a["docs"] += 1
            a["mentions"] += n
            a["sites"][r["site"]] += 1
            label, _, ident = key.partition(":")
            s["labels"][label] += n
            s["ids"][label][ident] += 1
            m["labels"][label] += n
        for k, n in r["articles"].items():
            law, art = k.split("\x00", 1)
            ids["law:" + law]["articles"][art] += n
    return {"ids": ids, "sites": sites, "months": months}


def _label_section(label: str, ids: dict) -> str:
    colour, short, name = label_style(label)
    rows = sorted(((k.partition(":")[2], v) for k, v in ids.items() if k.partition(":")[0] == label),
                  key=lambda kv: (-kv[1]["docs"], -kv[1]["mentions"], kv[0]))
    chart = svg_hbars([(i, v["docs"]) for i, v in rows[:TOP]], colour)
    law = label == "law"
    head = ("<tr><th>id</th><th class=n>docs</th><th class=n>mentions</th><th class=n>negated</th>"
            "<th class=n>uncertain</th><th>top sites (docs)</th>" + ("<th>articles</th>" if law else "") + "</tr>")
    body = []
    for i, v in rows:
        sites = ", ".join(f"{esc(s)} ({n})" for s, n in v["sites"].most_common(3))
        arts = ("<td>" + "、".join(f"{esc(a)}×{n}" for a, n in v["articles"].most_common(8)) + "</td>") if law else ""
        body.append(f'<tr class="pick" data-key="{esc(label)}:{esc(i)}" title="click: list the documents"><td>{esc(i)}</td>'
                    f'<td class=n>{v["docs"]}</td><td class=n>{v["mentions"]}</td><td class=n>{v["negated"]}</td>'
                    f'<td class=n>{v["uncertain"]}</td><td class="small">{sites}</td>{arts}</tr>')
    table = f'<div class="scroll"><table id="t-{esc(label)}">{head}{"".join(body)}</table></div>' if body else '<p class="muted">none</p>'
    return (f'<section id="sec-{esc(label)}"><h2><span class="chip" style="background:{colour}">{short}</span> '
            f'{esc(name)} <span class="muted small">({len(rows)} ids; chart: documents mentioning each, top {TOP})</span></h2>'
            f'<div class="grid2"><div>{chart}</div>{table}</div></section>')


def render_dashboard(records: list[dict], page_size: int = 100) -> str:
    records = sorted(records, key=lambda r: (r["date"] or "9999", r["rel"]))
    agg = aggregate(records)
    ids, sites, months = agg["ids"], agg["sites"], agg["months"]
    site_names = sorted(sites, key=lambda s: (-sites[s]["docs"], s))
    month_names = sorted(m for m in months if m != "unknown")
    # -- compact index for the browser: keys table + per doc [href, title, site#, date, n, codes]
    keys = sorted(ids)
    kidx = {k: i for i, k in enumerate(keys)}
    sidx = {s: i for i, s in enumerate(site_names)}
    docs = [[r["href"], r["title"], sidx[r["site"]], r["date"], r["n"],
             sorted(kidx[k] * 8 + r["pol"].get(k, 1) for k in r["mentions"] if "\x00" not in k)] for r in records]
    index = {"keys": keys, "sites": site_names, "docs": docs, "page": page_size}
    # -- cards
    dated = [r["date"] for r in records if r["date"]]
    cards = [("documents", len(records)), ("sites", len(sites)),
             ("entities", sum(r["n"] for r in records)),
             ("period", f"{min(dated)[:7]} – {max(dated)[:7]}" if dated else "—"),
             ("with errors", sum(1 for r in records if r["errors"]))]
    cards_html = "".join(f'<div class="card"><span class="muted small">{esc(k)}</span><b id="card-{k.replace(" ", "-")}">{esc(v)}</b></div>'
                         for k, v in cards)
    # -- over time
    time_rows = "".join(f'<tr><td>{esc(m)}</td><td class=n>{months[m]["docs"]}</td>'
                        + "".join(f'<td class=n>{months[m]["labels"].get(l, 0)}</td>' for l in DASH_LABELS) + "</tr>"
                        for m in month_names + (["unknown"] if "unknown" in months else []))
    lab_heads = "".join(f'<th class=n title="{esc(l)} mentions">{label_style(l)[1]}</th>' for l in DASH_LABELS)
    time_html = (f'<div class="grid2"><div>{svg_columns([(m, months[m]["docs"]) for m in month_names])}</div>'
                 f'<div class="scroll"><table id="t-time"><tr><th>month</th><th class=n>docs</th>{lab_heads}</tr>{time_rows}</table></div></div>')
    # -- per site
    site_rows = []
    for s in site_names:
        v = sites[s]
        tops = "".join(f'<td class="small">{", ".join(f"{esc(i)} ({n})" for i, n in v["ids"][l].most_common(3))}</td>'
                       for l in DASH_LABELS)
        site_rows.append(f'<tr><td>{esc(s)}</td><td class=n>{v["docs"]}</td>{tops}</tr>')
    site_heads = "".join(f'<th>{label_style(l)[1]} (docs)</th>' for l in DASH_LABELS)
    site_html = (f'<div class="wide"><div>{svg_hbars([(s, sites[s]["docs"]) for s in site_names[:TOP]], "#a5b4fc")}</div>'
                 f'<div class="scroll"><table id="t-sites"><tr><th>site</th><th class=n>docs</th>{site_heads}</tr>'
                 f'{"".join(site_rows)}</table></div></div>')
    labels_html = "".join(_label_section(l, ids) for l in DASH_LABELS)
    body = f"""<header><h1>zhdoc corpus</h1><div class="cards">{cards_html}</div>
<nav class="small"><a href="#time">over time</a> · <a href="#sites">sites</a> · {" · ".join(f'<a href="#sec-{l}">{esc(label_style(l)[2])}</a>' for l in DASH_LABELS)} · <a href="#documents">documents</a></nav></header>
<section id="time"><h2>Documents over time <span class="muted small">(meta.published, per month; table: mentions per label)</span></h2>{time_html}</section>
<section id="sites"><h2>Sites <span class="muted small">(meta.site, else the source folder)</span></h2>{site_html}</section>
{labels_html}
<section id="documents"><h2>Documents</h2>
<div class="filter"><input id="f-text" type="search" placeholder="title, path or site…" size="22">
<select id="f-label"><option value="">(any label)</option></select><select id="f-id"></select>
<select id="f-pol"><option value="">(any polarity)</option><option value="affirmed">affirmed</option><option value="negated">negated</option><option value="uncertain">uncertain</option></select>
<select id="f-site"><option value="">(any site)</option></select>
from <input id="f-from" type="month"> to <input id="f-to" type="month">
<button id="f-reset" type="button">reset</button> <span id="f-info" class="muted"></span></div>
<table id="doclist"><thead><tr><th>title</th><th>site</th><th>published</th><th class=n>entities</th></tr></thead><tbody></tbody></table>
<p><button id="f-prev" type="button">← previous</button> <button id="f-next" type="button">next →</button></p>
</section>
<script type="application/json" id="zhdoc-index">{script_json(index)}</script>"""
    return fill("page.html", title="zhdoc corpus", css=template("style.css"), body=body, body_class="dash",
                js=template("dashboard.js"))
