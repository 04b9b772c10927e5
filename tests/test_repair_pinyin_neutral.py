"""Pinyin glosses: neutral-tone syllables in digit glosses, brackets and real Latin kept."""
import pytest

from pipeline.offsets import TrackedText
from pipeline.repair.pinyin import pinyin_glosses


def _fix(text):
    return TrackedText.identity(text).apply(pinyin_glosses(text)).text


@pytest.mark.parametrize("glossed,clean", [
    ("依照法律的其(deqi2)他规定。", "依照法律的其他规定。"),
    ("财物的(wu4de)处理。", "财物的处理。"),
    ("电子（dian4zi）合同的意思(yi4si)表示。", "电子合同的意思表示。"),
    ("所得(suo3de)税。", "所得税。"),
    ("消費(fèi)和关(guan1)系", "消費和关系"),
    ("關（ɡuān）於", "關於"),
    ("消費（xiāo fèi）者", "消費者"),
    ("东西(dong1xi)很多", "东西很多"),
])
def test_glosses_removed(glossed, clean):
    assert _fix(glossed) == clean


@pytest.mark.parametrize("text", [
    "北京(Beijing)是首都，消費(fèi)。",
    "艾滋病(AIDS)防治，消費(fèi)。",
    "请选择选项(A)，消費(fèi)。",
    "单位价格(元)，消費(fèi)。",
    "年龄(岁)，消費(fèi)。",
    "第一条(一)，消費(fèi)。",
])
def test_real_latin_and_units_kept(text):
    out = _fix(text)
    assert out == text.replace("(fèi)", "")


def test_weak_gloss_needs_strong_evidence():
    assert _fix("的(de)规定") == "的(de)规定"
    assert _fix("的(de)规定，消費(fèi)") == "的规定，消費"


def test_digitless_gloss_needs_a_digit_or_mark():
    # no digit anywhere: only weak evidence, kept on its own
    assert _fix("意思(yisi)") == "意思(yisi)"


def test_ruby_html_not_touched():
    text = "<ruby>消<rt>xiāo</rt></ruby>"
    assert _fix(text) == text
