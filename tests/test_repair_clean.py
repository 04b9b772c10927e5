"""The mojibake and pinyin-gloss fixes never change clean text: the whole shared clean corpus
(laws, laws-corpus, collection, cwced cleaned; > 1 M characters) goes through both unchanged."""
import time

from pipeline.repair.mojibake import mojibake
from pipeline.repair.pinyin import pinyin_glosses

from .conftest import shared


def _corpus():
    files = []
    for sub, pattern in (("laws", "*.md"), ("laws-corpus", "*.md"), ("collection", "*.txt"),
                         ("html-zh/cwced/cleaned", "*.txt")):
        files += sorted(shared("data", *sub.split("/")).glob(pattern))
    return [(p.name, p.read_text("utf-8")) for p in files]


def test_clean_corpus_untouched():
    docs = _corpus()
    total = sum(len(t) for _, t in docs)
    assert total >= 1_000_000
    t0 = time.perf_counter()
    changed = {}
    for name, text in docs:
        for fix in (mojibake, pinyin_glosses):
            edits = fix(text)
            if edits:
                changed[(name, fix.__name__)] = [(text[e.start:e.end], e.new) for e in edits[:5]]
    assert not changed, changed
    assert time.perf_counter() - t0 < 30
