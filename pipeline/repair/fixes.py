"""The repairs, each a small pure function ``text -> list[Edit]`` with a name and a docstring.

A fix only proposes edits; :func:`pipeline.repair.run_fixes` applies them through the offset map
and records each one (kind, before, after, raw positions), like ftfy's ``fix_and_explain``.
Fixes never add or remove line breaks, so line ``i`` stays line ``i`` through repair (the HTML
hints are aligned with lines).
"""
from __future__ import annotations

import bisect
import html
import html.entities
import re

from ..offsets import Edit
from ..text.chars import CJK_PUNCT, is_han

# -- HTML entities left in the text ---------------------------------------------------------------
# a reference, escaped any number of times more (&amp;amp;nbsp;)
_ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def html_entities(text: str) -> list[Edit]:
    """HTML character references left in page text (``&nbsp;``, ``&ldquo;``, ``&#20013;``): text
    pulled out of HTML by a scraper that did not unescape it, or HTML escaped twice (``&amp;nbsp;``
    comes out of the parser as ``&nbsp;``).  Only complete references with their semicolon; one
    that stands for a line break or a control character stays (fixes never add line breaks)."""
    edits = []
    for m in _ENTITY.finditer(text):
        core = _core(m.group())
        if core[1] != "#" and core[1:] not in html.entities.html5:
            continue  # &notanentity; is no reference (html.unescape would read &not)
        new = html.unescape(core)
        if new != core and new.isprintable() or new == "\xa0":
            edits.append(Edit(m.start(), m.end(), new, "html_entity"))
    return edits


def _core(ref: str) -> str:
    """The reference under its extra escapes: &amp;amp;nbsp; -> &nbsp;, &amp;amp; -> &amp;."""
    while ref.startswith("&amp;") and len(ref) > 5:
        ref = "&" + ref[5:]
    return ref


# -- invisible characters and whitespace --------------------------------------------------------
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\t\x0b\x0c]")
_CR = re.compile(r"\r\n?")
_LINE_EDGE_WS = re.compile(r"^[ \u3000]+|[ \u3000]+$", re.M)
_MULTI_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


def invisible_chars(text: str) -> list[Edit]:
    """Remove zero-width characters, soft hyphens, direction marks and BOMs inside the text."""
    return [Edit(m.start(), m.end(), "", "invisible_char") for m in _INVISIBLE.finditer(text)]


def whitespace(text: str) -> list[Edit]:
    """CR/CRLF become LF; odd spaces (NBSP, thin, tab) become a space.  Stripping lines and
    collapsing runs of spaces is :func:`strip_lines`' job (run after the other fixes)."""
    edits = [Edit(m.start(), m.end(), "\n", "newline") for m in _CR.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "odd_space") for m in _ODD_SPACE.finditer(text)]
    return _dedupe(edits)


def strip_lines(text: str) -> list[Edit]:
    """Leading/trailing spaces and ideographic indentation of each line; inner runs of spaces;
    a space between a sentence end (。！？) and the next Chinese sentence."""
    edits = [Edit(m.start(), m.end(), "", "strip") for m in _LINE_EDGE_WS.finditer(text) if m.end() > m.start()]
    edits += [Edit(m.start(), m.end(), " ", "space_run") for m in _MULTI_SPACE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "sentence_space") for m in _AFTER_SENTENCE.finditer(text)]
    return _dedupe(edits)


# -- width ----------------------------------------------------------------------------------------
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


def width(text: str) -> list[Edit]:
    """Full-width ASCII letters and digits (Ａ１) become half-width; punctuation keeps its width."""
    return [
        Edit(m.start(), m.end(), "".join(chr(ord(c) - 0xFEE0) for c in m.group()), "width")
        for m in _FULLWIDTH_ALNUM.finditer(text)
    ]


# -- punctuation ----------------------------------------------------------------------------------
FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PROTECT = re.compile(
    r"(?:https?|ftp)://\S+|www\.[\w.-]+\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d+(?:[.,:]\d+)+|`[^`\n]*`",
)
_HALF = re.compile(r"[,:;?!]")
_PARENS = re.compile(r"\(([^()\n]{0,80})\)")


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def punctuation(text: str) -> list[Edit]:
    """Half-width , : ; ? ! and () inside Chinese text become full-width.

    A mark is Chinese when the character before it is Han or Chinese punctuation (or, for a mark
    at the start of a clause, the one after it is).  Numbers (1,000 / 1.1 / 23:11), times, URLs,
    e-mail addresses and code spans are left alone.  Parentheses change only when what they hold
    or what precedes them is Chinese.
    """
    spans = [(m.start(), m.end()) for m in _PROTECT.finditer(text)]  # sorted, non-overlapping
    starts = [a for a, _ in spans]

    def is_protected(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and i < spans[k][1]

    edits: list[Edit] = []
    for m in _PARENS.finditer(text):
        if is_protected(m.start()):
            continue
        inner, before = m.group(1), _neighbour(text, m.start(), -1)
        if any(is_han(c) for c in inner) or (before and is_han(before) and not inner.isascii()):
            edits.append(Edit(m.start(), m.start() + 1, "（", "punctuation"))
            edits.append(Edit(m.end() - 1, m.end(), "）", "punctuation"))
    # marks are judged beside the brackets as they will be: (,消费) -> （，消费）in one pass
    view = text
    if edits:
        parts, last = [], 0
        for e in sorted(edits, key=lambda e: e.start):
            parts += [text[last:e.start], e.new]
            last = e.end
        view = "".join(parts) + text[last:]
    converted = -2  # index of the last mark made full-width: a mark right after it is Chinese too
    for m in _HALF.finditer(text):
        i = m.start()
        if is_protected(i):
            continue
        before, after = _neighbour(view, i, -1), _neighbour(view, i, 1)
        if before.isdigit() and after.isdigit():
            continue
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j == converted:
            before = FULL[text[j]] if text[j] in FULL else before
        if (before and (is_han(before) or before in CJK_PUNCT)) or (
            after and is_han(after) and (not before or not before.isascii())
        ):
            # the space after a half-width mark is its typography (合肥: 合肥工业大学); a full-width
            # mark carries its own, so the space goes with the conversion (and is no deleted word)
            k = i + 1
            while k < len(text) and text[k] == " ":
                k += 1
            k = k if k < len(text) and k > i + 1 and (is_han(view[k]) or view[k] in CJK_PUNCT) else i + 1
            edits.append(Edit(i, k, FULL[m.group()], "punctuation"))
            converted = i
    return _dedupe(edits)


# -- stray spaces (suspected deleted words) -------------------------------------------------------
_SENTENCE_PUNCT = re.compile("[，。；！？]")
# a space after the end of a sentence separates two sentences (strip_lines removes it)
_SENTENCE_END = "。！？"
_AFTER_SENTENCE = re.compile("(?<=[。！？]) +(?=[\u3400-\u9fff\uf900-\ufaff“‘《（])")
_STRAY = re.compile(r"(?<=\S) +(?=\S)")
_NUM = "0-9零〇一二三四五六七八九十百千万两"
# a numbering marker (第一条 / 第三章 / 一、 / （一） / 1. / 1.1 / 1、 / ①) at the start of a line or
# clause: the space after it separates the label from its text, it is not a deleted word
_MARKER = re.compile(
    rf"(?:^|(?<=[。；：！？\n]))[ \u3000]*(?:"
    rf"第[{_NUM}]+[条章节编款项部篇卷目]|[{_NUM}]+[、.．]|[（(][{_NUM}]+[）)]|[{_NUM}]+(?:\.[0-9]+)+"
    rf"|[①-⑳㈠-㈩])$")
# a space inside a date (2024年 3月, 二〇二四年 三月 五日) separates its parts
_DATE = re.compile(rf"[{_NUM}]{{1,4}}[年月]$")
_DATE_NEXT = re.compile(rf"[{_NUM}]{{1,3}}[月日号]")


def numbering_space(line: str, start: int, end: int) -> bool:
    """The space ``line[start:end]`` follows a numbering marker or sits inside a date."""
    head = line[:start]
    if _MARKER.search(head):
        return True
    return bool(_DATE.search(head) and _DATE_NEXT.match(line, end))


def list_item_spaces(line: str, spaces: list[re.Match]) -> set[int]:
    """Starts of the spaces that belong to a list of headlines, names or items (一季报 净利润7.031亿元
    拍拍贷…; 实习记者 樊亮 张明超).  A separator is a space with no clause mark in the piece before
    it nor in the piece after it (but at their ends); a line with two or more is a list.  The spaces
    next to its items count too: removing one would merge two pieces and change what a second run
    sees.  A deleted word inside a sentence has clause marks around it."""
    if len(spaces) < 2:
        return set()
    bounds = [0] + [x for m in spaces for x in (m.start(), m.end())] + [len(line)]
    pieces = [line[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]
    plain = [not _SENTENCE_PUNCT.search(p.rstrip("。！？；，")) for p in pieces]  # a list may end with 。
    seps = [k for k in range(len(spaces)) if plain[k] and plain[k + 1]]
    if len(seps) < 2:
        return set()
    # space k lies between pieces k and k + 1; piece j touches spaces j - 1 and j
    items = {j for k in seps for j in (k, k + 1)}
    return {spaces[k].start() for k in range(len(spaces)) if k in items or k + 1 in items}


def _gap_space(line: str, m: re.Match) -> bool:
    """The space ``m`` sits where a word could have been deleted (see :func:`stray_space_edits`)."""
    a, b = line[m.start() - 1], line[m.end()]
    if numbering_space(line, m.start(), m.end()) or a in _SENTENCE_END:
        return False
    # a mark with a space on both sides (处置 ? 4月) separates items: neither space is a gap
    if b in CJK_PUNCT and line[m.end() + 1:m.end() + 2] == " ":
        return False
    if a in CJK_PUNCT and m.start() >= 2 and line[m.start() - 2] == " ":
        return False
    return (is_han(a) or a in CJK_PUNCT) and (is_han(b) or b in CJK_PUNCT) and (is_han(a) or is_han(b))


def stray_space_edits(text: str) -> list[Edit]:
    """A space between two Chinese characters (or a Han character and Chinese punctuation) in a
    sentence-like line is where the source site removed a word: the space goes, a gap is
    reported.  Lines without sentence punctuation (bylines, tag lists, menus) keep their spaces,
    and so do a space after a numbering marker (第一条 / 一、 / （一） / 1.1) or inside a date
    (2024年 3月) and the spaces of a list (:func:`list_item_spaces`): separators, not deleted words."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if " " in line and _SENTENCE_PUNCT.search(line):
            spaces = list(_STRAY.finditer(line))
            listed = list_item_spaces(line, spaces)
            edits.extend(Edit(pos + m.start(), pos + m.end(), "", "stray_space")
                         for m in spaces if m.start() not in listed and _gap_space(line, m))
        pos += len(line) + 1
    return edits


def _dedupe(edits: list[Edit]) -> list[Edit]:
    """Sort by (start, end) and drop edits overlapping one already kept: of overlapping edits the
    one starting earliest wins, and at the same start the shortest (not the first proposed)."""
    out: list[Edit] = []
    last = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start >= last or e.start == e.end == last:
            out.append(e)
            last = max(last, e.end)
    return out
