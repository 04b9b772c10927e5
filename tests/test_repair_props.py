"""Properties of the mojibake fix: repairs round-trip, repairing twice changes nothing, offsets
map every repaired line back to its corrupted source line."""
from hypothesis import given, settings, strategies as st

from pipeline.offsets import TrackedText
from pipeline.repair.mojibake import mojibake

HAN = st.text(st.sampled_from("中华人民共和国法律第一条规定催收电话短信消费金融，。、；：（）12abc "), min_size=1, max_size=40)
CORRUPT = {
    "utf8_as_latin1": lambda s: s.encode("utf-8").decode("latin-1"),
    "utf8_as_cp1252": lambda s: s.encode("utf-8").decode("sloppy-windows-1252"),
    "gbk_as_latin1": lambda s: s.encode("gbk").decode("latin-1"),
}


def _fix(text):
    return TrackedText.identity(text).apply(mojibake(text))


@settings(max_examples=60, deadline=None)
@given(HAN, st.sampled_from(sorted(CORRUPT)))
def test_idempotent_and_mapped(line, kind):
    import ftfy.bad_codecs  # noqa: F401

    bad = CORRUPT[kind](line)
    text = "clean 第一行\n" + bad + "\n第三行。"
    fixed = _fix(text)
    assert mojibake(fixed.text) == []  # running again changes nothing
    lines = fixed.text.split("\n")
    assert len(lines) == 3 and lines[0] == "clean 第一行" and lines[2] == "第三行。"
    # every character of the repaired middle line comes from the corrupted middle line
    a = len(lines[0]) + 1
    for i in range(a, a + len(lines[1])):
        assert a <= fixed.starts[i] and fixed.ends[i] <= a + len(bad)


@settings(max_examples=60, deadline=None)
@given(HAN)
def test_clean_untouched(line):
    assert mojibake(line) == []
