"""Gap detection and suggestion on synthetic deletions in real sentences.

Takes real sentences from the debt-collection texts (``collection/*.txt``) and the hand-cleaned web
pages (``html-zh/cwced/cleaned/*.txt``) — never the laws, they are kept as clean text to measure
false positives — deletes one word per sentence (half domain words such as 电话/短信/同时/问题,
half random jieba words of two or more characters), in two styles (the word leaves a space; the
word leaves nothing), runs the repair stage's gap detection and prints:

* precision and recall of detection (a detection counts when within 1 character of the deletion
  point; false positives are counted on the same sentences unmodified too), first on the sentence
  alone, then with the sentence in its whole document (as a page is processed);
* a site's word filter (the seed lost every 电话, 题 and 同时 of its body): one word deleted at every
  occurrence in a document, domain words and random words, with recall, precision and the
  whole-page precision (the page's own false gaps counted too); and a filter deleting one character
  everywhere (题 of 问题), leaving nothing;
* top-1 suggestion accuracy (domain words, other words);
* false gaps in the unmodified documents and on the clean laws corpus (per 100k characters).

    python bench/bench_gaps.py [-n 400] [--seed 7] [--show 0]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ZHDOC_SHARED") or ROOT.parent / "shared")

DOMAIN = ["电话", "短信", "同时", "问题", "催收", "上门", "还款", "逾期"]
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def documents() -> list[str]:
    files = sorted((SHARED / "data" / "collection").glob("*.txt"))
    files += sorted((SHARED / "data" / "html-zh" / "cwced" / "cleaned").glob("*.txt"))
    return [f.read_text("utf-8", errors="replace") for f in files]


def sentences() -> list[tuple[str, int, int]]:
    """(sentence, document index, offset of the sentence in its document)."""
    out, seen = [], set()
    for d, text in enumerate(documents()):
        at = 0
        for s in re.split(r"(?<=[。！？])|\n", text):
            start = text.index(s, at)
            at = start + len(s)
            lead = len(s) - len(s.lstrip(" \u3000\t\r"))
            s = s.strip(" \u3000\t\r")
            han = sum("\u4e00" <= c <= "\u9fff" for c in s)
            if 12 <= len(s) <= 90 and han >= 0.8 * len(s) and " " not in s and s not in seen:
                seen.add(s)
                out.append((s, d, start + lead))
    return out


def make_cases(n: int, seed: int):
    """(sentence, position, deleted word, is a domain word, document index, sentence offset)."""
    from pipeline.nlp.jieba_tok import new_jieba

    jieba = new_jieba()  # its cache in ZHDOC_CACHE_DIR, not /tmp
    rng = random.Random(seed)
    sents = sentences()
    rng.shuffle(sents)
    dom, other = [], []
    for s, d_ix, off in sents:
        words, pos = [], 0
        for w in jieba.cut(s, HMM=False):
            words.append((pos, w))
            pos += len(w)
        # never the first or last word: a deletion at an edge leaves no trace to find
        inner = words[1:-1]
        d = [(p, w) for p, w in inner if w in DOMAIN]
        if d and len(dom) < n // 2:
            p, w = rng.choice(d)
            dom.append((s, p, w, True, d_ix, off))
            continue
        r = [(p, w) for p, w in inner if len(w) >= 2 and _HAN.match(w)]
        if r and len(other) < n - n // 2:
            p, w = rng.choice(r)
            other.append((s, p, w, False, d_ix, off))
    return dom + other


def gaps_of(text: str):
    from pipeline.config import Config
    from pipeline.offsets import TrackedText
    from pipeline.stages.repair import find_gaps, run_fixes

    tracked, _, spaced = run_fixes(TrackedText.identity(text), Config(keep_personal_data=True))
    return find_gaps(tracked, spaced)


def in_documents(cases, docs, style: str, baseline: dict[int, list[dict]]):
    """One word deleted from one sentence of its whole document (the rest of the page intact, as a
    real page would be).  False gaps are counted inside the affected sentence, in the modified and
    the unmodified document.  Returns (hits, false gaps, top-1 domain [right, n], misses)."""
    tp = fp = 0
    top1 = [0, 0]
    misses = []
    for s, p, w, is_dom, d_ix, off in cases:
        doc = docs[d_ix]
        at = off + p
        text = doc[:at] + (" " if style == "space" else "") + doc[at + len(w):]
        end = off + len(s) - len(w)
        g = [x for x in gaps_of(text) if off <= x["raw_start"] <= end]
        hit = [x for x in g if abs(x["raw_start"] - at) <= 1]
        tp += bool(hit)
        fp += len(g) - bool(hit)
        fp += sum(off <= x["raw_start"] <= off + len(s) for x in baseline[d_ix])
        if is_dom:
            top1[1] += 1
            top1[0] += bool(hit) and hit[0].get("suggestion") == w
        if not hit:
            misses.append((text[off:at], text[at:end], w))
    return tp, fp, top1, misses


def filter_cases(docs, seed: int, per_doc: int = 2):
    """A site's word filter: one word deleted at every occurrence in a document (the seed lost every
    电话, 题 and 同时 this way).  Per document: each domain word it contains, and ``per_doc`` random
    jieba words of two or more characters that occur at least twice."""
    from collections import Counter

    from pipeline.nlp.jieba_tok import new_jieba

    jieba = new_jieba()
    rng = random.Random(seed)
    cases = []
    for d_ix, doc in enumerate(docs):
        for w in DOMAIN:
            if w in doc:
                cases.append((d_ix, w, True))
        counts = Counter(w for w in jieba.cut(doc, HMM=False) if len(w) >= 2 and _HAN.match(w) and w not in DOMAIN)
        common = sorted(w for w, k in counts.items() if k >= 2 and doc.count(w) == k)
        for w in rng.sample(common, min(per_doc, len(common))):
            cases.append((d_ix, w, False))
    return cases


def char_filter_cases(docs):
    """A filter that deletes one character everywhere (the seed lost every 题: 催收问也, 解决问的): per
    document, the last character of each domain word found at least twice in it."""
    return [(d_ix, w[-1], True) for d_ix, doc in enumerate(docs) for w in DOMAIN if doc.count(w) >= 2]


def filtered(cases, docs, style: str, baseline: dict[int, list[dict]]):
    """Every occurrence of the word deleted.  Returns (sites, hits, induced false gaps,
    top-1 domain [right, n], false gaps the page had before the deletion)."""
    sites_n = tp = fp = old = 0
    top1 = [0, 0]
    for d_ix, w, is_dom in cases:
        doc = docs[d_ix]
        fill = " " if style == "space" else ""
        sites, parts, at, removed = [], [], 0, []
        i = doc.find(w)
        while i >= 0:
            parts.append(doc[at:i] + fill)
            removed.append((i, len(w) - len(fill)))
            at = i + len(w)
            sites.append(sum(len(x) for x in parts) - len(fill))
            i = doc.find(w, at)
        parts.append(doc[at:])
        text = "".join(parts)

        def shifted(q: int) -> int:
            return q - sum(k for i0, k in removed if i0 < q)

        known = {shifted(x["raw_start"]) for x in baseline[d_ix]}
        g = gaps_of(text)
        matched = set()
        for x in g:
            near = [k for k, q in enumerate(sites) if abs(x["raw_start"] - q) <= 1]
            if near:
                if near[0] not in matched:
                    matched.add(near[0])
                    if is_dom:
                        top1[0] += x.get("suggestion") == w
                continue
            if not any(abs(x["raw_start"] - q) <= 1 for q in known):
                fp += 1
            else:
                old += 1
        sites_n += len(sites)
        tp += len(matched)
        if is_dom:
            top1[1] += len(sites)
    return sites_n, tp, fp, top1, old


def laws_rate(limit_chars: int | None = None):
    files = sorted((SHARED / "data" / "laws-corpus").glob("*.md"))
    chars = found = 0
    examples = []
    for f in files:
        text = f.read_text("utf-8")
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"^#+ ", "", text, flags=re.M)
        g = gaps_of(text)
        chars += len(text)
        found += len(g)
        for x in g[:3]:
            examples.append((f.name[:30], text[max(0, x["raw_start"] - 12):x["raw_start"] + 8].replace("\n", "⏎"),
                             x["reason"]))
        if limit_chars and chars >= limit_chars:
            break
    return chars, found, examples


def curve(args) -> None:
    """Precision/recall of no-space detection per insertion threshold, domain and random words apart,
    with the laws-corpus false-gap rate (whole pipeline, like the main bench)."""
    from pipeline.repair import gaps

    cases = make_cases(args.n, args.seed)
    data = gaps.gap_data()
    saved = dict(data["insertion"])
    print("threshold  orphan | none-style recall domain / random | precision (none style + clean) | laws /100k")
    try:
        for orphan in (False, True):
            for t in [None] + list(args.curve or [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]):
                data["insertion"].update(enabled=t is not None, orphan=orphan)
                gaps.THRESHOLD = t
                rec = {True: [0, 0], False: [0, 0]}
                tp = fp = 0
                for s, p, w, is_dom, *_ in cases:
                    fp += len(gaps_of(s))
                    g = gaps_of(s[:p] + s[p + len(w):])
                    hit = [x for x in g if abs(x["raw_start"] - p) <= 1]
                    tp += bool(hit)
                    fp += len(g) - bool(hit)
                    rec[is_dom][0] += bool(hit)
                    rec[is_dom][1] += 1
                chars, found, _ = laws_rate() if not args.no_laws else (1, 0, [])
                print(f"{'off' if t is None else t:>9} {orphan!s:>7} | {rec[True][0] / rec[True][1]:.3f} / "
                      f"{rec[False][0] / rec[False][1]:.3f} | {tp / max(1, tp + fp):.3f} ({tp} hits, {fp} false) | "
                      f"{found * 1e5 / chars:.1f}", flush=True)
    finally:
        data["insertion"].clear()
        data["insertion"].update(saved)
        gaps.THRESHOLD = None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=400, help="sentences (half domain words, half random words)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument("--no-laws", action="store_true")
    ap.add_argument("--curve", type=float, nargs="*", default=None,
                    help="sweep the no-space insertion detector over these LLR thresholds (enabled for the"
                         " sweep whatever gaps.json says) and print one line per threshold")
    args = ap.parse_args()
    if args.curve is not None:
        return curve(args)

    t0 = time.time()
    cases = make_cases(args.n, args.seed)
    ndom = sum(c[3] for c in cases)
    print(f"{len(cases)} sentences ({ndom} domain-word deletions, {len(cases) - ndom} random words)")

    # false alarms on the unmodified sentences
    clean_fp = 0
    misses, alarms = [], []
    for s, _p, _w, _d, d_ix, _off in cases:
        g = gaps_of(s)
        clean_fp += len(g)
        alarms += [("clean", s, x) for x in g]
    print(f"unmodified sentences: {clean_fp} false gaps on {len(cases)} sentences")

    total_tp = total_fp = total_n = 0
    for style in ("space", "none"):
        tp = fp = 0
        top1 = {True: [0, 0], False: [0, 0]}
        for s, p, w, is_dom, d_ix, _off in cases:
            text = s[:p] + (" " if style == "space" else "") + s[p + len(w):]
            g = gaps_of(text)
            hit = [x for x in g if abs(x["raw_start"] - p) <= 1]
            tp += bool(hit)
            fp += len(g) - (1 if hit else 0)
            alarms += [(style, text, x) for x in g if x not in hit[:1]]
            if not hit:
                misses.append((style, text, p, w))
            top1[is_dom][1] += 1
            top1[is_dom][0] += bool(hit) and hit[0].get("suggestion") == w
        n = len(cases)
        prec = tp / (tp + fp) if tp + fp else 0.0
        print(f"style={style:5s}  detected {tp}/{n}  recall {tp / n:.3f}  precision {prec:.3f}"
              f" (false gaps {fp})  top-1 domain {top1[True][0]}/{top1[True][1]}"
              f" = {top1[True][0] / max(1, top1[True][1]):.3f}  top-1 other {top1[False][0] / max(1, top1[False][1]):.3f}")
        total_tp += tp
        total_fp += fp
        total_n += n
    total_fp += clean_fp
    prec = total_tp / (total_tp + total_fp) if total_tp + total_fp else 0.0
    print(f"overall (both styles, false gaps on unmodified sentences included): "
          f"precision {prec:.3f}  recall {total_tp / total_n:.3f}")
    docs = documents()
    baseline = {d: gaps_of(doc) for d, doc in enumerate(docs)}
    nchars = sum(len(d) for d in docs)
    print(f"\nin their documents ({len(docs)} documents, {nchars} chars; unmodified: "
          f"{sum(map(len, baseline.values()))} gaps = "
          f"{sum(map(len, baseline.values())) * 1e5 / nchars:.1f} per 100k chars)")
    for style in ("space", "none"):
        tp, fp, top1, doc_misses = in_documents(cases, docs, style, baseline)
        print(f"one word, style={style:5s}  recall {tp / len(cases):.3f}  precision {tp / max(1, tp + fp):.3f}"
              f" (false gaps {fp})  top-1 domain {top1[0]}/{top1[1]} = {top1[0] / max(1, top1[1]):.3f}")
        if style == "none":
            for m in doc_misses[: args.show]:
                print("   doc miss:", m[0][-15:] + "‸" + m[1][:10], m[2])
    fcases = filter_cases(docs, args.seed)
    for style in ("space", "none"):
        for dom in (True, False):
            sub = [c for c in fcases if c[2] == dom]
            n, tp, fp, top1, old = filtered(sub, docs, style, baseline)
            print(f"filter ({'domain' if dom else 'random'} words, {len(sub)} document-word cases, {n} sites),"
                  f" style={style:5s}  recall {tp / max(1, n):.3f}  precision {tp / max(1, tp + fp):.3f}"
                  f" (false gaps {fp}; whole page, the page's own false gaps counted too:"
                  f" {tp / max(1, tp + fp + old):.3f})"
                  + (f"  top-1 {top1[0]}/{top1[1]} = {top1[0] / max(1, top1[1]):.3f}" if dom else ""))
    ccases = char_filter_cases(docs)
    n, tp, fp, top1, old = filtered(ccases, docs, "none", baseline)
    print(f"filter (one character of a domain word, {len(ccases)} document-character cases, {n} sites), "
          f"style=none   recall {tp / max(1, n):.3f}  precision {tp / max(1, tp + fp):.3f} (false gaps {fp};"
          f" whole page: {tp / max(1, tp + fp + old):.3f})  top-1 {top1[0]}/{top1[1]} = {top1[0] / max(1, top1[1]):.3f}")
    if not args.no_laws:
        chars, found, ex = laws_rate()
        print(f"laws-corpus: {found} gaps in {chars} chars = {found * 1e5 / chars:.1f} per 100k chars")
        for e in ex[: args.show]:
            print("   law gap:", e)
    for m in misses[: args.show]:
        print("   miss:", m[0], m[1][:m[2]] + "‸" + m[1][m[2]:], m[3])
    for a in alarms[: args.show]:
        st, text, x = a
        print("   false:", st, text[:x["raw_start"]] + "‸" + text[x["raw_start"]:], x["reason"], x.get("suggestion"))
    print(f"{time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
