"""Personal data: detection (full-width forms, bracketed area codes, checksums, labels) and no
leak of a redacted value through any other repair record."""
import json

import pytest

import pipeline
from pipeline.config import Config
from pipeline.document import Document
from pipeline.offsets import TrackedText
from pipeline.pii import find_personal_data, fold, luhn, mask, redact, valid_id_card
from pipeline.stages.repair import repair


def _kinds(text):
    return [(text[s:e], k) for s, e, k in find_personal_data(text)]


@pytest.mark.parametrize("text,value,kind", [
    ("号码是(010)87654321", "(010)87654321", "phone"),
    ("号码是（010）87654321", "（010）87654321", "phone"),
    ("号码是（０１０）８７６５４３２１。", "（０１０）８７６５４３２１", "phone"),
    ("座机(0755) 8765-4321转分机", "(0755) 8765-4321", "phone"),
    ("电话010-87654321", "010-87654321", "phone"),
    ("手机138－1234－5678", "138－1234－5678", "phone"),
    ("手机１３８１２３４５６７８，", "１３８１２３４５６７８", "phone"),
    ("手机13812345678", "13812345678", "phone"),
    ("热线400-123-4567", "400-123-4567", "phone"),
    ("邮件 abc＠qq．com", "abc＠qq．com", "email"),
    ("邮件 ａｂｃ＠ｑｑ．ｃｏｍ。", "ａｂｃ＠ｑｑ．ｃｏｍ", "email"),
    ("邮件 abc@qq.com", "abc@qq.com", "email"),
    ("身份证11010519491231002X，", "11010519491231002X", "id_card"),
    ("卡号4111 1111 1111 1111", "4111 1111 1111 1111", "bank_card"),
    ("QQ：466381554", "466381554", "qq"),
    ("qq号 12345678", "12345678", "qq"),
    ("ＱＱ：４６６３８１５５４", "４６６３８１５５４", "qq"),
    ("扣扣 123456", "123456", "qq"),
    ("466381554（微信同号）", "466381554", "qq"),
    ("微信号：466381554", "466381554", "qq"),
])
def test_personal_data_found(text, value, kind):
    assert _kinds(text) == [(value, kind)]
    assert value not in redact(text)


@pytest.mark.parametrize("text", [
    "2024-11-05 发布",
    "拨打12378银行保险消费者投诉维权热线",
    "拨打12315热线",
    "订单号：13812345678",
    "编号（010）87654321",
    "投诉编号为 010-87654321",
    "身份证11010519491231002Y",          # checksum fails
    "卡号4111 1111 1111 1112",          # Luhn fails
    "（2024）京0105民初12345号",
    "第１２３条",
    "QQ：0123",
])
def test_ordinary_numbers_not_redacted(text):
    assert find_personal_data(text) == []


def test_checksums():
    assert valid_id_card("11010519491231002X") and not valid_id_card("110105194912310021")
    assert luhn("4111111111111111") and not luhn("4111111111111112")


def test_fold_is_one_to_one():
    s = "（０１０）ａｂｃ＠ｑｑ．ｃｏｍ\u3000ＱＱ，中文"
    assert len(fold(s)) == len(s)
    assert fold(s) == "(010)abc@qq.com QQ,中文"


def test_mask_hides_full_width_too():
    assert mask("１３８ab12") == "•••••••"


def _strings(obj, skip=("sha256", "hash", "id")):
    """Every string value of a JSON object (hashes left out: hex digits match by chance)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k not in skip:
                yield from _strings(v, skip)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v, skip)
    elif isinstance(obj, str):
        yield obj


@pytest.mark.parametrize("text,secrets", [
    ("借款人电话１３８１２３４５６７８，催收员多次拨打，并发送短信威胁其家人。",
     ["138", "1234", "5678", "１３８", "１２３４", "５６７８"]),
    ("如有疑问请发邮件至ａｂｃｄｅ＠ｑｑ．ｃｏｍ，我们将尽快答复借款人的问题。",
     ["abcde", "ａｂｃｄｅ", "qq.com", "ｑｑ．ｃｏｍ", "qq．com"]),
    ("借款人号码是（０１０）８７６５４３２１，催收员多次拨打，并发送短信威胁其家人。",
     ["010", "8765", "4321", "０１０", "８７６５", "４３２１"]),
])
def test_no_part_of_a_redacted_value_anywhere_in_the_json(text, secrets):
    doc = pipeline.process(text)
    assert not doc.errors, doc.errors
    values = "\n".join(_strings(json.loads(doc.to_json())))
    assert "借款人" in values
    for s in secrets:
        assert s not in values, s


def test_repair_records_overlapping_a_redaction_are_masked():
    text = "电话１３８１２３４５６７８，邮件ａｂｃ＠ｑｑ．ｃｏｍ，其他ＡＢＣ１２３保持。"
    doc = repair(Document(id="t", source={}, raw=text, tracked=TrackedText.identity(text)), Config())
    width = [r for r in doc.repairs if r["kind"] == "width"]
    assert width, doc.repairs
    dump = repr(doc.repairs)
    for s in ("13812345678", "１３８１２３４５６７８", "abc", "ａｂｃ", "qq", "com"):
        assert s not in dump, s
    # a width fix outside any personal data keeps its values
    assert any(r["before"] == "ＡＢＣ１２３" and r["after"] == "ABC123" for r in width)
    assert "[电话]" in doc.tracked.text and "[邮箱]" in doc.tracked.text


def test_keep_personal_data_keeps_values():
    text = "电话１３８１２３４５６７８，催收。"
    doc = repair(Document(id="t", source={}, raw=text, tracked=TrackedText.identity(text)),
                 Config(keep_personal_data=True))
    assert "13812345678" in doc.tracked.text
    assert any(r["after"] == "13812345678" for r in doc.repairs)
