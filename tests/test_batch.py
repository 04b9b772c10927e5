"""Batch runs: inputs of every kind, resumable, sharded, parallel, Dask, bad inputs."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import Config
from pipeline.batch import discover, run_batch, safe_key

from .conftest import ROOT, SEED

ARTICLE = "标题：一篇关于催收的文章\n正文，催收员多次拨打借款人电话。\n二、投诉渠道\n可以向银保监会投诉。"


def docs_in(out: Path) -> dict[str, dict]:
    return {p.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(out.rglob("*.json")) if not p.name.startswith("_")}


def make_corpus(root: Path, n: int = 6) -> Path:
    src = root / "in"
    (src / "a").mkdir(parents=True)
    for i in range(n):
        (src / "a" / f"doc{i}.txt").write_text(ARTICLE + f"\n第{i}段，内容不同。", encoding="utf-8")
    (src / "seed.txt").write_bytes(SEED.read_bytes())
    return src


def test_incremental_skip_and_force(tmp_path):
    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    s1 = run_batch([str(src)], str(out), Config(), progress=False)
    assert (s1.total, s1.done, s1.skipped) == (7, 7, 0)
    first = docs_in(out)
    s2 = run_batch([str(src)], str(out), Config(), progress=False)
    assert (s2.done, s2.skipped) == (0, 7)
    (src / "a" / "doc0.txt").write_text(ARTICLE + "\n改过了。", encoding="utf-8")
    s3 = run_batch([str(src)], str(out), Config(), progress=False)
    assert (s3.done, s3.skipped) == (1, 6)
    s4 = run_batch([str(src)], str(out), Config(script="source"), progress=False)  # another config: redo
    assert s4.done == 7
    s5 = run_batch([str(src)], str(out), Config(script="source"), progress=False, force=True)
    assert s5.done == 7
    assert set(docs_in(out)) == set(first)


def test_jsonl_ids_never_escape_outdir(tmp_path):
    recs = [{"id": "../../etc/passwd", "html": "<p>第一条记录，内容。</p>"},
            {"id": "/abs/path", "text": "第二条记录，内容。"},
            {"url": "https://example.com/a/b?c=1", "content": "第三条，内容。"},
            {"id": "../../etc/passwd", "text": "重复的编号，内容。"},
            {"nothing": 1}]
    f = tmp_path / "dump.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        fh.write("{not json\n")
    out = tmp_path / "out"
    s = run_batch([str(f)], str(out), Config(), progress=False)
    written = [p.resolve() for p in out.rglob("*.json")]
    assert all(out.resolve() in p.parents for p in written)
    assert s.total == 6 and s.failed == 2  # the record without text and the broken line
    assert len(docs_in(out)) == 6
    errors = [json.loads(l) for l in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 2 and all(e["stage"] for e in errors)


def test_safe_key():
    assert "/" not in safe_key("../../x/y") and not safe_key("../..").startswith(".")
    assert len(safe_key("长" * 1000)) <= 120


def test_jsonl_output_stream(tmp_path):
    src = make_corpus(tmp_path, 3)
    target = tmp_path / "all.jsonl"
    run_batch([str(src)], None, Config(), jsonl=str(target), progress=False)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(json.loads(l)["schema_version"] == 1 for l in lines)


def test_shards_partition_the_corpus(tmp_path):
    src = make_corpus(tmp_path, 10)
    keys = {t.key for t in discover([str(src)])}
    outs = []
    for i in (1, 2, 3):
        out = tmp_path / f"s{i}"
        run_batch([str(src)], str(out), Config().without("tag"), shard=(i, 3), progress=False)
        outs.append(set(docs_in(out)))
    assert set.union(*outs) == {k + ".json" for k in keys}
    assert sum(len(o) for o in outs) == len(keys)


def test_workers_and_dask_match_single(tmp_path):
    src = make_corpus(tmp_path, 4)
    single = tmp_path / "one"
    run_batch([str(src)], str(single), Config(), progress=False)
    pool = tmp_path / "pool"
    run_batch([str(src)], str(pool), Config(), workers=2, progress=False)
    assert docs_in(pool) == docs_in(single)
    pytest.importorskip("distributed")
    dask_out = tmp_path / "dask"
    run_batch([str(src)], str(dask_out), Config(), workers=2, engine="dask", progress=False)
    assert docs_in(dask_out) == docs_in(single)


def test_bad_inputs_each_give_an_error_record(tmp_path):
    src = tmp_path / "bad"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 1000)
    (src / "nul.txt").write_bytes("正文，含有空字符。".encode() + b"\x00" + "后面还有。".encode())
    (src / "truncated.txt").write_bytes("截断的多字节序列，".encode()[:-1])
    (src / "lying.html").write_bytes('<html><head><meta charset="big5"></head><body><p>其实是简体中文的页面，内容。</p></body></html>'.encode("gb18030"))
    (src / "deep.html").write_bytes(b"<div>" * 100_000 + "深层嵌套的内容。".encode() + b"</div>" * 100_000)
    (src / "attrs.html").write_bytes(b"<p " + b" ".join(b"a%d=x" % i for i in range(100_000)) + "很多属性。</p>".encode())
    (src / "unclosed.html").write_bytes("<html><body><p>没有闭合的标签<div><span>内容，".encode())
    (src / "odd name 名字\t.txt").write_text("奇怪的文件名，内容。", encoding="utf-8")
    (src / "huge.txt").write_bytes(b"a" * 2_000_001)
    os.symlink(src, src / "loop")
    os.symlink("/etc", src / "outside")
    out = tmp_path / "out"
    s = run_batch([str(src)], str(out), Config(max_bytes=2_000_000), progress=False, time_limit=60)
    names = {d["source"]["path"] for d in docs_in(out).values()}
    assert "odd name 名字\t.txt" in names and not any("outside" in n for n in names)
    errors = {json.loads(l)["input"]: json.loads(l) for l in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()}
    assert errors["empty.txt"]["type"] == "EmptyInput"
    assert "binary.html" in errors
    assert "huge.txt" in errors and "max_bytes" in errors["huge.txt"]["message"]
    assert s.total == len(names) + sum(1 for e in errors.values() if e["stage"] == "load")
    for name in ("nul.txt", "truncated.txt", "lying.html", "unclosed.html", "attrs.html"):
        assert name in names


def test_time_limit_is_an_error_record(tmp_path):
    src = make_corpus(tmp_path, 1)
    out = tmp_path / "out"
    s = run_batch([str(src / "seed.txt")], str(out), Config(), time_limit=0.0005, progress=False)
    assert s.failed == 1
    err = json.loads((out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert err["type"] == "DocumentTimeout"


def test_kill_and_resume(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"d{i:02d}.txt").write_bytes(SEED.read_bytes() + f"\n第{i}篇。".encode())
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("d*.json"))) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = list(out.glob("d*.json"))
    assert 0 < len(done) < 40
    for p in done:  # only complete outputs
        json.loads(p.read_text(encoding="utf-8"))
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0
    assert len(list(out.glob("d*.json"))) == 40
    assert f"{len(done)} up to date" in r.stderr or "up to date" in r.stderr


def test_exit_codes_and_stdin(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pipeline", "run", "-", "-o", str(tmp_path / "o"), "-q"],
                       input="标准输入的文章标题\n正文，内容。".encode(), cwd=ROOT, capture_output=True)
    assert r.returncode == 0 and (tmp_path / "o" / "stdin.json").exists()
    (tmp_path / "e.txt").write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "e.txt"), "-o", str(tmp_path / "o2"), "-q"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "1 with errors" in r.stderr
    r = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "x"), "-o", str(tmp_path / "o3")],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2


def test_warc_html_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "crawl.warc.gz"
    with open(f, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        pages = [("https://news.example.cn/2024/a.html", "gbk", "<html><body><h1>新闻标题在这里</h1><p>正文内容，催收。</p></body></html>"),
                 ("https://news.example.cn/../../b", "utf-8", "<html><body><p>第二个页面，内容。</p></body></html>")]
        for url, cs, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={cs}")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=__import__("io").BytesIO(html.encode(cs)),
                                            http_headers=headers)
            writer.write_record(rec)
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x/p.png", "response",
                                                      payload=__import__("io").BytesIO(b"\x89PNG"), http_headers=img))
    out = tmp_path / "out"
    s = run_batch([str(f)], str(out), Config(), progress=False)
    docs = docs_in(out)
    assert s.total == 2 and len(docs) == 2
    assert all(out.resolve() in (out / k).resolve().parents for k in docs)
    first = next(d for d in docs.values() if d["source"].get("url", "").endswith("a.html"))
    assert "新闻标题在这里" in first["text"] and first["source"]["encoding"] == "gb18030"


def test_a_dying_worker_costs_only_its_document(tmp_path, monkeypatch):
    """A document that kills its worker process (segfault, OOM) is an error record; the rest finish."""
    src = make_corpus(tmp_path, 3)
    (src / "a" / "kill.txt").write_text("ZHDOC_TEST_KILL_WORKER", encoding="utf-8")
    monkeypatch.setenv("ZHDOC_TEST_KILL_MARKER", "ZHDOC_TEST_KILL_WORKER")
    out = tmp_path / "out"
    s = run_batch([str(src)], str(out), Config(), workers=2, progress=False)
    errors = [json.loads(l) for l in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["type"] for e in errors] == ["WorkerCrashed"]
    assert s.done == 4 and len(docs_in(out)) == 4


def test_workers_that_cannot_start_stop_the_run_at_once():
    """Workers dying on start-up (here: a config their initializer refuses; in life, a script
    without a main guard) are nobody's document: a clear error, not every document a crash."""
    import pytest

    from pipeline.batch import WorkersCannotStart, _init_worker, pool_map

    with pytest.raises(WorkersCannotStart, match="__main__"):
        list(pool_map(str, ["a", "b", "c"], 2, _init_worker, ({"stages": ["nope"]}, None, False), lambda t: t))


def test_rerun_still_reports_documents_with_errors(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    first = run_batch([str(src)], str(out), Config(), progress=False)
    again = run_batch([str(src)], str(out), Config(), progress=False)
    assert (first.failed, again.failed, again.skipped) == (1, 1, 2)
    errors = [json.loads(l) for l in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors and errors[0]["earlier_run"] is True


def test_shards_keep_their_own_reports(tmp_path):
    src = make_corpus(tmp_path, 4)
    out = tmp_path / "out"
    for i in (1, 2):
        run_batch([str(src)], str(out), Config().without("tag"), shard=(i, 2), progress=False)
    assert (out / "_run.1of2.json").exists() and (out / "_run.2of2.json").exists()


def test_time_limit_stops_the_whole_document(monkeypatch):
    from pipeline import runner
    from pipeline.batch import Task, run_task

    def slow(doc, config):
        time.sleep(2)
        return doc

    monkeypatch.setitem(runner.STAGES, "outline", slow)
    monkeypatch.setitem(runner.STAGES, "tag", slow)
    t0 = time.perf_counter()
    res = run_task(Task(key="x", data=ARTICLE.encode()), Config(), time_limit=0.5)
    assert time.perf_counter() - t0 < 1.8
    doc = json.loads(res.doc)
    assert [e["type"] for e in doc["errors"]] == ["DocumentTimeout"] and doc["errors"][0]["stage"] == "outline"
