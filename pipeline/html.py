"""HTML to text lines that remember their source positions and DOM features.

lxml does all the work: parse (no network, no entity resolution), drop script/style/controls/
comments, then one walk over the pruned body's elements (``.text``/``.tail``).  BeautifulSoup is
not on this path any more: re-parsing the serialised body with it cost about 40% of decoding, and
lxml's tree already gives the same text nodes in document order.
Each output line is one block (heading, paragraph, list item, table cell, br-separated line) and
comes with a hint dict (tag, heading level, list kind and depth, link characters, bold, class/id
tokens of its ancestors) that the boilerplate and outline stages use.
"""
from __future__ import annotations

import re
from array import array

import lxml.etree
import lxml.html

from .offsets import Edit, TrackedText

# <form> is not dropped: ASP.NET pages wrap the whole page (article included) in one form; its
# controls (input, select, button, textarea) go instead.
DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "svg", "canvas", "select",
             "button", "input", "textarea", "object", "embed", "head")
BLOCK_TAGS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "pre",
    "section", "article", "dt", "dd", "ul", "ol", "dl", "table", "header", "footer", "nav", "aside",
    "main", "figure", "figcaption", "caption", "address", "center", "hr", "tbody", "thead", "body",
}
BOLD_TAGS = {"b", "strong"}
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z]+")


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                recover=True, huge_tree=False)


def head_metadata(root) -> dict:
    """<title>, <meta name/property=…> and <html lang> from the lxml tree."""
    out: dict[str, str] = {}
    t = root.find(".//title")
    if t is not None and t.text_content().strip():
        out["title"] = _WS.sub(" ", t.text_content()).strip()
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    lang = root.get("lang")
    if lang:
        out["lang"] = lang
    return out


def _prune(root) -> None:
    lxml.etree.strip_elements(root, *DROP_TAGS, with_tail=False)


class _Aligner:
    """Finds each text node of the DOM in the source, left to right, to give characters positions."""

    def __init__(self, raw: str):
        self.raw = raw
        self.cursor = 0

    def locate(self, node_text: str) -> tuple[array, array]:
        raw, n = self.raw, len(node_text)
        starts, ends = array("q"), array("q")
        probe = node_text.strip()[:12]
        j = raw.find(probe, self.cursor) if probe else -1
        if j < 0:  # entity-heavy or rewritten text: anchor it at the cursor, approximately
            j = self.cursor
            for i in range(n):
                p = min(j + i, len(raw))
                starts.append(p)
                ends.append(min(p + 1, len(raw)))
            return starts, ends
        # walk back over leading whitespace of the node
        lead = len(node_text) - len(node_text.lstrip())
        i, j0 = 0, j
        # leading whitespace: map onto the raw whitespace just before j
        for k in range(lead):
            p = max(self.cursor, j0 - lead + k)
            starts.append(p)
            ends.append(p + 1)
            i += 1
        if raw.startswith(node_text[i:], j):  # the common case: the node is a verbatim copy
            m = n - i
            starts.extend(range(j, j + m))
            ends.extend(range(j + 1, j + m + 1))
            i, j = n, j + m
        while i < n:
            c = node_text[i]
            if j < len(raw) and raw[j] == c:
                starts.append(j)
                ends.append(j + 1)
                i += 1
                j += 1
            elif j < len(raw) and raw[j] == "&":
                k = raw.find(";", j, j + 12)
                k = j if k < 0 else k
                starts.append(j)
                ends.append(k + 1)
                i += 1
                j = k + 1
            elif j < len(raw) and raw[j] == "<":  # tag between pieces (CDATA, wbr): skip it
                k = raw.find(">", j)
                j = len(raw) if k < 0 else k + 1
            elif c.isspace() and j < len(raw) and raw[j].isspace():
                starts.append(j)
                ends.append(j + 1)
                i += 1
                j += 1
            else:  # mismatch: map the rest proportionally, never beyond the source
                for _ in range(i, n):
                    p = min(j, len(raw) - 1) if raw else 0
                    starts.append(p)
                    ends.append(p + 1 if raw else 0)
                    j += 1
                break
        self.cursor = max(self.cursor, min(j, len(raw)))
        return starts, ends


def _tokens(el) -> list[str]:
    c, i = el.get("class"), el.get("id")
    if not c and not i:
        return []
    return _TOKEN.findall(f"{c or ''} {i or ''}".lower())


def html_to_lines(raw: str) -> tuple[TrackedText, list[dict], dict]:
    """Return (text with one block per line, one hint dict per line, head metadata)."""
    try:
        root = lxml.html.document_fromstring(raw.encode("utf-8"), parser=_parser())
    except (lxml.etree.ParserError, ValueError):
        root = lxml.html.fromstring("<html><body></body></html>")
    meta = head_metadata(root)
    _prune(root)
    body = root.find("body")
    top = body if body is not None else root

    aligner = _Aligner(raw)
    lines: list[tuple[list[tuple[str, array, array]], dict]] = []
    current: list[tuple[str, array, array]] = []
    state = {"hint": None}

    def flush():
        nonlocal current
        text = "".join(p[0] for p in current)
        if text.strip():
            lines.append((current, state["hint"] or {"tag": "body"}))
        current = []
        state["hint"] = None

    def text_node(s: str, ctx: dict, link: bool, bold: bool):
        if not current and s.isspace():  # indentation between tags: a line never starts with it
            return
        st, en = aligner.locate(s)
        if state["hint"] is None:
            state["hint"] = dict(ctx, link_chars=0, chars=0, bold_chars=0)
        h = state["hint"]
        visible = len(s.strip())
        h["chars"] += visible
        if link:
            h["link_chars"] += visible
        if bold:
            h["bold_chars"] += visible
        current.append((s, st, en))

    def walk(node, ctx: dict, link: bool, bold: bool):
        if node.text:
            text_node(node.text, ctx, link, bold)
        for child in node:
            name = child.tag
            if not isinstance(name, str):  # comment or processing instruction: only its tail counts
                if child.tail:
                    text_node(child.tail, ctx, link, bold)
                continue
            name = name.lower()
            if name == "br":
                flush()
            else:
                is_block = name in BLOCK_TAGS
                sub = ctx
                toks = _tokens(child)
                if is_block:
                    flush()
                    sub = dict(ctx, tag=name, tokens=ctx["tokens"] + toks)
                    if name in ("ul", "ol"):
                        sub["list"] = name
                        sub["depth"] = ctx["depth"] + 1
                    if name[0] == "h" and len(name) == 2 and name[1].isdigit():
                        sub["level"] = int(name[1])
                elif toks:
                    sub = dict(ctx, tokens=ctx["tokens"] + toks)
                walk(child, sub, link or name == "a", bold or name in BOLD_TAGS)
                if is_block:
                    flush()
            if child.tail:
                text_node(child.tail, ctx, link, bold)

    walk(top, {"tag": "body", "tokens": [], "list": None, "depth": 0}, False, False)
    flush()

    parts: list[str] = []
    starts, ends = array("q"), array("q")
    hints: list[dict] = []
    for pieces, hint in lines:
        if parts:
            parts.append("\n")
            p = ends[-1] if ends else 0
            starts.append(p)
            ends.append(p)
        for s, st, en in pieces:
            # a text node may hold newlines: inside a block they are only whitespace (one line per block)
            parts.append(s.replace("\r", " ").replace("\n", " ") if ("\n" in s or "\r" in s) else s)
            starts.extend(st)
            ends.extend(en)
        hint = dict(hint)
        hint["bold"] = hint.get("chars", 0) > 0 and hint.get("bold_chars", 0) >= hint["chars"]
        hints.append(hint)
    tracked = TrackedText("".join(parts), starts, ends, len(raw))
    return _collapse_block_whitespace(tracked), hints, meta


def _collapse_block_whitespace(tracked: TrackedText) -> TrackedText:
    """Inside each line, runs of whitespace become one space; lines are stripped."""
    text = tracked.text
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        for m in re.finditer(r"\s+", line):
            a, b = pos + m.start(), pos + m.end()
            if a == pos or b == end:
                edits.append(Edit(a, b, "", "html_whitespace"))
            elif b - a > 1 or line[m.start()] != " ":
                edits.append(Edit(a, b, " ", "html_whitespace"))
        pos = end + 1
    return tracked.apply(edits)
