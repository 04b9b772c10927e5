"""Repairing repaired text changes nothing (property test over mixtures of real artifacts)."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.config import Config
from pipeline.offsets import TrackedText
from pipeline.stages.repair import run_fixes

PIECES = ["消費(fèi)金融", "關（ɡuān）", "关(guan1)", "隨著", "问题", "，", ",", ":", "。", " ", "\n", "一、", "1.1 ",
          "2024-11-05 23:11:42", "北京(Beijing)", "选项(A)", "\u200b", "\u3000\u3000", "ＡＢ１２", "电话13912345678",
          "æ™‹å•†æ¶ˆè´¹", "鏅嬪晢", "https://a.cn/x,y", "多次 催收", "客户的 ，", "\r\n", "(", ")",
          "&amp;nbsp;", "&ldquo;", "&#20013;", "&amp;", "amp;"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
@example("。 æ™‹å•†æ¶ˆè´¹")  # a space after 。 only seen to precede Chinese once the mojibake is repaired
@example("(,消費(fèi)金融)")  # a comma beside a bracket that became full-width
@example("消費(fèi)金融 消費(fèi)金融 客户的 ，")
@example("客户的 ， 消費(fèi)金融")  # a mark between two spaces: neither is a gap  # list separators decided at a fixed point
def test_repair_is_idempotent(text):
    config = Config()
    once, _, _ = run_fixes(TrackedText.identity(text), config)
    twice, repairs, _ = run_fixes(TrackedText.identity(once.text), config)
    assert twice.text == once.text, repairs


def test_mixed_artifacts_in_one_sentence():
    """Pinyin glosses, real Chinese and UTF-8-as-Latin-1 mojibake in the same line all get repaired."""
    import pipeline

    moji = "晋商消费金融".encode("utf-8").decode("latin-1")
    cp = "上门催收".encode("utf-8").decode("sloppy-windows-1252")
    line = f"標題行在這裡的文章\n消費(fèi)金融公司{moji}是否會“{cp}”，ＡＢ１２{moji}。"
    doc = pipeline.process(line)
    assert doc.text.split("\n")[-1] == "消费金融公司晋商消费金融是否会“上门催收”，AB12晋商消费金融。"
    kinds = {r["kind"] for r in doc.repairs}
    assert {"pinyin_gloss", "mojibake_utf8_as_latin1"} <= kinds
