"""Would a word language model find words deleted without a trace?  A probe, not part of the pipeline.

The model: libpinyin's interpolation model (``data/interpolation2.text`` in the libpinyin source that
Debian distributes, GPL-3: 63,907 words, 1.85 M word bigrams counted on ~51 M tokens), read into an
interpolated absolute-discounting bigram model (numpy arrays).  It is downloaded once into the cache
folder (``ZHDOC_CACHE_DIR`` or ``~/.cache/zhdoc``) and never shipped: the probe only measures.

Detection: on the gap bench's sentences (``bench_gaps.make_cases``) with one word deleted leaving
nothing, every jieba word boundary is scored by the model's odds that a word stood there,
log sum_w P(w|a) P(b|w) - log P(b|a); printed: how often the true deletion point scores highest in
its sentence, and recall against false gaps per sentence at several thresholds.

Suggestion: top-1 of log P(w|a) + log P(b|w) over the domain fill words at the true gap.

    python bench/probe_word_lm.py
"""
from __future__ import annotations

import math
import sys
import tarfile
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

URL = "http://deb.debian.org/debian/pool/main/libp/libpinyin/libpinyin_2.8.1.orig.tar.gz"
MEMBER = "libpinyin-2.8.1/data/interpolation2.text"


def model_text() -> Path:
    from pipeline.nlp.jieba_tok import cache_dir

    out = cache_dir() / "libpinyin-interpolation2.text"
    if not out.exists():
        tgz = cache_dir() / "libpinyin_2.8.1.orig.tar.gz"
        if not tgz.exists():
            print("downloading", URL, file=sys.stderr)
            urllib.request.urlretrieve(URL, tgz)
        with tarfile.open(tgz) as t:
            out.write_bytes(t.extractfile(MEMBER).read())
    return out


class BigramLM:
    """Interpolated absolute discounting (D = 0.75) with Kneser-Ney continuation probabilities."""

    def __init__(self, path: Path, discount: float = 0.75):
        uni: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        section = 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("\\1-gram"):
                    section = 1
                elif line.startswith("\\2-gram"):
                    section = 2
                elif line.startswith("\\item"):
                    p = line.split()
                    if section == 1:
                        uni[p[2]] = uni.get(p[2], 0) + int(p[4])
                    elif section == 2:
                        pairs[p[2], p[4]] = pairs.get((p[2], p[4]), 0) + int(p[6])
        self.vocab = sorted(uni)
        self.idx = {w: i for i, w in enumerate(self.vocab)}
        n = len(self.vocab)
        pairs = {k: v for k, v in pairs.items() if k[0] in self.idx and k[1] in self.idx}
        rows = np.array([self.idx[a] for a, _ in pairs])
        cols = np.array([self.idx[b] for _, b in pairs])
        counts = np.array(list(pairs.values()), dtype=float)
        total = np.bincount(rows, weights=counts, minlength=n)
        types = np.bincount(rows, minlength=n).astype(float)
        cont = np.bincount(cols, minlength=n).astype(float)
        self.pcont = (cont + 0.5) / (cont.sum() + 0.5 * n)
        self.lam = np.where(total > 0, discount * types / np.maximum(total, 1), 1.0)
        disc = np.maximum(counts - discount, 0) / total[rows]
        o = np.lexsort((cols, rows))
        self.r_cols, self.r_p = cols[o], disc[o]
        self.r_ptr = np.searchsorted(rows[o], np.arange(n + 1))
        o = np.lexsort((rows, cols))
        self.c_rows, self.c_p = rows[o], disc[o]
        self.c_ptr = np.searchsorted(cols[o], np.arange(n + 1))
        self.lam_mass = float((self.pcont * self.lam).sum())

    def p(self, a: int, b: int) -> float:
        s, e = self.r_ptr[a], self.r_ptr[a + 1]
        k = s + np.searchsorted(self.r_cols[s:e], b)
        explicit = self.r_p[k] if k < e and self.r_cols[k] == b else 0.0
        return explicit + self.lam[a] * self.pcont[b]

    def insertion(self, a: int, b: int) -> float:
        """log sum_w P(w|a) P(b|w) - log P(b|a)."""
        s, e = self.r_ptr[a], self.r_ptr[a + 1]
        ws, pw = self.r_cols[s:e], self.r_p[s:e]
        cs, ce = self.c_ptr[b], self.c_ptr[b + 1]
        preds, pb = self.c_rows[cs:ce], self.c_p[cs:ce]
        _, i1, i2 = np.intersect1d(ws, preds, assume_unique=True, return_indices=True)
        pbw = self.lam[ws] * self.pcont[b]
        pbw[i1] += pb[i2]
        backoff = self.lam[a] * ((self.pcont[preds] * pb).sum() + self.pcont[b] * self.lam_mass)
        return math.log((pw * pbw).sum() + backoff) - math.log(self.p(a, b))


def main() -> None:
    import bench_gaps as B
    from pipeline.nlp.jieba_tok import shared_jieba
    from pipeline.nlp.lexicon import user_words
    from pipeline.repair import gaps

    lm = BigramLM(model_text())
    jb = shared_jieba(user_words())
    cases = B.make_cases(400, 7)
    true_scores, others, first = [], [], 0
    for s, p, w, *_ in cases:
        text = s[:p] + s[p + len(w):]
        toks = list(jb.cut(text, HMM=False))
        at, scored = 0, []
        for a, b in zip(toks, toks[1:]):
            at += len(a)
            ia, ib = lm.idx.get(a), lm.idx.get(b)
            scored.append((at, lm.insertion(ia, ib) if ia is not None and ib is not None else 0.0))
        here = [g for q, g in scored if q == p]
        true_scores.append(here[0] if here else -math.inf)
        others += [g for q, g in scored if q != p]
        first += bool(here) and here[0] >= max(g for _, g in scored)
    n = len(cases)
    ts, ot = np.array(true_scores), np.array(others)
    print(f"{n} sentences, one word deleted leaving nothing; word LM vocabulary {len(lm.vocab)}")
    print(f"true deletion point scored highest in its sentence: {first}/{n} = {first / n:.3f}")
    for th in (0, 1, 2, 3, 4, 5, 6):
        print(f"  threshold {th}: recall {(ts > th).sum() / n:.3f}, false gaps per sentence {(ot > th).sum() / n:.3f}")

    words = [w for w in gaps.gap_data()["words"]]
    print("domain words the model does not know:", [w for w in words if w not in lm.idx])
    right = total = 0
    for s, p, w, is_dom, *_ in cases:
        if not is_dom:
            continue
        text = s[:p] + s[p + len(w):]
        left = list(jb.cut(text[max(0, p - 10):p], HMM=False))
        rest = list(jb.cut(text[p:p + 10], HMM=False))
        a = lm.idx.get(left[-1]) if left else None
        b = lm.idx.get(rest[0]) if rest else None

        def score(c: str) -> float:
            i = lm.idx.get(c)
            if i is None:
                return -50.0
            return (math.log(lm.p(a, i)) if a is not None else 0.0) + (math.log(lm.p(i, b)) if b is not None else 0.0)

        total += 1
        right += max(words, key=score) == w
    print(f"suggestion by the word LM alone, domain words: top-1 {right}/{total} = {right / total:.3f}")


if __name__ == "__main__":
    main()
