"""The ``zhdoc`` command line (also ``python -m pipeline``)."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import __version__
from .config import Config

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


def _shard(value: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)/(\d+)", value)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise argparse.ArgumentTypeError("--shard takes I/N with 1 <= I <= N, e.g. 2/8")
    return int(m.group(1)), int(m.group(2))


def cmd_run(args) -> int:
    from .batch import run_batch

    if not args.output and not args.jsonl:
        print("zhdoc: give -o OUTDIR or --jsonl FILE", file=sys.stderr)
        return 2
    try:
        s = run_batch(args.inputs, args.output, _config(args), workers=args.workers, engine=args.engine,
                      scheduler=args.scheduler, shard=args.shard, force=args.force, jsonl=args.jsonl,
                      time_limit=args.time_limit or None, follow_symlinks=args.follow_symlinks,
                      text_field=args.text_field, id_field=args.id_field, progress=not args.quiet)
    except FileNotFoundError as exc:
        print(f"zhdoc: {exc}", file=sys.stderr)
        return 2
    where = args.jsonl or args.output
    print(f"zhdoc: {s.total} documents: {s.done} ok, {s.failed} with errors, {s.skipped} up to date -> {where}",
          file=sys.stderr)
    return 1 if s.failed else 0


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

    r = sub.add_parser("run", help="process files, folders, JSONL and WARC dumps into one JSON per article",
                       description="Process .html/.htm/.txt files (folders recursively, globs), '-' (stdin), "
                                   ".jsonl[.gz] records and .warc[.gz] HTML responses into OUTDIR/<relative path>.json. "
                                   "Outputs that are up to date (same input hash, zhdoc version and config) are skipped. "
                                   "Exit code: 0 all ok, 1 some documents failed, 2 usage error.")
    r.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, - for stdin")
    r.add_argument("-o", "--output", metavar="OUTDIR", help="one JSON per document here (plus _run.json, _errors.jsonl)")
    r.add_argument("--jsonl", metavar="FILE", help="write all documents to one JSON Lines file instead")
    r.add_argument("-w", "--workers", type=int, default=1, help="worker processes (default 1)")
    r.add_argument("--engine", choices=("local", "dask"), default="local", help="local process pool or Dask")
    r.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    r.add_argument("--shard", type=_shard, metavar="I/N", help="process only the I-th of N deterministic shards")
    r.add_argument("--force", action="store_true", help="redo documents whose output is up to date")
    r.add_argument("--time-limit", type=float, default=120.0, metavar="SECONDS",
                   help="per-document time limit (default 120; 0 for none)")
    r.add_argument("--follow-symlinks", action="store_true", help="follow symlinks that leave the input folder")
    r.add_argument("--text-field", help="JSONL field holding the page (default: html, content, text, body)")
    r.add_argument("--id-field", help="JSONL field naming the record (default: id, doc_id, url)")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
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

    from .render import cmd_render  # stdlib-only import: cheap
    v = sub.add_parser("render", help="write an offline static HTML site (dashboard + one page per document) from zhdoc JSON")
    v.add_argument("outdir", metavar="OUTDIR", help="folder of zhdoc JSON outputs")
    v.add_argument("-o", "--output", required=True, metavar="SITE")
    v.add_argument("-w", "--workers", type=int, default=1, help="worker processes (default 1)")
    v.add_argument("-q", "--quiet", action="store_true")
    v.set_defaults(func=cmd_render)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .batch import WorkersCannotStart

    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except WorkersCannotStart as exc:
        print(f"zhdoc: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
