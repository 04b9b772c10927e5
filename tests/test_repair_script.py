"""Traditional -> simplified: region cases (OpenCC's own test data is not shipped with the pip
package, so a small table of the known traps) and exact offsets when a conversion changes length."""
import pytest

from pipeline.offsets import TrackedText
from pipeline.repair import script as S

CASES = [
    ("隨著經濟的發展，人們接著看著電視。", "随着经济的发展，人们接着看着电视。"),  # particle 着
    ("這本著作的成就十分顯著。", "这本著作的成就十分显著。"),                    # 著 stays
    ("他在房間裡面等著，臺灣的天氣很好。", "他在房间里面等着，台湾的天气很好。"),  # Taiwan 裡/臺
    ("我們在這裏開會，後來大家都走了。", "我们在这里开会，后来大家都走了。"),
    ("頭髮乾了，我們乾杯，發現問題。", "头发干了，我们干杯，发现问题。"),
    ("皇后在後面，鐘錶與鍾情。", "皇后在后面，钟表与钟情。"),
    ("我哋喺香港食咗飯，佢話呢度啲嘢好好食。", "我哋喺香港食咗饭，佢话呢度啲嘢好好食。"),  # Hong Kong
]


def _convert(text):
    return TrackedText.identity(text).apply(S.script(text)).text


@pytest.mark.parametrize("trad,simp", CASES)
def test_region_cases(trad, simp):
    assert _convert(trad) == simp


def test_hong_kong_profile():
    assert S.profile_for("我哋喺香港食咗飯，佢話") == "hk2s"
    assert S.profile_for("隨著經濟的發展") == "tw2s"


def test_simplified_text_untouched_without_conversion(monkeypatch):
    text = "随着经济的发展，人们接着看着电视。\n这本著作的成就十分显著。" * 50

    def boom(profile):
        raise AssertionError("no OpenCC conversion for simplified text")

    S._traditional_chars()  # built once (it converts the Han blocks)
    monkeypatch.setattr(S, "converter", boom)
    assert S.script(text) == []


def test_offsets_exact_same_length():
    text = "第一條\n隨著經濟的發展，著作顯著。"
    t = TrackedText.identity(text).apply(S.script(text))
    assert t.text == "第一条\n随着经济的发展，著作显著。"
    for i, c in enumerate(t.text):
        rs, re_ = t.raw_span(i, i + 1)
        assert (rs, re_) == (i, i + 1)  # same length: character i came from source character i


class _FakeConverter:
    """A converter that changes length (as phrase tables can): 計程車 -> 出租汽车, 乾 -> 干."""

    def convert(self, s):
        return s.replace("計程車", "出租汽车").replace("乾", "干").replace("著", "着")


def test_offsets_exact_when_length_changes(monkeypatch):
    monkeypatch.setattr(S, "converter", lambda profile: _FakeConverter())
    monkeypatch.setattr(S, "traditional_share", lambda text: 1.0)
    text = "前言\n坐計程車去乾淨的地方，隨著大家。\n完"
    edits = S.script(text)
    t = TrackedText.identity(text).apply(edits)
    assert t.text == "前言\n坐出租汽车去干淨的地方，隨着大家。\n完"
    # untouched characters map to exactly their source character
    for i, c in enumerate(t.text):
        rs, re_ = t.raw_span(i, i + 1)
        if re_ - rs == 1 and text[rs] == c:
            continue
        assert text[rs:re_] in ("計程車", "乾", "著", "計程", "程車", "車", "計", "程")
    i = t.text.index("去")
    assert text[slice(*t.raw_span(i, i + 1))] == "去"
    i = t.text.index("干")
    assert text[slice(*t.raw_span(i, i + 1))] == "乾"
    i = t.text.index("完")
    assert t.raw_span(i, i + 1) == (len(text) - 1, len(text))
    # each edit stays inside its line
    for e in edits:
        assert "\n" not in text[e.start:e.end]


def test_diff_edits_alignment():
    old, new = "坐計程車去", "坐出租汽车去"
    edits = S.diff_edits(old, new, "k")
    assert TrackedText.identity(old).apply(edits).text == new
    assert all(0 < e.start and e.end <= 4 for e in edits)
