"""Stage 2: repair the decoded text and record every change (like ftfy's fix_and_explain).

Fixes run in the order of ``Config.fixes``; each proposes edits on the text left by the previous
one, the edits are applied through the offset map, and each becomes a record
``{kind, before, after, raw_start, raw_end}``.  Suspected gaps are reported, and filled only when
``Config.fill_gaps`` asks for it.
"""
from __future__ import annotations

import bisect
from typing import Callable

from ..document import Document
from ..offsets import Edit, TrackedText
from ..pii import PLACEHOLDER, find_personal_data, mask
from ..repair import fixes, gaps
from ..repair.mojibake import mojibake
from ..repair.pinyin import pinyin_glosses
from ..repair.script import script


def _personal_data(text: str) -> list[Edit]:
    return [Edit(s, e, PLACEHOLDER[k], "redact_" + k) for s, e, k in find_personal_data(text)]


FIXES: dict[str, Callable[[str], list[Edit]]] = {
    "html_entities": fixes.html_entities,
    "invisible_chars": fixes.invisible_chars,
    "whitespace": fixes.whitespace,
    "mojibake": mojibake,
    "pinyin_glosses": pinyin_glosses,
    "script": script,
    "width": fixes.width,
    "punctuation": fixes.punctuation,
    "stray_spaces": fixes.stray_space_edits,
    "personal_data": _personal_data,
}
# fixes that run again after others: lines are stripped after whitespace, and once more when
# mojibake, glosses, script or width changed anything since (a space after 。 is only seen to
# precede Chinese once the mojibake is repaired)
_AFTER = {"whitespace": fixes.strip_lines, "width": fixes.strip_lines}


def _record(tracked: TrackedText, edit: Edit, before: str) -> dict:
    rs, re_ = tracked.raw_span(edit.start, edit.end)
    if edit.kind.startswith("redact_"):
        before = mask(before)
    rec = {"kind": edit.kind, "before": before, "after": edit.new, "raw_start": rs, "raw_end": re_}
    if edit.detail:
        rec["detail"] = edit.detail
    return rec


def apply_fix(tracked: TrackedText, edits: list[Edit], repairs: list[dict]) -> TrackedText:
    edits = fixes._dedupe(edits)
    repairs.extend(_record(tracked, e, tracked.text[e.start:e.end]) for e in edits)
    return tracked.apply(edits)


def run_fixes(tracked: TrackedText, config) -> tuple[TrackedText, list[dict], list[dict]]:
    """Apply the configured fixes; return (text, repair records, gap records)."""
    repairs: list[dict] = []
    gap_records: list[dict] = []
    edited = True  # anything changed since lines were last stripped
    for name in config.fixes:
        if name == "script" and config.script == "source":
            continue
        if name == "personal_data" and config.keep_personal_data:
            continue
        if name not in FIXES:  # applied by the decode stage (ruby_annotations)
            continue
        edits = FIXES[name](tracked.text)
        if name == "stray_spaces":
            # a removed space marks a gap: remember where, suggest after all fixes ran
            gap_records.extend({"raw_start": r[0], "raw_end": r[1], "reason": "stray_space"}
                               for r in (tracked.raw_span(e.start, e.end) for e in edits))
        tracked = apply_fix(tracked, edits, repairs)
        edited = edited or bool(edits)
        if name in _AFTER and edited:
            tracked = apply_fix(tracked, _AFTER[name](tracked.text), repairs)
            edited = False
    return tracked, repairs, gap_records


def find_gaps(tracked: TrackedText, spaced: list[dict]) -> list[dict]:
    text = tracked.text
    found = [(tracked.clean_pos(g["raw_end"]), g) for g in spaced]
    seen = {pos for pos, _ in found}
    for g in gaps.detect(text):
        if g["pos"] in seen:
            continue
        rs, _ = tracked.raw_span(g["pos"], g["pos"])
        found.append((g["pos"], {"raw_start": rs, "raw_end": rs, "reason": g["reason"],
                                 "suggestion": g["suggestion"], "confidence": g["confidence"]}))
    # the gaps without a suggestion of their own are filled together (one filter, one word)
    joint = _suggest_all(text, [pos for pos, g in found if not g.get("suggestion")])
    out = []
    for pos, g in found:
        if g.get("suggestion"):
            out.append(g)
            continue
        word, conf = joint[pos]
        if g["reason"] == "stray_space":
            out.append(dict(g, suggestion=word, confidence=max(conf, 0.5) if word else 0.5))
        else:
            out.append(dict(g, suggestion=word, confidence=g.get("confidence", conf)))
    out.sort(key=lambda g: g["raw_start"])
    return out


def _suggest_all(text: str, positions: list[int]) -> dict[int, tuple[str | None, float]]:
    """:func:`gaps.suggest_jointly` on the whole text: the clause cue and the word after each gap
    are read around it (the clause start is searched at most :data:`gaps.MAX_CLAUSE` characters
    back, so each call stays bounded), the document evidence (the word elsewhere in the text with
    the same neighbours) over the whole text, and the gaps inform each other."""
    return dict(zip(positions, gaps.suggest_jointly(text, positions)))


def fill(tracked: TrackedText, gap_records: list[dict], repairs: list[dict]) -> TrackedText:
    edits = []
    for g in gap_records:
        if g.get("suggestion"):
            pos = tracked.clean_pos(g["raw_end"])
            edits.append(Edit(pos, pos, g["suggestion"], "gap_fill"))
            g["filled"] = True
    return apply_fix(tracked, edits, repairs)


def mask_overlapping(repairs: list[dict]) -> None:
    """Mask ``before`` and ``after`` of every record whose raw span overlaps a redacted value's,
    whatever its kind: a fix that ran before ``personal_data`` (width: １３８… -> 138…) must not
    keep the value in clear."""
    spans = sorted((r["raw_start"], r["raw_end"]) for r in repairs if r["kind"].startswith("redact_"))
    if not spans:
        return
    starts = [a for a, _ in spans]
    for r in repairs:
        if r["kind"].startswith("redact_"):
            continue
        rs, re_ = r["raw_start"], r["raw_end"]
        # redacted spans do not overlap each other: only the last one starting before re_ (or at
        # rs for an empty record) can overlap
        k = bisect.bisect_right(starts, max(rs, re_ - 1)) - 1
        if k < 0:
            continue
        a, b = spans[k]
        if (rs < b and a < re_) if re_ > rs else (a <= rs < b):
            r["before"] = mask(r["before"])
            r["after"] = mask(r["after"])


def repair(doc: Document, config) -> Document:
    tracked, repairs, spaced = run_fixes(doc.tracked, config)
    gap_records = find_gaps(tracked, spaced)
    if config.fill_gaps:
        tracked = fill(tracked, gap_records, repairs)
    if not config.keep_personal_data:
        mask_overlapping(repairs)
    return doc.evolve(tracked=tracked, repairs=doc.repairs + repairs, gaps=doc.gaps + gap_records)
