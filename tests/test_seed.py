"""The seed article against every fact of its hand-written acceptance spec (shared/gold)."""
import json
import re

import pytest


def test_meta(seed_out, seed_gold):
    meta = seed_out["meta"]
    assert meta["title"] == seed_gold["meta"]["title"]
    assert meta["author"] == seed_gold["meta"]["author"]
    assert meta["published"].startswith(seed_gold["meta"]["published"])
    assert meta["published"].endswith("+08:00")
    assert any("assumed" in a and "published" in a for a in meta["assumed"])


def _norm_block(b):
    if b["type"] == "paragraph":
        return {"type": "paragraph", "text": b["text"]}
    return {"type": "list", "ordered": b["ordered"],
            "items": [{"marker": i["marker"], "term": i["term"], "text": i["text"]} for i in b["items"]]}


def _norm_section(s):
    return {"number": s["number"], "title": s["title"], "level": s["level"],
            "blocks": [_norm_block(b) for b in s["blocks"]],
            "children": [_norm_section(c) for c in s["sections"]]}


def test_outline_matches_gold_exactly(seed_out, seed_gold):
    got = [_norm_section(s) for s in seed_out["outline"]["sections"]]
    want = seed_gold["outline"]["sections"]
    assert len(got) == 8
    assert sum(len(s["children"]) for s in got) == 17
    for g, w in zip(got, want):
        assert g == w, f"section {w['number']} differs"


def test_lead(seed_out, seed_gold):
    assert [b["text"] for b in seed_out["outline"]["lead"]] == seed_gold["outline"]["lead"]
    assert seed_out["outline"]["title"]["text"] == seed_gold["meta"]["title"]


def test_boilerplate_removed_and_kept(seed_out, seed_gold):
    text = seed_out["text"]
    kept = [b["text"] for b in seed_out["boilerplate"]]
    assert len(seed_out["boilerplate"]) == len(seed_gold["boilerplate"])
    for line in ("资深用户", "小编导语", "延伸阅读主编精选推荐", "最新文章", "随机看看", "浏览"):
        assert line not in text
        assert any(line in k for k in kept)
    assert text.count(seed_gold["meta"]["title"]) == 1  # the title once, its repeat removed
    assert not any(l == "晋商消费金融上门吗催收" for l in text.split("\n"))
    assert "声明" not in text and "联系方式" not in text
    # the teaser (lead + first headings run together) is gone: the lead opening appears once
    assert text.count("伴随而来的催收问也逐渐凸显") == 1


def test_nothing_else_removed(seed_out, seed_gold):
    """Every paragraph and heading of the gold is in the text (nothing else was removed)."""
    text = seed_out["text"]

    def walk(secs):
        for s in secs:
            assert s["title"] in text
            for b in s["blocks"]:
                if b["type"] == "paragraph":
                    assert b["text"] in text
                else:
                    for it in b["items"]:
                        assert it["text"] in text
            walk(s["children"])

    walk(seed_gold["outline"]["sections"])


def test_script_and_punctuation(seed_out, seed_gold):
    text = seed_out["text"]
    assert "随着" in text and "随著" not in text
    assert not re.search(r"[\u4e00-\u9fff][,:]|[,:][\u4e00-\u9fff]", text)
    kinds = [r["kind"] for r in seed_out["repairs"]]
    assert kinds.count("pinyin_gloss") == seed_gold["repair"]["pinyin_glosses_removed"]
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", text)
    assert "1.1 " in text and "1. " in text


def test_personal_data_nowhere(seed_out):
    blob = json.dumps(seed_out, ensure_ascii=False)
    assert "15070879527" not in blob
    assert "3590931873" not in blob
    pd = [e for e in seed_out["entities"] if e["label"] == "personal_data"]
    assert {e["id"] for e in pd} >= set() and all(e["text"] in ("[电话]", "[邮箱]") for e in pd)
    contact = [b for b in seed_out["boilerplate"] if b["kind"] == "contact"]
    assert contact and "[电话]" in contact[0]["text"] and "[邮箱]" in contact[0]["text"]


def test_gaps(seed_out, seed_gold):
    got = seed_out["gaps"]
    for want in seed_gold["suspected_gaps"]:
        before = want["before"].strip()
        after = want["after"].split(" (")[0].strip()
        match = [g for g in got if (g["before"].strip().endswith(before[-6:]) or before.endswith(g["before"].strip()[-6:]))
                 and g["after"].startswith(after[:4])]
        assert match, f"gap not reported: {want}"
        assert match[0]["suggestion"] == want["suggestion"], (want, match[0])
    assert len(got) == len(seed_gold["suspected_gaps"])


def test_collection_methods(seed_out):
    methods = {e["id"] for e in seed_out["entities"] if e["label"] == "collection_method"}
    assert {"phone", "sms", "home_visit"} <= methods
    phone = [e for e in seed_out["entities"] if e["id"] == "phone"]
    assert any(e["evidence"] == "cue" and e["text"] == "拨打" for e in phone)
    assert any(e["evidence"] == "inferred" for e in phone)
    # the hedged sentence about this lender is uncertain
    hedged = [e for e in seed_out["entities"] if e["id"] == "home_visit" and e["section"] == "三/3.3"
              and e["polarity"] == "uncertain"]
    assert hedged


def test_laws(seed_out, seed_gold):
    laws = {e["id"]: e for e in seed_out["entities"] if e["label"] == "law"}
    for want in seed_gold["tags"]["laws"]:
        assert want["normalized"] in laws
    contract = laws["中华人民共和国合同法"]["law"]
    assert contract["status"] == "repealed" and contract["repealed"] == "2021-01-01"
    assert contract["replaced_by"] == "中华人民共和国民法典"
    assert laws["中华人民共和国民法典"]["law"]["status"] == "in_force"


@pytest.mark.parametrize("right", ["知情权", "选择权", "隐私权", "投诉", "合法权益"])
def test_rights(seed_out, right):
    assert right in {e["id"] for e in seed_out["entities"] if e["label"] == "right"}


def test_obligation_and_institutions(seed_out):
    ids = {(e["label"], e["id"]) for e in seed_out["entities"]}
    assert ("obligation", "还款义务") in ids
    assert ("institution", "晋商消费金融") in ids
    insts = {e["text"] for e in seed_out["entities"] if e["label"] == "institution"}
    assert insts <= {"晋商消费金融", "金融机构", "催收机构"}
