"""One configuration object switches stages and fixes on and off (as ftfy's TextFixerConfig does)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, replace

STAGE_NAMES = ("decode", "repair", "boilerplate", "outline", "tag")

# Repairs in the order they run; each is a named function in pipeline.repair (see its docs), except
# ruby_annotations, which the decode stage applies while an HTML page becomes text (pipeline.html).
REPAIR_FIXES = (
    "ruby_annotations",
    "html_entities",
    "invisible_chars",
    "whitespace",
    "mojibake",
    "pinyin_glosses",
    "script",
    "width",
    "punctuation",
    "stray_spaces",
    "personal_data",
)


@dataclass(frozen=True)
class Config:
    """Everything that changes the output. Hashable, serialisable, immutable.

    ``stages``: the stages to run, in order (a stage left out is skipped, its fields stay empty).
    ``fixes``: the repair fixes to apply.
    ``script``: "simplified" converts traditional text to simplified; "source" keeps it.
    ``keep_personal_data``: False (default) redacts phone, e-mail, QQ, ID and bank card numbers
    everywhere in the output; True keeps them.
    ``fill_gaps``: insert the suggested word at suspected gaps (marked as a repair of kind gap_fill).
    ``assume_timezone``: zone given to dates that have none; recorded as assumed in ``meta``.
    """

    stages: tuple[str, ...] = STAGE_NAMES
    fixes: tuple[str, ...] = REPAIR_FIXES
    script: str = "simplified"
    keep_personal_data: bool = False
    fill_gaps: bool = False
    assume_timezone: str = "+08:00"
    max_bytes: int = 20_000_000
    encoding: str | None = None  # force an encoding instead of detecting one
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self):
        unknown = set(self.stages) - set(STAGE_NAMES)
        if unknown:
            raise ValueError(f"unknown stage(s) {sorted(unknown)}; known: {', '.join(STAGE_NAMES)}")
        bad = set(self.fixes) - set(REPAIR_FIXES)
        if bad:
            raise ValueError(f"unknown fix(es) {sorted(bad)}; known: {', '.join(REPAIR_FIXES)}")
        if self.script not in ("simplified", "source"):
            raise ValueError("script must be 'simplified' or 'source'")

    def with_(self, **changes) -> "Config":
        return replace(self, **changes)

    def without(self, *names: str) -> "Config":
        """A copy with the named stages or fixes switched off."""
        return replace(
            self,
            stages=tuple(s for s in self.stages if s not in names),
            fixes=tuple(f for f in self.fixes if f not in names),
        )

    def to_dict(self) -> dict:
        d = asdict(self)
        d["stages"] = list(self.stages)
        d["fixes"] = list(self.fixes)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Config":
        names = {f.name for f in fields(cls)}
        kw = {k: (tuple(v) if k in ("stages", "fixes") else v) for k, v in d.items() if k in names}
        return cls(**kw)

    def digest(self) -> str:
        """Stable hash of the options, used to decide whether an output is up to date."""
        blob = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]
