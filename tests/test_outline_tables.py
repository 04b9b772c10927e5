"""Outline: HTML tables kept as table blocks (rows of cells), rendered by ``zhdoc show``."""
import pipeline
from pipeline.stages.outline import iter_blocks
from pipeline.config import Config
from pipeline.show import render_markdown, render_tree

CFG = Config().without("tag")
INTRO = "<p>根据有关规定，现将本院各类案件的诉讼费用标准公布如下，请当事人遵照执行。</p>"
OUTRO = "<p>以上标准自2020年1月1日起施行，如有疑问请向立案庭咨询。</p>"


def page(body: str) -> bytes:
    return (f"<html><head><title>诉讼费用公告</title></head><body><article><h1>诉讼费用公告</h1>"
            f"{body}</article></body></html>").encode()


def blocks(doc):
    return list(iter_blocks(doc.outline))


def tables(doc):
    return [b for b in blocks(doc) if b["type"] == "table"]


TABLE = """
<table border="1" cellpadding="2">
  <thead><tr><th>案件类别</th><th>交纳标准</th><th>备注说明</th></tr></thead>
  <tbody>
    <tr><td>财产案件</td><td>按标的额分段累计</td><td>最低50元</td></tr>
    <tr><td>离婚案件</td><td>每件50元至300元</td><td>涉及财产另计</td></tr>
    <tr><td>劳动争议</td><td>每件10元</td><td>&nbsp;</td></tr>
  </tbody>
</table>"""


def test_table_rows_and_spans():
    raw = page(INTRO + TABLE + OUTRO)
    doc = pipeline.process(raw, CFG)
    assert not doc.errors
    (t,) = tables(doc)
    assert t["rows"][0] == ["案件类别", "交纳标准", "备注说明"]
    assert t["rows"][1] == ["财产案件", "按标的额分段累计", "最低50元"]
    assert t["rows"][2] == ["离婚案件", "每件50元至300元", "涉及财产另计"]
    assert t["rows"][3][:2] == ["劳动争议", "每件10元"]
    text, src = doc.text, raw.decode()
    assert text[t["start"]:t["end"]].startswith("案件类别") and text[t["start"]:t["end"]].endswith("每件10元")
    assert src[t["raw_start"]:].startswith("案件类别")
    # the paragraphs around the table stay paragraphs, in order
    types = [b["type"] for b in blocks(doc)]
    assert types.index("table") > 0 and types[-1] == "paragraph"
    assert not any(b["type"] == "paragraph" and b["text"] == "财产案件" for b in blocks(doc))


def test_cell_lines_joined_and_missing_tr_context():
    body = INTRO + ("<table><tr><td>联系部门</td><td>立案庭<br>诉讼服务中心</td></tr>"
                    "<tr><td>办公时间</td><td>工作日上午</td></tr></table>") + OUTRO
    (t,) = tables(pipeline.process(page(body), CFG))
    assert t["rows"] == [["联系部门", "立案庭 诉讼服务中心"], ["办公时间", "工作日上午"]]


def test_paragraph_inside_cells():
    body = INTRO + ("<table><tr><td><p>申请事项</p></td><td><p>所需材料</p></td></tr>"
                    "<tr><td><p>财产保全</p></td><td><p>申请书及担保</p></td></tr></table>") + OUTRO
    (t,) = tables(pipeline.process(page(body), CFG))
    assert t["rows"] == [["申请事项", "所需材料"], ["财产保全", "申请书及担保"]]


def test_layout_table_is_not_a_table_block():
    long = "本院坚持公正司法，依法保护当事人的合法权益，" * 12 + "。"
    body = f"<table><tr><td><p>{long}</p></td></tr><tr><td>{long}</td></tr></table>" + OUTRO
    doc = pipeline.process(page(body), CFG)
    assert tables(doc) == []
    assert any(b["type"] == "paragraph" and "公正司法" in b["text"] for b in blocks(doc))


def test_show_renders_tables():
    d = pipeline.process(page(INTRO + TABLE + OUTRO), CFG).to_dict()
    md = render_markdown(d)
    assert "| 案件类别 | 交纳标准 | 备注说明 |" in md
    assert "|---|---|---|" in md
    assert "| 离婚案件 | 每件50元至300元 | 涉及财产另计 |" in md
    assert "table 4×3" in render_tree(d)


def test_table_validates_against_schema():
    import json
    from importlib import resources

    jsonschema = __import__("pytest").importorskip("jsonschema")
    schema = json.loads(resources.files("pipeline").joinpath("schema/document.schema.json").read_text("utf-8"))
    jsonschema.validate(pipeline.process(page(INTRO + TABLE + OUTRO), CFG).to_dict(), schema)
