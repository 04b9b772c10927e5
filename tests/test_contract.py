"""The output contract: schema, determinism, error values, inputs, options."""
import json

import jsonschema
import pytest

import pipeline
from pipeline import Config

from .conftest import SEED


def test_schema_valid(seed_out, schema):
    jsonschema.validate(seed_out, schema)


def test_deterministic_bytes(seed_doc):
    again = pipeline.process(SEED)
    assert again.to_json() == seed_doc.to_json()


def test_json_is_utf8_not_escaped(seed_doc):
    assert "晋商消费金融" in seed_doc.to_json()


def test_inputs_bytes_str_path(seed_doc):
    data = SEED.read_bytes()
    from_bytes = pipeline.process(data)
    from_str = pipeline.process(data.decode("utf-8"))
    assert from_bytes.text == seed_doc.text == from_str.text
    assert from_bytes.source["sha256"] == seed_doc.source["sha256"]


def test_failing_stage_is_an_error_value(monkeypatch):
    from pipeline import runner

    def boom(doc, config):
        raise RuntimeError("outline exploded")

    monkeypatch.setitem(runner.STAGES, "outline", boom)
    doc = pipeline.process(SEED)
    assert doc.errors == [{"stage": "outline", "type": "RuntimeError", "message": "outline exploded"}]
    assert doc.entities, "later stages still ran"
    assert doc.meta["title"]


def test_bad_inputs_never_raise(schema):
    for data in (b"", b"\x00\x01\x02" * 100, b"\xff\xfe\xfa" * 50, "<html><body><p>".encode() * 1000):
        doc = pipeline.process(data)
        jsonschema.validate(doc.to_dict(), schema)


def test_missing_file_is_an_error():
    doc = pipeline.process(SEED.with_name("does-not-exist.txt"))
    assert doc.errors and doc.errors[0]["stage"] == "load"


def test_keep_source_script():
    doc = pipeline.process(SEED, Config(script="source"))
    assert "晉商消費金融" in doc.text


def test_keep_personal_data_option():
    doc = pipeline.process(SEED, Config(keep_personal_data=True))
    blob = doc.to_json()
    assert "15070879527" in blob
    body = "标题很长的一篇文章\n催收员拨打借款人电话13912345678，并发送邮件到abc@example.com。"
    kept = pipeline.process(body, Config(keep_personal_data=True)).to_dict()
    assert any(e["label"] == "personal_data" and e["text"] == "13912345678" for e in kept["entities"])
    redacted = pipeline.process(body).to_dict()
    assert "13912345678" not in json.dumps(redacted, ensure_ascii=False)
    assert {e["id"] for e in redacted["entities"] if e["label"] == "personal_data"} == {"phone", "email"}


def test_stages_can_be_switched_off():
    doc = pipeline.process(SEED, Config().without("tag", "outline"))
    assert doc.entities == [] and doc.outline["sections"] == []
    assert doc.meta["title"]


def test_fill_gaps_marks_filled_text():
    doc = pipeline.process(SEED, Config(fill_gaps=True)).to_dict()
    assert "通过拨打逾期客户的电话，" in doc["text"]
    assert any(r["kind"] == "gap_fill" and r["after"] == "电话" for r in doc["repairs"])


def test_unknown_stage_is_rejected():
    with pytest.raises(ValueError, match="unknown stage"):
        Config(stages=("decode", "nope"))


def test_process_many_keeps_order_and_matches_single(tmp_path):
    texts = [f"第{i}篇\n\n一、标题{i}\n\n正文内容，第{i}段。" for i in range(5)]
    single = [pipeline.process(t).to_json() for t in texts]
    many = [d.to_json() for d in pipeline.process_many(texts, workers=2)]
    assert many == single


def test_spans_trace_back_to_source(seed_doc):
    """Spans of entities, paragraphs and headings cover the source text they came from."""
    import opencc

    t2s = opencc.OpenCC("tw2s").convert
    out = seed_doc.to_dict()
    raw = seed_doc.raw

    def check(item, text):
        src = raw[item["raw_start"]:item["raw_end"]]
        # the source is traditional with pinyin glosses: drop glosses, convert, normalise punctuation
        import re

        src = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", "", src)
        src = t2s(src).replace(",", "，").replace(":", "：").replace(" ", "")
        assert src == text.replace(" ", ""), (src, text)

    for e in out["entities"]:
        if e["end"] > e["start"] and e["label"] != "personal_data":
            check(e, e["text"])

    from pipeline.stages.outline import iter_blocks

    for b in iter_blocks(out["outline"]):
        if b["type"] == "paragraph":
            check(b, b["text"])


def test_long_one_line_text_is_text_not_a_path():
    text = "这是一篇很长的一行文章，没有换行。" * 40  # longer than a file name may be
    doc = pipeline.process(text)
    assert not doc.errors and doc.text.startswith("这是一篇很长的一行文章")
