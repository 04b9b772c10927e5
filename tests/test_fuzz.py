"""Hypothesis fuzzing of process(): it never raises, output is schema-valid, spans are in range."""
import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline

PIECES = ["消費(fèi)", "催收", "，", ",", "。", " ", "\n", "\n\n", "一、", "1.1 ", "（一）", "<p>", "</p>", "<h2>",
          "&amp;", "&#x4e2d;", "《合同法》第一百二十条", "13912345678", "a@b.cn", "\u200b", "\ufeff", "\x00",
          "æ™‹å•†", "鏅嬪晢", "2024-11-05 23:11:42", "作者：张三", "声明：", "上一篇", "\r\n", "(", ")", "问也"]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@given(st.one_of(texts, texts.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_process_never_raises(schema, source):
    doc = pipeline.process(source)
    out = doc.to_dict()
    jsonschema.validate(out, schema)
    n = len(out["text"])
    raw_n = len(doc.raw)

    def check(item):
        assert 0 <= item["start"] <= item["end"] <= n
        assert 0 <= item["raw_start"] <= item["raw_end"] <= raw_n

    for e in out["entities"]:
        check(e)
        assert out["text"][e["start"]:e["end"]] == e["text"]
    for h in out["headings"]:
        check(h)
    for g in out["gaps"]:
        assert 0 <= g["start"] <= n
