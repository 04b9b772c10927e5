"""HTML character references left in page text are unescaped and recorded."""
import pytest

import pipeline
from pipeline.offsets import TrackedText
from pipeline.repair.fixes import html_entities


@pytest.mark.parametrize("text,want", [
    ("权益&ldquo;保护&rdquo;，&#20013;&#x6587;内容&amp;测试", "权益“保护”，中文内容&测试"),
    ("&amp;nbsp;中", "\xa0中"),                      # escaped twice
    ("&amp;amp;amp;ldquo;x", "“x"),                 # and more
    ("&copy;2024", "©2024"),
    ("&notanentity;与&nbsp", "&notanentity;与&nbsp"),  # no reference, or no semicolon: kept
    ("换行&#10;不加", "换行&#10;不加"),              # fixes never add line breaks
    ("A&B 与 AT&T", "A&B 与 AT&T"),
])
def test_entities(text, want):
    assert TrackedText.identity(text).apply(html_entities(text)).text == want


def test_double_escaped_html_page():
    raw = ("<html><body><article><h1>标题</h1><p>消费者&amp;ldquo;权益&amp;rdquo;保护，这是一段足够长的"
           "正文内容，用来测试双重转义的实体&amp;#20013;。</p></article></body></html>").encode()
    doc = pipeline.process(raw)
    assert "消费者“权益”保护" in doc.text and "实体中。" in doc.text
    recs = [r for r in doc.to_dict()["repairs"] if r["kind"] == "html_entity"]
    assert [r["after"] for r in recs] == ["“", "”", "中"]
    assert all(raw.decode()[r["raw_start"]:r["raw_end"]].startswith("&amp;") for r in recs)
    off = pipeline.process(raw, pipeline.Config().without("html_entities"))
    assert "&ldquo;" in off.text
