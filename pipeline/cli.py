"""The ``zhdoc`` command line (also ``python -m pipeline``)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .config import Config

INPUT_SUFFIXES = (".html", ".htm", ".txt", ".shtml", ".xhtml")


def iter_inputs(paths: list[str]) -> list[tuple[Path, Path]]:
    """(file, output path relative to OUTDIR) for every input file, folders walked recursively."""
    out: list[tuple[Path, Path]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES:
                    out.append((f, f.relative_to(path)))
        elif path.is_file():
            out.append((path, Path(path.name)))
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return out


def _config(args) -> Config:
    cfg = Config()
    changes = {}
    if getattr(args, "keep_script", False):
        changes["script"] = "source"
    if getattr(args, "keep_personal_data", False):
        changes["keep_personal_data"] = True
    if getattr(args, "fill_gaps", False):
        changes["fill_gaps"] = True
    cfg = cfg.with_(**changes) if changes else cfg
    skip = getattr(args, "skip", None)
    return cfg.without(*skip) if skip else cfg


def write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(data, encoding="utf-8")
    os.replace(tmp, path)


def cmd_run(args) -> int:
    from tqdm import tqdm

    from .runner import process_many

    config = _config(args)
    try:
        inputs = iter_inputs(args.inputs)
    except FileNotFoundError as exc:
        print(f"zhdoc: {exc}", file=sys.stderr)
        return 2
    outdir = Path(args.output)
    failed = 0
    bar = tqdm(total=len(inputs), unit="doc", disable=args.quiet or not sys.stderr.isatty(), file=sys.stderr)
    for (src, rel), doc in zip(inputs, process_many([str(s) for s, _ in inputs], config, workers=args.workers)):
        write_atomic(outdir / rel.with_name(rel.name + ".json"), doc.to_json() + "\n")
        if doc.errors:
            failed += 1
            for e in doc.errors:
                print(f"zhdoc: {src}: {e['stage']}: {e['type']}: {e['message']}", file=sys.stderr)
        bar.update(1)
    bar.close()
    if not args.quiet:
        print(f"zhdoc: {len(inputs)} documents, {len(inputs) - failed} ok, {failed} with errors -> {outdir}", file=sys.stderr)
    return 1 if failed else 0


def _load_doc(path: str, config: Config) -> dict:
    if path.endswith(".json"):
        return json.loads(Path(path).read_text(encoding="utf-8"))
    from .runner import process

    return process(path, config).to_dict()


def cmd_show(args) -> int:
    from .show import render_tree

    doc = _load_doc(args.file, _config(args))
    if args.format == "md":
        from .show import render_markdown

        sys.stdout.write(render_markdown(doc))
    else:
        sys.stdout.write(render_tree(doc, color=sys.stdout.isatty() and not args.no_color))
    return 0


def cmd_explain(args) -> int:
    from .show import render_repairs

    doc = _load_doc(args.file, _config(args))
    sys.stdout.write(render_repairs(doc))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zhdoc", description="Scraped Chinese web articles to clean, structured, tagged JSON.")
    p.add_argument("--version", action="version", version=f"zhdoc {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def options(sp):
        sp.add_argument("--keep-script", action="store_true", help="keep traditional characters (default: simplified)")
        sp.add_argument("--keep-personal-data", action="store_true",
                        help="do not redact phone numbers, e-mail, QQ, ID and bank card numbers")
        sp.add_argument("--fill-gaps", action="store_true", help="insert suggested words at suspected gaps")
        sp.add_argument("--skip", nargs="*", metavar="NAME", help="stages or repair fixes to switch off")

    r = sub.add_parser("run", help="process files and folders into one JSON per article",
                       description="Process .html/.htm/.txt files (folders recursively) into OUTDIR/<relative path>.json.")
    r.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    r.add_argument("-o", "--output", required=True, metavar="OUTDIR")
    r.add_argument("-w", "--workers", type=int, default=1, help="worker processes (default 1)")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    options(r)
    r.set_defaults(func=cmd_run)

    s = sub.add_parser("show", help="print the outline of an article (or of a zhdoc JSON) with its tags")
    s.add_argument("file")
    s.add_argument("--format", choices=("tree", "md"), default="tree")
    s.add_argument("--no-color", action="store_true")
    options(s)
    s.set_defaults(func=cmd_show)

    e = sub.add_parser("explain", help="list every repair made to an article (kind, before, after, position)")
    e.add_argument("file")
    options(e)
    e.set_defaults(func=cmd_explain)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
