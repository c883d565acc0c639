"""The command line: `eq2code check | parse | --version` (spec §4).

Exit status: 0 no error finding; 1 an error finding (including unparsable inputs); 2 usage
error, missing file, or a fault in eq2code itself — reported, never a traceback. With
`--format json` stdout is always one JSON document.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

from . import __version__

FORMATS_CHECK = ("text", "json")
FORMATS_PARSE = ("text", "json")


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="eq2code", description="Check that NumPy code computes what a LaTeX equation says.")
    p.add_argument("--version", action="version", version=f"eq2code {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("en", "ja"), default=None, help="language of messages (default: locale)")

    c = sub.add_parser("check", parents=[common], help="check an implementation against an equation file")
    c.add_argument("paths", nargs="+", metavar="PATH", help="EQ_FILE IMPL_FILE")
    c.add_argument("--format", choices=FORMATS_CHECK, default="text")
    c.add_argument("--function", help="name of the function that implements the equation")
    c.add_argument("--map", action="append", default=[], metavar="SYMBOL=PARAM",
                   help="pass the equation's SYMBOL as the parameter PARAM (repeatable)")
    c.add_argument("--seed", type=int, default=0, help="seed of the generated inputs (default 0)")
    c.add_argument("--timeout", type=float, default=10.0, help="wall-time limit in seconds (default 10)")
    c.add_argument("--no-exec", action="store_true", help="only the static checks; run nothing")

    r = sub.add_parser("parse", parents=[common], help="show what eq2code understood of an equation file")
    r.add_argument("equation", metavar="EQ_FILE")
    r.add_argument("--format", choices=FORMATS_PARSE, default="text")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    wants_json = _wants_json(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse prints usage itself
        code = int(e.code or 0) if not isinstance(e.code, str) else 2
        if code and wants_json:
            _json_failure("usage error: see eq2code --help")
        return code
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "parse":
            return _parse(args)
    except UsageError as e:
        return _fail(str(e), args, usage=True)
    except KeyboardInterrupt:
        return _fail("interrupted", args)
    except BrokenPipeError:  # e.g. `eq2code parse … | head`
        sys.stderr.close()
        return 0
    except Exception:  # a fault in eq2code itself: reported, never a traceback
        detail = traceback.format_exc(limit=-3).strip().splitlines()[-1]
        return _fail(f"internal error in eq2code: {detail}", args)
    return 2


def _wants_json(argv: list[str]) -> bool:
    for i, a in enumerate(argv):
        if a == "--format=json" or (a == "--format" and i + 1 < len(argv) and argv[i + 1] == "json"):
            return True
    return False


def _fail(message: str, args, usage: bool = False) -> int:
    if getattr(args, "format", "text") == "json":
        _json_failure(message)
    print(f"eq2code: error: {message}", file=sys.stderr)
    return 2


def _json_failure(message: str) -> None:
    doc = {"version": 1, "tool": {"name": "eq2code", "version": __version__}, "positionEncoding": "utf-16",
           "checks": [], "diagnostics": [], "summary": {"errors": 0, "warnings": 0, "infos": 0},
           "error": message}
    print(json.dumps(doc, ensure_ascii=False, indent=2))


def _read_text(path: str, what: str) -> str:
    p = Path(path)
    if not p.exists():
        raise UsageError(f"{what} not found: {path}")
    if p.is_dir():
        raise UsageError(f"{what} is a directory: {path}")
    data = p.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def _parse_maps(items: list[str]) -> dict[str, str]:
    maps = {}
    for item in items:
        if "=" not in item:
            raise UsageError(f"--map expects SYMBOL=PARAM, got {item!r}")
        k, v = item.split("=", 1)
        maps[k.strip()] = v.strip()
    return maps


def _load_equation(path: str):
    from . import cache

    text = _read_text(path, "equation file")
    cached = cache.load(path, text)
    if cached is not None:
        return cached
    from .semantics import read_equation_file

    eq_file = read_equation_file(path, text)
    cache.store(eq_file)
    return eq_file


def _check(args) -> int:
    from .check import Options, run_check
    from .messages import detect_lang
    from .report import Report
    from .reporters import render
    from .reporters.text import want_color

    if len(args.paths) != 2:
        raise UsageError("check takes EQ_FILE IMPL_FILE")
    eq_path, impl_path = args.paths
    if eq_path.endswith(".py") and not impl_path.endswith(".py"):
        eq_path, impl_path = impl_path, eq_path
    _read_text(impl_path, "implementation file")
    eq_file = _load_equation(eq_path)
    options = Options(function=args.function, maps=_parse_maps(args.map), seed=args.seed,
                      timeout=args.timeout, no_exec=args.no_exec)
    result = run_check(eq_file, impl_path, options)
    report = Report([result.record], result.findings, detect_lang(args.lang))
    color = args.format == "text" and want_color(sys.stdout)
    print(render(report, args.format, color=color))
    return report.exit_code()


def _parse(args) -> int:
    from .messages import detect_lang
    from .reporters.parse import render_parse

    eq_file = _load_equation(args.equation)
    text, code = render_parse(eq_file, args.format, detect_lang(args.lang))
    print(text)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
