"""Suspected gaps: places where the source site deleted a word.

Three detectors, each cheap and explainable:

* a stray space inside a Chinese sentence (the space fix removes it and reports it here; spaces
  that separate list items, headlines or names are layout, see ``fixes.stray_space_edits``);
* a truncated word: a character that, by jieba's dictionary, almost always begins a longer word,
  standing alone right before a function word or punctuation (``催收问也`` -> 问[题]), at several
  places in varied company as a site's word filter leaves it (a name or ``8时许`` is not);
* a grammatical frame with its middle missing (``在享受金融服务的也应`` -> 的[同时]也).

Suggestions: each candidate fill word of the domain data (``data/gaps.json``) gets features
(:func:`candidate_features`: dictionary prior, the characters on both sides, the word elsewhere in
the text, the compound it would form, a cue earlier in the clause 拨打 … -> 电话, the word after the
gap … 催收 -> 电话) weighted by ``suggestion_weights``; the gaps of one text are then filled
together (:func:`suggest_jointly`), since a filter deletes the same word again and again.  A
truncated word is completed from the dictionary.  The text is only changed when the user asks for
fills (``Config.fill_gaps``).

A fourth detector, for a word deleted without any trace, scores every adjacent character pair by
the character model's odds that a word stood between them (:func:`insertions`).  It is fast (a numpy
gather, ~5M chars/s once the matrix is built) but character statistics do not separate real
deletions from ordinary word boundaries: at the laws-corpus false-gap budget it finds almost
nothing (``python bench/bench_gaps.py --curve``), so ``gaps.json`` ships it disabled.  A word
bigram model counted on ~51M tokens does not separate them either (``bench/probe_word_lm.py``).
"""
from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources

from ..text.chars import is_han
from ..nlp.jieba_tok import dictionary_freq

_CLAUSE_END = "，。；！？\n"


@functools.cache
def gap_data() -> dict:
    return json.loads(resources.files("pipeline.data").joinpath("gaps.json").read_text("utf-8"))


@functools.cache
def _constructions():
    return [(re.compile(c["pattern"]), c) for c in gap_data()["constructions"]]


@functools.cache
def _completions() -> dict[str, tuple[str, int]]:
    """First character -> (most frequent two-character word it begins, that word's frequency)."""
    freq = dictionary_freq()
    best: dict[str, tuple[str, int]] = {}
    for w, f in freq.items():
        if len(w) == 2 and f and is_han(w[0]) and is_han(w[1]):
            if f > best.get(w[0], ("", 0))[1]:
                best[w[0]] = (w, f)
    return best


@functools.cache
def char_model() -> tuple[dict[str, float], dict[str, float], float]:
    """Character unigram and bigram counts (``data/gap_bigrams.json``, built by
    ``bench/build_gap_model.py`` from the legal corpus and jieba's dictionary)."""
    d = json.loads(resources.files("pipeline.data").joinpath("gap_bigrams.json").read_text("utf-8"))
    uni = {c: 2 ** (int(b) / 2) for b, cs in d["uni"].items() for c in cs}
    bi = {ks[i:i + 2]: 2 ** (int(b) / 2) for b, ks in d["bi"].items() for i in range(0, len(ks), 2)}
    return uni, bi, float(d["total"])


def logp(a: str, b: str) -> float:
    """log P(b | a), interpolated with the unigram (Witten-Bell-like, fixed weight)."""
    uni, bi, total = char_model()
    ua = uni.get(a, 0.0)
    pb = (uni.get(b, 0.0) + 0.5) / total
    if not ua:
        return math.log(pb)
    return math.log(0.9 * bi.get(a + b, 0.0) / ua + 0.1 * pb)


def logp_uni(c: str) -> float:
    uni, _, total = char_model()
    return math.log((uni.get(c, 0.0) + 0.5) / total)


def _fill_words() -> list[str]:
    return list(dict.fromkeys(list(gap_data()["words"]) + [c["fill"] for c in gap_data()["collocations"]]))


@functools.cache
def _dictionary_contexts(words: tuple[str, ...]) -> dict[str, tuple[dict, dict, float, float]]:
    """Characters seen right before and right after each of ``words`` inside jieba's dictionary
    entries (打电话, 电话费, 催收员 …), weighted by log frequency: a context model per fill word.
    One pass over the dictionary for all words (Aho-Corasick), not one per word."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    acc: dict[str, tuple[dict, dict]] = {w: ({}, {}) for w in words}
    for entry, f in dictionary_freq().items():
        if not f or len(entry) < 2:
            continue
        wt = 0.0
        for end, w in auto.iter(entry):
            if len(entry) <= len(w):
                continue
            wt = wt or math.log(1 + f)
            left, right = acc[w]
            i, j = end - len(w) + 1, end + 1
            if i > 0:
                left[entry[i - 1]] = left.get(entry[i - 1], 0.0) + wt
            if j < len(entry):
                right[entry[j]] = right.get(entry[j], 0.0) + wt
    return {w: (l, r, sum(l.values()), sum(r.values())) for w, (l, r) in acc.items()}


MAX_CLAUSE = 200  # how far back the start of the clause before a gap is looked for


def _clause(text: str, pos: int) -> str:
    """The clause before ``pos``: back to the last clause mark, at most :data:`MAX_CLAUSE`
    characters (a bounded search: a call costs the same on a line as on a whole document)."""
    lo = max(0, pos - MAX_CLAUSE)
    start = max(text.rfind(c, lo, pos) for c in _CLAUSE_END) + 1
    return text[max(start, lo):pos]


@functools.cache
def _contexts() -> dict[str, tuple[dict, dict, float, float, int]]:
    """Per fill word: characters seen before and after it in the legal corpus (``ctx`` of
    ``gap_bigrams.json``) plus its dictionary compounds (:func:`_dictionary_contexts`)."""
    d = json.loads(resources.files("pipeline.data").joinpath("gap_bigrams.json").read_text("utf-8"))
    words = _fill_words()
    dictionary = _dictionary_contexts(tuple(words))
    out = {}
    for w in words:
        c = d.get("ctx", {}).get(w, {"n": 0, "l": {}, "r": {}})
        dl, dr, _, _ = dictionary[w]
        left = dict(c["l"])
        right = dict(c["r"])
        for k, v in dl.items():
            left[k] = left.get(k, 0.0) + v
        for k, v in dr.items():
            right[k] = right.get(k, 0.0) + v
        out[w] = (left, right, sum(left.values()), sum(right.values()), c["n"])
    return out


def _side(counts: dict, total: float, ch: str) -> float:
    """log P(ch beside the word) / P(ch): the word's own context counts, smoothed towards the
    character's overall probability (no evidence = 0)."""
    pc = logp_uni_exp(ch)
    return math.log((counts.get(ch, 0.0) + _ALPHA * pc) / (total + _ALPHA) / pc)


_ALPHA = 100.0


def logp_uni_exp(c: str) -> float:
    return math.exp(logp_uni(c))


@functools.cache
def _evidence_words() -> tuple[str, ...]:
    """Every word :func:`candidates` may score: the fill words and the ``before_word`` candidates."""
    d = gap_data()
    return tuple(dict.fromkeys(_fill_words() + [w for cands in d["before_word"].values() for w, _ in cands]))


@functools.cache
def _evidence_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in _evidence_words():
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


@functools.lru_cache(maxsize=4)
def _occurrences(text: str) -> dict[str, tuple[int, dict, dict]]:
    """Per candidate word: (occurrences in ``text``, counts of the character before them, counts
    of the character after them).  One Aho-Corasick pass per text, shared by all its gaps."""
    out: dict[str, tuple[int, dict, dict]] = {}
    n = len(text)
    for end, w in _evidence_automaton().iter(text):
        i, j = end - len(w) + 1, end + 1
        k, lc, rc = out.get(w) or (0, {}, {})
        if i > 0:
            lc[text[i - 1]] = lc.get(text[i - 1], 0) + 1
        if j < n:
            rc[text[j]] = rc.get(text[j], 0) + 1
        out[w] = (k + 1, lc, rc)
    return out


def _doc_evidence(text: str, pos: int, w: str, left: str, right: str) -> float:
    """The word elsewhere in the same text: a mention, and more when it has the same neighbour
    character there as the gap has here (拨打电话 … 拨打‸ -> 电话).  Counts come from
    :func:`_occurrences` (the word at ``pos`` itself, if any, is left out)."""
    if w not in _evidence_automaton():
        return _doc_evidence_scan(text, pos, w, left, right)
    k, lc, rc = _occurrences(text).get(w) or (0, {}, {})
    here = text.startswith(w, pos)
    if k - here <= 0:
        return 0.0
    if left and lc.get(left, 0) - (here and pos > 0 and text[pos - 1] == left) > 0:
        return 1.5
    if right and rc.get(right, 0) - (here and text[pos + len(w):pos + len(w) + 1] == right) > 0:
        return 1.5
    return 0.5


def _doc_evidence_scan(text: str, pos: int, w: str, left: str, right: str) -> float:
    """:func:`_doc_evidence` by scanning the text (a word outside :func:`_evidence_words`)."""
    score = 0.0
    i = text.find(w)
    while i >= 0:
        if i != pos:
            score = max(score, 0.5)
            if left and i > 0 and text[i - 1] == left:
                score = max(score, 1.5)
            if right and text[i + len(w):i + len(w) + 1] == right:
                score = max(score, 1.5)
        i = text.find(w, i + 1)
    return score



def _compound(text: str, pos: int, w: str) -> float:
    """Log frequency of the best word that the fill would form with its neighbours (暴力+催收 ->
    暴力催收, 催收+公司 -> 催收公司), from jieba's dictionary with the domain lexicon's terms."""
    freq = _lexicon_freq()
    a0, b0 = max(0, pos - 3), min(len(text), pos + 3)
    s = text[a0:pos] + w + text[pos:b0]
    i0, i1 = pos - a0, pos - a0 + len(w)
    best = 0.0
    for a in range(0, i0 + 1):
        for b in range(i1, len(s) + 1):
            if (a, b) != (i0, i1) and b - a <= 6:
                f = freq.get(s[a:b], 0)
                if f:
                    best = max(best, math.log(1 + f))
    return best


@functools.cache
def _lexicon_freq() -> dict[str, int]:
    from ..nlp.jieba_tok import shared_jieba
    from ..nlp.lexicon import user_words

    return shared_jieba(user_words()).FREQ


FEATURES = ("prior", "left", "right", "document", "compound", "cue", "in_document")


def candidate_features(text: str, pos: int) -> list[tuple[str, tuple[float, ...]]]:
    """Domain words that could fill a gap at ``pos`` with their evidence, one value per
    :data:`FEATURES`: ``prior`` (log dictionary frequency), ``left``/``right`` (how the word's own
    context fits the characters on each side: legal corpus and dictionary compounds, backed off to
    the character model), ``document`` (the word elsewhere in the text with the same neighbours),
    ``compound`` (the best dictionary or lexicon word it forms with its neighbours: 暴力+催收),
    ``cue`` (a cue earlier in the clause, 拨打 … -> 电话, or the word after the gap, … 催收 -> 电话)
    and ``in_document`` (log of its occurrences elsewhere in the text)."""
    data = gap_data()
    clause = _clause(text, pos)
    left, right = text[max(0, pos - 1):pos], text[pos:pos + 1]
    left = left if left and (is_han(left) or left in "，。；、：“”（）《》") else ""
    right = right if right and (is_han(right) or right in "，。；、：“”（）《》") else ""
    after = text[pos:pos + 4]
    bonus: dict[str, float] = {}
    for col in data["collocations"]:
        if col["cue"] in clause and col["fill"] not in clause[clause.rfind(col["cue"]):]:
            bonus[col["fill"]] = max(bonus.get(col["fill"], 0.0), 15.0 * col["confidence"])
    for word, cands in data["before_word"].items():
        if after.startswith(word):
            for w, weight in cands:
                bonus[w] = bonus.get(w, 0.0) + 8.0 * weight
    ctx = _contexts()
    freq = dictionary_freq()
    occ = _occurrences(text)
    out = []
    for w in dict.fromkeys(list(data["words"]) + list(bonus)):
        if clause.endswith(w) or after.startswith(w):
            continue  # the word is already there
        lc, rc, ls, rs, _n = ctx.get(w) or ({}, {}, 0.0, 0.0, 0)
        k = (occ.get(w) or (0,))[0] if w in _evidence_automaton() else text.count(w)
        out.append((w, (math.log(1 + freq.get(w, 0)),
                        _side(lc, ls, left) if left else 0.0,
                        _side(rc, rs, right) if right else 0.0,
                        _doc_evidence(text, pos, w, left, right),
                        _compound(text, pos, w),
                        bonus.get(w, 0.0),
                        math.log(1 + k))))
    return out


@functools.cache
def suggestion_weights() -> tuple[float, ...]:
    """One weight per :data:`FEATURES` (``gaps.json`` ``suggestion_weights``, fitted by
    ``bench/fit_gap_weights.py``)."""
    w = gap_data()["suggestion_weights"]
    return tuple(float(w[f]) for f in FEATURES)


def candidates(text: str, pos: int) -> list[tuple[float, str, float]]:
    """Domain words that could fill a gap at ``pos``, best first: (score, word, cue bonus), the
    score a weighted sum of :func:`candidate_features`."""
    wts = suggestion_weights()
    cue = FEATURES.index("cue")
    out = [(sum(a * b for a, b in zip(wts, f)), w, f[cue]) for w, f in candidate_features(text, pos)]
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


def suggest(text: str, pos: int) -> tuple[str | None, float]:
    """Best fill for a gap at ``pos`` in ``text`` and its confidence (the softmax share of the
    best candidate, kept between 0.3 and 0.9)."""
    return _best(candidates(text, pos))


def _best(cands: list[tuple[float, str, float]]) -> tuple[str | None, float]:
    if not cands:
        return None, 0.3
    top = cands[0][0]
    z = sum(math.exp(c[0] - top) for c in cands)
    return cands[0][1], round(min(max(1.0 / z, 0.3), 0.9), 2)


JOINT_TEMPERATURE = 4.0  # candidate scores -> probabilities, softened so one gap cannot dominate
JOINT_ROUNDS = 3


def suggest_jointly(text: str, positions: list[int]) -> list[tuple[str | None, float]]:
    """:func:`suggest` for all gaps of one text together.  A site's word filter deletes the same word
    again and again, so a word that fits several gaps is likelier at each of them: a few rounds of
    EM over the gaps' candidate distributions give a per-text prior over the fill words, and each
    gap takes the best candidate under it.  One gap alone gets exactly :func:`suggest`'s answer."""
    ranked = [candidates(text, pos) for pos in positions]
    if len(ranked) == 1:
        return [_best(ranked[0])]
    dists = []
    for cands in ranked:
        if not cands:
            dists.append({})
            continue
        top = cands[0][0]
        e = {w: math.exp((sc - top) / JOINT_TEMPERATURE) for sc, w, _ in cands}
        z = sum(e.values())
        dists.append({w: v / z for w, v in e.items()})
    words = sorted(set().union(*dists)) if dists else []
    prior = {w: 1.0 / len(words) for w in words} if words else {}
    if len([d for d in dists if d]) > 1:
        for _ in range(JOINT_ROUNDS):
            acc = dict.fromkeys(words, 1e-6)
            for d in dists:
                z = sum(p * prior[w] for w, p in d.items())
                for w, p in d.items():
                    acc[w] += p * prior[w] / z
            total = sum(acc.values())
            prior = {w: v / total for w, v in acc.items()}
    out = []
    for d in dists:
        if not d:
            out.append((None, 0.3))
            continue
        post = {w: p * prior[w] for w, p in d.items()}
        z = sum(post.values())
        best = min(post, key=lambda w: (-post[w], w))
        out.append((best, round(min(max(post[best] / z, 0.3), 0.9), 2)))
    return out


@functools.cache
def _followers_rx(followers: str) -> re.Pattern:
    return re.compile("[" + re.escape(followers) + "]")


def truncated_words(text: str) -> list[dict]:
    """Single characters cut off from a frequent word (see module docs) by a word filter."""
    return _filtered_everywhere(text, truncations(text), gap_data()["truncation"])


def truncations(text: str) -> list[dict]:
    """Every place where a character looks cut off from its word (before the filter test)."""
    cfg = gap_data()["truncation"]
    freq, comp = dictionary_freq(), _completions()
    out = []
    # only a follower character (也的，。…) can end a truncated word: find those, not every character
    for m in _followers_rx(cfg["followers"]).finditer(text, 2):
        i = m.start() - 1
        x, z = text[i], text[i + 1]
        if x not in comp or not is_han(text[i - 1]):
            continue
        word, wf = comp[x]
        if wf < cfg["min_word_freq"] or wf < cfg["min_ratio"] * freq.get(x, 0):
            continue
        # jieba's table also holds every word prefix with frequency 0: only real words count
        if any(freq.get(text[max(0, i - k):i + 1], 0) for k in (1, 2, 3)) or freq.get(x + z, 0):
            continue
        # the character and the one before it often go together (较大, 查封, 简称): it ends a word
        if logp(text[i - 1], x) - logp_uni(x) > cfg.get("max_left_association", 2.0):
            continue
        # ... or it often stands right before the follower (证。 权。 品、): a word's last character
        if logp(x, z) - logp_uni(z) > cfg.get("max_right_association", 0.5):
            continue
        out.append({"pos": i + 1, "suggestion": word[1], "confidence": 0.6, "reason": "truncated_word"})
    return out


def _filtered_everywhere(text: str, found: list[dict], cfg: dict) -> list[dict]:
    """Keep the truncations a site's word filter explains: a filter removes the missing part wherever
    it occurs, so the cut-off character stands alone at several places, after different characters
    and before different ones (催收问也, 解决问的, 客户的问，).  A character cut off once, or always
    in the same company (a name: 李简的 … 李简的; a time: 8时许， … 4时许，), is ordinary text.
    (The completed word may still appear elsewhere: the seed's title and teaser kept 问题 where its
    body lost every 题.)"""
    by_char: dict[str, list[dict]] = {}
    for g in found:
        by_char.setdefault(text[g["pos"] - 1], []).append(g)
    out = []
    for x, group in by_char.items():
        lefts = {text[g["pos"] - 2] for g in group}
        followers = {text[g["pos"]] for g in group}
        if len(group) >= cfg.get("min_sites", 2) and len(lefts) >= cfg.get("min_contexts", 2) \
                and len(followers) >= cfg.get("min_contexts", 2):
            out.extend(group)
    return sorted(out, key=lambda g: g["pos"])


def frames(text: str) -> list[dict]:
    out = []
    for rx, c in _constructions():
        for m in rx.finditer(text):
            out.append({"pos": m.end(), "suggestion": c["fill"], "confidence": c["confidence"], "reason": "frame"})
    return out


# -- insertion likelihood ratio (a word deleted without a trace) -----------------------------------
# For adjacent characters a, b: LLR(a, b) = log sum_w P(w0|a) P(w|w0) P(b|w_last) - log P(b|a), the
# character model's odds that some word w of a vocabulary (the domain words plus jieba's most frequent
# two-character words) was between them.  Computed once for the most frequent characters as a dense
# matrix (one matrix product), so scanning a text is a numpy gather, not per-character Python.

@functools.cache
def insertion_model():
    """(codepoint -> index table, chars, log P matrix, LLR matrix, vocabulary, first/last indices,
    log internal probability of each word).  Sizes from ``gaps.json`` ``insertion``."""
    import numpy as np

    cfg = gap_data()["insertion"]
    uni, bi, total = char_model()
    chars = sorted(uni, key=lambda c: (-uni[c], c))[: cfg["chars"]]
    idx = {c: i for i, c in enumerate(chars)}
    k = len(chars)
    pc = np.array([(uni[c] + 0.5) / total for c in chars], dtype=np.float64)
    P = np.tile(0.1 * pc, (k, 1))
    for ab, n in bi.items():
        i, j = idx.get(ab[0]), idx.get(ab[1])
        if i is not None and j is not None:
            P[i, j] += 0.9 * n / uni[ab[0]]
    freq = dictionary_freq()
    vocab = list(dict.fromkeys(
        [w for w in _fill_words() if all(c in idx for c in w)]
        + [w for w, _ in sorted(((w, f) for w, f in freq.items()
                                 if len(w) == 2 and f and w[0] in idx and w[1] in idx and is_han(w[0]) and is_han(w[1])),
                                key=lambda t: (-t[1], t[0]))[: cfg["words"]]]))
    first = np.array([idx[w[0]] for w in vocab])
    last = np.array([idx[w[-1]] for w in vocab])
    inner = np.array([sum(math.log(P[idx[w[i]], idx[w[i + 1]]]) for i in range(len(w) - 1)) for w in vocab])
    A = (P[:, first] * np.exp(inner)[None, :]).astype(np.float32)
    S = A @ P[last, :].astype(np.float32)
    logP = np.log(P).astype(np.float32)
    llr = (np.log(S) - logP).astype(np.float16)
    table = np.full(0x10000, -1, dtype=np.int32)
    for c, i in idx.items():
        if ord(c) < 0x10000:
            table[ord(c)] = i
    return table, chars, logP.astype(np.float16), llr, vocab, first, last, inner.astype(np.float32)


def insertion_scores(text: str, threshold: float):
    """Positions ``i`` (a gap between ``text[i-1]`` and ``text[i]``) whose LLR exceeds ``threshold``,
    with their LLR: a numpy gather over the whole text."""
    import numpy as np

    table, _chars, _lp, llr = insertion_model()[:4]
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    ix = table[np.minimum(cp, 0xFFFF)]
    ix[cp > 0xFFFF] = -1
    a, b = ix[:-1], ix[1:]
    ok = (a >= 0) & (b >= 0)
    score = np.full(len(a), -100.0, dtype=np.float32)
    score[ok] = llr[a[ok], b[ok]]
    hits = np.nonzero(score > threshold)[0]
    return [(int(i) + 1, float(score[i])) for i in hits]


def best_insertion(a: str, b: str) -> tuple[str, float]:
    """The vocabulary word most likely between ``a`` and ``b`` and its log P(a w b) - log P(a b)."""
    import numpy as np

    table, _chars, lp, _llr, vocab, first, last, inner = insertion_model()
    i, j = table[ord(a)], table[ord(b)]
    s = lp[i, first].astype(np.float32) + inner + lp[last, j].astype(np.float32)
    k = int(np.argmax(s))
    return vocab[k], float(s[k] - lp[i, j])


def _boundary(text: str, pos: int, orphan: bool) -> bool:
    """jieba (dictionary only) puts a word boundary at ``pos`` in the clause around it; with
    ``orphan``, one side of it is also a single-character word."""
    from ..nlp.jieba_tok import shared_jieba
    from ..nlp.lexicon import user_words

    lo = max(0, pos - 12)
    hi = min(len(text), pos + 12)
    for c in _CLAUSE_END:
        k = text.rfind(c, lo, pos)
        if k >= 0:
            lo = max(lo, k + 1)
        k = text.find(c, pos + 1, hi)
        if k >= 0:
            hi = min(hi, k)
    at, left_len, right_len = lo, 0, 0
    for w in shared_jieba(user_words()).cut(text[lo:hi], HMM=False):
        if at == pos:
            right_len = len(w)
            break
        at += len(w)
        left_len = len(w)
        if at > pos:
            return False
    else:
        if at != pos:
            return False
    return not orphan or left_len == 1 or right_len <= 1


THRESHOLD: float | None = None  # overrides ``gaps.json`` ``insertion.threshold`` (bench sweeps)


def insertions(text: str) -> list[dict]:
    """Deleted words without a trace: character pairs the model finds far likelier with a word
    between them, where jieba also sees a word boundary."""
    cfg = gap_data()["insertion"]
    t = cfg["threshold"] if THRESHOLD is None else THRESHOLD
    out = []
    for pos, score in insertion_scores(text, t):
        if not is_han(text[pos - 1]) and not is_han(text[pos]):
            continue
        if not _boundary(text, pos, cfg.get("orphan", False)):
            continue
        word, _ = best_insertion(text[pos - 1], text[pos])
        out.append({"pos": pos, "suggestion": None, "lm_word": word, "llr": round(score, 2),
                    "confidence": round(min(0.8, 0.3 + 0.05 * (score - t)), 2), "reason": "insertion"})
    return out


def detect(text: str) -> list[dict]:
    """Gaps found without a space marking them (positions in ``text``)."""
    found = {g["pos"]: g for g in frames(text)}
    for g in truncated_words(text):
        found.setdefault(g["pos"], g)
    if gap_data().get("insertion", {}).get("enabled", True):
        for g in insertions(text):
            found.setdefault(g["pos"], g)
    return [found[p] for p in sorted(found)]
