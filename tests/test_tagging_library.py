"""The spaCy pipeline as a library: extensions, pickling, to_disk/from_disk, displacy."""
from __future__ import annotations

import pickle

import pytest

import pipeline
from pipeline.nlp.jieba_tok import JiebaTokenizer

TEXT = "催收员多次拨打借款人电话，并威胁联系其家人。根据《中华人民共和国民法典》第一千零三十二条，催收不得泄露隐私。"


@pytest.fixture(scope="module")
def nlp():
    return pipeline.nlp()


def test_doc_extensions(nlp):
    doc = nlp(TEXT)
    assert doc._.mentions and doc.spans["zhdoc"] and doc.ents
    methods = doc._.ids("collection_method")
    assert {"phone", "third_party_contact"} <= methods
    assert doc._.polarity_of("collection_method", "phone") == "affirmed"
    span = next(s for s in doc.spans["zhdoc"] if s.label_ == "abusive_practice" and s._.id == "disclosure")
    assert span._.polarity == "negated" and span._.evidence == "term"
    law = next(s for s in doc.spans["zhdoc"] if s.label_ == "law")
    assert law._.id == "中华人民共和国民法典" and law.kb_id_ == law._.id
    assert law._.info["articles"][0]["article"] == 1032
    assert doc._.by_label["law"] == ["中华人民共和国民法典"]


def test_tokenizer_pickles(nlp):
    tok = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert isinstance(tok, JiebaTokenizer)
    assert [t.text for t in tok(TEXT)] == [t.text for t in nlp.tokenizer(TEXT)]
    assert tok.user_words == nlp.tokenizer.user_words and tok.hmm == nlp.tokenizer.hmm


def test_tokenizer_bytes_and_disk_round_trip(nlp, tmp_path):
    small = JiebaTokenizer(nlp.vocab, [("借款人电话", 20000)], hmm=True)
    again = JiebaTokenizer(nlp.vocab).from_bytes(small.to_bytes())
    assert again.user_words == small.user_words and again.hmm
    small.to_disk(tmp_path / "tok")
    loaded = JiebaTokenizer(nlp.vocab).from_disk(tmp_path / "tok")
    assert [t.text for t in loaded("拨打借款人电话")] == [t.text for t in small("拨打借款人电话")]


def test_pipeline_to_disk_from_disk(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "nlp")
    other = spacy.load(tmp_path / "nlp")
    assert other.pipe_names == nlp.pipe_names
    a, b = nlp(TEXT), other(TEXT)
    assert [(m["label"], m["id"], m["start"], m["end"]) for m in a._.mentions] == \
           [(m["label"], m["id"], m["start"], m["end"]) for m in b._.mentions]


def test_pipeline_pickles(nlp):
    other = pickle.loads(pickle.dumps(nlp))
    assert [(e.label_, e.start_char) for e in other(TEXT).ents] == [(e.label_, e.start_char) for e in nlp(TEXT).ents]


def test_displacy_renders_ents(nlp):
    from spacy import displacy

    html = displacy.render(nlp(TEXT), style="ent", page=False)
    assert "collection_method" in html and "《中华人民共和国民法典》" in html
    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": "zhdoc"})
    assert "abusive_practice" in html


def test_to_spacy_exposes_outline_sections_and_ids(seed_doc):
    import pipeline
    from spacy import displacy

    sdoc = pipeline.to_spacy(seed_doc)
    assert sdoc.text == seed_doc.text
    assert sdoc._.outline["sections"][0]["title"] == "晋商消费金融概述"
    methods = sdoc._.ids("collection_method")
    assert {"phone", "sms", "home_visit"} <= methods
    sms = [s for s in sdoc.spans["zhdoc"] if s._.id == "sms"]
    assert sms and sms[0]._.section == "三/3.2" and sms[0]._.polarity == "affirmed"
    assert "<mark" in displacy.render(sdoc, style="ent")
