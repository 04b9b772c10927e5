"""Tagging measured against gold: python bench/eval_tagging.py [-v] [--label L] [--file STEM]

Gold: tests/gold/tagging/*.json (offsets into the raw file decoded as UTF-8, CRLF kept).
Each gold file names its source relative to $ZHDOC_SHARED (default ../shared).

Matching rule (per document, per label): a predicted entity matches a gold mention when
  * the label is equal,
  * the id is equal (ids compared after NFKC and simplified-script normalisation of both sides), and
  * the raw spans overlap (pred.raw_start < gold.end and gold.start < pred.raw_end).
Matching is one-to-one and greedy, gold in text order, each gold taking the overlapping candidate
with the largest overlap.  Unmatched predictions are false positives, unmatched gold are false
negatives.  Polarity accuracy is measured on matched pairs.  Document-level method F1 compares
the set of collection_method ids predicted in a document with the gold `doc_methods` (micro over
all documents).  Mentions inferred from a suspected deleted word (empty span) are not scored.
Predictions in text the pipeline removed as boilerplate are not entities, so
they cannot match gold in chrome (gold skips chrome, except personal_data).

Personal data in removed text: gold annotates personal_data everywhere, chrome included, because
it must be redacted wherever it is.  Removed text is kept in ``doc.boilerplate`` (raw positions,
redacted).  A gold personal_data mention that lies inside a boilerplate item counts as found
(true positive, polarity not scored) when that item no longer contains the value and holds a
placeholder of the same kind (``[电话]``, ``[邮箱]``, …; each placeholder serves one gold mention);
otherwise it is a false negative.  These are reported on their own line as well.

Held-out institutions: ``--heldout`` removes from the institution lexicon every named entry term
(not the ``generic`` category words) that occurs in a gold text, so institution scores measure the
general rules (name + suffix, trade names, platform names) on names the lexicon never saw.  By
default both runs are made and the held-out institution line is printed after the table.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "tagging"


def shared_dir() -> Path:
    return Path(os.environ.get("ZHDOC_SHARED") or ROOT.parent / "shared")


def norm_id(s: str) -> str:
    from pipeline.nlp.lexicon import to_simplified

    return to_simplified(unicodedata.normalize("NFKC", s))


def match(gold: list[dict], pred: list[dict]):
    """-> list of (gold, pred|None), list of unmatched preds."""
    used: set[int] = set()
    pairs = []
    for g in sorted(gold, key=lambda m: (m["start"], m["end"])):
        best, best_ov = None, 0
        for i, p in enumerate(pred):
            if i in used or p["label"] != g["label"] or norm_id(p["id"]) != norm_id(g["id"]):
                continue
            ov = min(g["end"], p["raw_end"]) - max(g["start"], p["raw_start"])
            if ov > 0 and ov > best_ov:
                best, best_ov = i, ov
        if best is None:
            pairs.append((g, None))
        else:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs, [p for i, p in enumerate(pred) if i not in used]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _boilerplate_hits(gold: list[dict], doc, raw: str) -> tuple[list[dict], list[dict]]:
    """(gold personal_data mentions redacted inside removed text, the other gold mentions)."""
    from pipeline.pii import PLACEHOLDER

    items = [dict(b, left=Counter({k: b["text"].count(v) for k, v in PLACEHOLDER.items()}))
             for b in doc.boilerplate or [] if b.get("raw_start") is not None]
    hits, rest = [], []
    for g in gold:
        b = next((b for b in items if g["label"] == "personal_data"
                  and b["raw_start"] <= g["start"] and g["end"] <= b["raw_end"]), None)
        if b is not None and raw[g["start"]:g["end"]] not in b["text"] and b["left"][g["id"]] > 0:
            b["left"][g["id"]] -= 1
            hits.append(g)
        else:
            rest.append(g)
    return hits, rest


def gold_files() -> list[str]:
    return sorted(glob.glob(str(GOLD / "*.json")))


def heldout_terms(files=None) -> set[str]:
    """Named institution terms (all scripts) that occur in a gold source text."""
    from pipeline.nlp import lexicon

    texts = []
    for f in files or gold_files():
        src = shared_dir() / json.loads(Path(f).read_text("utf-8"))["source"]
        raw = src.read_bytes().decode("utf-8")
        texts.append(raw)
        texts.append(lexicon.to_simplified(re.sub(r"\([a-zü]{1,6}[1-5]?\)", "", raw)))
    blob = "\n".join(texts)
    out = set()
    for e in lexicon.load("institution")["entries"]:
        if e["id"] == "generic":
            continue
        for t in e.get("terms", []):
            if any(v in blob for v in lexicon.variants(t)):
                out.add(t)
    return out


def apply_heldout(files=None) -> int:
    """Remove the held-out terms from the loaded institution lexicon; rebuild the pipeline."""
    from pipeline.nlp import build, components, lexicon

    drop = heldout_terms(files)
    data = lexicon.load("institution")
    entries = []
    for e in data["entries"]:
        if e["id"] != "generic":
            e = dict(e, terms=[t for t in e.get("terms", []) if t not in drop])
            if not e["terms"]:
                continue
        entries.append(e)
    data["entries"] = entries
    for fn in (lexicon.terms, lexicon.cues, components._automaton, components._filters,
               components._clause_exclusions, build._method_by_term, build.nlp):
        fn.cache_clear()
    for name in dir(components):
        obj = getattr(components, name)
        if callable(getattr(obj, "cache_clear", None)) and name.startswith("_"):
            obj.cache_clear()
    return len(drop)


def evaluate(files=None, verbose=False, label=None, out=sys.stdout) -> dict:
    files = files or gold_files()
    tp, fp, fn = Counter(), Counter(), Counter()
    bp_tp = bp_n = 0
    pol_ok = pol_n = 0
    pol_conf = Counter()
    dm_tp = dm_fp = dm_fn = 0
    for f in files:
        gold = json.loads(Path(f).read_text("utf-8"))
        src = shared_dir() / gold["source"]
        doc = pipeline.process(src)
        # mentions inferred from a suspected gap have no text (raw_start == raw_end): not scored
        pred = [e for e in doc.entities if e.get("raw_start") is not None and e["raw_end"] > e["raw_start"]]
        raw = src.read_bytes().decode("utf-8")
        bp_hits, gold_rest = _boilerplate_hits(gold["mentions"], doc, raw)
        bp_tp += len(bp_hits)
        bp_n += sum(1 for g in gold["mentions"] if g["label"] == "personal_data" and any(
            b["raw_start"] <= g["start"] and g["end"] <= b["raw_end"] for b in doc.boilerplate or []
            if b.get("raw_start") is not None))
        for g in bp_hits:
            tp[g["label"]] += 1
        pairs, extra = match(gold_rest, pred)
        for g, p in pairs:
            if p is None:
                fn[g["label"]] += 1
                if verbose and (label is None or g["label"] == label):
                    print(f"  FN {Path(f).stem[:24]:24} {g['label']:18} {g['id']:14} {g['text']!r} @{g['start']}"
                          f"  …{raw[max(0, g['start'] - 12):g['end'] + 8]!r}", file=out)
            else:
                tp[g["label"]] += 1
                pol_n += 1
                pol_ok += p["polarity"] == g["polarity"]
                pol_conf[(g["polarity"], p["polarity"])] += 1
                if verbose and p["polarity"] != g["polarity"] and (label is None or g["label"] == label):
                    print(f"  POL {Path(f).stem[:24]:24} {g['label']:18} {g['id']:14} gold={g['polarity']} "
                          f"pred={p['polarity']} ({p.get('polarity_cue')}) …{raw[max(0, g['start'] - 20):g['end'] + 10]!r}",
                          file=out)
        for p in extra:
            fp[p["label"]] += 1
            if verbose and (label is None or p["label"] == label):
                print(f"  FP {Path(f).stem[:24]:24} {p['label']:18} {p['id']:14} {p['text']!r} @{p['raw_start']}"
                      f"  …{raw[max(0, p['raw_start'] - 12):p['raw_end'] + 8]!r}", file=out)
        pm = {e["id"] for e in pred if e["label"] == "collection_method"}
        gm = set(gold["doc_methods"])
        dm_tp += len(pm & gm)
        dm_fp += len(pm - gm)
        dm_fn += len(gm - pm)
        if verbose and pm != gm:
            print(f"  DOC {Path(f).stem[:24]:24} missing={sorted(gm - pm)} extra={sorted(pm - gm)}", file=out)
    result = {"labels": {}, "files": len(files)}
    print(f"{'label':20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}", file=out)
    for lab in sorted(set(tp) | set(fp) | set(fn)):
        p, r, f1 = prf(tp[lab], fp[lab], fn[lab])
        result["labels"][lab] = {"p": p, "r": r, "f1": f1, "tp": tp[lab], "fp": fp[lab], "fn": fn[lab]}
        print(f"{lab:20} {p:6.3f} {r:6.3f} {f1:6.3f} {tp[lab]:5d} {fp[lab]:5d} {fn[lab]:5d}", file=out)
    p, r, f1 = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    result["micro"] = {"p": p, "r": r, "f1": f1}
    print(f"{'(micro)':20} {p:6.3f} {r:6.3f} {f1:6.3f}", file=out)
    p, r, f1 = prf(dm_tp, dm_fp, dm_fn)
    result["doc_methods"] = {"p": p, "r": r, "f1": f1}
    print(f"doc-level collection_method ids: P={p:.3f} R={r:.3f} F1={f1:.3f}", file=out)
    result["personal_data_in_boilerplate"] = {"redacted": bp_tp, "gold": bp_n}
    print(f"personal_data inside removed text: {bp_tp}/{bp_n} redacted there (counted as found)", file=out)
    result["polarity_accuracy"] = pol_ok / pol_n if pol_n else 1.0
    print(f"polarity accuracy on {pol_n} matched mentions: {result['polarity_accuracy']:.3f}  "
          f"(gold→pred errors: {dict((f'{a}→{b}', n) for (a, b), n in pol_conf.items() if a != b)})", file=out)
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list FN / FP / polarity errors")
    ap.add_argument("--label", help="only list errors of this label")
    ap.add_argument("--file", action="append", help="only gold files whose stem starts with this")
    ap.add_argument("--json", action="store_true", help="print the result as JSON at the end")
    ap.add_argument("--heldout", action="store_true",
                    help="only the held-out run: institution terms that occur in the gold texts removed")
    ap.add_argument("--full-only", action="store_true", help="skip the held-out institution run")
    a = ap.parse_args(argv)
    files = gold_files()
    if a.file:
        files = [f for f in files if any(Path(f).stem.startswith(s) for s in a.file)]
    if a.heldout:
        n = apply_heldout()
        print(f"held-out: {n} institution terms that occur in the gold texts removed from the lexicon")
        res = evaluate(files, a.verbose, a.label)
    else:
        res = evaluate(files, a.verbose, a.label)
        if not a.full_only:
            import io

            apply_heldout()
            held = evaluate(files, False, None, out=io.StringIO())
            res["institution_heldout"] = h = held["labels"].get("institution", {})
            print(f"institution (held-out lexicon): P={h.get('p', 0):.3f} R={h.get('r', 0):.3f} "
                  f"F1={h.get('f1', 0):.3f}  tp={h.get('tp', 0)} fp={h.get('fp', 0)} fn={h.get('fn', 0)}")
    if a.json:
        print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
