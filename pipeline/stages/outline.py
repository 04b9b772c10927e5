"""Stage 4: headings and lists into a nested outline.

Each line of the clean text is a heading, a list item or a paragraph.  Numbering schemes are
recognised by pattern (``一、``, ``（一）``, ``1.1``, ``1.``, ``第X章`` …); levels come from the
document: a scheme already open on the stack closes back to its level (a sibling), a new scheme
opens one level deeper.  So ``一、`` → ``1.1`` → ``1.2`` → ``二、`` nests the way the author meant,
whatever the schemes are.  HTML heading levels, where present, are schemes of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from ..nlp.numerals import parse_number
from ..repair import gaps as gaps_mod

CN = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
PAREN_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"

# (scheme, regex with groups number / rest); order matters: the first match wins
SCHEMES: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(rf"^(?P<marker>第(?P<num>[{CN}\d]+)(?P<unit>分编|编|章|节|则|部分|篇))[\s\u3000]*[:：]?[\s\u3000]*(?P<rest>.*)$")),
    ("article", re.compile(rf"^(?P<marker>第(?P<num>[{CN}\d]+)条(?:之(?P<sub>[{CN}\d]+))?)(?P<sep>[\s\u3000:：]*)(?P<rest>.*)$")),
    ("cn_dun", re.compile(rf"^(?P<marker>(?P<num>[{CN}]+)\s*[、.．，,])\s*(?P<rest>.+)$")),
    ("cn_paren", re.compile(rf"^(?P<marker>[（(](?P<num>[{CN}]+)[)）][、.．]?|(?P<sym>[{PAREN_CN}])[、.．]?)\s*(?P<rest>.+)$")),
    ("decimal", re.compile(r"^(?P<marker>(?P<num>\d{1,2}(?:[.．]\d{1,2}){1,3})[.．]?)(?![.．\d])\s*(?P<rest>[^\d\s%％].*)$")),
    ("arabic_dot", re.compile(r"^(?P<marker>(?P<num>\d{1,2})\s*[.．、](?!\d))\s*(?P<rest>.+)$")),
    ("arabic_paren", re.compile(r"^(?P<marker>[（(](?P<num>\d{1,2})[)）][、.．]?|(?P<num2>\d{1,2})[)）])\s*(?P<rest>.+)$")),
    ("circled", re.compile(rf"^(?P<marker>(?P<sym>[{CIRCLED}{PAREN_DIGITS}{DOT_DIGITS}]))\s*(?P<rest>.+)$")),
    ("latin", re.compile(r"^(?P<marker>(?P<num>[A-Ha-h])[.．、)]|[（(](?P<num3>[A-Ha-h])[)）])\s*(?P<rest>[^\x00-\x7f].*)$")),
    ("ref", re.compile(r"^(?P<marker>[\[［](?P<num>\d{1,3})[\]］])\s*(?P<rest>\S.*)$")),
    ("bracket_label", re.compile(r"^(?P<marker>【(?P<num>[^】]{1,20})】)\s*(?P<rest>.*)$")),
]
UNIT_SCHEME = {"编": "part", "分编": "subpart", "章": "chapter", "节": "section"}
# legal units nest by rank, whatever order they first appear in (第一章 → 第一条 → 第一节: 节 under 章)
LEGAL_RANK = {"part": 0, "subpart": 1, "chapter": 2, "section": 3, "article": 5}
_SENTENCE = re.compile("[。；！？!?;]")
_TERM = re.compile(r"^(?P<term>[^：:，。；]{1,20})[：:](?P<text>.+)$")
MAX_TITLE = 40
_STRONG_CITATION = re.compile(r"^(?:规定|的|、|至|和|及|或|之规定|款|项|中|修改|删除|增加|作为)")
_LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff、]{2,10})[\s\u3000]*[：:](?P<after>.*)$")
_CITATION = re.compile(r"^(?:规定|的|第|、|至|和|及|或|之规定|所|款|项|以|对|已|修改|删除|增加|作为|後|后)")


@dataclass
class Numbered:
    scheme: str
    marker: str
    number: str
    value: int | None
    rest: str
    depth: int = 1  # decimal depth (1.1 -> 2)

    @property
    def key(self) -> str:
        """The numbering scheme as a level key: 1.1 and 1.1.1 differ, ① and ⑴ differ."""
        return f"decimal{self.depth}" if self.scheme == "decimal" else self.scheme + getattr(self, "variant", "")


_FIRST = set("第（(【[［" + CN + CIRCLED + PAREN_DIGITS + DOT_DIGITS + PAREN_CN + "0123456789ABCDEFGHabcdefgh")


def parse_marker(s: str) -> Numbered | None:
    if not s or s[0] not in _FIRST:
        return None
    for scheme, rx in SCHEMES:
        m = rx.match(s)
        if not m:
            continue
        g = m.groupdict()
        if scheme == "circled":
            sym = g["sym"]
            for i, table in enumerate((CIRCLED, PAREN_DIGITS, DOT_DIGITS)):
                if sym in table:
                    n = Numbered(scheme, g["marker"], str(table.index(sym) + 1), table.index(sym) + 1, g["rest"])
                    n.variant = str(i)
                    return n
        if scheme == "cn_paren" and g.get("sym"):
            v = PAREN_CN.index(g["sym"]) + 1
            return Numbered(scheme, g["marker"], "一二三四五六七八九十"[v - 1], v, g["rest"])
        num = g.get("num") or g.get("num2") or g.get("num3") or ""
        if scheme == "chapter":
            unit = g["unit"]
            return Numbered(UNIT_SCHEME.get(unit, "ordinal"), g["marker"], g["marker"], parse_number(num), g["rest"])
        if scheme == "article":
            marker = g["marker"]
            n = Numbered("article", marker, marker, parse_number(num), g["rest"])
            n.sub = parse_number(g["sub"]) if g.get("sub") else None  # 第七条之一 -> 7, sub 1
            n.glued = not g["sep"] and bool(g["rest"])
            return n
        if scheme == "decimal":
            parts = re.split(r"[.．]", num)
            return Numbered("decimal", g["marker"], ".".join(parts), int(parts[-1]), g["rest"], len(parts))
        if scheme == "latin":
            n = Numbered(scheme, g["marker"], num, ord(num.lower()) - 96, g["rest"])
            n.variant = "_upper" if num.isupper() else "_lower"
            return n
        if scheme == "bracket_label":
            return Numbered(scheme, g["marker"], None, None, g["rest"])
        value = parse_number(num)
        if value is None:
            continue
        n = Numbered(scheme, g["marker"], num, value, g["rest"])
        if scheme in ("arabic_dot", "cn_dun", "arabic_paren"):
            n.variant = "_" + re.sub(r"[\s\dA-Za-z" + CN + "]", "", g["marker"]).replace("．", ".")[-1:]
        return n
    return None


def is_heading_title(rest: str, scheme: str) -> bool:
    rest = rest.strip()
    if scheme == "ref":
        return False
    if scheme in LEGAL_RANK or scheme == "ordinal":
        return not rest or (len(rest) <= MAX_TITLE and not _SENTENCE.search(rest))
    if not rest or len(rest) > MAX_TITLE:
        return False
    if _SENTENCE.search(rest.rstrip("。")) or rest.endswith(("：", ":", "；", "。")) or _TERM.match(rest):
        return False
    return "，" not in rest or scheme.startswith(("cn_dun", "decimal", "ordinal", "bracket"))


@dataclass
class Section:
    number: str | None
    value: int | None
    scheme: str
    title: str
    level: int
    span: dict
    blocks: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    path: str = ""
    end: int = 0
    sub: int | None = None  # 第X条之一 -> 1


    def to_dict(self, doc: Document) -> dict:
        rs, re_ = doc.raw_span(self.span["start"], self.end)
        d = {"number": self.number, "number_value": self.value, "scheme": self.scheme, "title": self.title,
                "level": self.level, "path": self.path, "heading": self.span,
                "start": self.span["start"], "end": self.end, "raw_start": rs, "raw_end": re_,
                "blocks": self.blocks, "sections": [s.to_dict(doc) for s in self.sections]}
        if self.sub is not None:
            d["sub_value"] = self.sub
        return d


def _paragraph(doc: Document, start: int, end: int, text: str) -> dict:
    return {"type": "paragraph", "text": text, **doc.span(start, end)}


def _list_item(doc: Document, start: int, end: int, num: Numbered) -> dict:
    body_start = end - len(num.rest)
    m = _TERM.match(num.rest)
    item = {"marker": num.marker.strip(), "number_value": num.value, "term": None, "text": num.rest}
    if m:
        item["term"] = m.group("term").strip()
        item["text"] = m.group("text").strip()
    item.update(doc.span(start, end))
    item["text_start"] = body_start + (m.start("text") if m else 0)
    return item


_INLINE = re.compile(rf"(?:(?:(?<=^)|(?<=[\s\u3000：:。；;，,！!？?）)]))(?P<marker>(?P<a>\d{{1,2}})、|[（(](?P<c>[{CN}]{{1,3}})[)）]|(?P<p>[{PAREN_CN}])、?))|(?P<o>[{CIRCLED}])")


def _inline_runs(s: str) -> list[tuple[int, str]]:
    """Markers inside a paragraph that form a run 1、2、3… (or （一）（二）…, ㈠㈡…, ①②…) starting at 1:
    (offset, marker)."""
    found = []
    for m in _INLINE.finditer(s):
        if m.group("o"):
            found.append(("o", CIRCLED.index(m.group("o")) + 1, m.start("o"), m.group("o")))
        elif m.group("a"):
            found.append(("a", int(m.group("a")), m.start("marker"), m.group("marker")))
        elif m.group("c"):
            v = parse_number(m.group("c"))
            if v:
                found.append(("c", v, m.start("marker"), m.group("marker")))
        else:
            found.append(("p", PAREN_CN.index(m.group("p")) + 1, m.start("marker"), m.group("marker")))
    if len(found) < 2:
        return []
    out: list[tuple[int, str]] = []
    for kind in ("a", "c", "p", "o"):
        run: list = []
        for k, v, off, mk in found:
            if k != kind:
                continue
            if v == 1:
                if len(run) >= 2:
                    out += [(o, m) for o, m in run]
                run = [(off, mk)]
            elif run and v == len(run) + 1:
                run.append((off, mk))
        if len(run) >= 2:
            out += [(o, m) for o, m in run]
    return sorted(out)


# inside a line that holds a run: a lost line break (" ? "), a 【label】, a section label 岗位要求：
_SEP = re.compile(r"[ \u3000]+[?？][ \u3000?？]*|[?？][ \u3000]+")
_INLINE_LABEL = re.compile(rf"(?:(?<=[；;。?？\s\u3000])|^)(?:【[^】\n]{{1,20}}】|[\u4e00-\u9fff]{{2,6}}："
                           rf"(?=[\s\u3000]*(?:\d{{1,2}}、|[（(][{CN}]{{1,3}}[)）]|[{CIRCLED}]|$)))")
_SENT_END = re.compile(r"[。！？!]")
_QUOTES = "“‘「『\""
_ITEM_SCHEMES = ("cn_paren", "arabic_paren", "circled", "cn_dun", "arabic_dot")


def _virtual_lines(lines: list[tuple[int, int, str, dict]]) -> tuple[list, set[int], set[int]]:
    """Split a line into virtual lines where a numbering sequence (1、2、 / （一）（二） / ①②) continues
    inside it (scraped paragraphs joined into one line): at the markers of the run, at lost line
    breaks (`` ? ``), at 【label】 and at section labels (岗位要求：).  A line whose last inline marker
    is 1、 while the next line starts with 2、 is split there too.  Spans stay exact.
    Returns (lines, indices of virtual lines, indices of label pieces)."""
    out: list = []
    virtual: set[int] = set()
    labels: set[int] = set()
    search = _INLINE.search
    for idx, (start, end, s, hint) in enumerate(lines):
        # a run or a trailing list start holds a first member: 1、 / （一） / ㈠ / ① (cheap test first)
        m1 = search(s, 1) if len(s) >= 6 and _has_first(s) else None
        if m1 is None or hint.get("level") or hint.get("tag") in ("td", "th", "tr") \
                or (s[0] == "第" and (first := parse_marker(s)) is not None
                    and (first.scheme in LEGAL_RANK or first.scheme == "ordinal")):
            out.append((start, end, s, hint))
            continue
        cuts: list[tuple[int, int, str]] = []  # (from, to, kind): text [from, to) is removed
        runs = _inline_runs(s) if search(s, m1.end()) is not None else []
        if any(o > 0 for o, _ in runs):
            offs = {o for o, _ in runs}
            for o, _ in runs:
                if o > 0:
                    cuts.append((o, o, "marker"))
            for m in _SEP.finditer(s):
                cuts.append((m.start(), m.end(), "sep"))
            for m in _INLINE_LABEL.finditer(s):
                if m.start() not in offs:
                    cuts.append((m.start(), m.start(), "label"))
                    cuts.append((m.end(), m.end(), "after_label"))
            o = runs[-1][0]
            if not any(c[0] > o for c in cuts if c[2] != "marker"):
                m = _SENT_END.search(s, o)
                if m and s[m.end():].strip():
                    cuts.append((m.end(), m.end(), "end"))
        elif idx + 1 < len(lines) and lines[idx + 1][2].startswith("2"):
            # a trailing 1、 whose list goes on at the next line (… 傅谨 1、英语 / 2、美学原理)
            last = m1
            for m in _INLINE.finditer(s, m1.end()):
                last = m
            if last.group("a") == "1":
                nxt = parse_marker(lines[idx + 1][2])
                if nxt is not None and nxt.scheme == "arabic_dot" and nxt.value == 2 and nxt.marker.endswith("、"):
                    cuts.append((last.start("marker"), last.start("marker"), "marker"))
        if not cuts:
            out.append((start, end, s, hint))
            continue
        cuts.sort()
        pos = 0
        sub_hint = {k: v for k, v in hint.items() if k != "bold"}
        for a, b, kind in cuts + [(len(s), len(s), "eol")]:
            if a > pos:
                piece = s[pos:a]
                lead = len(piece) - len(piece.lstrip())
                piece = piece.strip()
                if piece:
                    out.append((start + pos + lead, start + pos + lead + len(piece), piece, sub_hint))
                    virtual.add(len(out) - 1)
                    if piece.endswith("：") and kind == "after_label" and not piece.startswith("【"):
                        labels.add(len(out) - 1)
            pos = max(pos, b)
    return out, virtual, labels


_GLUED = re.compile(rf"(?<=[。！？!?；])[ \u3000]*(?=(?:[{CN}]{{1,3}}、|第[{CN}\d]{{1,4}}[章节编])[^。！？!?；，,]{{2,40}}$)")
_GLUED_DECIMAL = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,2})[.．](\d{1,2})(?=[\u4e00-\u9fff])")


def _markers_at(s: str) -> list:
    """The numbering markers a line may open a heading with: at its start, or glued after a sentence end."""
    out = [parse_marker(s)]
    g = _GLUED.search(s) if len(s) > 8 else None
    if g:
        out.append(parse_marker(s[g.end():]))
    return out


def _glued_headings(lines: list[tuple[int, int, str, dict]]) -> list[tuple[int, int, str, dict]]:
    """Headings glued to the end of a paragraph (``…的问题。一、晋商消费金融概述1.1晋商消费金融``):
    a numbering marker right after a sentence end that starts a short unpunctuated title, when the
    series goes on in a later line (a lone 一、 may be an idiom: 一、两天内就会到账); inside such a title, a decimal
    number whose first part is the heading's own number (1.1 after 一、) opens its subheading."""
    out = []
    for idx, (start, end, s, hint) in enumerate(lines):
        m = _GLUED.search(s) if len(s) > 8 and not hint.get("level") and hint.get("tag") not in ("td", "th") else None
        num = parse_marker(s[m.end():]) if m else None
        # the series must go on in a later line (at its start or glued after a sentence end there):
        # a lone 一、 after a full stop is an idiom or a count (一、两天内就会到账; 三、五年), not a heading
        later = num is not None and any(
            n is not None and n.key == num.key and n.value == (num.value or 0) + 1
            for l in lines[idx + 1:idx + 400] for n in _markers_at(l[2]))
        if num is None or not later or not s[:m.start()].strip():
            out.append((start, end, s, hint))
            continue
        head = s[:m.start()].rstrip()
        out.append((start, start + len(head), head, hint))
        rest_start = m.end()
        pieces = [rest_start]
        d = _GLUED_DECIMAL.search(s, rest_start + len(num.marker))
        if d and parse_number(num.number) == int(d.group(1)):
            pieces.append(d.start())
        pieces.append(len(s))
        sub_hint = {k: v for k, v in hint.items() if k != "bold"}
        for a, b in zip(pieces, pieces[1:]):
            out.append((start + a, start + b, s[a:b], sub_hint))
    return out


def _has_first(s: str) -> bool:
    """Does ``s`` hold a first member of a run (1、 （一） ㈠ ①)?  A cheap test before the regexes."""
    return "1、" in s or "一）" in s or "①" in s or "㈠" in s or "一)" in s


def _split_inline(doc: Document, start: int, s: str) -> list[dict] | None:
    if not _has_first(s):
        return None
    runs = _inline_runs(s)
    if not runs or (runs[0][0] == 0 and len(runs) == len(s)):
        return None
    blocks: list[dict] = []
    if runs[0][0] > 0:
        head = s[: runs[0][0]].rstrip()
        if head:
            blocks.append(_paragraph(doc, start, start + len(head), head))
    items = []
    tail_from = len(s)
    for i, (off, mk) in enumerate(runs):
        if i + 1 < len(runs):
            stop = runs[i + 1][0]
        else:
            m = re.search(r"[。！？!?]", s[off:])
            stop = off + m.end() if m else len(s)
            tail_from = stop
        body = s[off:stop].rstrip()
        num = Numbered("inline", mk, mk, None, body[len(mk):].lstrip())
        items.append(_list_item(doc, start + off, start + off + len(body), num))
        if i + 1 < len(runs) and blocks and blocks[-1]["type"] == "list":
            pass
    blocks.append({"type": "list", "ordered": True, "scheme": "inline", "items": items,
                   **doc.span(start + runs[0][0], items[-1]["end"])})
    tail = s[tail_from:].strip()
    if tail:
        ts = start + s.index(tail, tail_from)
        blocks.append(_paragraph(doc, ts, ts + len(tail), tail))
    return blocks


def _classify(lines: list[tuple[int, int, str, dict]], virtual: set[int] = frozenset()) -> list[Numbered | None]:
    """Per line: the parsed marker, or None.  Marks ``num.heading`` (candidate heading) per line.

    A run of same-scheme lines with consecutive numbers and nothing between them is a list, not a
    series of headings (a heading titles the content after it)."""
    nums: list[Numbered | None] = []
    for i, (_, _, s, _) in enumerate(lines):
        n = parse_marker(s)
        if n is not None:
            n.heading = is_heading_title(n.rest, n.scheme)
        elif len(s) > 2 and s[0] in _QUOTES:
            # a quoted provision (“（一）…) of an amendment decision: a list item, never a heading
            n = parse_marker(s[1:])
            if n is not None and n.scheme in _ITEM_SCHEMES:
                n.heading, n.lead = False, 1
            else:
                n = None
        elif s[:1] in ("l", "I") and s[1:2] in ("、", "．", ".") and i + 1 < len(lines):
            # OCR 1 read as l / I, when the next line goes on with 2 of the same kind
            nxt = parse_marker(lines[i + 1][2])
            if nxt is not None and nxt.scheme == "arabic_dot" and nxt.value == 2 and nxt.marker.strip()[-1] == s[1]:
                n = Numbered("arabic_dot", s[:2], "1", 1, s[2:].lstrip())
                n.variant = nxt.variant
                n.heading = is_heading_title(n.rest, n.scheme)
        nums.append(n)
    for i, n in enumerate(nums):
        # 【监管自律】 alone on its line before numbered lines titles them
        if n is not None and n.scheme == "bracket_label" and not n.rest.strip() and i + 1 < len(nums) \
                and nums[i + 1] is not None and nums[i + 1].scheme not in LEGAL_RANK:
            n.heading = True
            n.title = n.marker[1:-1].strip()
    # 第X条 glued to its text (spaces lost) is an article only in a run of articles, never a citation
    articles = sum(1 for n in nums if n is not None and n.scheme == "article")
    last_art = 0
    for i, n in enumerate(nums):
        if n is not None and n.scheme == "article":
            if getattr(n, "glued", False) and not (articles >= 2 and n.value == last_art + 1
                                                   and not _STRONG_CITATION.match(n.rest)):
                if articles < 2 or _CITATION.match(n.rest):
                    nums[i] = None
                    continue
            last_art = n.value or last_art
    for i, n in enumerate(nums):
        if n is None or not n.heading or n.scheme in LEGAL_RANK or n.scheme == "ordinal":
            continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and nxt.key == n.key and n.value is not None and nxt.value == n.value + 1:
            n.heading = False
            n.run = True
        elif getattr(n, "run", False) is False and i > 0:
            prv = nums[i - 1]
            if prv is not None and getattr(prv, "run", False) and prv.key == n.key and prv.value is not None \
                    and n.value == prv.value + 1:
                n.heading = False
                n.run = True
    # a numbered headline split out of a joined line, followed by its prose: a heading (commas allowed)
    for i in virtual:
        n = nums[i]
        if n is None or n.heading or getattr(n, "run", False) or n.scheme not in ("arabic_dot", "cn_dun") \
                or i + 1 >= len(nums) or nums[i + 1] is not None:
            continue
        rest, nxt = n.rest.strip(), lines[i + 1][2]
        if rest and len(rest) <= MAX_TITLE and not re.search("[。；;：:!！]", rest) and not _TERM.match(rest) \
                and len(nxt) >= 2 * len(rest) and _SENTENCE.search(nxt):
            n.heading = True
    _series_rule(lines, nums)
    return nums


def _series_rule(lines, nums) -> None:
    """一、 series whose members are mostly short titles are headings, even the members written as a
    label with inline content (七、学习年限：三年 → heading 学习年限) or standing next to each other."""
    series: list[list[int]] = []
    open_: dict[str, list[int]] = {}
    for i, n in enumerate(nums):
        if n is None or n.scheme != "cn_dun" or n.value is None:
            continue
        cur = open_.get(n.key)
        if n.value == 1 or cur is None or nums[cur[-1]].value + 1 != n.value:
            cur = []
            series.append(cur)
            open_[n.key] = cur
        cur.append(i)
    for idx in series:
        if len(idx) < 3:
            continue
        labels = {}
        for i in idx:
            m = _LABEL.match(nums[i].rest.strip())
            if m and not nums[i].heading:
                labels[i] = m
        titled = sum(1 for i in idx if nums[i].heading or i in labels)
        separated = sum(1 for i in idx if i + 1 < len(nums) and not (nums[i + 1] is not None
                                                                    and nums[i + 1].key == nums[i].key))
        if titled < 0.6 * len(idx) or separated < 0.5 * len(idx):
            continue
        for i in idx:
            n = nums[i]
            if i in labels:
                n.heading, n.run = True, False
                n.title = labels[i].group("label")
                n.after = labels[i].group("after").strip(" \t\u3000．.")
            elif getattr(n, "run", False) and is_heading_title(n.rest, n.scheme):
                n.heading, n.run = True, False


_APPENDIX = re.compile(r"^附(?:件|录)?[\d一二三四五六七八九十]*[：:][\s\u3000]*")
_PLAIN = re.compile(r"^[\u4e00-\u9fff“”《》A-Za-z]+$")
_CREDIT = re.compile(r"记者|摄影?$|供图|来源|图片|编辑|责编|通讯员")


def _unmarked_headings(lines, nums, labels: set[int] = frozenset()) -> list[str | None]:
    """Unnumbered heading lines, by shape: appendix titles (附：…), short label lines that title the
    prose after them (news sub-headlines, 编后), job-ad labels ending in ： before a list, and a run of
    short label / content pairs (北京市 / 北京仲裁委员会)."""
    out: list[str | None] = [None] * len(lines)
    n = len(lines)
    for i in labels:  # section labels split out of a joined line (岗位要求：)
        if nums[i] is None:
            out[i] = "label"

    def plain(i: int, limit: int = 20) -> bool:
        s = lines[i][2]
        return nums[i] is None and not lines[i][3] and len(s) <= limit and bool(_PLAIN.match(s)) \
            and not _CREDIT.search(s)

    for i in range(1, n):
        s = lines[i][2]
        if nums[i] is not None or lines[i][3] or out[i] is not None:
            continue
        m = _APPENDIX.match(s)
        if m:
            rest = s[m.end():]
            if not rest and i + 1 < n and plain(i + 1, 30):
                out[i], out[i + 1] = "appendix_mark", "appendix"
            elif rest and len(rest) <= 30 and _PLAIN.match(rest):
                out[i] = "appendix"
            continue
        if out[i] is not None or i + 1 >= n:
            continue
        nxt = lines[i + 1][2]
        if plain(i) and nums[i + 1] is None and len(nxt) >= max(2 * len(s), 15) and _SENTENCE.search(nxt):
            out[i] = "label"
        elif plain(i, 8) and nums[i + 1] is not None and nums[i + 1].scheme == "ref" and nums[i + 1].value == 1:
            out[i] = "label"
        elif s.endswith(("：", ":")) and len(s) <= 9 and _PLAIN.match(s[:-1]) and nums[i + 1] is not None \
                and nums[i + 1].value == 1 and nums[i + 1].scheme not in LEGAL_RANK:
            out[i] = "label"
    # short label / content pairs: 北京市 / 北京仲裁委员会 / 天津市 / 天津仲裁委员会 …
    i = 1
    while i < n:
        j = i
        while j + 1 < n and plain(j, 12) and len(lines[j][2]) < len(lines[j + 1][2]) and nums[j + 1] is None \
                and not lines[j + 1][3] and "。" not in lines[j + 1][2]:
            j += 2
        if (j - i) // 2 >= 3:
            for k in range(i, j, 2):
                out[k] = "label"
            i = j
        else:
            i += 1
    return out


_CELL_TAGS = ("td", "th", "tr")
_CELL_START = re.compile(r"<t[dh][\s>/]", re.I)
_ROW_START = re.compile(r"<tr[\s>/]|</tr\s*>", re.I)
_TABLE_EDGE = re.compile(r"</?table[\s>/]", re.I)
MAX_CELL = 200


def _tables(doc: Document, lines: list[tuple[int, int, str, dict]]) -> list[tuple[int, int, str, dict]]:
    """HTML table cells (lines with hint tag td/th/tr) into one pseudo line per table, whose hint holds
    ``table``: the rows of cell texts.  Rows and cells are not in the hints: they are read off the
    markup between two lines (``<tr``/``</tr>`` starts a row, ``<td``/``<th`` a cell, ``<table``/
    ``</table>`` ends the table; a line with no such tag between continues its cell, e.g. after
    ``<br>``).  A line of another tag (``<p>`` inside a cell) joins when a cell starts before it.
    Layout tables are left alone: a table needs 2 rows, 2 cells in a row, and short cells."""
    raw = doc.raw
    if not raw or doc.source.get("format") != "html" or not _CELL_START.search(raw):
        return lines
    spans = [doc.raw_span(st, en) for st, en, _, _ in lines]
    gaps = [raw[spans[k - 1][1]:spans[k][0]] if k and spans[k][0] >= spans[k - 1][1] else "" for k in range(len(lines))]
    out: list = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i][3].get("level") or (lines[i][3].get("tag") not in _CELL_TAGS and not _CELL_START.search(gaps[i])):
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = [[lines[i][2]]]
        j = i + 1
        while j < n:
            hint, gap = lines[j][3], gaps[j]
            if hint.get("level") or _TABLE_EDGE.search(gap):
                break
            new_row = bool(_ROW_START.search(gap))
            new_cell = new_row or bool(_CELL_START.search(gap))
            if hint.get("tag") not in _CELL_TAGS and not new_cell and "</t" in gap:
                break  # the table ended (</td></tr></tbody> … text after it)
            if hint.get("tag") not in _CELL_TAGS and not new_cell and "<" not in gap.replace("<br", ""):
                break
            if new_row:
                rows.append([lines[j][2]])
            elif new_cell:
                rows[-1].append(lines[j][2])
            else:
                rows[-1][-1] += " " + lines[j][2]
            j += 1
        cells = [c for r in rows for c in r]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2 and max(len(c) for c in cells) <= MAX_CELL:
            out.append((lines[i][0], lines[j - 1][1], "", {"table": rows}))
        else:
            out.extend(lines[i:j])
        i = j
    return out


def build(doc: Document) -> tuple[dict, list[dict], list[dict]]:
    text = doc.text
    title_text = doc.meta.get("title")
    outline: dict = {"title": None, "lead": [], "sections": []}
    roots: list[Section] = []
    stack: list[tuple[str, Section, int | None]] = []
    hints = doc.blocks or []
    lines = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if not s:
            continue
        start += len(line) - len(line.lstrip())
        end = start + len(s)
        lines.append((start, end, s, hints[i] if i < len(hints) and hints[i] else {}))
    lines = _tables(doc, lines)
    lines = _glued_headings(lines)
    lines, virtual, labels = _virtual_lines(lines)
    nums = _classify(lines, virtual)

    def in_article() -> bool:
        return any(k == "article" for k, _, _ in stack)

    def open_heading(key: str, rank: int | None, num: Numbered | None, scheme: str, title: str, start: int, end: int):
        if rank is not None:
            while stack:
                k, _, r = stack[-1]
                if (r is not None and r >= rank) or k in ("bold", "label") or (r is None and any(rr is not None and rr >= rank
                                                                       for _, _, rr in stack)):
                    stack.pop()
                else:
                    break
        else:
            keys = [k for k, _, _ in stack]
            if key in keys:
                while stack:
                    if stack.pop()[0] == key:
                        break
            elif num is not None and num.scheme == "decimal":
                # explicit hierarchy: 3.1 goes under the open heading numbered 3 (三、, 3., 3)
                head = int(num.number.split(".")[0]) if num.depth == 2 else None
                for j in range(len(stack) - 1, -1, -1):
                    sec = stack[j][1]
                    if head is not None and sec.value == head and not stack[j][0].startswith("decimal"):
                        del stack[j + 1:]
                        break
        level = len(stack) + 1
        sec = Section(num.number if num else None, num.value if num else None, scheme, title.strip(), level,
                      doc.span(start, end), end=end, sub=getattr(num, "sub", None) if num else None)
        parent = stack[-1][1] if stack else None
        siblings = parent.sections if parent else roots
        siblings.append(sec)
        sec.path = (parent.path + "/" if parent else "") + (sec.number or str(len(siblings)))
        stack.append((key, sec, rank))
        for _, open_sec, _ in stack:
            open_sec.end = end
        return sec

    unmarked = _unmarked_headings(lines, nums, labels)

    def in_appendix() -> bool:
        return any(k == "appendix" for k, _, _ in stack)

    def continues_series(num: Numbered) -> bool:
        """一、 titles between articles (一、一般规定 / 第一条 … / 二、…) continue their own series."""
        for k, sec, _ in reversed(stack):
            if k == num.key:
                return sec.value is not None and num.value == sec.value + 1
        return False

    for li, ((start, end, s, hint), num) in enumerate(zip(lines, nums)):
        if "table" in hint:
            target = stack[-1][1].blocks if stack else outline["lead"]
            target.append({"type": "table", "rows": hint["table"], **doc.span(start, end)})
            for _, open_sec, _ in stack:
                open_sec.end = end
            continue
        if outline["title"] is None and title_text and s == title_text and not roots and not outline["lead"]:
            outline["title"] = {"text": s, **doc.span(start, end)}
            continue
        if hint.get("level"):
            t = num.rest if num and num.heading else s
            open_heading(f"h{hint['level']}", None, num if num and num.heading else None,
                         num.scheme if num and num.heading else "html", t, start, end)
            continue
        if num is not None and num.scheme == "article":
            sec = open_heading("article", LEGAL_RANK["article"], num, "article", "", start, end)
            body = num.rest.strip()
            if body:
                bs = start + s.index(body, len(num.marker))
                sec.blocks.append(_paragraph(doc, bs, bs + len(body), body))
            continue
        heading = num is not None and num.heading and not (in_article() and num.scheme not in LEGAL_RANK
                                                           and num.scheme != "ordinal"
                                                           and not continues_series(num))
        if heading:
            rank = LEGAL_RANK.get(num.scheme)
            title = getattr(num, "title", None)
            sec = open_heading(num.key, rank, num, num.scheme, num.rest if title is None else title, start, end)
            after = getattr(num, "after", "")
            if after:
                bs = start + s.rindex(after)
                sec.blocks.append(_paragraph(doc, bs, bs + len(after), after))
            continue
        if num is None and hint.get("bold") and len(s) <= 30 and not _SENTENCE.search(s) and not hint.get("list"):
            open_heading("bold", None, None, "bold", s.rstrip("：:"), start, end)
            continue
        if num is None and (not hint or li in labels):
            kind = unmarked[li]
            if kind == "appendix_mark":
                continue
            if kind == "appendix":
                stack.clear()
                t = _APPENDIX.sub("", s) or s
                open_heading("appendix", None, None, "bold", t.rstrip("：:"), start, end)
                continue
            if kind == "label":
                open_heading("label" if in_appendix() else "bold", None, None, "bold", s.rstrip("：: "), start, end)
                continue
        target = stack[-1][1].blocks if stack else outline["lead"]
        if num is None and hint.get("list"):
            num = Numbered("li_" + hint["list"], "•" if hint["list"] == "ul" else "", None, None, s)
        if num is not None and num.scheme not in LEGAL_RANK and num.scheme != "ordinal":
            item = _list_item(doc, start + getattr(num, "lead", 0), end, num)
            last = target[-1] if target else None
            if last and last["type"] == "list" and last.get("scheme") == num.key:
                last["items"].append(item)
                last["end"] = end
                last["raw_end"] = doc.raw_span(start, end)[1]
            else:
                target.append({"type": "list", "ordered": num.scheme not in ("bracket_label", "li_ul"),
                               "scheme": num.key, "items": [item], **doc.span(start, end)})
        else:
            inline = _split_inline(doc, start, s) if num is None else None
            if inline:
                target.extend(inline)
            else:
                target.append(_paragraph(doc, start, end, s))
        for _, open_sec, _ in stack:
            open_sec.end = end
    outline["sections"] = [s.to_dict(doc) for s in roots]
    headings = []

    def flatten(secs: list[dict], parent: str | None):
        for s in secs:
            headings.append({k: s[k] for k in ("number", "number_value", "sub_value", "scheme", "title", "level", "path",
                                                "start", "end", "raw_start", "raw_end") if k in s} | {"parent": parent})
            flatten(s["sections"], s["path"])

    flatten(outline["sections"], None)
    return outline, headings, sibling_gaps(doc, outline["sections"])


def sibling_gaps(doc: Document, sections: list[dict]) -> list[dict]:
    """A heading that is only the shared ending of its siblings' titles (3.1 催收 beside 3.2 短信催收
    and 3.3 上门催收) lost the word before it."""
    out = []
    for secs in _sibling_groups(sections):
        titles = [s["title"] for s in secs]
        for s in secs:
            t = s["title"]
            longer = [o for o in titles if o != t and o.endswith(t) and len(o) > len(t)]
            if t and len(longer) >= 2:
                used = {o[: -len(t)] for o in longer}
                body = doc.text[s["heading"]["end"]:s["end"]]
                word, conf = _fill_from_body(body, t, used)
                hs = s["heading"]["start"] + doc.text[s["heading"]["start"]:s["heading"]["end"]].rfind(t)
                rs, _ = doc.raw_span(hs, hs)
                out.append({"raw_start": rs, "raw_end": rs, "reason": "sibling_headings",
                            "suggestion": word, "confidence": conf})
    return out


def _sibling_groups(sections: list[dict]):
    yield sections
    for s in sections:
        yield from _sibling_groups(s["sections"])


def _fill_from_body(body: str, title: str, used: set[str]) -> tuple[str | None, float]:
    data = gaps_mod.gap_data()
    for col in data["collocations"]:
        if col["cue"] in body and col["fill"] not in used:
            return col["fill"], col["confidence"] * 0.9
    for word, conf in data["before_word"].get(title, []):
        if word not in used:
            return word, conf * 0.8
    return None, 0.3


def iter_blocks(tree: dict):
    """Every block of an outline (``{"lead", "sections"}``) in document order: the lead, then each
    section's blocks before its subsections'."""
    yield from tree.get("lead", [])
    stack = list(reversed(tree.get("sections", [])))
    while stack:
        sec = stack.pop()
        yield from sec.get("blocks", [])
        stack.extend(reversed(sec.get("sections", [])))


def outline(doc: Document, config) -> Document:
    tree, headings, extra_gaps = build(doc)
    return doc.evolve(outline=tree, headings=headings, gaps=doc.gaps + extra_gaps)
