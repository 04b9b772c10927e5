"""The mojibake, pinyin-gloss and HTML-entity fixes never change clean text: the whole shared clean corpus
(laws, laws-corpus, collection, cwced cleaned; > 1 M characters) goes through both unchanged."""
import time

from pipeline.repair.fixes import html_entities
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
        for fix in (mojibake, pinyin_glosses, html_entities):
            edits = fix(text)
            if edits:
                changed[(name, fix.__name__)] = [(text[e.start:e.end], e.new) for e in edits[:5]]
    assert not changed, changed
    assert time.perf_counter() - t0 < 30


def test_traditional_share_counts_han_blocks_by_regex():
    from pipeline.repair.script import _HAN, traditional_share

    text = "隨著消費金融發展，㐀丂豈 abc １２"
    assert len(_HAN.findall(text)) == sum(
        1 for c in text if 0x3400 <= ord(c) < 0x4DC0 or 0x4E00 <= ord(c) < 0xA000 or 0xF900 <= ord(c) < 0xFB00)
    assert traditional_share(text) > 0.3
    assert traditional_share("随着消费金融发展") == 0.0
    assert traditional_share("abc") == 0.0
