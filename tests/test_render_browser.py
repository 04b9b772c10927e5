"""zhdoc render in a real browser (system chromium driven by Playwright): outline tree, entity
highlights, collapse, dashboard filter; screenshots go to test-artifacts/.

Needs `bash .ci/install-browser` (Debian chromium + fonts-noto-cjk, pip playwright); skipped otherwise.
"""
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT, seed_outputs

CHROMIUM = os.environ.get("ZHDOC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (run .ci/install-browser)")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"chromium not found at {CHROMIUM} (run .ci/install-browser)")
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means: no usable browser
            pytest.skip(f"chromium at {CHROMIUM} does not start under playwright: {exc}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_out):
    from pipeline.render import render_site

    tmp = tmp_path_factory.mktemp("site")
    out = seed_outputs(tmp, seed_out, 250)  # > one page of the document list
    render_site(out, tmp / "site")
    ARTIFACTS.mkdir(exist_ok=True)
    return tmp / "site"


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    ctx.route("http*://**", lambda route: route.abort())  # offline: any network request fails
    p = ctx.new_page()
    errors = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("requestfailed", lambda r: errors.append("request: " + r.url))
    yield p
    ctx.close()
    assert not errors, errors


def test_document_page(page, site, seed_out):
    page.goto((site / "docs" / "seed.txt.html").as_uri())
    assert page.evaluate("document.characterSet") == "UTF-8"
    assert page.locator("#doc-title").inner_text().startswith("晋商消费金融")
    page.screenshot(path=str(ARTIFACTS / "render-doc-top.png"))
    page.screenshot(path=str(ARTIFACTS / "render-doc-full.png"), full_page=True)
    # outline: one <details> per heading
    assert page.locator("details.sec").count() == len(seed_out["headings"])
    # highlighted entities per label match the JSON
    got = Counter(page.eval_on_selector_all("mark.ent[data-label]", "ms => ms.map(m => m.dataset.label)"))
    assert got == Counter(e["label"] for e in seed_out["entities"])
    negated = page.locator('mark.ent[data-label][data-pol="negated"]')
    assert negated.count() == sum(e["polarity"] == "negated" for e in seed_out["entities"])
    assert "line-through" in negated.first.evaluate("m => getComputedStyle(m).textDecorationLine")
    assert "evidence:" in negated.first.get_attribute("title")
    # repairs and gaps carry their hover text
    assert page.locator('span.rep[title^="before: 費(fèi)"]').count() >= 1
    assert page.locator("#doc-text ins.gap").count() == len(seed_out["gaps"])
    # collapse: clicking a section heading hides its children
    sec = page.locator("details.sec.lvl1").first
    child = sec.locator("details.sec").first
    assert child.is_visible()
    sec.locator(":scope > summary").click()
    assert not child.is_visible() and sec.evaluate("d => d.open") is False
    page.screenshot(path=str(ARTIFACTS / "render-doc-collapsed.png"))
    sec.locator(":scope > summary").click()
    assert child.is_visible()
    # CJK glyphs really render with a CJK font (width of one ideograph ≈ font size, not a tofu box)
    assert page.evaluate("""() => { const s = document.createElement('span'); s.textContent = '催收';
        s.style.fontSize = '20px'; document.body.appendChild(s); const w = s.getBoundingClientRect().width;
        s.remove(); return w; }""") > 30


def test_dashboard_filter(page, site):
    page.goto((site / "index.html").as_uri())
    assert page.locator("#card-documents").inner_text() == "251"
    rows = page.locator("#doclist tbody tr")
    assert rows.count() == 100  # paginated
    assert page.locator("svg.chart").count() >= 4
    page.screenshot(path=str(ARTIFACTS / "render-dashboard.png"), full_page=True)
    page.select_option("#f-label", "collection_method")
    page.select_option("#f-id", label="third_party_contact")
    page.select_option("#f-pol", "negated")
    n = rows.count()
    assert 0 < n < 100 and page.locator("#f-info").inner_text().startswith(f"{n} of 251")
    assert n == len(range(0, 250, 3))
    page.locator("#documents").screenshot(path=str(ARTIFACTS / "render-dashboard-filtered.png"))
    # text filter narrows further; a row links to a page that opens
    page.fill("#f-text", "（3）")
    assert rows.count() == 1
    rows.first.locator("a").click()
    page.wait_for_load_state()
    assert "/doc_00003_" in page.url and page.title().startswith("晋商消费金融")
