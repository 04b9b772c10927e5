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
from ..nlp.numerals import NUMERAL_CHARS, parse_number
from ..repair import gaps as gaps_mod

CN = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
PAREN_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"

# (scheme, regex with groups number / rest); order matters: the first match wins
SCHEMES: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(rf"^(?P<marker>第(?P<num>[{CN}\d]+)(?P<unit>分编|编|章|节|则|部分|篇))[\s\u3000]*[:：]?[\s\u3000]*(?P<rest>.*)$")),
    ("article", re.compile(rf"^(?P<marker>第(?P<num>[{CN}\d]+)条(?:之[{CN}\d]+)?)(?P<sep>[\s\u3000:：]*)(?P<rest>.*)$")),
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

    def to_dict(self, doc: Document) -> dict:
        rs, re_ = doc.raw_span(self.span["start"], self.end)
        return {"number": self.number, "number_value": self.value, "scheme": self.scheme, "title": self.title,
                "level": self.level, "path": self.path, "heading": self.span,
                "start": self.span["start"], "end": self.end, "raw_start": rs, "raw_end": re_,
                "blocks": self.blocks, "sections": [s.to_dict(doc) for s in self.sections]}


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


_INLINE = re.compile(rf"(?:(?<=^)|(?<=[\s\u3000：:。；;！!？?）)]))(?P<marker>(?P<a>\d{{1,2}})、|[（(](?P<c>[{CN}]{{1,3}})[)）]|(?P<p>[{PAREN_CN}])、?)")


def _inline_runs(s: str) -> list[tuple[int, str]]:
    """Markers inside a paragraph that form a run 1、2、3… (or （一）（二）…) starting at 1: (offset, marker)."""
    found = []
    for m in _INLINE.finditer(s):
        if m.group("a"):
            found.append(("a", int(m.group("a")), m.start("marker"), m.group("marker")))
        elif m.group("c"):
            v = parse_number(m.group("c"))
            if v:
                found.append(("c", v, m.start("marker"), m.group("marker")))
        else:
            found.append(("p", PAREN_CN.index(m.group("p")) + 1, m.start("marker"), m.group("marker")))
    out: list[tuple[int, str]] = []
    for kind in ("a", "c", "p"):
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


def _split_inline(doc: Document, start: int, s: str) -> list[dict] | None:
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


def _classify(lines: list[tuple[int, int, str, dict]]) -> list[Numbered | None]:
    """Per line: the parsed marker, or None.  Marks ``num.heading`` (candidate heading) per line.

    A run of same-scheme lines with consecutive numbers and nothing between them is a list, not a
    series of headings (a heading titles the content after it)."""
    nums: list[Numbered | None] = []
    for _, _, s, _ in lines:
        n = parse_marker(s)
        if n is not None:
            n.heading = is_heading_title(n.rest, n.scheme)
        nums.append(n)
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


def _unmarked_headings(lines, nums) -> list[str | None]:
    """Unnumbered heading lines, by shape: appendix titles (附：…), short label lines that title the
    prose after them (news sub-headlines, 编后), job-ad labels ending in ： before a list, and a run of
    short label / content pairs (北京市 / 北京仲裁委员会)."""
    out: list[str | None] = [None] * len(lines)
    n = len(lines)

    def plain(i: int, limit: int = 20) -> bool:
        s = lines[i][2]
        return nums[i] is None and not lines[i][3] and len(s) <= limit and bool(_PLAIN.match(s)) \
            and not _CREDIT.search(s)

    for i in range(1, n):
        s = lines[i][2]
        if nums[i] is not None or lines[i][3]:
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
    nums = _classify(lines)

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
                      doc.span(start, end), end=end)
        parent = stack[-1][1] if stack else None
        siblings = parent.sections if parent else roots
        siblings.append(sec)
        sec.path = (parent.path + "/" if parent else "") + (sec.number or str(len(siblings)))
        stack.append((key, sec, rank))
        for _, open_sec, _ in stack:
            open_sec.end = end
        return sec

    unmarked = _unmarked_headings(lines, nums)

    def in_appendix() -> bool:
        return any(k == "appendix" for k, _, _ in stack)

    def continues_series(num: Numbered) -> bool:
        """一、 titles between articles (一、一般规定 / 第一条 … / 二、…) continue their own series."""
        for k, sec, _ in reversed(stack):
            if k == num.key:
                return sec.value is not None and num.value == sec.value + 1
        return False

    for li, ((start, end, s, hint), num) in enumerate(zip(lines, nums)):
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
        if num is None and not hint:
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
            item = _list_item(doc, start, end, num)
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
            headings.append({k: s[k] for k in ("number", "number_value", "scheme", "title", "level", "path",
                                                "start", "end", "raw_start", "raw_end")} | {"parent": parent})
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


def outline(doc: Document, config) -> Document:
    tree, headings, extra_gaps = build(doc)
    return doc.evolve(outline=tree, headings=headings, gaps=doc.gaps + extra_gaps)
