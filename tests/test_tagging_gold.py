"""Tagging against the gold set (bench/eval_tagging.py): scores must not fall below these floors."""
from __future__ import annotations

import importlib.util
import io

import pytest

from .conftest import ROOT, shared

FLOORS = {"collection_method": 0.85, "law": 0.90, "authority": 0.88, "right": 0.88, "abusive_practice": 0.78,
          "institution": 0.75}


@pytest.fixture(scope="module")
def result():
    shared("data", "collection")  # fails clearly when the development data is missing
    spec = importlib.util.spec_from_file_location("eval_tagging", ROOT / "bench" / "eval_tagging.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate(out=io.StringIO())


@pytest.mark.parametrize("label", sorted(FLOORS))
def test_label_f1(result, label):
    assert result["labels"][label]["f1"] >= FLOORS[label], result["labels"][label]


def test_doc_methods_and_polarity(result):
    assert result["doc_methods"]["f1"] >= 0.90
    assert result["polarity_accuracy"] >= 0.95


def test_match_rule():
    spec = importlib.util.spec_from_file_location("eval_tagging", ROOT / "bench" / "eval_tagging.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = [{"label": "law", "id": "中华人民共和国民法典", "start": 10, "end": 17}]
    pred = [{"label": "law", "id": "中华人民共和国民法典", "raw_start": 12, "raw_end": 15},
            {"label": "law", "id": "中华人民共和国民法典", "raw_start": 16, "raw_end": 20}]
    pairs, extra = mod.match(gold, pred)
    assert pairs[0][1] is pred[0] and extra == [pred[1]]  # one-to-one, largest overlap wins
    assert mod.match(gold, [dict(pred[0], id="民法典")])[0][0][1] is None  # the id must agree
