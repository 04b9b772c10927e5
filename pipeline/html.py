"""HTML to text lines that remember their source positions and DOM features.

Two parsers, each where it pays:

1. **lxml** parses the page (no network, no entity resolution), reads the head metadata, drops
   script/style/controls/comments, and cheaply *detaches obvious chrome containers*: ``<nav>``,
   ``<footer>``, ``<aside>``, a ``<header>`` outside any ``<article>``, and elements whose own
   class/id words name chrome (nav, menu, footer, sidebar, breadcrumb, share, comment, related,
   copyright, …) unless they hold article content.  Each detached subtree is replaced by a
   placeholder and turned into lines by an iterative lxml walk; those lines keep their raw
   positions and carry ``hint["chrome"]`` (the reason), so the boilerplate stage removes them with
   kind ``chrome`` and nothing is lost.
2. **BeautifulSoup** (``BeautifulSoup(candidate_html, "lxml")``) builds the blocks of the much
   smaller remaining candidate content; at each placeholder the detached chrome lines are emitted,
   so lines stay in document order and the aligner (which finds text nodes in the source left to
   right) gives exact ``raw_start``/``raw_end``.

Both walks use an explicit stack (no recursion), so arbitrarily deep nesting cannot raise
RecursionError.  Each output line is one block (heading, paragraph, list item, table cell,
br-separated line) and comes with a hint dict (tag, heading level, list kind and depth, class/id
tokens of its ancestors, link characters, characters, bold) that the boilerplate and outline stages
use.
"""
from __future__ import annotations

import functools
import gc
import re
from array import array

import lxml.etree
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

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
_DROP = set(DROP_TAGS)
# ruby annotations (<rt> pinyin or zhuyin over the characters, <rp> its fallback brackets) are left
# out of the text and recorded as repairs, like inline glosses
RUBY_TAGS = ("rt", "rp")
BOLD_TAGS = {"b", "strong"}
_WS = re.compile(r"\s+")
_text = lxml.etree.XPath("string(.)", smart_strings=False)  # an element's text content
_TOKEN = re.compile(r"[a-z]+")


# a plain lxml.etree parser: lxml.html's element-class lookup costs a Python call per element proxy
def _parser() -> lxml.etree.HTMLParser:
    return lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                recover=True, huge_tree=False)


def head_metadata(root) -> dict:
    """<title>, <meta name/property=…> and <html lang> from the lxml tree."""
    out: dict[str, str] = {}
    t = root.find(".//title")
    if t is not None and _text(t).strip():
        out["title"] = _WS.sub(" ", _text(t)).strip()
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


_ESCAPED = re.compile("[&<>\"'\xa0]")
_ENTITY_FORMS = {"&": "amp|#38|#x26", "<": "lt|#60|#x3c", ">": "gt|#62|#x3e", '"': "quot|#34|#x22",
                 "'": "apos|#39|#x27", "\xa0": "nbsp|#160|#xa0"}


_USUAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\xa0": "&nbsp;"})


@functools.lru_cache(maxsize=4096)
def _probe_regex(probe: str) -> re.Pattern:
    """The probe as it may stand in the source: each escapable character literal or as an entity."""
    return re.compile("".join(f"(?:{re.escape(c)}|&(?i:{_ENTITY_FORMS[c]});?)" if c in _ENTITY_FORMS else re.escape(c)
                              for c in probe))


_HEAD_END = re.compile(r"</head\s*>", re.I)
_BODY_START = re.compile(r"<body\b[^>]*>", re.I)
_TAG_OPEN = re.compile(r"<[A-Za-z!/?]")


class _Aligner:
    """Finds each text node of the DOM in the source, left to right, to give characters positions."""

    def __init__(self, raw: str):
        self.raw = raw
        # body text is never in <head>: the same words in <title> or a meta description must not
        # anchor it there (the walker only reads what follows the head)
        m = _HEAD_END.search(raw) or _BODY_START.search(raw)
        self.cursor = m.end() if m else 0

    def _find(self, probe: str, pos: int) -> int:
        """The first occurrence of the probe at or after ``pos`` that is text, not inside a tag
        (an attribute value: content=…, alt=…, title=…)."""
        raw = self.raw
        for _ in range(10000):
            if _ESCAPED.search(probe):  # a character the source may spell as an entity (&amp; &nbsp;)
                # literal and with the usual entities first (two finds), any spelling only if both fail
                hits = [k for k in (raw.find(probe, pos), raw.find(probe.translate(_USUAL), pos)) if k >= 0]
                if hits:
                    j = min(hits)
                else:
                    m = _probe_regex(probe).search(raw, pos)
                    j = m.start() if m else -1
            else:
                j = raw.find(probe, pos)
            if j < 0:
                return -1
            gt = raw.rfind(">", 0, j)
            t = _TAG_OPEN.search(raw, gt + 1, j)
            if t is None:
                return j
            close = raw.find(">", j)  # inside a tag: go on after its end
            if close < 0:
                return -1
            pos = close + 1
        return -1

    def locate(self, node_text: str) -> tuple[array, array]:
        raw, n = self.raw, len(node_text)
        starts, ends = array("q"), array("q")
        probe = node_text.strip()[:12]
        j = self._find(probe, self.cursor) if probe else -1
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
        L = len(raw)
        while i < n:
            c = node_text[i]
            if c == "&" and raw.startswith(("&amp;", "&#38;", "&AMP;"), j):  # an escaped "&" is an entity
                k = raw.find(";", j)
                starts.append(j)
                ends.append(k + 1)
                i += 1
                j = k + 1
            elif j < L and raw[j] == c:
                # a verbatim run up to the next entity or tag: copy it in one step
                lim = j + (n - i)
                a = raw.find("&", j, lim)
                lim = lim if a < 0 else a
                t = raw.find("<", j, lim)
                lim = lim if t < 0 else t
                seg = lim - j
                if seg > 1 and raw[j:lim] == node_text[i:i + seg]:
                    starts.extend(range(j, lim))
                    ends.extend(range(j + 1, lim + 1))
                    i += seg
                    j = lim
                    continue
                starts.append(j)
                ends.append(j + 1)
                i += 1
                j += 1
            elif j < L and raw[j] == "&":
                k = raw.find(";", j, j + 12)
                k = j if k < 0 else k
                starts.append(j)
                ends.append(k + 1)
                i += 1
                j = k + 1
            elif j < L and raw[j] == "<":  # tag between pieces (CDATA, wbr): skip it
                k = raw.find(">", j)
                j = L if k < 0 else k + 1
            elif c.isspace() and j < L and raw[j].isspace():
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


_TOKEN_CACHE: dict[str, list[str]] = {}


def _words(key: str) -> list[str]:
    """Lower-case words of a class/id string (cached: pages repeat the same classes; never mutate)."""
    toks = _TOKEN_CACHE.get(key)
    if toks is None:
        if len(_TOKEN_CACHE) > 20000:
            _TOKEN_CACHE.clear()
        toks = _TOKEN_CACHE[key] = _TOKEN.findall(key.lower())
    return toks


def _tokens(el) -> list[str]:
    c, i = el.get("class"), el.get("id")
    if not c and not i:
        return []
    return _words(f"{c or ''} {i or ''}")


PLACEHOLDER = "zhdoc-chrome"
CHROME_TAGS = {"nav": "nav", "footer": "footer", "aside": "aside"}
# class/id words that name page chrome (the element's own words; the last region word decides)
CHROME_WORDS = {"nav", "navbar", "subnav", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "crumb",
                "share", "comment", "comments", "related", "copyright"}
CONTENT_WORDS = {"content", "article", "post", "entry", "body", "text", "story", "detail", "details", "main",
                 "zw", "zhengwen", "neirong", "maintext", "arc", "artical", "news"}
_PROSE_STOPS = 8  # a container holding this many 。 is not "obvious" chrome: leave it to the scorer


_LINK_CONTAINERS = {"div", "ul", "ol", "dl", "table", "tbody", "tr", "td", "th", "section", "p", "li", "dd", "span",
                    "center", "form"}
LINK_DENSITY = 0.7  # a container whose text is at least this much link text (and holds no prose) is chrome


class _Page:
    """What chrome detection needs, gathered in one pass: class/id words of each element that has
    them, the elements holding article content below them, link characters under each element."""

    def __init__(self, top):
        self.tokens: dict = {}
        self.holds_content: set = set()
        self.link_chars: dict = {}
        acc = self.link_chars
        order = []
        for el in top.iter():
            order.append(el)
            tag = el.tag
            if tag == "a":
                n = len("".join(_text(el).split()))
                if n > 0:
                    parent = el.getparent()
                    acc[parent] = acc.get(parent, 0) + n
            if el.get("class") or el.get("id"):
                toks = _tokens(el)
                self.tokens[el] = toks
                if any(t in CONTENT_WORDS for t in toks):
                    self._mark(el)
            if tag == "article" or tag == "main":
                self._mark(el)
        self.order = order  # document order (pre-order)
        for el in reversed(order):  # children before parents: sums flow up the tree
            n = acc.get(el)
            if n and el is not top:
                parent = el.getparent()
                acc[parent] = acc.get(parent, 0) + n

    def _mark(self, el) -> None:
        """Every ancestor of ``el`` holds content (stops at the first already marked)."""
        seen = self.holds_content
        for anc in el.iterancestors():
            if anc in seen:
                break
            seen.add(anc)

    def has_content(self, el) -> bool:
        """Does ``el`` hold article content: <article>/<main>, a content-named element, or prose?"""
        return el in self.holds_content or _text(el).count("。") >= _PROSE_STOPS

    def chrome_reason(self, el) -> str | None:
        """Why ``el`` is an obvious chrome container (None: it is not)."""
        name = el.tag
        if not isinstance(name, str):
            return None
        name = name.lower()
        reason = CHROME_TAGS.get(name)
        if reason is None and name == "header":
            if any(a.tag == "article" for a in el.iterancestors()):
                return None
            reason = "header"
        if reason is None:
            toks = self.tokens.get(el)
            if toks:
                for t in reversed(toks):
                    if t in CHROME_WORDS:
                        reason = t
                        break
                    if t in CONTENT_WORDS:
                        return None
        if reason is None:
            lc = self.link_chars.get(el)
            if not lc or lc < 8 or name not in _LINK_CONTAINERS:
                return None
            text = _text(el)
            if "。" in text:
                return None
            if lc < LINK_DENSITY * len("".join(text.split())):
                return None
            reason = "links"
        return None if self.has_content(el) else reason


def detach_chrome(top) -> list[tuple[object, str]]:
    """Replace obvious chrome containers under ``top`` by placeholders; return (subtree, reason)."""
    out: list[tuple[object, str]] = []
    page = _Page(top)
    inside: set = set()  # detached containers and everything below them (pre-order: parents first)
    for el in page.order:
        if el is top:
            continue
        if inside and el.getparent() in inside:
            inside.add(el)
            continue
        reason = page.chrome_reason(el)
        if reason is not None:
            inside.add(el)
            out.append((el, reason))
    for i, (el, _) in enumerate(out):  # after the walk: replacing during it would end the walk
        ph = lxml.etree.Element(PLACEHOLDER, i=str(i))
        ph.tail, el.tail = el.tail, None
        el.getparent().replace(el, ph)
    return out


_SKIP_WS = BLOCK_TAGS | {"br", PLACEHOLDER}
# attributes the block walk never reads (it reads class and id only): stripped in C before
# serialising, so BeautifulSoup has less to build
_UNUSED_ATTRS = ("href", "target", "style", "width", "height", "align", "valign", "name", "title", "src", "alt",
                 "border", "cellpadding", "cellspacing", "bgcolor", "onclick", "onmouseover", "onmouseout",
                 "rel", "color", "face", "size", "colspan", "rowspan", "lang", "dir", "type", "value",
                 "data-src", "data-original", "srcset", "loading", "role", "itemprop", "itemscope",
                 "itemtype", "tabindex", "hidefocus", "background", "nowrap", "hspace", "vspace", "data-id")


def _drop_block_whitespace(top) -> None:
    """Whitespace-only text right inside or after a block (or <br>) never reaches a line: drop it
    before serialising, so BeautifulSoup builds fewer nodes (the lines are the same)."""
    for el in top.iter():
        if el.tag in _SKIP_WS:
            if el.text is not None and el.text.isspace():
                el.text = None
            if el.tail is not None and el.tail.isspace():
                el.tail = None


class _Lines:
    """Collects text nodes into lines (one per block) with their source positions and hints."""

    def __init__(self, raw: str, drop_ruby: bool = True):
        self.aligner = _Aligner(raw)
        self.lines: list[tuple[list[tuple[str, array, array]], dict]] = []
        self.current: list[tuple[str, array, array]] = []
        self.hint: dict | None = None
        self.drop_ruby = drop_ruby
        self.ruby: list[dict] = []  # repair records of the ruby annotations left out
        self._ruby_parent = None

    def annotation(self, s: str, parent) -> None:
        """Leave out the text of a ruby annotation (<rt>, <rp>) and record it as a repair; the
        pieces of one <ruby> make one record."""
        if not s:
            return
        st, en = self.aligner.locate(s)
        starts = [x for x in st if x >= 0] if st else []
        ends = [x for x in en if x >= 0] if en else []
        if not starts:
            return
        if self.ruby and self._ruby_parent is parent:
            last = self.ruby[-1]
            last["before"] += s
            last["raw_end"] = max(last["raw_end"], ends[-1])
            return
        self._ruby_parent = parent
        self.ruby.append({"kind": "ruby_annotation", "before": s, "after": "",
                          "raw_start": starts[0], "raw_end": ends[-1]})

    def flush(self) -> None:
        if self.current:
            if "".join(p[0] for p in self.current).strip():
                self.lines.append((self.current, self.hint or {"tag": "body"}))
            self.current = []
        self.hint = None

    def text(self, s: str, ctx: dict, link: bool, bold: bool) -> None:
        if not self.current and s.isspace():  # indentation between tags: a line never starts with it
            return
        st, en = self.aligner.locate(s)
        if self.hint is None:
            self.hint = dict(ctx, link_chars=0, chars=0, bold_chars=0)
        h = self.hint
        visible = len(s.strip())
        h["chars"] += visible
        if link:
            h["link_chars"] += visible
        if bold:
            h["bold_chars"] += visible
        self.current.append((s, st, en))


def _enter(name: str, toks: list[str], ctx: dict) -> tuple[dict, bool]:
    """Context for the children of an element named ``name`` (and whether it is a block)."""
    if name in BLOCK_TAGS:
        sub = dict(ctx, tag=name, tokens=ctx["tokens"] + toks)
        if name in ("ul", "ol"):
            sub["list"] = name
            sub["depth"] = ctx["depth"] + 1
        if name[0] == "h" and len(name) == 2 and name[1].isdigit():
            sub["level"] = int(name[1])
        return sub, True
    if toks:
        return dict(ctx, tokens=ctx["tokens"] + toks), False
    return ctx, False


def walk_lxml(el, ctx: dict, link: bool, bold: bool, out: _Lines) -> None:
    """Lines of one lxml subtree (a detached chrome container), iteratively, in document order."""
    stack: list[tuple[dict, bool, bool, bool]] = []  # (ctx, link, bold, is_block) of open elements
    cur = (ctx, link, bold)
    skipping = None  # a ruby annotation being left out
    for ev, node in lxml.etree.iterwalk(el, events=("start", "end")):
        name = node.tag
        if skipping is not None:
            if node is skipping and ev == "end":
                skipping = None
                if node.tail:
                    out.text(node.tail, *cur)
            continue
        if ev == "start" and isinstance(name, str) and name.lower() in RUBY_TAGS and out.drop_ruby:
            out.annotation(_text(node), node.getparent())
            skipping = node
            continue
        if not isinstance(name, str):  # comment or processing instruction: only its tail counts
            if ev == "end" and node.tail:
                out.text(node.tail, *cur)
            continue
        name = name.lower()
        if ev == "start":
            if name == "br":
                out.flush()
                stack.append((cur[0], cur[1], cur[2], False))
                continue
            sub, block = _enter(name, _tokens(node), cur[0])
            if block:
                out.flush()
            stack.append((cur[0], cur[1], cur[2], block))
            cur = (sub, cur[1] or name == "a", cur[2] or name in BOLD_TAGS)
            if node.text and name != "br":
                out.text(node.text, *cur)
        else:
            pctx, plink, pbold, block = stack.pop()
            if block:
                out.flush()
            cur = (pctx, plink, pbold)
            if node.tail and node is not el:
                out.text(node.tail, *cur)


def walk_soup(top, ctx: dict, out: _Lines, chrome: list[tuple[object, str]]) -> None:
    """Lines of the BeautifulSoup candidate tree, iteratively; placeholders emit the chrome lines."""
    stack = [(iter(top.contents), ctx, False, False, False)]
    while stack:
        it, ctx, link, bold, block = stack[-1]
        node = next(it, None)
        if node is None:
            stack.pop()
            if block:
                out.flush()
            continue
        if isinstance(node, Tag):
            name = node.name
            if name == "br":
                out.flush()
                continue
            if name in _DROP:  # only in a page lxml could not parse (see _html_to_lines)
                continue
            if name in RUBY_TAGS and out.drop_ruby:
                out.annotation(node.get_text(), node.parent)
                continue
            if name == PLACEHOLDER and node.get("i", "").isdigit() and int(node["i"]) < len(chrome):
                el, reason = chrome[int(node["i"])]
                out.flush()
                walk_lxml(el, dict(ctx, chrome=reason), link, bold, out)
                out.flush()
                continue
            attrs = node.attrs
            toks = _words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}") if attrs else []
            sub, is_block = _enter(name, toks, ctx)
            if is_block:
                out.flush()
            stack.append((iter(node.contents), sub, link or name == "a", bold or name in BOLD_TAGS, is_block))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            out.text(str(node), ctx, link, bold)


def html_to_lines(raw: str, drop_ruby: bool = True) -> tuple[TrackedText, list[dict], dict, list[dict]]:
    """Return (text with one block per line, one hint dict per line, head metadata, repair records
    of the ruby annotations left out, when ``drop_ruby``).

    The cyclic garbage collector is paused while the trees are built and walked: BeautifulSoup's
    tree is thousands of objects linked in cycles that would otherwise be promoted and rescanned
    by full collections over the whole (large, lexicon-holding) heap; once done they are young
    garbage, collected cheaply.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _html_to_lines(raw, drop_ruby)
    finally:
        if enabled:
            gc.enable()


def _html_to_lines(raw: str, drop_ruby: bool = True) -> tuple[TrackedText, list[dict], dict, list[dict]]:
    parser = _parser()
    try:
        root = lxml.etree.fromstring(raw.encode("utf-8"), parser=parser)
        if root is None:
            raise ValueError("empty document")
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        root = lxml.etree.fromstring("<html><body></body></html>", parser=lxml.etree.HTMLParser())
    meta = head_metadata(root)
    err = parser.error_log.last_error
    if err is not None and err.level == lxml.etree.ErrorLevels.FATAL:
        # libxml2 gave up (nesting deeper than 256 levels): its tree lost the rest of the page.
        # BeautifulSoup's lxml builder has no depth limit: it takes the whole page (the walk skips
        # what _prune would have dropped), with no chrome detachment.
        chrome: list[tuple[object, str]] = []
        soup = BeautifulSoup(raw, "lxml", multi_valued_attributes=None)
    else:
        _prune(root)
        body = root.find("body")
        top = body if body is not None else root
        lxml.etree.strip_tags(top, PLACEHOLDER)  # the page's own tags of that name (keeping their text)
        chrome = detach_chrome(top)
        _drop_block_whitespace(top)
        lxml.etree.strip_attributes(top, *_UNUSED_ATTRS)
        candidate = lxml.etree.tostring(top, method="html", encoding="unicode", with_tail=False)
        # class stays one string (the walk only splits it into words): no per-tag list building
        soup = BeautifulSoup(candidate, "lxml", multi_valued_attributes=None)
    start = soup.body if soup.body is not None else soup

    out = _Lines(raw, drop_ruby)
    walk_soup(start, {"tag": "body", "tokens": [], "list": None, "depth": 0}, out, chrome)
    out.flush()

    parts: list[str] = []
    starts, ends = array("q"), array("q")
    hints: list[dict] = []
    for pieces, hint in out.lines:
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
    return _collapse_block_whitespace(tracked), hints, meta, out.ruby


_HWS = re.compile(r"[^\S\n]+")


def _collapse_block_whitespace(tracked: TrackedText) -> TrackedText:
    """Inside each line, runs of whitespace become one space; lines are stripped."""
    text = tracked.text
    n = len(text)
    edits: list[Edit] = []
    for m in _HWS.finditer(text):
        a, b = m.span()
        if a == 0 or b == n or text[a - 1] == "\n" or text[b] == "\n":
            edits.append(Edit(a, b, "", "html_whitespace"))
        elif b - a > 1 or text[a] != " ":
            edits.append(Edit(a, b, " ", "html_whitespace"))
    return tracked.apply(edits)
