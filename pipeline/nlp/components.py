"""Registered spaCy components that tag a Doc (see docs/tagging.md).

Every component appends plain mention dicts to ``doc._.mentions`` (character offsets into
``doc.text``, label, id, evidence, confidence); ``zhdoc_finalize`` merges duplicates, sets
polarity and exposes them as ``doc.spans["zhdoc"]`` and (non-overlapping) ``doc.ents``.
Terms are matched on characters (Aho-Corasick), not on jieba tokens, so a term that crosses a
token boundary is still found; token boundaries are used only to reject a short term that cuts
two words apart (同事 in 共同事业).
"""
from __future__ import annotations

import bisect
import functools
import re

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import lexicon
from .jieba_tok import dictionary_freq, dictionary_pos
from .numerals import parse_number

for _name, _default in (("mentions", None), ("outline", None), ("gaps", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("id", "polarity", "evidence", "confidence", "info", "polarity_cue"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _doc_ids(doc: Doc, label: str | None = None) -> set[str]:
    """doc._.ids(label): the ids tagged (all labels when label is None)."""
    return {m["id"] for m in doc._.mentions or [] if label is None or m["label"] == label}


def _doc_by_label(doc: Doc) -> dict[str, list[str]]:
    """doc._.by_label: {label: sorted distinct ids}."""
    out: dict[str, set[str]] = {}
    for m in doc._.mentions or []:
        out.setdefault(m["label"], set()).add(m["id"])
    return {k: sorted(v) for k, v in sorted(out.items())}


def _doc_polarity_of(doc: Doc, label: str, id_: str) -> str | None:
    """doc._.polarity_of(label, id): affirmed if any mention is affirmed, else uncertain, else negated."""
    pols = {m.get("polarity") for m in doc._.mentions or [] if m["label"] == label and m["id"] == id_}
    for p in ("affirmed", "uncertain", "negated"):
        if p in pols:
            return p
    return None


for _name, _kw in (("ids", {"method": _doc_ids}), ("by_label", {"getter": _doc_by_label}),
                   ("polarity_of", {"method": _doc_polarity_of})):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, **_kw)

CLAUSE_PUNCT = "，,；;。！？!?\n：:"
SENTENCE_PUNCT = "。！？!?\n；;"


def _mentions(doc: Doc) -> list[dict]:
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def _text(doc: Doc) -> str:
    """doc.text, computed once (spaCy rebuilds it from the tokens on every access)."""
    t = doc.user_data.get("zhdoc_text")
    if t is None:
        t = doc.user_data["zhdoc_text"] = doc.text
    return t


def _token_offsets(doc: Doc) -> dict[int, int]:
    """{token start: token end} in characters, computed once per Doc (iterating Tokens is slow)."""
    offs = doc.user_data.get("zhdoc_offsets")
    if offs is None:
        from spacy.attrs import IDX, LENGTH

        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        offs = doc.user_data["zhdoc_offsets"] = {int(i): int(i) + int(n) for i, n in arr}
    return offs


def _token_edges(doc: Doc) -> set[int]:
    edges = doc.user_data.get("zhdoc_edges")
    if edges is None:
        offs = _token_offsets(doc)
        edges = doc.user_data["zhdoc_edges"] = {0, len(_text(doc)), *offs, *offs.values()}
    return edges


# -- terms ------------------------------------------------------------------------------------
@functools.cache
def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    table: dict[str, list[tuple[str, str, str]]] = {}
    for surface, label, id_, canon in lexicon.terms():
        table.setdefault(surface, []).append((label, id_, canon))
    for surface, rows in table.items():
        auto.add_word(surface, (surface, tuple(rows)))
    auto.make_automaton()
    return auto


@functools.cache
def _filters() -> dict[tuple[str, str], dict]:
    out = {}
    for label in lexicon.LABELS:
        for e in lexicon.load(label)["entries"]:
            if "not_followed_by" in e or "not_preceded_by" in e:
                out[(label, e["id"])] = e
    return out


@functools.cache
def _patterns() -> tuple[tuple, ...]:
    """(label, regex, id template, span group, near regex, near window) from the ``patterns`` of
    every lexicon file ({0} = match, {1}… = groups in the id; ``group``: the group that is the span;
    ``near``: words of which one must occur within ``near_window`` characters before the match)."""
    out = []
    for label in lexicon.LABELS:
        for p in lexicon.load(label).get("patterns", []):
            near = p.get("near")
            out.append((label, re.compile(p["regex"]), p["id"], int(p.get("group", 0)),
                        re.compile("|".join(map(re.escape, near))) if near else None, int(p.get("near_window", 200))))
    return tuple(out)


def _context_ok(text: str, start: int, end: int, label: str, id_: str) -> bool:
    f = _filters().get((label, id_))
    if f:
        if any(text.startswith(w, end) for w in f.get("not_followed_by", [])):
            return False
        if any(text.endswith(w, 0, start) for w in f.get("not_preceded_by", [])):
            return False
    return True


@Language.component("zhdoc_terms")
def match_terms(doc: Doc) -> Doc:
    text = _text(doc)
    edges = _token_edges(doc)
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    from ..pii import find_placeholders

    masked = [(a, b) for a, b, _ in find_placeholders(text)] if "[" in text else []
    for end_idx, (surface, rows) in _automaton().iter(text):
        end = end_idx + 1
        start = end - len(surface)
        if masked and any(a <= start and end <= b for a, b in masked):
            continue
        if surface.isdigit() and (
            (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())
        ):
            continue
        if len(surface) <= 2 and start not in edges and end not in edges:
            continue
        for label, id_, canon in rows:
            if _context_ok(text, start, end, label, id_):
                found.setdefault(label, []).append((start, end, id_, canon))
    for label, rx, template, group, near, window in _patterns():
        for m in rx.finditer(text):
            start, end = m.start(group), m.end(group)
            if near is not None and not near.search(text, max(0, m.start() - window), m.start()):
                continue
            while start < end and start not in edges:  # a pattern's name starts at a token
                start += 1
            if end - start < 2:
                continue
            id_ = template.format(m.group(0), *m.groups())
            found.setdefault(label, []).append((start, end, id_, text[start:end]))
    out = _mentions(doc)
    for label, spans in found.items():
        # leftmost-longest within a label: a longer term hides the shorter ones inside it
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, id_, canon in spans:
            if start < last_end:
                continue
            out.append({"label": label, "id": id_, "start": start, "end": end, "evidence": "term",
                        "confidence": 0.9, "term": canon})
            last_end = end
    return doc


# -- cues (token sequences) -------------------------------------------------------------------
CUE_GAP = 6  # at most this many tokens between two words of a cue, none of them clause punctuation


class CueTagger:
    """Cues are token sequences (拨打 … 电话): each word is one whole token, with up to CUE_GAP
    tokens between words inside one clause; the first (leftmost, shortest) completion counts.
    A token index replaces spaCy's Matcher here: same semantics, several times faster, and the
    component pickles (it is rebuilt from the lexicon)."""

    def __init__(self):
        self.by_first: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        for label, id_, seq in lexicon.cues():
            self.by_first.setdefault(seq[0], []).append((label, id_, seq))

    def __reduce__(self):
        return (CueTagger, ())

    def __call__(self, doc: Doc) -> Doc:
        out = _mentions(doc)
        text = _text(doc)
        offs = _token_offsets(doc)
        starts = sorted(offs)
        words = [text[i:offs[i]] for i in starts]
        for i, w in enumerate(words):
            for label, id_, seq in self.by_first.get(w, ()):
                j, ok = i, True
                for word in seq[1:]:
                    k, found = j + 1, None
                    while k < len(words) and k - j - 1 <= CUE_GAP:
                        if words[k] == word:
                            found = k
                            break
                        if words[k] in CLAUSE_PUNCT:
                            break
                        k += 1
                    if found is None:
                        ok = False
                        break
                    j = found
                if ok:
                    out.append({"label": label, "id": id_, "start": starts[i], "end": offs[starts[j]],
                                "evidence": "cue", "confidence": 0.8 if len(seq) > 1 else 0.7})
        return doc


@Language.factory("zhdoc_cues")
def make_cues(nlp: Language, name: str):
    return CueTagger()


# -- institutions (name + suffix) ---------------------------------------------------------------
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9()（）]"


@functools.cache
def _institution_rx() -> tuple[re.Pattern, frozenset[str]]:
    data = lexicon.load("institution")
    alt = lambda xs: "|".join(map(re.escape, sorted(xs, key=len, reverse=True)))  # noqa: E731
    rx = re.compile(rf"({_NAME_CHARS}{{2,24}}?)({alt(data['suffixes'])})"
                    rf"((?:{alt(data['company_suffixes'])})?(?:[（(][\u4e00-\u9fff]{{2,4}}[)）])?"
                    rf"(?:[\u4e00-\u9fff]{{2,8}}?(?:{alt(data['branch_suffixes'])}))?)")
    return rx, frozenset(data["name_stop_words"])


def _operator_context(text: str, start: int, end: int) -> bool:
    """The company is named as a platform's operator: 运营方/隶属于/… just before it, or a bracket
    right after it that names a brand (杭州英海互联网科技有限公司（银海金服）)."""
    data = lexicon.load("institution")
    before = text[max(0, start - 12):start]
    if any(w in before for w in data.get("operator_cues_before", ())):
        return True
    m = re.match(r"\s*[（(]([^）)\n]{1,20})[）)]", text[end:end + 24])
    return bool(m and any(w in m.group(1) for w in data.get("operator_bracket_words", ())))


def _name_ok(name: str, suffix: str, operator: bool = False) -> bool:
    """A company name is in scope (a lender, platform, bank, collector or AMC) and is a name."""
    data = lexicon.load("institution")
    if any(w in name for w in data["out_of_scope_words"]):
        return False
    core = name
    for w in data["trade_name_strip"]:
        core = core.replace(w, "")
    core = re.sub(r"[（(].*?[)）]", "", core)
    if len(core) < 2:
        return False  # 网络科技有限公司: no name, only the trade
    if suffix in data["company_suffixes"]:
        return operator or any(w in name for w in data["finance_words"])
    return True


def trade_name(full: str) -> str | None:
    """华夏信财互联网金融信息服务(上海)有限公司 → 华夏信财 (the short name articles use)."""
    data = lexicon.load("institution")
    name = re.sub(r"[（(][^)）]*[)）]", "", full)
    name = _REGION_PREFIX.sub("", name)
    for s in sorted(data["suffixes"] + data["company_suffixes"], key=len, reverse=True):
        if name.endswith(s):
            name = name[: -len(s)]
            break
    changed = True
    while changed:
        changed = False
        for w in data["trade_name_strip"]:
            rest = name[: -len(w)]
            if name.endswith(w) and len(rest) >= 2 and not (
                    dictionary_freq().get(rest, 0) > 100 and rest not in lexicon.place_names()):
                name, changed = rest, True
    return name if 2 <= len(name) <= 5 and name != full else None


_REGION_PREFIX = re.compile(r"^(?:北京|天津|上海|重庆|深圳|广州|杭州|南京|成都|武汉|西安|苏州|厦门|宁波|青岛|大连|"
                            r"[\u4e00-\u9fff]{2,3}[省市])(?:市)?")


_MASKED_NAME = re.compile(r"([\u4e00-\u9fff][*＊]{1,3}[\u4e00-\u9fff]{1,2}?)(?=平台|App|APP|app|金融|借款|贷款|钱包)")
# a stock quote that finance sites insert after a listed company's name: 中国长城(9.750, -0.20, -2.01%)资产…
_TICKER = re.compile(r"[（(]\s*[-+]?\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?%\s*[）)]")


class _MappedMatch:
    """A match found in the text with stock quotes removed, with positions in the original text."""

    def __init__(self, m: re.Match, orig: list[int]):
        self._m, self._orig = m, orig

    def start(self, g: int = 0) -> int:
        return self._orig[self._m.start(g)]

    def end(self, g: int = 0) -> int:
        e = self._m.end(g)
        return self._orig[e - 1] + 1 if e else 0

    def group(self, g: int = 0) -> str:
        return self._m.group(g)


def _finditer_skipping_tickers(rx: re.Pattern, text: str):
    if "%" not in text or not _TICKER.search(text):
        yield from rx.finditer(text)
        return
    keep = [True] * len(text)
    for t in _TICKER.finditer(text):
        keep[t.start():t.end()] = [False] * (t.end() - t.start())
    orig = [i for i, k in enumerate(keep) if k] + [len(text)]
    view = "".join(c for c, k in zip(text, keep) if k)
    for m in rx.finditer(view):
        yield _MappedMatch(m, orig)


@Language.component("zhdoc_institutions")
def match_institutions(doc: Doc) -> Doc:
    """A name before an institution suffix; the name starts at a token and after any function word.
    A company's short trade name and a defined short form (以下简称…) are then tagged throughout."""
    rx, stops = _institution_rx()
    breakers = frozenset(lexicon.load("institution").get("name_breakers", ()))
    text = _text(doc)
    out = _mentions(doc)
    token_end = _token_offsets(doc)
    freq = dictionary_freq()
    pos_tags = dictionary_pos()
    places = lexicon.place_names()
    company_suffixes = frozenset(lexicon.load("institution")["company_suffixes"])
    shorts: dict[str, str] = {}
    for m in _finditer_skipping_tickers(rx, text):
        start, end = m.start(1), m.end(3)
        # move the start to the first token boundary after the last function word
        pos, name_start = start, None
        while pos < m.end(1):
            tok_end = token_end.get(pos)
            if tok_end is None:
                pos += 1
                continue
            tok = text[pos:tok_end]
            if tok in stops or tok in breakers:
                name_start = None
            elif name_start is None:
                name_start = pos
            pos = tok_end
        if name_start is None or m.end(1) - name_start < 2:
            continue
        name = text[name_start:m.end(1)]
        opens, closes = name.count("(") + name.count("（"), name.count(")") + name.count("）")
        if opens < closes:
            continue
        if opens > closes:  # 庆协投资（浙江庆协投资管理有限公司: the name starts inside the bracket
            cut = max(name.rfind("("), name.rfind("（")) + 1
            name_start, name = name_start + cut, name[cut:]
            if len(name) < 2:
                continue
        if freq.get(name, 0) and len(name) <= 2 and name not in lexicon.place_names() and m.group(2) in \
                lexicon.load("institution")["company_suffixes"]:
            continue  # 草根公司…: a bare common word before a company suffix
        for b in sorted(breakers, key=len, reverse=True):  # 运营方安投融…: jieba cut 运营|方安
            if len(b) > 1 and name.startswith(b) and len(name) - len(b) >= 2:
                name_start, name = name_start + len(b), name[len(b):]
                break
        # a name does not start with a verb, adverb, preposition, … (大力|发展|消费金融)
        while len(name) >= 2 and name[:2] not in places and name[0] != name[1] \
                and pos_tags.get(name[:2], "n")[:1] in _NOT_NAME_POS and freq.get(name[:2], 0) >= 300:
            name_start, name = name_start + 2, name[2:]
        if len(name) < 2 and m.group(2) in company_suffixes:
            continue
        tail = name[-2:]  # …发展|消费金融: a name does not end with a common verb
        if "公司" not in m.group(2) and pos_tags.get(tail, "n") in ("v", "vn") and freq.get(tail, 0) >= 1000 \
                and tail not in places:
            continue
        # an informal name keeps no city in front (宝鸡|银谷普惠小贷贷款公司): the city is dropped from
        # the span and the id; a registered name (…有限公司) and a bank (北京银行) keep it as written
        if m.group(2) not in company_suffixes and "银行" not in m.group(2):
            for c in _city_prefixes():
                if name.startswith(c) and len(name) - len(c) >= 2 and c not in places:
                    name_start, name = name_start + len(c), name[len(c):]
                    break
        if not _name_ok(name, m.group(2), _operator_context(text, name_start, end)):
            continue
        if freq.get(name, 0) > 3000 and name not in lexicon.place_names():
            continue  # 结合消费金融: a common word, not a name
        start = name_start
        full = _TICKER.sub("", text[start:end]) if "%" in text[start:end] else text[start:end]
        out.append({"label": "institution", "id": full, "start": start, "end": end,
                    "evidence": "pattern", "confidence": 0.75})
        short = trade_name(full)
        if short:
            shorts.setdefault(short, short)
        al = _ALIAS.match(text, end)
        if al and 2 <= len(al.group(1)) <= 16:
            # a defined short form that is the trade name is the brand's own id (安投融); any other
            # short form (中国长城资产内蒙古分公司) means the full name
            shorts[al.group(1)] = al.group(1) if al.group(1) == short else full
    _brand_names(doc, text, out, shorts)
    _context_names(doc, text, out, shorts)
    if "*" in text or "＊" in text:  # an anonymised lender (信*飞平台): tagged as written, everywhere
        edges = _token_edges(doc)
        for m in _MASKED_NAME.finditer(text):
            if m.start() in edges:
                shorts.setdefault(m.group(1), m.group(1))
    # a short form right before its bracketed full brand names it too: 信和（信和财富）, 银谷（银谷在线）
    for m in _SHORT_BEFORE_BRACKET.finditer(text):
        a, full = m.group(1), m.group(2)
        if full in shorts and full.startswith(a) and len(a) < len(full):
            shorts.setdefault(a, a)
    for short, id_ in shorts.items():
        for m in re.finditer(re.escape(short), text):
            out.append({"label": "institution", "id": id_, "start": m.start(), "end": m.end(),
                        "evidence": "pattern", "confidence": 0.7})
    return doc


_SHORT_BEFORE_BRACKET = re.compile(r"([\u4e00-\u9fff]{2,4})[（(]([\u4e00-\u9fffA-Za-z0-9]{3,8})[)）]")


@functools.cache
def _city_prefixes() -> tuple[str, ...]:
    return tuple(sorted(lexicon.load("institution").get("city_prefixes", ()), key=len, reverse=True))


@functools.cache
def _context_data():
    data = lexicon.load("institution")
    alt = lambda xs: "|".join(map(re.escape, sorted(xs, key=len, reverse=True)))  # noqa: E731
    intro = data.get("platform_intro_words", ())
    after = data.get("platform_after_words", ())
    verbs = data.get("lending_verbs_after", ())
    return (re.compile(f"(?:{alt(intro)})") if intro else None,
            re.compile(f"(?:{alt(after)})") if after else None,
            re.compile(rf"在([\u4e00-\u9fffA-Za-z0-9]{{2,4}}?)(?:[（(][^（()）\n]{{1,12}}[)）])?(?:{alt(verbs)})")
            if verbs else None)


_LOCALIZERS = frozenset("上中里内下外")


def _context_name_ok(name: str, toks: list[str], generic, stops, freq) -> bool:
    """A name found only by its lending context: 2-5 characters, not a dictionary word, no common
    word inside, not a generic word, a number or a function word at its start."""
    if not 2 <= len(name) <= 5 or freq.get(name, 0) or name[-1] in _LOCALIZERS or name[0].isdigit() \
            or name[-1] in "人家者员" or dictionary_pos().get(name[0], "n")[:1] in _NOT_NAME_POS:
        return False
    if not toks or toks[0] in generic or any(name.startswith(g) for g in generic if len(g) > 1):
        return False
    if toks[0] in stops and not (toks[0] == "和" and len(toks) > 1):
        return False  # 和 may start a name (和信贷) but no other function word does
    return not any(len(t) >= 2 and freq.get(t, 0) > 1000 and t not in lexicon.place_names()
                   for t in toks if t != "和")


def _context_names(doc: Doc, text: str, out: list[dict], shorts: dict[str, str]) -> None:
    """Names with no suffix, found by their lending context: after a platform word (P2P平台爱投资,
    网贷平台懒财主), before 平台 / APP (真金服平台, 花财APP), and between 在 and a lending verb
    (在花财申请借款, 在银谷贷了).  Every later occurrence is tagged (through ``shorts``)."""
    intro_rx, after_rx, verb_rx = _context_data()
    if intro_rx is None:
        return
    rx, need_ctx, generic, ctx_rx, stops, bad_tails, stop_chars = _brand_data()
    offs = _token_offsets(doc)
    starts_by_end = {e: s for s, e in offs.items()}
    freq = dictionary_freq()
    taken = [(m["start"], m["end"]) for m in out if m["label"] == "institution" and m["id"] != "generic"]
    found: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        if any(x < b and a < y for x, y in taken):
            return
        found.append((a, b))

    for m in intro_rx.finditer(text):  # P2P平台|和|信贷|的 → 和信贷
        pos, toks = m.end(), []
        while pos in offs and sum(map(len, toks)) < 5:
            tok = text[pos:offs[pos]]
            if not _BRAND_CHAR.fullmatch(tok) or (toks and (tok in stops or tok in stop_chars)):
                break
            if toks and len(tok) >= 2 and freq.get(tok, 0) > 1000 and tok not in bad_tails:
                if rx is not None and rx.fullmatch(tok) and sum(map(len, toks)) + len(tok) <= 5:
                    toks.append(tok)  # 信和大|金融
                break
            toks.append(tok)
            pos = offs[pos]
        name = "".join(toks)
        check = toks if not (toks and rx is not None and rx.fullmatch(toks[-1])) else toks[:-1] or toks
        if _context_name_ok(name, check, generic, stops, freq):
            add(m.end(), m.end() + len(name))
    if after_rx is not None:
        for m in after_rx.finditer(text):  # 为|真金|服|平台 → 真金服
            if m.start() not in starts_by_end and m.start() not in offs:
                continue
            pos, toks = m.start(), []
            while pos in starts_by_end:
                a = starts_by_end[pos]
                tok = text[a:pos]
                if tok in stops or tok in stop_chars or not _BRAND_CHAR.fullmatch(tok) or m.start() - a > 4:
                    break
                if len(tok) >= 2 and freq.get(tok, 0) > 1000:
                    break
                toks.insert(0, tok)
                pos = a
            name = "".join(toks)
            if _context_name_ok(name, toks, generic, stops, freq):
                add(m.start() - len(name), m.start())
    if verb_rx is not None:
        for m in verb_rx.finditer(text):  # 在|花|财|申请 → 花财
            a, b = m.start(1), m.end(1)
            if a not in offs:
                continue
            toks, pos = [], a
            while pos < b and pos in offs:
                toks.append(text[pos:offs[pos]])
                pos = offs[pos]
            if pos != b:
                continue
            if _context_name_ok(m.group(1), toks, generic, stops, freq):
                add(a, b)
    for a, b in found:
        name = text[a:b]
        out.append({"label": "institution", "id": name, "start": a, "end": b,
                    "evidence": "pattern", "confidence": 0.6})
        shorts.setdefault(name, name)


@functools.cache
def _brand_data():
    data = lexicon.load("institution")
    suffixes = sorted(data.get("brand_suffixes", ()), key=len, reverse=True)
    rx = re.compile("|".join(map(re.escape, suffixes))) if suffixes else None
    ctx = data.get("lending_context_words", ())
    ctx_rx = re.compile("|".join(map(re.escape, ctx))) if ctx else None
    return (rx, frozenset(data.get("brand_suffixes_need_lending_context", ())),
            frozenset(data.get("brand_generic_prefixes", ())), ctx_rx,
            frozenset(data["name_stop_words"]) | frozenset(data.get("name_breakers", ())),
            frozenset(data.get("brand_bad_tails", ())), frozenset(data.get("brand_stop_chars", ())))


_NOT_NAME_POS = frozenset("vpcdrumqf")  # jieba POS initials: verb, preposition, conjunction, adverb, …
_BRAND_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def _brand_names(doc: Doc, text: str, out: list[dict], shorts: dict[str, str]) -> None:
    """Brand names: 2-4 characters (whole jieba tokens) before a brand suffix (…金服, …金融, …财富,
    …理财, …创投); platform-like names (…贷, …宝, …花, …借, …钱包, …分期, …网) only where lending
    words are near.  The suffix must end a token (拍拍贷|款 is not 拍拍贷), the whole name must not be
    a dictionary word (消费金融, 高利贷) and the name must not start with a generic word (互联网金融)."""
    rx, need_ctx, generic, ctx_rx, stops, bad_tails, stop_chars = _brand_data()
    if rx is None:
        return
    offs = _token_offsets(doc)
    edges = _token_edges(doc)
    starts_by_end = {e: s for s, e in offs.items()}
    freq = dictionary_freq()
    places = lexicon.place_names()
    pos_tags = dictionary_pos()
    taken = [(m["start"], m["end"]) for m in out if m["label"] == "institution"]
    data = lexicon.load("institution")
    common_prefix_sufs = frozenset(data.get("common_prefix_suffixes", ()))
    media_cues = tuple(data.get("media_cues_before", ()))
    for m in rx.finditer(text):
        s, e, suf = m.start(), m.end(), m.group(0)
        if e not in edges or s not in edges:
            continue
        max_len = 3 if len(suf) == 1 else 4
        start, pos, toks = s, s, []
        while pos in starts_by_end:
            a = starts_by_end[pos]
            tok = text[a:pos]
            if tok == "和" and toks and a in starts_by_end and s - a < max_len:
                b0 = starts_by_end[a]  # 信|和|财富: a conjunction joins words, not a lone character
                if a - b0 == 1 and _BRAND_CHAR.fullmatch(text[b0:a]) and (
                        b0 not in starts_by_end or not _BRAND_CHAR.fullmatch(text[starts_by_end[b0]:b0])
                        or text[starts_by_end[b0]:b0] in stops):
                    toks[:0] = [text[b0:a], tok]
                    start = pos = b0
                    break
            if tok in stops or not _BRAND_CHAR.fullmatch(tok) or s - a > max_len:
                break
            if toks and len(tok) >= 2 and freq.get(tok, 0) > 1000 and tok not in places:
                break  # a common word before the name (申请|壹分期)
            toks.insert(0, tok)
            start = pos = a
        # drop leading generic words (消费|金融, 互联网|金融) and leading digits (5月|…)
        while toks and (toks[0] in generic or toks[0].isdigit() or (len(toks[0]) == 1 and toks[0] in stops)):
            start += len(toks.pop(0))
        if toks and toks[0] in generic:
            continue
        # the name must not begin inside a word (起草|网贷, 介入|红岭创投): trim a leading common word
        while s - start >= 2 and text[start:start + 2] not in places and (
                (s - start > 2 and freq.get(text[start:start + 2], 0) > 500)
                or (start and freq.get(text[start - 1:start + 1], 0) > 500) or text[start] in stop_chars):
            start += 1
        # a verb, preposition, conjunction or adverb is not the start of a name (下载|花, 起草|网);
        # a reduplicated word is (拍拍贷)
        head = text[start:start + 2]
        if s - start >= 2 and head[0] != head[1] and pos_tags.get(head, "n")[:1] in _NOT_NAME_POS \
                and freq.get(head, 0) >= 300:
            start += 2
        name = text[start:e]
        prefix = text[start:s]
        if len(prefix) < 2 or prefix in generic or any(prefix.endswith(g) for g in generic if len(g) > 1):
            continue
        if freq.get(name, 0) or (prefix[-1:] + suf) in bad_tails or prefix.isdigit():
            continue
        if suf in common_prefix_sufs and freq.get(prefix, 0) > 2000 and prefix not in places:
            continue  # 布局|理财, 全球|金融: a common word before the suffix, not a name
        if len(suf) == 1 and text[e:e + 1] in "了过着":
            continue  # 在银谷贷了: 贷 is the verb
        if any(w in text[max(0, start - 6):start] for w in media_cues):
            continue  # 来源：…华声在线: a media site
        if suf in need_ctx and ctx_rx is not None:
            window = text[max(0, start - 40):start] + text[e:e + 40]
            if not ctx_rx.search(window):
                continue
        if any(a <= start and e <= b for a, b in taken):
            continue
        out.append({"label": "institution", "id": name, "start": start, "end": e,
                    "evidence": "pattern", "confidence": 0.6})
        shorts.setdefault(name, name)


# -- laws -------------------------------------------------------------------------------------
_CITATION = re.compile(r"《([^《》\n]{2,80})》")
_NUM = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟万\\d"
_ARTICLE = re.compile(rf"(?:的|原)?第([{_NUM}]+)[条條](?:之([{_NUM}]+))?(?:第([{_NUM}]+)款)?")
_ARTICLE_LIST = re.compile(rf"\s*(?:[、，,和及与與]|以及)\s*第([{_NUM}]+)[条條](?:之([{_NUM}]+))?(?:第([{_NUM}]+)款)?")


def _law_entry(name: str) -> dict | None:
    idx = lexicon.law_index()
    for cand in (name, name.replace("中华人民共和国", ""), re.sub(r"[（(].*?[)）]$", "", name)):
        if cand in idx:
            return idx[cand]
    return None


def _kind_by_suffix(name: str) -> str | None:
    for suffix, kind in lexicon.load("law")["kind_by_suffix"]:
        if name.endswith(suffix):
            return kind
    return None


def _articles_after(text: str, end: int) -> tuple[list[dict], int]:
    arts: list[dict] = []
    m = _ARTICLE.match(text, end)
    while m:
        art = {"article": parse_number(m.group(1))}
        if m.group(2):
            art["sub"] = parse_number(m.group(2))
        if m.group(3):
            art["paragraph"] = parse_number(m.group(3))
        art["text"] = m.group(0).lstrip("的原")
        arts.append(art)
        end = m.end()
        m = _ARTICLE_LIST.match(text, end)
    return arts, end


def law_info(entry: dict | None, name: str) -> dict:
    if entry is None:
        return {"name": name, "kind": _kind_by_suffix(name), "status": "unknown"}
    info = {"name": entry["id"], "kind": entry["kind"], "status": entry["status"]}
    for k in ("effective", "repealed", "replaced_by"):
        if k in entry:
            info[k] = entry[k]
    return info


_INNER_BRACKETS = str.maketrans("", "", "﹤﹥〈〉<>＜＞")
_ISSUERS = ("最高人民法院", "最高人民检察院", "公安部", "司法部", "国务院", "中国人民银行", "中国银保监会",
            "中国银行保险监督管理委员会", "国家金融监督管理总局", "中国证监会", "工业和信息化部", "国家发展改革委")
_ISSUER_PREFIX = re.compile("(?:" + "|".join(_ISSUERS) + ")(?:[、和与](?:" + "|".join(_ISSUERS) + "))*$")
_ALIAS = re.compile(r"[^。\n]{0,40}?(?:以下简称|下称|简称)[“\"《]?([^”\"》）)，,。]{1,20})[”\"》]?")
_DOC_NUMBER = re.compile(r"(法释|法函|法发|法复|法办|高检发[\u4e00-\u9fff]?字?|银发|银监发|银保监发|银保监办发|国发|国办发|"
                         r"公通字|证监发|金规|金发)[（(〔\[]((?:19|20)\d{2})[）)〕\]](\d{1,4})号")
_REGION_START = re.compile(r"^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
                           r"广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|台湾|[\u4e00-\u9fff]{1,4}[省市县])")


def normalize_law_name(name: str) -> str:
    """The id for a law name not in the lexicon: inner brackets dropped, a bare national law
    (劳动法) gets its official 中华人民共和国 prefix."""
    name = name.translate(_INNER_BRACKETS).strip()
    if (name.endswith("法") and not name.startswith("中华人民共和国") and len(name) <= 14
            and not _REGION_START.match(name) and "关于" not in name and not name.endswith("办法")):
        return "中华人民共和国" + name
    return name


def _resolve_law(name: str, aliases: dict[str, dict]) -> tuple[dict | None, str]:
    """(lexicon entry or None, id) for a cited name."""
    if name in aliases:
        a = aliases[name]
        return a.get("entry"), a["id"]
    entry = _law_entry(name) or _law_entry(name.translate(_INNER_BRACKETS))
    if entry:
        return entry, entry["id"]
    return None, normalize_law_name(name)


@Language.component("zhdoc_laws")
def match_laws(doc: Doc) -> Doc:
    text = _text(doc)
    out = _mentions(doc)
    aliases: dict[str, dict] = {}  # 以下简称《解释》 → the law cited just before
    spans: list[tuple[int, int]] = []
    for m in _CITATION.finditer(text):
        name = m.group(1).strip()
        entry, id_ = _resolve_law(name, aliases)
        kind = entry["kind"] if entry else _kind_by_suffix(name.translate(_INNER_BRACKETS))
        if entry is None and name not in aliases and kind is None:
            continue  # a book or article title, not a law
        if entry is None and name.startswith("关于"):
            issuer = _ISSUER_PREFIX.search(text, max(0, m.start() - 40), m.start())
            if issuer:
                id_ = issuer.group(0) + id_
        arts, _ = _articles_after(text, m.end())
        info = dict(law_info(entry, id_), articles=arts)
        if entry is None:
            info["kind"] = kind or (aliases.get(name, {}).get("kind"))
        out.append({"label": "law", "id": id_, "start": m.start(), "end": m.end(),
                    "evidence": "citation", "confidence": 0.95 if entry else 0.8, "info": info})
        spans.append((m.start(), m.end()))
        al = _ALIAS.match(text, m.end())
        if al and al.group(1) != name:
            aliases[al.group(1)] = {"id": id_, "entry": entry, "kind": info["kind"]}
    # document numbers cited as rules: 法函（2002）3号 → 法函〔2002〕3号 (not the number of a title just cited)
    for m in _DOC_NUMBER.finditer(text):
        if re.search(r"》\s*[（(]\s*$", text[max(0, m.start() - 3):m.start()]):
            continue
        id_ = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
        out.append({"label": "law", "id": id_, "start": m.start(), "end": m.end(), "evidence": "pattern",
                    "confidence": 0.7, "info": {"name": id_, "kind": "normative_document", "status": "unknown",
                                                "articles": _articles_after(text, m.end())[0]}})
        spans.append((m.start(), m.end()))
    # bare names found by the term matcher: attach law info and articles (drop those inside a citation)
    keep = []
    for men in out:
        if men["label"] == "law" and "info" not in men:
            if any(a <= men["start"] and men["end"] <= b for a, b in spans):
                continue
            entry = _law_entry(men["id"])
            arts, _ = _articles_after(text, men["end"])
            men["info"] = dict(law_info(entry, men["id"]), articles=arts)
        keep.append(men)
    out[:] = keep
    return doc


# -- personal data ----------------------------------------------------------------------------
_MASKED_CARD = re.compile(r"(?:卡号|卡號|账号|帳號)(?:为|為|是)?\s*[:：]?\s*(\d{2,6}[×xX*＊•·]{2,}\d{2,4})(?!\d)")
@Language.component("zhdoc_personal_data")
def match_personal_data(doc: Doc) -> Doc:
    from ..pii import find_personal_data, find_placeholders

    out = _mentions(doc)
    text = _text(doc)
    for start, end, kind in list(find_placeholders(text)) + list(find_personal_data(text)):
        out.append({"label": "personal_data", "id": kind, "start": start, "end": end,
                    "evidence": "pattern", "confidence": 0.95})
    for m in _MASKED_CARD.finditer(text):  # 卡号为62×××89: a masked card number is still a card number
        out.append({"label": "personal_data", "id": "bank_card", "start": m.start(1), "end": m.end(1),
                    "evidence": "pattern", "confidence": 0.8})
    return doc


# -- polarity and final spans -----------------------------------------------------------------
@functools.cache
def _polarity_cues() -> dict:
    import json
    from importlib import resources

    return json.loads(resources.files("pipeline.data").joinpath("lexicon").joinpath("polarity.json").read_text("utf-8"))


def _bounds(text: str, start: int, end: int, punct: str) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in punct) + 1
    ends = [i for i in (text.find(c, end) for c in punct) if i >= 0]
    return a, min(ends) if ends else len(text)


_CLAUSE_RX = re.compile("[" + re.escape(CLAUSE_PUNCT) + "]")
_SENTENCE_RX = re.compile("[" + re.escape(SENTENCE_PUNCT) + "]")


def _cue_at(window: str, cues, not_cues) -> tuple[str, int] | None:
    """The last real occurrence (cue, index) of one of cues in window (longest cue first at a tie)."""
    best = None
    for cue in cues:
        i = window.rfind(cue)
        while i >= 0:
            if not any(window.startswith(w, j) for w in not_cues for j in range(max(0, i - len(w) + 1), i + 1)
                       if window[j:j + len(w)] == w and j <= i < j + len(w)):
                break
            i = window.rfind(cue, 0, i)
        if i >= 0 and (best is None or i > best[1] or (i == best[1] and len(cue) > len(best[0]))):
            best = (cue, i)
    return best


def polarity(text: str, start: int, end: int, label: str | None = None,
             bounds: tuple[int, int, int, int] | None = None) -> tuple[str, str | None]:
    """(affirmed|negated|uncertain, the cue) for a mention, scoped to its clause / sentence.
    bounds: (clause start, clause end, sentence start, sentence end) if already known."""
    cues = _polarity_cues()
    if label is not None and label not in cues["labels"]:
        return "affirmed", None
    if bounds is None:
        c0, c1 = _bounds(text, start, end, CLAUSE_PUNCT)
        s0, s1 = _bounds(text, start, end, SENTENCE_PUNCT)
    else:
        c0, c1, s0, s1 = bounds
    not_cues = cues["not_cues"]
    clause_before = text[c0:start]
    hit = _cue_at(clause_before, cues["uncertain_first"], not_cues)
    if hit:
        return "uncertain", hit[0]
    window_start = max(0, len(clause_before) - cues["negation_window"])
    hit = _cue_at(clause_before[window_start:], cues["negation"], not_cues)
    if hit:
        between = clause_before[window_start + hit[1] + len(hit[0]):]
        if not any(w in between for w in cues["negation_blocked_by"]):
            return "negated", hit[0]
    hit = _cue_at(clause_before, cues["uncertainty"], not_cues)
    if hit:
        return "uncertain", hit[0]
    hit = _cue_at(text[s0:start], cues["condition"], not_cues)
    if hit:
        return "uncertain", hit[0]
    hit = _cue_at(text[end:s1 + 1], cues["uncertainty_after"], not_cues)
    if hit:
        return "uncertain", hit[0]
    return "affirmed", None


def _boundaries(text: str) -> tuple[list[int], list[int]]:
    return [m.start() for m in _CLAUSE_RX.finditer(text)], [m.start() for m in _SENTENCE_RX.finditer(text)]


def _span_bounds(marks: list[int], start: int, end: int, n: int) -> tuple[int, int]:
    i = bisect.bisect_left(marks, start)
    a = marks[i - 1] + 1 if i else 0
    j = bisect.bisect_left(marks, end)
    return a, marks[j] if j < len(marks) else n


@functools.cache
def _sentence_rules() -> dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """Per (label, id): (terms the rule applies to, words one of which the sentence must contain,
    words none of which it may contain) from ``sentence_context`` entries."""
    out = {}
    for label in lexicon.LABELS:
        for e in lexicon.load(label)["entries"]:
            for rule in e.get("sentence_context", ()):
                out.setdefault((label, e["id"]), []).append(
                    (tuple(rule["terms"]), tuple(rule.get("requires", ())), tuple(rule.get("excludes", ()))))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _clause_exclusions() -> dict[tuple[str, str], tuple[str, ...]]:
    return {(label, e["id"]): tuple(e["not_in_clause_with"]) for label in lexicon.LABELS
            for e in lexicon.load(label)["entries"] if e.get("not_in_clause_with")}


@Language.component("zhdoc_finalize")
def finalize(doc: Doc) -> Doc:
    text = _text(doc)
    merged: dict[tuple[str, str, int, int], dict] = {}
    for m in _mentions(doc):
        merged.setdefault((m["label"], m["id"], m["start"], m["end"]), m)
    items = sorted(merged.values(), key=lambda m: (m["start"], -(m["end"] - m["start"]), m["label"], m["id"]))
    # a mention inside a longer one of the same label (拨打…电话 around 电话) is dropped
    kept: list[dict] = []
    reach: dict[str, int] = {}  # per label: the furthest end among kept mentions (items sorted by start)
    for m in items:
        if m["end"] > m["start"] and reach.get(m["label"], -1) >= m["end"] and not any(
                k["label"] == m["label"] and (k["start"], k["end"]) == (m["start"], m["end"]) for k in kept[-8:]):
            continue
        reach[m["label"]] = max(reach.get(m["label"], -1), m["end"])
        kept.append(m)
    # a court or prosecutor named in a law title (《最高人民法院关于…》) is not an authority mention
    titles = [(m["start"], m["end"]) for m in kept if m["label"] == "law" and m["evidence"] == "citation"]
    if titles:
        kept = [m for m in kept if m["label"] not in ("authority", "institution")
                or not any(a <= m["start"] and m["end"] <= b for a, b in titles)]
    clauses, sentences = _boundaries(text)
    # an entry's not_in_clause_with words (记者 for phone: a journalist calling) cancel it in that clause
    excl = _clause_exclusions()
    if excl:
        keep = []
        for m in kept:
            words = excl.get((m["label"], m["id"]))
            if words:
                c0, _ = _span_bounds(clauses, m["start"], m["end"], len(text))
                if any(w in text[c0:m["start"]] for w in words):
                    continue
            keep.append(m)
        kept = keep
    # sentence_context rules: 立案 is a lawsuit only in a civil sentence (法院, 诉状, 保全), never next
    # to 侦查 / 警方 (a criminal case)
    srules = _sentence_rules()
    if srules:
        keep = []
        for m in kept:
            ok = True
            for terms, requires, excludes in srules.get((m["label"], m["id"]), ()):
                if m.get("evidence") == "term" and text[m["start"]:m["end"]] in terms:
                    s0, s1 = _span_bounds(sentences, m["start"], m["end"], len(text))
                    sent = text[s0:s1]
                    if (requires and not any(w in sent for w in requires)) or any(w in sent for w in excludes):
                        ok = False
            if ok:
                keep.append(m)
        kept = keep
    spans = []
    n = len(text)
    for m in kept:
        bounds = (*_span_bounds(clauses, m["start"], m["end"], n), *_span_bounds(sentences, m["start"], m["end"], n))
        pol, cue = polarity(text, m["start"], m["end"], m["label"], bounds)
        m.setdefault("polarity", pol)
        if cue:
            m.setdefault("polarity_cue", cue)
        span = doc.char_span(m["start"], m["end"], label=m["label"], kb_id=m["id"], alignment_mode="expand")
        if span is not None and len(span):
            ext = span._  # one Underscore object, not one per attribute
            ext.id = m["id"]
            ext.polarity = m["polarity"]
            ext.evidence = m["evidence"]
            ext.confidence = m["confidence"]
            ext.info = m.get("info")
            ext.polarity_cue = m.get("polarity_cue")
            spans.append(span)
    doc._.mentions = kept
    doc.spans["zhdoc"] = spans
    doc.ents = filter_spans(spans)
    return doc
