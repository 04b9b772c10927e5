"""Encoding detection: BOM, strict UTF-8, declared charsets that lie, GBK/GB18030 and Big5."""
import codecs

import pytest

from pipeline.stages.decode import decode_bytes

TEXT = "第一条 为了规范债务催收行为，保护债务人的合法权益，根据有关法律，制定本办法。催收人员不得使用暴力或者威胁手段。"
TRAD = "第一條 為了規範債務催收行為，保護債務人的合法權益，根據有關法律，制定本辦法。催收人員不得使用暴力或者威脅手段。"


def page(text, meta=None, heavy=False):
    m = f'<meta charset="{meta}">' if meta else ""
    junk = "<script>var a=1;function f(){return a+1}</script><style>p{margin:0}</style>" * 5 if heavy else ""
    return f"<!DOCTYPE html><html><head>{m}<title>t</title>{junk}</head><body><p>{text}</p></body></html>"


def _check(data, want, encs, http=None):
    text, enc, reason = decode_bytes(data, http)
    assert text == want, (enc, reason)
    assert enc in encs, (enc, reason)
    return reason


def test_bom():
    p = page(TEXT, "gbk")  # the BOM wins over a lying meta
    reason = _check(codecs.BOM_UTF8 + p.encode("utf-8"), p, {"utf-8"})
    assert reason == "byte-order mark"
    assert _check(codecs.BOM_UTF16_LE + p.encode("utf-16-le"), p, {"utf-16-le"}) == "byte-order mark"


def test_strict_utf8_even_when_meta_says_gbk():
    p = page(TEXT, "gbk", heavy=True)
    assert _check(p.encode("utf-8"), p, {"utf-8"}) == "strict UTF-8"


@pytest.mark.parametrize("meta", [None, "gbk", "gb2312", "GB18030"])
def test_gbk(meta):
    p = page(TEXT, meta)
    _check(p.encode("gbk"), p, {"gb18030"})


def test_gbk_declared_utf8_lies():
    p = page(TEXT, "utf-8", heavy=True)
    reason = _check(p.encode("gbk"), p, {"gb18030"})
    assert "rejected" in reason or "does not decode" in reason


def test_gbk_declared_big5_lies():
    p = page(TEXT, "big5", heavy=True)
    _check(p.encode("gbk"), p, {"gb18030"})


@pytest.mark.parametrize("meta", [None, "big5", "utf-8", "gbk", "gb2312"])
def test_big5(meta):
    p = page(TRAD, meta, heavy=True)
    _check(p.encode("big5"), p, {"big5hkscs"})


def test_big5_short_page_declared_gbk():
    p = page(TRAD[:12], "gbk", heavy=True)
    _check(p.encode("big5"), p, {"big5hkscs"})


def test_http_charset_lies_and_meta_is_right():
    p = page(TRAD, "big5")
    _check(p.encode("big5"), p, {"big5hkscs"}, http="gbk")


def test_http_charset_honest():
    p = page(TEXT)
    reason = _check(p.encode("gb18030"), p, {"gb18030"}, http="gb2312")
    assert reason.startswith("HTTP charset")


def test_gb18030_beyond_gbk():
    p = page(TEXT + "𠮷€")
    _check(p.encode("gb18030"), p, {"gb18030"})


def test_truncated_page_keeps_its_encoding():
    data = page(TEXT).encode("utf-8")[:-1] + "中".encode("utf-8")[:2]
    text, enc, _ = decode_bytes(data)
    assert enc == "utf-8" and text.endswith("\ufffd")


def test_damaged_utf8_stays_utf8():
    data = page(TEXT * 5, "utf-8").encode("utf-8")
    i = data.index("债".encode("utf-8"))
    data = data[:i] + b"\xff" + data[i + 1:]
    text, enc, reason = decode_bytes(data)
    assert enc == "utf-8" and text.count("\ufffd") <= 3 and "催收人员" in text, reason


def test_document_records_encoding_and_reason():
    import pipeline

    p = page(TEXT, "utf-8", heavy=True)
    doc = pipeline.process(p.encode("gbk"))
    assert doc.source["encoding"] == "gb18030"
    assert doc.source["encoding_reason"]


def test_utf8_page_with_a_gbk_or_big5_stretch():
    """A legacy footer or pasted quote in another encoding inside a UTF-8 page is read in that
    encoding (each run recorded as a repair), not lost to U+FFFD."""
    import pipeline

    body = "<p>消费者权益保护，是金融机构应当履行的义务。这是一段足够长的正文内容。</p>"
    for enc, part in (("gbk", "这一段来自旧模板，使用GBK编码，共有2024个字。"),
                      ("big5", "這一段來自舊模板，使用Big5編碼，香港特別行政區。")):
        for sep in ("", "\n"):  # inline in a one-line page, or on its own line
            data = (f"<html><head><meta charset='utf-8'></head><body>{body}{sep}".encode()
                    + f"<p>{part}</p>".encode(enc) + f"{sep}{body}</body></html>".encode())
            text, got_enc, reason = decode_bytes(data)
            assert part in text and "\ufffd" not in text, (enc, sep, reason)
            assert got_enc == "utf-8" and "another encoding" in reason
            doc = pipeline.process(data, pipeline.Config(stages=("decode",)))
            runs = [r for r in doc.repairs if r["kind"] == "mixed_encoding"]
            assert runs and all(doc.raw[r["raw_start"]:r["raw_end"]] == r["after"] for r in runs)
            assert {r["detail"] for r in runs} == {"gb18030" if enc == "gbk" else "big5hkscs"}
