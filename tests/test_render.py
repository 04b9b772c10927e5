"""zhdoc render without a browser: files, offline-ness, entity/outline counts in the HTML, CLI."""
import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from .conftest import ROOT, seed_outputs


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_out):
    from pipeline.render import render_site

    tmp = tmp_path_factory.mktemp("render")
    out = seed_outputs(tmp, seed_out, 12)
    (out / "not-zhdoc.json").write_text("[1, 2]", encoding="utf-8")
    stats = render_site(out, tmp / "site")
    return tmp / "site", stats


def test_files_and_counts(site, seed_out):
    root, stats = site
    assert stats == {"documents": 13, "skipped": 1, "index_bytes": stats["index_bytes"]}
    page = (root / "docs" / "seed.txt.html").read_text(encoding="utf-8")
    assert (root / "docs" / "seed.txt.json").is_file() and 'href="seed.txt.json"' in page
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page and "Noto Sans CJK SC" in page
    marks = Counter(re.findall(r'<mark class="ent l-[^"]*" [^>]*data-label="([^"]+)"', page))
    assert marks == Counter(e["label"] for e in seed_out["entities"])
    assert page.count('<details class="sec') == len(seed_out["headings"])
    assert page.count('<ins class="gap" title=') == len(seed_out["gaps"]) + 1  # + the legend sample
    assert 'title="before: 費(fèi)' in page  # repairs: hover shows the original
    assert 'class="removed"' in page and seed_out["boilerplate"][0]["text"] in page
    assert (root / "docs" / "src1" / "doc_00001_").parent.is_dir()


def test_offline_no_external_urls(site):
    root, _ = site
    for p in [root / "index.html", root / "docs" / "seed.txt.html"]:
        html = p.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', html), p
        assert "<link" not in html and "@import" not in html


def test_dashboard_index(site):
    root, _ = site
    html = (root / "index.html").read_text(encoding="utf-8")
    idx = json.loads(re.search(r'<script type="application/json" id="zhdoc-index">(.*?)</script>', html, re.S).group(1))
    assert len(idx["docs"]) == 13
    k = idx["keys"].index("collection_method:third_party_contact")
    negated = [d for d in idx["docs"] if any(c >> 3 == k and c & 2 for c in d[5])]
    assert len(negated) == 4  # variants 0, 3, 6, 9
    assert "www.example-news.cn" in idx["sites"] and "<svg" in html and 'id="t-law"' in html
    assert "中华人民共和国合同法" in html


def test_cli_render(tmp_path, seed_out):
    src = tmp_path / "out"
    src.mkdir()
    (src / "a.json").write_text(json.dumps(seed_out, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pipeline", "render", str(src), "-o", str(tmp_path / "site")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "docs" / "a.html").is_file()
    r = subprocess.run([sys.executable, "-m", "pipeline", "render", str(tmp_path / "nope"), "-o", str(tmp_path / "s")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
