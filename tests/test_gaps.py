"""Gap detection: separators after numbering markers and inside dates are not gaps."""
import pytest

import pipeline
from pipeline.config import Config
from pipeline.offsets import TrackedText
from pipeline.repair import gaps
from pipeline.repair.fixes import stray_space_edits
from pipeline.stages.repair import find_gaps, run_fixes


def _gaps(text):
    tracked, _, spaced = run_fixes(TrackedText.identity(text), Config())
    return tracked.text, find_gaps(tracked, spaced)


@pytest.mark.parametrize("text", [
    "第一条 为了保护消费者的合法权益，制定本法。",
    "第三章 法律责任，如下。",
    "一、 基本情况，说明如下。",
    "（一） 催收人员不得威胁借款人。",
    "说明如下：（二） 不得骚扰借款人的家人。",
    "1.1 催收的定义，如下。",
    "1、 催收的定义，如下。",
    "本规定自2024年 3月1日起施行。",
    "本规定自二〇二四年 三月 一日起施行。",
])
def test_space_after_numbering_or_in_date_is_kept_and_no_gap(text):
    assert stray_space_edits(text) == []
    clean, found = _gaps(text)
    assert " " in clean
    assert [g for g in found if g["reason"] == "stray_space"] == []


@pytest.mark.parametrize("text,pos", [
    ("通过拨打逾期客户的 ，提醒客户及时还款。", 9),
    ("且多次 催收未果，考虑上门催收。", 3),
    ("一、基本情况：借款人 多次逾期。", 10),
])
def test_stray_space_inside_sentence_is_still_a_gap(text, pos):
    edits = stray_space_edits(text)
    assert [(e.start, e.end) for e in edits] == [(pos, pos + 1)]


@pytest.mark.parametrize("text", [
    # headlines run together on one line, spaces between them
    "广东严惩套路贷：48人被判刑 刑期最长20年 拍拍贷发布一季报 净利润7.031亿元 拍拍贷5月15日发布财报。",
    # names and labels in a byline
    "本报讯（实习记者 樊亮 张明超 记者惠禾）13岁的她成了妈妈。",
    # a symbol lost in decoding, a space on both sides
    "红岭创投不良资产处置 ? 4月10日，周世平发帖。",
    # a writer's spaces for commas, the last clause punctuated
    "欠钱不还固然不对 只是催收凌驾于法律之上 干些猥琐之事 属实败笔 下面是报案人的自述，看到投诉贴就回复。",
])
def test_list_and_byline_separators_are_no_gaps(text):
    clean, found = _gaps(text)
    assert [g for g in found if g["reason"] == "stray_space"] == []


def test_space_after_a_half_width_mark_goes_with_it():
    clean, found = _gaps("参考文献：物流管理[M]. 武汉: 华中科技大学出版社，2005。")
    assert "武汉：华中" in clean
    assert found == []


def test_domain_suggestions_use_cues():
    assert gaps.suggest("通过拨打逾期客户的，提醒客户及时还款。", 9)[0] == "电话"
    assert gaps.suggest("且多次催收未果，考虑上门催收。", 3)[0] == "电话"


def test_gap_model_is_small_and_loads():
    from importlib import resources

    size = len(resources.files("pipeline.data").joinpath("gap_bigrams.json").read_bytes())
    assert size < 1_500_000
    uni, bi, total = gaps.char_model()
    assert total > 0 and "电话" in bi and gaps.logp("电", "话") > gaps.logp("电", "也")


def test_insertion_detector_is_off_by_default_and_scores_pairs():
    # character statistics cannot find traceless deletions at a useful precision (see
    # ``python bench/bench_gaps.py --curve``): the detector ships disabled
    assert gaps.gap_data()["insertion"]["enabled"] is False
    assert [g for g in gaps.detect("通过拨打逾期客户的，提醒客户及时还款。") if g["reason"] == "insertion"] == []
    text = "借款人多次逾期，催收员拨打电话。"
    scored = gaps.insertion_scores(text, -1e9)
    assert scored and all(1 <= p < len(text) for p, _ in scored)
    assert gaps.insertion_scores(text, 1e9) == []
    word, _ = gaps.best_insertion("拨", "，")
    assert isinstance(word, str) and len(word) >= 2


# -- suggestions read the whole document; clause search is bounded ------------------------------
def test_find_gaps_passes_the_whole_text_to_suggest(monkeypatch):
    seen = []
    real = gaps.candidates

    def spy(text, pos):
        seen.append((text, pos))
        return real(text, pos)

    monkeypatch.setattr(gaps, "candidates", spy)
    for text in ("催收员拨打借款人电话。\n第二行里借款人的 ，也被骚扰。",
                 "催收员拨打借款人的 ，也被骚扰。\n第二行里借款人 多次逾期。"):  # one gap, two gaps
        seen.clear()
        clean, found = _gaps(text)
        assert [g for g in found if g["reason"] == "stray_space"]
        assert seen and all(t == clean for t, _ in seen)


def test_joint_suggestions():
    text = "通过拨打逾期客户的，提醒还款。且多次催收未果。借款人的也被骚扰。"
    pos = [9, 19]
    single = [gaps.suggest(text, p) for p in pos]
    assert gaps.suggest_jointly(text, pos[:1]) == single[:1]  # one gap: the same answer
    joint = gaps.suggest_jointly(text, pos)
    assert all(w in {c[1] for c in gaps.candidates(text, p)} for (w, _), p in zip(joint, pos))
    assert all(0.3 <= c <= 0.9 for _, c in joint)
    assert joint[0][0] == "电话"  # the clause cue 拨打 still decides


def test_document_evidence_from_another_line_counts():
    line = "且多次被借款人的，也被骚扰。"
    pos = line.index("的") + 1
    alone = {w: s for s, w, _ in gaps.candidates(line, pos)}
    doc = "借款人的家人接到电话。\n" + line
    with_doc = {w: s for s, w, _ in gaps.candidates(doc, pos + doc.index("\n") + 1)}
    assert with_doc["家人"] - alone["家人"] == pytest.approx(1.5)


@pytest.mark.parametrize("text", [
    "拨打电话，电话费，催收电话。借款人电话",
    "电话电话电话",
    "\n电话。\n",
    "问题的问题，上门催收上门",
])
def test_doc_evidence_index_matches_a_scan(text):
    for pos in range(len(text) + 1):
        left, right = text[max(0, pos - 1):pos], text[pos:pos + 1]
        for w in gaps._evidence_words():
            for lft in (left, ""):
                for rgt in (right, ""):
                    assert gaps._doc_evidence(text, pos, w, lft, rgt) == \
                        gaps._doc_evidence_scan(text, pos, w, lft, rgt), (text, pos, w, lft, rgt)


def test_clause_search_is_bounded():
    text = "甲" * 100_000
    assert len(gaps._clause(text, len(text))) == gaps.MAX_CLAUSE
    assert gaps._clause("前文。拨打逾期客户的", 10) == "拨打逾期客户的"
    assert gaps._clause("拨打逾期客户的", 7) == "拨打逾期客户的"


# -- hot paths keep their results ---------------------------------------------------------------
def _truncated_reference(text):
    """The former per-character scan of :func:`gaps.truncations`."""
    from pipeline.nlp.jieba_tok import dictionary_freq
    from pipeline.text.chars import is_han

    cfg = gaps.gap_data()["truncation"]
    followers, freq, comp = cfg["followers"], dictionary_freq(), gaps._completions()
    out = []
    for i in range(1, len(text) - 1):
        x, z = text[i], text[i + 1]
        if z not in followers or x not in comp or not is_han(text[i - 1]):
            continue
        word, wf = comp[x]
        if wf < cfg["min_word_freq"] or wf < cfg["min_ratio"] * freq.get(x, 0):
            continue
        if any(freq.get(text[max(0, i - k):i + 1], 0) for k in (1, 2, 3)) or freq.get(x + z, 0):
            continue
        if gaps.logp(text[i - 1], x) - gaps.logp_uni(x) > cfg.get("max_left_association", 2.0):
            continue
        if gaps.logp(x, z) - gaps.logp_uni(z) > cfg.get("max_right_association", 0.5):
            continue
        out.append({"pos": i + 1, "suggestion": word[1], "confidence": 0.6, "reason": "truncated_word"})
    return out


def test_truncated_words_same_as_a_full_scan():
    from .conftest import shared

    texts = ["催收问也不管，借款人问的，也", "的也", "问也", "", "一", "催收问。"]
    for p in sorted(shared("data", "laws-corpus").glob("*.md"))[:20]:
        texts.append(p.read_text("utf-8"))
    hits = 0
    for t in texts:
        got = gaps.truncations(t)
        assert got == _truncated_reference(t)
        hits += len(got)
    assert hits


def test_truncation_needs_a_filter_pattern():
    """A character cut off at several places in varied company is a filtered word (the seed lost
    every 题 of its body); a lone one, or one always in the same company (a name, 8时许), is not."""
    filtered = "伴随而来的催收问也逐渐凸显。解决问的效率高。可以迅速解决客户的问，达成还款意向。"
    got = gaps.truncated_words(filtered)
    assert [filtered[g["pos"] - 1] for g in got] == ["问", "问", "问"]
    assert all(g["suggestion"] == "题" for g in got)
    assert gaps.truncated_words("伴随而来的催收问也逐渐凸显。") == []  # one place only
    name = "李简的话让人怀疑。李简的微笑流露出来。有幸遇着李简的人很快活。"
    assert gaps.truncations(name) and gaps.truncated_words(name) == []
    times = "昨日8时许，她来了。18时许，记者来到医院。清晨4时许，她转院。"
    assert gaps.truncated_words(times) == []


def test_dead_helpers_are_gone():
    for name in ("chain", "fit", "_word_context"):
        assert not hasattr(gaps, name)
