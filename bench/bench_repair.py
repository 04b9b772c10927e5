"""Repair-stage benchmarks on real text from ../shared/data (ZHDOC_SHARED).

    python bench/bench_repair.py [mojibake] [encoding] [gloss] [gaps] [speed] [-n N]

mojibake  real law lines corrupted the ways web pages get corrupted; exact-repair rate per kind
encoding  pages in UTF-8/GB18030/GBK/Big5 (light/heavy markup, some lying <meta>); detection accuracy
gloss     traditional text with ~20 % of characters pinyin-glossed; removal and exact restoration
gaps      words deleted from real sentences; detection precision/recall, top-1 suggestion accuracy
speed     chars/s of the whole repair stage on clean and on glossed text (single core)
"""
from __future__ import annotations

import argparse
import codecs
import difflib
import functools
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ZHDOC_SHARED") or ROOT.parent / "shared") / "data"


# -- corpus -----------------------------------------------------------------------------------
def law_lines() -> list[str]:
    """Non-empty lines of the clean law corpus, Markdown '#' marks and the INFO END line removed."""
    out = []
    for p in sorted((SHARED / "laws-corpus").glob("*.md")):
        for line in p.read_text("utf-8").split("\n"):
            line = re.sub(r"^#+\s*", "", line).strip()
            if line and line != "<!-- INFO END -->":
                out.append(line)
    return out


def sample(lines: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return rng.sample(lines, min(n, len(lines)))


# -- corruptions ------------------------------------------------------------------------------
def _browser_replace(exc):
    """Like a browser's decoder: one U+FFFD for the bad byte, then carry on with the next byte."""
    return "\ufffd", exc.start + 1


codecs.register_error("bench-browser", _browser_replace)


def _c1(exc):  # WHATWG windows-1252: the five undefined bytes become the C1 controls
    return "".join(chr(b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error("bench-c1", _c1)


def _s2t():
    import opencc

    return opencc.OpenCC("s2t").convert


def corruptions():
    """kind -> (function line -> corrupted line or None when not applicable, lossless?)."""
    s2t = _s2t()

    def enc(text, codec):
        try:
            return text.encode(codec)
        except UnicodeEncodeError:
            return None

    def chain(*steps):
        def f(line):
            t = line
            for step in steps:
                t = step(t)
                if t is None:
                    return None
            return t
        return f

    u8 = lambda t: t.encode("utf-8")
    gbk = lambda t: enc(t, "gbk")
    big5 = lambda t: enc(s2t(t), "big5")
    lat = lambda b: b.decode("latin-1")
    cp_browser = lambda b: b.decode("cp1252", "bench-c1")
    cp_lossy = lambda b: b.decode("cp1252", "replace")
    gb_browser = lambda b: b.decode("gb18030", "bench-browser")
    gbk_py = lambda b: b.decode("gbk", "replace")
    return {
        "utf8_as_latin1": (chain(u8, lat), True),
        "utf8_as_cp1252(browser)": (chain(u8, cp_browser), True),
        "utf8_as_cp1252(lossy)": (chain(u8, cp_lossy), False),
        "utf8_as_gb18030(browser)": (chain(u8, gb_browser), False),
        "utf8_as_gbk(python replace)": (chain(u8, gbk_py), False),
        "gbk_as_latin1": (chain(gbk, lat), True),
        "gbk_as_cp1252(browser)": (chain(gbk, cp_browser), True),
        "gbk_as_cp1252(lossy)": (chain(gbk, cp_lossy), False),
        "big5_as_latin1(s2t)": (chain(big5, lat), True),
        "big5_as_cp1252(browser,s2t)": (chain(big5, cp_browser), True),
        "double utf8_as_cp1252": (chain(u8, cp_browser, u8, cp_browser), True),
        "double utf8_as_latin1": (chain(u8, lat, u8, lat), True),
        "gbk_as_latin1 then utf8_as_latin1": (chain(gbk, lat, u8, lat), True),
    }


def bench_mojibake(n: int = 1000, show: int = 0) -> dict:
    from pipeline.repair.mojibake import mojibake
    from pipeline.offsets import TrackedText

    lines = law_lines()
    s2t = _s2t()
    results = {}
    for ki, (kind, (corrupt, lossless)) in enumerate(corruptions().items()):
        ok = tot = flagged = 0
        sim_before = sim_after = 0.0
        t0 = time.perf_counter()
        bad = []
        for line in sample(lines, 3 * n, seed=ki):
            bad_line = corrupt(line)
            if bad_line is None or bad_line == line:
                continue
            want = s2t(line) if "big5" in kind else line
            edits = mojibake(bad_line)
            got = TrackedText.identity(bad_line).apply(edits).text
            tot += 1
            ok += got == want
            flagged += any(e.detail == "lossy" for e in edits)
            if not lossless:  # character similarity to the original, before and after repair
                sim_before += difflib.SequenceMatcher(None, want, bad_line, autojunk=False).ratio()
                sim_after += difflib.SequenceMatcher(None, want, got, autojunk=False).ratio()
            if got != want and len(bad) < show:
                bad.append((want, bad_line, got))
            if tot >= n:
                break
        dt = time.perf_counter() - t0
        results[kind] = ok / tot
        sim = "" if lossless else f"  similarity {sim_before / tot:.3f} -> {sim_after / tot:.3f}"
        print(f"{kind:36s} {'lossless' if lossless else 'lossy   '} exact {ok}/{tot} = {100 * ok / tot:6.2f} %"
              f"  flagged lossy {flagged}{sim}  ({tot / dt:,.0f} lines/s)")
        for w, b, g in bad:
            print("   want", w[:80], "\n   bad ", repr(b[:80]), "\n   got ", g[:80])
    return results


# -- encodings ----------------------------------------------------------------------------------
def source_texts() -> list[str]:
    """Real Chinese texts: laws-corpus (Markdown '#' stripped), collection, cwced cleaned."""
    out = ["\n".join(law for law in (re.sub(r"^#+\s*", "", l).strip() for l in p.read_text("utf-8").split("\n"))
                      if law and law != "<!-- INFO END -->")
           for p in sorted((SHARED / "laws-corpus").glob("*.md"))]
    out += [p.read_text("utf-8") for p in sorted((SHARED / "collection").glob("*.txt"))]
    out += [p.read_text("utf-8") for p in sorted((SHARED / "html-zh" / "cwced" / "cleaned").glob("*.txt"))]
    return [t for t in out if len(t) >= 200]


_HEAVY_HEAD = (
    '<link rel="stylesheet" href="/static/css/main.min.css?v=20240101">\n'
    '<style>body{font-family:"Microsoft YaHei",Arial,sans-serif;margin:0}.nav li{float:left;padding:0 12px}'
    '.footer{color:#999;font-size:12px}</style>\n'
    '<script type="text/javascript">var _hmt=_hmt||[];(function(){var hm=document.createElement("script");'
    'hm.src="https://hm.baidu.com/hm.js?0123456789abcdef";var s=document.getElementsByTagName("script")[0];'
    's.parentNode.insertBefore(hm,s);})();</script>\n'
)


def make_page(text: str, title: str, meta: str | None, heavy: bool, http_equiv: bool) -> str:
    if meta is None:
        m = ""
    elif http_equiv:
        m = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">'
    else:
        m = f'<meta charset="{meta}">'
    paras = [p for p in text.split("\n") if p.strip()]
    if heavy:
        body = ('<div id="header" class="header clearfix"><ul class="nav">'
                + "".join(f'<li><a href="/channel/{i}/index.html" target="_blank">{w}</a></li>'
                          for i, w in enumerate(paras[0][:12:3] or "首页"))
                + '</ul></div>\n<div class="main w1200"><div class="article-content" style="line-height:1.8">'
                + "".join(f'<p style="text-indent:2em"><span class="s{i % 3}">{p}</span></p>\n' for i, p in enumerate(paras))
                + '</div></div>\n<div class="footer">Copyright &copy; 2024 All Rights Reserved. ICP 12345678</div>'
                '<script>document.write("<img src=\'/stat.gif?r="+Math.random()+"\'>");</script>')
        head = _HEAVY_HEAD
    else:
        body = "".join(f"<p>{p}</p>\n" for p in paras)
        head = ""
    return f"<!DOCTYPE html>\n<html>\n<head>\n{m}\n<title>{title}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n"


def encoding_cases(n: int = 400, seed: int = 11) -> list[dict]:
    """Pages of real text in each encoding, light or heavy markup, with honest, absent or lying
    declarations (``<meta charset>``, ``http-equiv`` or the HTTP header)."""
    rng = random.Random(seed)
    texts = source_texts()
    s2t = _s2t()
    real = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5"]
    lies = {"utf-8": ["gbk", "gb2312", "big5"], "utf-8-sig": ["gbk"], "gb18030": ["utf-8", "big5"],
            "gbk": ["utf-8", "big5", "iso-8859-1"], "big5": ["gbk", "gb2312", "utf-8"]}
    cases = []
    while len(cases) < n:
        enc = real[len(cases) % len(real)]
        t = rng.choice(texts)
        size = rng.choice([60, 150, 400, 1200, 4000])
        start = rng.randrange(0, max(1, len(t) - size))
        chunk = t[start:start + size].strip()
        if enc == "big5":
            chunk = s2t(chunk)
        codec = {"utf-8-sig": "utf-8"}.get(enc, enc)
        chunk = "".join(c for c in chunk if _encodable(c, codec))
        if len(re.findall("[\u4e00-\u9fff]", chunk)) < 20:
            continue
        title = chunk.split("\n")[0][:20]
        how = rng.choice(["honest", "honest", "none", "lie", "lie", "http_lie", "http_honest"])
        declared_name = {"utf-8-sig": "utf-8", "gb18030": rng.choice(["gb18030", "gbk", "gb2312"])}.get(enc, enc)
        meta, http = None, None
        if how == "honest":
            meta = declared_name
        elif how == "lie":
            meta = rng.choice(lies[enc])
        elif how == "http_lie":
            http, meta = rng.choice(lies[enc]), rng.choice([None, declared_name])
        elif how == "http_honest":
            http, meta = declared_name, rng.choice([None, rng.choice(lies[enc])])
        page = make_page(chunk, title, meta, heavy=rng.random() < 0.5, http_equiv=rng.random() < 0.4)
        data = page.encode(enc)
        cases.append({"data": data, "text": page, "enc": enc, "how": how, "meta": meta, "http": http,
                      "size": size})
    return cases


@functools.lru_cache(maxsize=None)
def _encodable(c: str, codec: str) -> bool:
    """Encodable, and for Big5 read back the same by Big5-HKSCS (Python's big5 and big5hkscs map
    the Eten kana/Cyrillic block C6A1-C8FE differently: a codec-table quirk, not detection)."""
    try:
        b = c.encode(codec)
        return codec != "big5" or b.decode("big5hkscs") == c
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False


def bench_encoding(n: int = 400, show: int = 0) -> dict:
    """Detection accuracy: a page counts as right when its decoded text is the page as written
    (so GBK read as GB18030 and Big5 as Big5-HKSCS are right: same text)."""
    from collections import Counter

    from pipeline.stages.decode import decode_bytes

    cases = encoding_cases(max(n, 300))
    ok, by_enc, by_how, bad = 0, Counter(), Counter(), []
    tot_enc, tot_how = Counter(), Counter()
    reasons = Counter()
    t0 = time.perf_counter()
    for c in cases:
        text, enc, reason = decode_bytes(c["data"], c["http"])
        right = text == c["text"]
        ok += right
        tot_enc[c["enc"]] += 1
        tot_how[c["how"]] += 1
        by_enc[c["enc"]] += right
        by_how[c["how"]] += right
        reasons[reason.split(" (")[0].split(" gb")[0].split(" big")[0].split(" utf")[0]] += 1
        if not right:
            bad.append((c["enc"], c["how"], c["meta"], c["http"], c["size"], enc, reason))
    dt = time.perf_counter() - t0
    print(f"pages {len(cases)}: correct {ok} = {100 * ok / len(cases):.2f} %  ({len(cases) / dt:,.0f} pages/s)")
    print("  by encoding: " + ", ".join(f"{e} {by_enc[e]}/{tot_enc[e]}" for e in tot_enc))
    print("  by declaration: " + ", ".join(f"{h} {by_how[h]}/{tot_how[h]}" for h in tot_how))
    print("  reasons: " + ", ".join(f"{r} {k}" for r, k in reasons.most_common()))
    for b in bad[:show or 10]:
        print("   wrong: real %s, %s (meta %s, http %s), ~%d chars -> %s (%s)" % b)
    return {"accuracy": ok / len(cases)}


# -- pinyin glosses -----------------------------------------------------------------------------
def bench_mixed(n: int = 400, show: int = 0) -> dict:
    """UTF-8 pages with one stretch in another encoding (a legacy footer, an ad, a pasted quote):
    GBK, or Big5 for traditional text, as a block on its own lines or inline in a one-line
    (minified) page.  Measured: pages whose decoded text equals that of the all-UTF-8 page."""
    from pipeline.stages.decode import decode_bytes

    texts = source_texts()
    s2t = _s2t()
    rng = random.Random(3)
    results: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    shown = 0
    for k in range(n):
        paras = [p for p in rng.choice(texts).split("\n") if len(p.strip()) >= 8][:12]
        if len(paras) < 3:
            continue
        i = rng.randrange(1, len(paras))
        enc = "big5" if k % 4 >= 2 else "gbk"
        if enc == "big5":
            paras = [s2t(p) for p in paras]
        oneline = k % 2 == 1
        sep = "" if oneline else "\n"
        try:
            other = f"<p>{paras[i]}</p>".encode(enc)
        except UnicodeEncodeError:
            continue
        head = f"<html><head><meta charset='utf-8'><title>第{k}页</title></head><body>{sep}".encode()
        before = sep.join(f"<p>{p}</p>" for p in paras[:i]).encode() + sep.encode()
        after = (sep + sep.join(f"<p>{p}</p>" for p in paras[i + 1:]) + sep + "</body></html>").encode()
        want = (head + before + f"<p>{paras[i]}</p>".encode() + after).decode()
        got, _, reason = decode_bytes(head + before + other + after)
        key = f"{enc} {'inline' if oneline else 'own lines'}"
        results.setdefault(key, []).append(got == want)
        if got != want and shown < show:
            shown += 1
            print("   want", paras[i][:60], "\n   got ", reason, got[len(head) + len(before):][:60])
    dt = time.perf_counter() - t0
    total = sum(len(v) for v in results.values())
    for key, v in sorted(results.items()):
        print(f"{key:20s} pages decoded exactly {sum(v)}/{len(v)} = {100 * sum(v) / len(v):6.2f} %")
    print(f"({total / dt:,.0f} pages/s)")
    return {k: sum(v) / len(v) for k, v in results.items()}


def gloss_text(text: str, rate: float = 0.2, seed: int = 0) -> str:
    """Gloss ~``rate`` of the Han characters the ways sites do: 費(fèi), 費（fèi）, 費(fei4), and
    whole words 消費(xiāofèi)."""
    from pypinyin import Style, pinyin

    rng = random.Random(seed)
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if "\u4e00" <= c <= "\u9fff" and rng.random() < rate:
            word = c
            if i + 1 < len(text) and "\u4e00" <= text[i + 1] <= "\u9fff" and rng.random() < 0.25:
                word = text[i:i + 2]
            style = rng.choice([Style.TONE, Style.TONE, Style.TONE3])
            reading = "".join(r[0] for r in pinyin(word, style=style))
            o, c_ = ("(", ")") if rng.random() < 0.7 else ("（", "）")
            out.append(f"{word}{o}{reading}{c_}")
            i += len(word)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def bench_gloss(n_chars: int = 300_000) -> dict:
    from pipeline.offsets import TrackedText
    from pipeline.repair.pinyin import pinyin_glosses

    s2t = _s2t()
    lines = sample(law_lines(), 100000, seed=7)
    text, size = [], 0
    for l in lines:
        text.append(s2t(l))
        size += len(l)
        if size >= n_chars:
            break
    lines = text
    glossed = [gloss_text(l, seed=i) for i, l in enumerate(lines)]
    n_gloss = sum(g.count("(") + g.count("（") - l.count("(") - l.count("（") for l, g in zip(lines, glossed))
    t0 = time.perf_counter()
    doc = "\n".join(glossed)
    got = TrackedText.identity(doc).apply(pinyin_glosses(doc)).text.split("\n")
    dt = time.perf_counter() - t0
    exact = sum(a == b for a, b in zip(got, lines))
    left = sum(g.count("(") + g.count("（") - l.count("(") - l.count("（") for l, g in zip(lines, got))
    false = sum(max(0, l.count("(") + l.count("（") - g.count("(") - g.count("（")) for l, g in zip(lines, got))
    print(f"glosses inserted {n_gloss}, left {left}: removal {100 * (1 - left / n_gloss):.3f} %; "
          f"lines restored exactly {exact}/{len(lines)} = {100 * exact / len(lines):.2f} %; "
          f"original brackets removed {false}; {len(doc) / dt:,.0f} chars/s")
    return {"removal": 1 - left / n_gloss, "exact": exact / len(lines)}


def bench_ruby(n_pages: int = 200) -> dict:
    """HTML pages whose text has ~20 % of its characters annotated with <ruby>: pinyin <rt>, half of
    them with <rp> brackets.  Measured: pinyin left in the text, and pages whose text equals that of
    the same page without annotations (the other repairs — spaces, brackets — apply to both)."""
    import html as H

    import pipeline
    from pypinyin import Style, pinyin

    lines = sample(law_lines(), 100000, seed=13)
    rng = random.Random(5)
    ok = left = n_ruby = 0
    t0 = time.perf_counter()
    for k in range(n_pages):
        para = "".join(lines[k * 3:(k + 1) * 3])
        parts = []
        for c in para:
            if "\u4e00" <= c <= "\u9fff" and rng.random() < 0.2:
                r = pinyin(c, style=Style.TONE)[0][0]
                rp = ("<rp>(</rp>", "<rp>)</rp>") if rng.random() < 0.5 else ("", "")
                parts.append(f"<ruby>{c}{rp[0]}<rt>{r}</rt>{rp[1]}</ruby>")
                n_ruby += 1
            else:
                parts.append(H.escape(c))
        page = ("<html><head><meta charset='utf-8'><title>第{k}页</title></head><body>"
                "<article><p>{body}</p></article></body></html>")
        cfg = pipeline.Config(stages=("decode", "repair"))
        doc = pipeline.process(page.format(k=k, body="".join(parts)).encode("utf-8"), cfg)
        plain = pipeline.process(page.format(k=k, body=H.escape(para)).encode("utf-8"), cfg)
        ok += doc.text == plain.text
        left += sum(c.isascii() and c.isalpha() for c in doc.text) - sum(c.isascii() and c.isalpha() for c in plain.text)
    dt = time.perf_counter() - t0
    print(f"{n_pages} pages, {n_ruby} ruby annotations: pages restored exactly {ok}/{n_pages} = "
          f"{100 * ok / n_pages:.2f} %; pinyin letters left in the text {left}; {n_pages / dt:.0f} pages/s")
    return {"exact": ok / n_pages}


# -- speed --------------------------------------------------------------------------------------
def bench_speed() -> None:
    from pipeline.config import Config
    from pipeline.document import Document
    from pipeline.offsets import TrackedText
    from pipeline.stages.repair import repair

    clean = "\n".join(law_lines())
    s2t = _s2t()
    glossed = gloss_text(s2t(clean[:300_000]))
    cfg = Config()
    repair(Document(id="w", source={}, tracked=TrackedText.identity("预热：隨著消費(fèi)。")), cfg)
    for name, text in (("clean simplified laws", clean), ("traditional + 20 % glossed", glossed)):
        doc = Document(id="x", source={}, raw=text, tracked=TrackedText.identity(text))
        t0 = time.perf_counter()
        repair(doc, cfg)
        dt = time.perf_counter() - t0
        print(f"repair stage on {name}: {len(text):,} chars in {dt:.2f} s = {len(text) / dt:,.0f} chars/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", nargs="*", default=["mojibake", "encoding", "mixed", "gloss", "ruby", "speed"])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--show", type=int, default=0, help="print this many failures per kind")
    a = ap.parse_args()
    for w in a.what:
        print(f"== {w}")
        fn = globals()["bench_" + w]
        fn(a.n, a.show) if w in ("mojibake", "encoding", "mixed") else fn()


if __name__ == "__main__":
    main()
