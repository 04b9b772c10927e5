"""The one document type that flows through the stages, and its JSON form (schema version 1)."""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field, replace
from typing import Any

from .offsets import TrackedText

SCHEMA_VERSION = 1


@dataclass
class Document:
    """An article on its way through the pipeline.

    Stages never mutate a document they are given: they return ``doc.evolve(...)``.
    ``raw`` is the decoded source (HTML or page text); ``tracked`` is the current text with its
    map back to ``raw``.  Positions recorded by repair (``raw_start``/``raw_end``) refer to ``raw``;
    clean positions are derived from the final text when the document is serialised.
    """

    id: str
    source: dict
    data: bytes | None = None
    raw: str = ""
    tracked: TrackedText | None = None
    blocks: list[dict] | None = None  # structural hints per line (HTML), aligned with text lines
    meta: dict = field(default_factory=dict)
    repairs: list[dict] = field(default_factory=list)
    gaps: list[dict] = field(default_factory=list)
    boilerplate: list[dict] = field(default_factory=list)
    outline: dict = field(default_factory=lambda: {"title": None, "lead": [], "sections": []})
    headings: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    timings: dict = field(default_factory=dict)

    def evolve(self, **changes: Any) -> "Document":
        return replace(self, **changes)

    @property
    def text(self) -> str:
        return self.tracked.text if self.tracked is not None else ""

    @property
    def ok(self) -> bool:
        return not self.errors

    # -- provenance helpers --------------------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.tracked.raw_span(start, end) if self.tracked is not None else (start, end)

    def span(self, start: int, end: int) -> dict:
        """``start``/``end`` in the clean text and ``raw_start``/``raw_end`` in the source."""
        rs, re_ = self.raw_span(start, end)
        return {"start": start, "end": end, "raw_start": rs, "raw_end": re_}

    def _removed_ranges(self) -> list[tuple[int, int]]:
        return sorted((b["raw_start"], b["raw_end"]) for b in self.boilerplate)

    def _clean_positions(self, item: dict, removed: list[tuple[int, int]]) -> dict:
        """Add ``start``/``end`` in the final text and ``in_text`` (False: inside removed chrome)."""
        out = dict(item)
        if self.tracked is None:
            return out
        rs, re_ = item["raw_start"], item["raw_end"]
        span = None if item.get("after", None) == "" else self.tracked.clean_span(rs, re_)
        if span is None:  # a deletion (or text removed later): a point in the text
            pos = self.tracked.clean_pos(re_)
            span = (pos, pos)
        out["start"], out["end"] = span
        k = bisect.bisect_right(removed, (rs, float("inf"))) - 1  # the removed range starting at or before rs
        out["in_text"] = not (k >= 0 and removed[k][0] <= rs < removed[k][1])
        return out

    def gaps_out(self) -> list[dict]:
        """Gaps with clean positions and context (``before``/``after``, up to 12 characters)."""
        text = self.text
        out = []
        removed = self._removed_ranges()
        for g in self.gaps:
            g = self._clean_positions(dict(g, after=""), removed)
            g.pop("after")
            if self.tracked is not None:
                p = g["start"]
                line_start = text.rfind("\n", 0, p) + 1
                line_end = text.find("\n", p)
                line_end = len(text) if line_end < 0 else line_end
                g["before"] = text[max(line_start, p - 12):p]
                g["after"] = text[p:min(line_end, p + 12)]
                g["end"] = p
            out.append(g)
        out.sort(key=lambda g: (g.get("start", 0), g["raw_start"]))
        return out

    # -- output --------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        removed = self._removed_ranges()
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "meta": self.meta,
            "text": self.text,
            "outline": self.outline,
            "headings": self.headings,
            "entities": self.entities,
            "summary": self.summary,
            "repairs": [self._clean_positions(r, removed) for r in self.repairs],
            "gaps": [g for g in self.gaps_out() if g.pop("in_text")],
            "boilerplate": self.boilerplate,
            "errors": self.errors,
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
