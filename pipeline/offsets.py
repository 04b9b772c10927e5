"""Provenance: text that remembers where each character came from.

Every stage that edits text does it through :meth:`TrackedText.apply`, so the clean text can always
be mapped back to the decoded source.  Each character ``i`` of the current text carries the span
``[starts[i], ends[i])`` of the decoded source it came from:

* an unchanged character maps to exactly the one source character it was copied from;
* a replacement of the same length (``費`` -> ``费``, ``,`` -> ``，``) maps character by character;
* a replacement of another length (``消費(fèi)`` -> ``消费``) maps every new character to the whole
  replaced source span, so nothing claims more precision than it has;
* an insertion maps to an empty span at its position.

Two flat integer arrays keep this cheap (C-speed slicing, no per-character objects).
"""
from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass
from typing import Iterable, Sequence

__all__ = ["Edit", "TrackedText"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``; ``kind`` names the fix that asked for it."""

    start: int
    end: int
    new: str
    kind: str = "edit"
    detail: str | None = None


class TrackedText:
    __slots__ = ("text", "starts", "ends", "source_len")

    def __init__(self, text: str, starts: array, ends: array, source_len: int):
        self.text = text
        self.starts = starts
        self.ends = ends
        self.source_len = source_len

    @classmethod
    def identity(cls, text: str) -> "TrackedText":
        n = len(text)
        return cls(text, array("q", range(n)), array("q", range(1, n + 1)), n)

    def __len__(self) -> int:
        return len(self.text)

    # -- mapping ------------------------------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering clean ``text[start:end]``."""
        n = len(self.text)
        if start >= end:
            pos = self.starts[start] if start < n else (self.ends[n - 1] if n else self.source_len)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def clean_pos(self, raw_pos: int) -> int:
        """First clean position whose source start is at or after ``raw_pos``."""
        return bisect.bisect_left(self.starts, raw_pos)

    def clean_span(self, raw_start: int, raw_end: int) -> tuple[int, int] | None:
        """Clean span of the characters that came from ``[raw_start, raw_end)``; None if removed."""
        s = bisect.bisect_left(self.starts, raw_start)
        e = bisect.bisect_left(self.starts, raw_end, lo=s)
        if e > s:
            return s, e
        # an edit of another length may have folded this range into a wider one
        if s < len(self.text) and self.starts[s] <= raw_start and self.ends[s] >= raw_end:
            return s, s + 1
        if s > 0 and self.starts[s - 1] <= raw_start < self.ends[s - 1]:
            return s - 1, s
        return None

    # -- editing ------------------------------------------------------------------------------
    def apply(self, edits: Iterable[Edit]) -> "TrackedText":
        """Apply non-overlapping edits (any order) and return the new tracked text."""
        ordered: Sequence[Edit] = sorted(edits, key=lambda e: (e.start, e.end))
        if not ordered:
            return self
        text, starts, ends = self.text, self.starts, self.ends
        out_text: list[str] = []
        out_s, out_e = array("q"), array("q")
        pos = 0
        for ed in ordered:
            if ed.start < pos or ed.end < ed.start or ed.end > len(text):
                raise ValueError(f"overlapping or out-of-range edit {ed!r} (at {pos})")
            out_text.append(text[pos:ed.start])
            out_s.extend(starts[pos:ed.start])
            out_e.extend(ends[pos:ed.start])
            k = len(ed.new)
            width = ed.end - ed.start
            if k == width:
                out_s.extend(starts[ed.start:ed.end])
                out_e.extend(ends[ed.start:ed.end])
            elif k:
                rs, re_ = self.raw_span(ed.start, ed.end)
                out_s.extend([rs] * k)
                out_e.extend([re_] * k)
            out_text.append(ed.new)
            pos = ed.end
        out_text.append(text[pos:])
        out_s.extend(starts[pos:])
        out_e.extend(ends[pos:])
        return TrackedText("".join(out_text), out_s, out_e, self.source_len)

    def copied(self, i: int, source: str) -> bool:
        """True when clean character ``i`` is an unchanged copy of its source character."""
        return self.ends[i] - self.starts[i] == 1 and source[self.starts[i]] == self.text[i]
