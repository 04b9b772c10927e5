import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ZHDOC_SHARED") or ROOT.parent / "shared")
SEED = ROOT / "raw" / "000_5a49548756330bd5.txt"


def shared(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.fail(f"development data missing: {p} (set ZHDOC_SHARED to the shared/ folder)")
    return p


@pytest.fixture(scope="session")
def seed_doc():
    import pipeline

    return pipeline.process(SEED)


@pytest.fixture(scope="session")
def seed_out(seed_doc):
    return seed_doc.to_dict()


@pytest.fixture(scope="session")
def seed_gold():
    return json.loads(shared("gold", "seed.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def schema():
    from importlib import resources

    return json.loads(resources.files("pipeline").joinpath("schema/document.schema.json").read_text("utf-8"))


def seed_outputs(tmp, seed_out: dict, copies: int):
    """An OUTDIR of zhdoc JSON: the seed's output plus ``copies`` synthetic variants of it."""
    from pipeline.render.synth import write_corpus

    out = tmp / "out"
    out.mkdir()
    (out / "seed.txt.json").write_text(json.dumps(seed_out, ensure_ascii=False), encoding="utf-8")
    write_corpus(out / "seed.txt.json", out, copies)
    return out
