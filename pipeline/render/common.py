"""Shared bits: templates (package data), labels and colours, escaping."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources

# label -> (colour, short tag shown after the mark, name in the legend)
LABELS: dict[str, tuple[str, str, str]] = {
    "collection_method": ("#bfdbfe", "METHOD", "collection method"),
    "abusive_practice": ("#fecaca", "ABUSE", "abusive practice"),
    "right": ("#bbf7d0", "RIGHT", "right"),
    "obligation": ("#fde68a", "DUTY", "obligation"),
    "law": ("#ddd6fe", "LAW", "law"),
    "authority": ("#fbcfe8", "AUTH", "authority"),
    "institution": ("#e5e7eb", "INST", "institution"),
    "personal_data": ("#fed7aa", "PII", "personal data"),
}
OTHER = ("#d1fae5", "TAG", "other")
# labels charted on the dashboard (the others are still filterable)
DASH_LABELS = ["collection_method", "abusive_practice", "right", "law", "authority"]
POLARITY_BITS = {"affirmed": 1, "negated": 2, "uncertain": 4}


def label_style(label: str) -> tuple[str, str, str]:
    return LABELS.get(label, OTHER)


def css_label(label: str) -> str:
    return label if label in LABELS else "other"


def esc(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


@lru_cache(maxsize=None)
def template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text("utf-8")


_SLOT = re.compile(r"\{\{(\w+)\}\}")


def fill(name: str, **values: str) -> str:
    """Fill ``{{slot}}`` placeholders of a template in one pass (values are inserted verbatim)."""
    return _SLOT.sub(lambda m: values.get(m.group(1), ""), template(name))


def script_json(obj) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
