"""The zhdoc command line: run over a folder, show, explain, exit codes."""
import json
import subprocess
import sys

from .conftest import ROOT


def zhdoc(*args, **kw):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, **kw)


def test_run_folder_mirrors_paths(tmp_path):
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_text("一篇文章的标题在这里\n正文，第一段。", encoding="utf-8")
    (src / "b.html").write_text("<html><head><title>网页标题_某网站</title></head><body><h1>网页标题</h1><p>正文内容，很长的一段话。</p></body></html>", encoding="utf-8")
    (src / "skip.bin").write_bytes(b"\x00")
    out = tmp_path / "out"
    r = zhdoc("run", str(tmp_path / "in"), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    docs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if not p.name.startswith("_"))
    assert docs == ["sub/a.txt.json", "sub/b.html.json"]
    run = json.loads((out / "_run.json").read_text(encoding="utf-8"))
    assert run["counts"]["total"] == 2 and run["counts"]["processed_ok"] == 2
    doc = json.loads((out / "sub" / "b.html.json").read_text(encoding="utf-8"))
    assert doc["source"]["format"] == "html" and doc["meta"]["title"] == "网页标题"


def test_run_missing_input_is_usage_error(tmp_path):
    r = zhdoc("run", str(tmp_path / "nope"), "-o", str(tmp_path / "o"))
    assert r.returncode == 2 and "no such file" in r.stderr


def test_show_and_explain_seed():
    r = zhdoc("show", "raw/000_5a49548756330bd5.txt", "--no-color")
    assert r.returncode == 0
    assert "3.1 催收" in r.stdout and "collection_method:phone" in r.stdout
    md = zhdoc("show", "raw/000_5a49548756330bd5.txt", "--format", "md").stdout
    assert "## 一 晋商消费金融概述" in md and "### 1.1 晋商消费金融的背景" in md
    ex = zhdoc("explain", "raw/000_5a49548756330bd5.txt").stdout
    assert "pinyin_gloss 247" in ex and "⟨电话⟩" in ex


def test_help():
    r = zhdoc("--help")
    assert r.returncode == 0 and "run" in r.stdout and "show" in r.stdout


def test_main_job_on_raw(tmp_path):
    """The README's main job: every sample in raw/ processes without an error."""
    r = zhdoc("run", "raw", "-o", str(tmp_path), "-q")
    assert r.returncode == 0, r.stderr
    inputs = [p for p in (ROOT / "raw").iterdir() if p.suffix in (".txt", ".html")]
    outs = [p for p in tmp_path.glob("*.json") if not p.name.startswith("_")]
    assert len(outs) == len(inputs) >= 3
