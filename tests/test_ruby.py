"""HTML ruby annotations (<rt> pinyin or zhuyin, <rp> brackets) leave the text and are recorded."""
import pipeline
from pipeline.config import Config

PROSE = "者权益保护，是金融机构应当履行的义务。这是一段足够长的正文内容，用来测试注音标注的处理。"


def _page(body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>t</title></head><body>"
            f"<nav><a href='/'>首页</a> <ruby>頁<rt>yè</rt></ruby></nav>"
            f"<article><h1>标题</h1><p>{body}</p></article></body></html>").encode("utf-8")


def test_ruby_annotations_are_removed_and_recorded():
    raw = _page("<ruby>消<rt>xiāo</rt></ruby><ruby>費<rp>(</rp><rt>fèi</rt><rp>)</rp></ruby>"
                "<ruby>權<rt>ㄑㄩㄢˊ</rt></ruby>" + PROSE)
    doc = pipeline.process(raw)
    body = doc.text.split("\n")
    assert "消费权" + PROSE in body
    assert not any(c in doc.text for c in "xiāofèiㄑㄩㄢ()")
    rubies = [r for r in doc.repairs if r["kind"] == "ruby_annotation"]
    assert [r["before"] for r in rubies] == ["yè", "xiāo", "(fèi)", "ㄑㄩㄢˊ"]
    source = raw.decode("utf-8")
    assert source[rubies[1]["raw_start"]:rubies[1]["raw_end"]] == "xiāo"
    assert source[rubies[3]["raw_start"]:rubies[3]["raw_end"]] == "ㄑㄩㄢˊ"
    out = doc.to_dict()
    assert all(r["start"] == r["end"] for r in out["repairs"] if r["kind"] == "ruby_annotation")
    # the chrome keeps its characters, not its annotation
    assert not any("yè" in b["text"] for b in out["boilerplate"])


def test_ruby_fix_can_be_switched_off():
    raw = _page("<ruby>消<rt>xiāo</rt></ruby>" + PROSE)
    doc = pipeline.process(raw, Config().without("ruby_annotations"))
    assert "消xiāo" + PROSE in doc.text
    assert not [r for r in doc.repairs if r["kind"] == "ruby_annotation"]
