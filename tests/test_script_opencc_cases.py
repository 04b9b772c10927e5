"""Traditional -> simplified checked against OpenCC's own test cases (tw2s and hk2s, the profiles the
script fix converts with), applied as our edits through the offset map."""
import json
from pathlib import Path

import pytest

from pipeline.offsets import TrackedText
from pipeline.repair.script import converter, diff_edits

CASES = json.loads((Path(__file__).parent / "data" / "opencc_testcases.json").read_text("utf-8"))["cases"]
PAIRS = [(c["id"], profile, c["input"], want) for c in CASES for profile, want in c["expected"].items()]


def test_cases_are_there():
    assert len(PAIRS) >= 50 and {p for _, p, _, _ in PAIRS} == {"tw2s", "hk2s"}


@pytest.mark.parametrize("case_id,profile,text,want", PAIRS, ids=[f"{p[0]}-{p[1]}" for p in PAIRS])
def test_opencc_case(case_id, profile, text, want):
    converted = converter(profile).convert(text)
    assert converted == want, f"{profile}: the installed OpenCC disagrees with its own test case"
    # the script fix applies the conversion as edits: the offset map must give the same text
    tracked = TrackedText.identity(text).apply(diff_edits(text, converted, "script"))
    assert tracked.text == want
