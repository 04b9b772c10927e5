"""A spaCy tokenizer that holds its own ``jieba.Tokenizer``.

spaCy's built-in Chinese segmenter uses jieba's global tokenizer, which cannot be pickled for
multi-process work; this one can (it pickles as its user words and rebuilds the jieba tokenizer
on load).  User words get explicit frequencies, so segmentation does not depend on what else was
loaded.  jieba's cache lives in a folder the project controls (``ZHDOC_CACHE_DIR`` or
``~/.cache/zhdoc``), not in the world-writable /tmp.
"""
from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path

import jieba
from spacy.tokens import Doc
from spacy.util import registry

jieba.setLogLevel(logging.WARNING)


def cache_dir() -> Path:
    d = Path(os.environ.get("ZHDOC_CACHE_DIR") or Path.home() / ".cache" / "zhdoc")
    d.mkdir(parents=True, exist_ok=True)
    return d


def new_jieba(user_words: tuple[tuple[str, int], ...] = ()) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    tok.cache_file = "jieba.cache"
    tok.initialize()
    # what the default dictionary said before the user words changed it (None: not in it)
    tok.zhdoc_originals = {}
    for word, freq in user_words:
        for i in range(1, len(word) + 1):
            tok.zhdoc_originals.setdefault(word[:i], tok.FREQ.get(word[:i]))
        tok.add_word(word, freq=freq)
    return tok


@functools.cache
def shared_jieba(user_words: tuple[tuple[str, int], ...] = ()) -> jieba.Tokenizer:
    """One jieba tokenizer per process and user-word set: its dictionary is ~80 MB, so the tagger
    and the gap detector share it instead of each loading their own."""
    return new_jieba(user_words)


class DefaultDictionary(Mapping):
    """jieba's default-dictionary frequencies, read through a tokenizer that also holds user words
    (their frequencies are the lexicon's, not the dictionary's, so they are looked through)."""

    def __init__(self, tok: jieba.Tokenizer):
        self._freq = tok.FREQ
        self._orig = getattr(tok, "zhdoc_originals", {})

    def get(self, key, default=None):
        if key in self._orig:
            v = self._orig[key]
            return default if v is None else v
        return self._freq.get(key, default)

    def __getitem__(self, key):
        v = self.get(key, _MISSING)
        if v is _MISSING:
            raise KeyError(key)
        return v

    def __contains__(self, key):
        return self.get(key, _MISSING) is not _MISSING

    def __iter__(self):
        orig = self._orig
        return (k for k in self._freq if k not in orig or orig[k] is not None)

    def __len__(self):
        return sum(1 for _ in self)

    def items(self):
        orig = self._orig
        for k, v in self._freq.items():
            if k in orig:
                if orig[k] is None:
                    continue
                v = orig[k]
            yield k, v


_MISSING = object()


@functools.cache
def dictionary_freq() -> DefaultDictionary:
    """jieba's word frequencies (its default dictionary), from the process's shared tokenizer."""
    from .lexicon import user_words

    return DefaultDictionary(shared_jieba(user_words()))


@functools.cache
def dictionary_pos() -> dict[str, str]:
    """jieba's part-of-speech tag of the frequent words of its default dictionary (frequency ≥ 300;
    the callers treat any other word as a noun, so rare words are not kept: it saves ~30 MB)."""
    path = Path(jieba.__file__).parent / "dict.txt"
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and int(parts[1]) >= 300 and parts[2] != "n":
                out[parts[0]] = parts[2]
    return out


class JiebaTokenizer:
    def __init__(self, vocab, user_words=(), hmm: bool = False):
        self.vocab = vocab
        self.user_words = tuple((w, int(f)) for w, f in user_words)
        self.hmm = bool(hmm)  # jieba's HMM guesses unknown words: ~25% slower, no gain for tagging
        self._jieba = shared_jieba(self.user_words)

    def __call__(self, text: str) -> Doc:
        words = [w for w in self._jieba.cut(text, HMM=self.hmm) if w]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        # the components need the text and the token offsets; spaCy would rebuild both from the
        # Token objects on every access, which costs about a fifth of the tagging time
        offsets, pos = {}, 0
        for w in words:
            offsets[pos] = pos + len(w)
            pos += len(w)
        doc.user_data["zhdoc_text"] = text if pos == len(text) else doc.text
        if pos == len(text):
            doc.user_data["zhdoc_offsets"] = offsets
        return doc

    def __reduce__(self):
        return (JiebaTokenizer, (self.vocab, self.user_words, self.hmm))

    def to_bytes(self, **kwargs) -> bytes:
        return json.dumps({"user_words": self.user_words, "hmm": self.hmm}, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs) -> "JiebaTokenizer":
        d = json.loads(data.decode("utf-8"))
        if isinstance(d, list):  # older format: the user words only
            d = {"user_words": d}
        self.__init__(self.vocab, [tuple(x) for x in d["user_words"]], d.get("hmm", False))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "user_words.json").write_bytes(self.to_bytes())

    def from_disk(self, path, **kwargs) -> "JiebaTokenizer":
        return self.from_bytes((Path(path) / "user_words.json").read_bytes())


@registry.tokenizers("zhdoc.JiebaTokenizer.v1")
def create_jieba_tokenizer(use_lexicon: bool = True, hmm: bool = False):
    def make(nlp):
        from .lexicon import user_words

        return JiebaTokenizer(nlp.vocab, user_words() if use_lexicon else (), hmm)

    return make
