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

# (scheme, regex with groups number / rest); order matters: the first match wins
SCHEMES: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(rf"^(?P<marker>第(?P<num>[{CN}\d]+)(?P<unit>编|章|节))\s*(?P<rest>.*)$")),
    ("article", re.compile(rf"^(?P<marker>第(?P<num>[{CN}\d]+)条(?:之[{CN}]+)?)\s*(?P<rest>.*)$")),
    ("cn_dun", re.compile(rf"^(?P<marker>(?P<num>[{CN}]+)\s*[、.．，,])\s*(?P<rest>.+)$")),
    ("cn_paren", re.compile(rf"^(?P<marker>[（(](?P<num>[{CN}]+)[)）][、.．]?)\s*(?P<rest>.+)$")),
    ("decimal", re.compile(r"^(?P<marker>(?P<num>\d{1,2}(?:[.．]\d{1,2}){1,3}))(?![.．\d])\s*(?P<rest>\D.*)$")),
    ("arabic_dot", re.compile(r"^(?P<marker>(?P<num>\d{1,2})\s*[.．、](?!\d))\s*(?P<rest>.+)$")),
    ("arabic_paren", re.compile(r"^(?P<marker>[（(](?P<num>\d{1,2})[)）][、.．]?|(?P<num2>\d{1,2})[)）])\s*(?P<rest>.+)$")),
    ("circled", re.compile(rf"^(?P<marker>(?P<sym>[{CIRCLED}{PAREN_DIGITS}{DOT_DIGITS}]))\s*(?P<rest>.+)$")),
    ("latin", re.compile(r"^(?P<marker>(?P<num>[A-Ha-h])[.．、)]|[（(](?P<num3>[A-Ha-h])[)）])\s*(?P<rest>[^\x00-\x7f].*)$")),
    ("bracket", re.compile(r"^(?P<marker>【(?P<num>[^】]{1,20})】)\s*(?P<rest>.*)$")),
]
_SENTENCE = re.compile("[。；！？!?;]")
_TERM = re.compile(r"^(?P<term>[^：:，。；]{1,20})[：:](?P<text>.+)$")
MAX_TITLE = 40


@dataclass
class Numbered:
    scheme: str
    marker: str
    number: str
    value: int | None
    rest: str
    depth: int = 1  # decimal depth (1.1 -> 2)


def parse_marker(s: str) -> Numbered | None:
    for scheme, rx in SCHEMES:
        m = rx.match(s)
        if not m:
            continue
        g = m.groupdict()
        if scheme == "circled":
            sym = g["sym"]
            for table in (CIRCLED, PAREN_DIGITS, DOT_DIGITS):
                if sym in table:
                    return Numbered(scheme + str((CIRCLED, PAREN_DIGITS, DOT_DIGITS).index(table)), g["marker"],
                                    str(table.index(sym) + 1), table.index(sym) + 1, g["rest"])
        num = g.get("num") or g.get("num2") or g.get("num3") or ""
        if scheme == "chapter":
            return Numbered(f"chapter_{g['unit']}", g["marker"], g["marker"], parse_number(num), g["rest"])
        if scheme == "article":
            return Numbered("article", g["marker"], g["marker"], parse_number(num), g["rest"])
        if scheme == "decimal":
            parts = re.split(r"[.．]", num)
            return Numbered(f"decimal{len(parts)}", g["marker"], ".".join(parts), int(parts[-1]), g["rest"], len(parts))
        if scheme == "latin":
            return Numbered(scheme, g["marker"], num, ord(num.lower()) - 96, g["rest"])
        if scheme == "bracket":
            return Numbered(scheme, g["marker"], num, None, g["rest"])
        value = parse_number(num)
        if value is None:
            continue
        return Numbered(scheme, g["marker"], num, value, g["rest"])
    return None


def is_heading_title(rest: str, scheme: str) -> bool:
    rest = rest.strip()
    if not rest or len(rest) > MAX_TITLE:
        return False
    if scheme in ("article",):
        return False
    if _SENTENCE.search(rest) or _TERM.match(rest):
        return False
    return "，" not in rest or scheme.startswith(("chapter", "cn_dun", "decimal"))


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


def build(doc: Document) -> tuple[dict, list[dict], list[dict]]:
    text = doc.text
    title_text = doc.meta.get("title")
    outline: dict = {"title": None, "lead": [], "sections": []}
    roots: list[Section] = []
    stack: list[tuple[str, Section]] = []
    pos = 0
    hints = doc.blocks or []
    for i, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if not s:
            continue
        if outline["title"] is None and title_text and s == title_text and not roots and not outline["lead"]:
            outline["title"] = {"text": s, **doc.span(start, end)}
            continue
        hint = hints[i] if i < len(hints) and hints[i] else {}
        num = parse_marker(s)
        key = None
        if hint.get("level"):
            key = f"h{hint['level']}"
            num_title = num.rest if num and is_heading_title(num.rest, num.scheme) else s
        elif num and is_heading_title(num.rest, num.scheme):
            key = num.scheme
            num_title = num.rest
        if key:
            while stack and key in [k for k, _ in stack]:
                if stack.pop()[0] == key:
                    break
            level = len(stack) + 1
            sec = Section(num.number if num else None, num.value if num else None, num.scheme if num else key,
                          num_title.strip(), level, doc.span(start, end), end=end)
            parent = stack[-1][1] if stack else None
            siblings = parent.sections if parent else roots
            siblings.append(sec)
            sec.path = (parent.path + "/" if parent else "") + (sec.number or str(len(siblings)))
            stack.append((key, sec))
            for _, open_sec in stack:
                open_sec.end = end
            continue
        target = stack[-1][1].blocks if stack else outline["lead"]
        if num and not num.scheme.startswith(("chapter",)):
            item = _list_item(doc, start, end, num)
            last = target[-1] if target else None
            if last and last["type"] == "list" and last.get("scheme") == num.scheme:
                last["items"].append(item)
                last["end"] = end
                last["raw_end"] = doc.raw_span(start, end)[1]
            else:
                target.append({"type": "list", "ordered": num.scheme != "bracket", "scheme": num.scheme,
                               "items": [item], **doc.span(start, end)})
        else:
            target.append(_paragraph(doc, start, end, s))
        for _, open_sec in stack:
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
