"""The shipped single-character readings equal pypinyin's own answers (rebuild with bench/build_pinyin_table.py)."""
import random

import pytest

pypinyin = pytest.importorskip("pypinyin")


def test_table_matches_pypinyin():
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    from pipeline.repair.pinyin import _table

    table = _table()
    codes = sorted(pinyin_dict)
    sample = [chr(c) for c in random.Random(7).sample(codes, 3000)] + list("費關的了著行重长乐")
    for ch in sample:
        marks = pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")
        digits = pinyin(ch, style=Style.TONE3, heteronym=True, errors="ignore", neutral_tone_with_five=True)
        assert table.get(ch, ((), ())) == (tuple(marks[0]) if marks else (), tuple(digits[0]) if digits else ()), ch
