"""Gap detection and suggestion on synthetic deletions in real sentences.

Takes real sentences from the debt-collection texts (``collection/*.txt``) and the hand-cleaned web
pages (``html-zh/cwced/cleaned/*.txt``) — never the laws, they are kept as clean text to measure
false positives — deletes one word per sentence (half domain words such as 电话/短信/同时/问题,
half random jieba words of two or more characters), in two styles (the word leaves a space; the
word leaves nothing), runs the repair stage's gap detection and prints:

* precision and recall of detection (a detection counts when within 1 character of the deletion
  point; false positives are counted on the same sentences unmodified too);
* top-1 suggestion accuracy (domain words, other words);
* gaps per 100k characters on the clean laws corpus (a false-positive rate).

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


def sentences() -> list[str]:
    files = sorted((SHARED / "data" / "collection").glob("*.txt"))
    files += sorted((SHARED / "data" / "html-zh" / "cwced" / "cleaned").glob("*.txt"))
    out, seen = [], set()
    for f in files:
        text = f.read_text("utf-8", errors="replace")
        for s in re.split(r"(?<=[。！？])|\n", text):
            s = s.strip(" \u3000\t\r")
            han = sum("\u4e00" <= c <= "\u9fff" for c in s)
            if 12 <= len(s) <= 90 and han >= 0.8 * len(s) and " " not in s and s not in seen:
                seen.add(s)
                out.append(s)
    return out


def make_cases(n: int, seed: int):
    from pipeline.nlp.jieba_tok import new_jieba

    jieba = new_jieba()  # its cache in ZHDOC_CACHE_DIR, not /tmp
    rng = random.Random(seed)
    sents = sentences()
    rng.shuffle(sents)
    dom, other = [], []
    for s in sents:
        words, pos = [], 0
        for w in jieba.cut(s, HMM=False):
            words.append((pos, w))
            pos += len(w)
        # never the first or last word: a deletion at an edge leaves no trace to find
        inner = words[1:-1]
        d = [(p, w) for p, w in inner if w in DOMAIN]
        if d and len(dom) < n // 2:
            p, w = rng.choice(d)
            dom.append((s, p, w, True))
            continue
        r = [(p, w) for p, w in inner if len(w) >= 2 and _HAN.match(w)]
        if r and len(other) < n - n // 2:
            p, w = rng.choice(r)
            other.append((s, p, w, False))
    return dom + other


def gaps_of(text: str):
    from pipeline.config import Config
    from pipeline.offsets import TrackedText
    from pipeline.stages.repair import find_gaps, run_fixes

    tracked, _, spaced = run_fixes(TrackedText.identity(text), Config(keep_personal_data=True))
    return find_gaps(tracked, spaced)


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
                for s, p, w, is_dom in cases:
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
    for s, *_ in cases:
        g = gaps_of(s)
        clean_fp += len(g)
        alarms += [("clean", s, x) for x in g]
    print(f"unmodified sentences: {clean_fp} false gaps on {len(cases)} sentences")

    total_tp = total_fp = total_n = 0
    for style in ("space", "none"):
        tp = fp = 0
        top1 = {True: [0, 0], False: [0, 0]}
        for s, p, w, is_dom in cases:
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
