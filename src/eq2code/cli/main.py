"""The command line: `eq2code check | parse | --version` (spec §4).

Exit status: 0 no error finding; 1 an error finding (including unparsable inputs); 2 usage
error, missing file, or a fault in eq2code itself — reported, never a traceback. With
`--format json` stdout is always one JSON document.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from eq2code.base.files import FileProblem, read_text
from eq2code.base.log import get_logger
from eq2code.base.version import __version__
from eq2code.cli.head_start import early_zygote

if TYPE_CHECKING:
    from eq2code.checking.options import Options
    from eq2code.equation.model import EquationFile
    from eq2code.equation.rulebook import Rule

# Modules are imported where a command needs them: a check's start-up is on the clock
# (docs/performance.md), and `eq2code --version` needs none of the engine.

log = get_logger(__name__)

FORMATS_CHECK = ("text", "json", "sarif", "github", "concise", "html", "csv")
FORMATS_PARSE = ("text", "json")


class UsageError(Exception):
    pass


def _memory_mb(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of MiB, got {text!r}") from None
    if not 64 <= value <= 1 << 22:
        raise argparse.ArgumentTypeError("the memory limit must be between 64 MiB and 4 TiB")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not math.isfinite(value) or value <= 0 or value > 86400:
        raise argparse.ArgumentTypeError(f"the timeout must be a number of seconds > 0 and at most 86400, "
                                         f"not {text}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"the seed must be a whole number ≥ 0 (and < 2**63), not {text}")
    return value


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= value <= 1024:
        raise argparse.ArgumentTypeError(f"--jobs must be between 1 and 1024, not {text}")
    return value


def _shard(text: str) -> tuple[int, int]:
    k, sep, n = text.partition("/")
    if not (sep and k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise argparse.ArgumentTypeError("a shard is K/N with 1 <= K <= N, e.g. 2/4")
    return int(k), int(n)


COMMANDS = ("check", "rules", "parse", "explain", "docs", "doctor", "merge", "lsp", "server")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal's width found without `shutil` — argparse
    imports it (and with it zlib, bz2, lzma: ~2 ms) to build every parser, on every check."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_columns() - 2)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help (and its sub-commands') is laid out by `_Formatter`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the terminal's, else 80."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `only` (the command the arguments begin with), that command's
    alone: each sub-parser costs ~1 ms (argparse asks gettext for its titles) on every check."""
    def wanted(command: str) -> bool:
        return only is None or only == command

    p = _Parser(prog="eq2code",
                                description="Check that NumPy code computes what a LaTeX equation says.")
    p.add_argument("--version", action="version", version=f"eq2code {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("en", "ja"), default=None, help="language of messages (default: locale)")
    common.add_argument("--verbose", "-v", action="store_true",
                        help="log what eq2code does to stderr, with the trace of any internal error")
    common.add_argument("--sandbox", choices=("auto", "strict", "basic"), default=None,
                        help="how the function is isolated: strict (Linux namespaces + seccomp; fails "
                             "if unavailable), basic (limits only), auto (default; also EQ2CODE_SANDBOX)")

    if wanted("check"):
        c = sub.add_parser("check", parents=[common], help="check an implementation against an equation file")
        c.add_argument("paths", nargs="*", metavar="PATH",
                       help="EQ_FILE IMPL_FILE, or files and folders to search for tagged or configured pairs "
                            "(none: the project's configured tree)")
        c.add_argument("--format", choices=FORMATS_CHECK, default="text",
                       help="html, csv: a class report of <learner>/<exercise>.py submissions")
        c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
        c.add_argument("--function", help="name of the function that implements the equation")
        c.add_argument("--map", action="append", default=[], metavar="SYMBOL=PARAM",
                       help="pass the equation's SYMBOL as the parameter PARAM (repeatable)")
        c.add_argument("--seed", type=_seed, default=None, help="seed of the generated inputs (default 0)")
        c.add_argument("--timeout", type=_seconds, default=None, help="wall-time limit in seconds (default 10)")
        c.add_argument("--memory-mb", type=_memory_mb, default=2048, metavar="MB",
                       help="address-space limit of the process running the function, in MiB (default 2048)")
        c.add_argument("--fail-on", choices=("error", "warning"), default=None,
                       help="the lowest severity that makes the exit status 1 (default error)")
        c.add_argument("--baseline", metavar="FILE", help="leave out the findings recorded in FILE")
        c.add_argument("--write-baseline", nargs="?", const="", default=None, metavar="FILE",
                       help="record every finding of this run in FILE (default: [tool.eq2code] baseline)")
        c.add_argument("--shard", type=_shard, default=None, metavar="K/N",
                       help="check only the K-th of N equal shares of the pairs (a CI matrix; `eq2code merge` joins "
                            "the reports)")
        c.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N", help="checks run at once (default: CPUs)")
        c.add_argument("--discover", action="store_true",
                       help="treat every PATH as a file or folder to search for pairs (as the pre-commit hook does)")
        c.add_argument("--config", metavar="PYPROJECT", help="read [tool.eq2code] from this file")
        c.add_argument("--project-config", action="store_true",
                       help="grading a pair or --rule: also honour the checked file's own project — its "
                            "[tool.eq2code], suppressions and baseline — as a project run does (docs/security.md)")
        c.add_argument("--honour-suppressions", "--honor-suppressions", action="store_true",
                       help="grading a pair or --rule: honour the checked files' '# eq2code: ignore[...]' comments")
        c.add_argument("--no-exec", action="store_true", help="only the static checks; run nothing")
        c.add_argument("--fix", action="store_true",
                       help="write a verified fix (the edited code passes the check) into IMPL_FILE")
        c.add_argument("--diff", action="store_true",
                       help="print the verified fix as a unified diff; change nothing")
        c.add_argument("--rule", metavar="NAME",
                       help="check IMPL_FILE against the rule NAME (eq2code rules lists them)")
        c.add_argument("--rules-dir", action="append", default=[], metavar="DIR",
                       help="also read the rules in DIR; they override shipped rules of the same name (repeatable)")

    if wanted("rules"):
        rl = sub.add_parser("rules", parents=[common], help="list the rules: name, title, LaTeX, inputs, path")
        rl.add_argument("--format", choices=("text", "json"), default="text")
        rl.add_argument("--rules-dir", action="append", default=[], metavar="DIR",
                        help="also read the rules in DIR; they override shipped rules of the same name (repeatable)")

    if wanted("parse"):
        r = sub.add_parser("parse", parents=[common], help="show what eq2code understood of an equation file")
        r.add_argument("equation", metavar="EQ_FILE")
        r.add_argument("--format", choices=FORMATS_PARSE, default="text")
    _add_explain_and_docs(sub, common, wanted)
    if wanted("doctor"):
        dr = sub.add_parser("doctor", parents=[common], help="what the sandbox can do on this machine")
        dr.add_argument("--format", choices=("text", "json"), default="text")
    if wanted("merge"):
        m = sub.add_parser("merge", help="join the JSON or SARIF reports of shards (check --shard K/N) into one")
        m.add_argument("reports", nargs="+", metavar="REPORT")
        m.add_argument("-o", "--output", metavar="FILE", help="write the merged report to FILE (default: stdout)")
    if wanted("lsp"):
        sub.add_parser("lsp", help="language server on stdio (diagnostics, hover, code actions; docs/editors.md)")
    if wanted("server"):
        sv = sub.add_parser("server", help="a warm check server: checks skip start-up (Linux; docs/performance.md)")
        sv.add_argument("action", choices=("start", "stop", "status"))
        sv.add_argument("--idle", type=float, default=900.0, metavar="SECONDS",
                        help="stop after this many seconds without a check (default 900)")
    return p


# What a BLAS reads at load to size its thread pool. The checker's arrays are a few numbers
# (the references are in longdouble, which no BLAS computes); OpenBLAS's default pool (a thread
# per core, spinning after start) cost a 2-core machine ~40 ms of CPU at `import numpy`, taken
# from the zygote importing NumPy on the other core (docs/performance.md).
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """The checker's BLAS on one thread, unless the user chose a number (any of the variables);
    called before NumPy is imported (after, it changes nothing: the pool is made at load)."""
    if "numpy" not in sys.modules and not any(name in os.environ for name in BLAS_THREADS):
        os.environ.update(dict.fromkeys(BLAS_THREADS, "1"))


def run() -> NoReturn:
    """The `eq2code` command (and `python -m eq2code`): `main`, then the process ends at once
    once its output is flushed and the exit handlers have run. The interpreter's teardown —
    every module's objects freed one by one, ~20 ms with NumPy loaded, a seventh of a check —
    is skipped, as mypy skips it. Only when no other non-daemon thread runs (their end is
    waited for by a normal exit, which is then taken)."""
    code = main()
    _offer_server(sys.argv[1:])
    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    if threading is not None and any(t is not threading.main_thread() and not t.daemon
                                     for t in threading.enumerate()):
        sys.exit(code)
    _exit_handlers_and_flush()
    os._exit(code)


def served(argv: list[str]) -> int:
    """The command as the check server runs it in a request process (cli/server.py), which ends
    with os._exit as `run` does: `main`, its other threads waited for, exit handlers, flushes."""
    code = main(argv)
    import threading

    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    _exit_handlers_and_flush()
    return code


def _exit_handlers_and_flush() -> None:
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass


def _offer_server(argv: list[str]) -> None:
    """After a check run alone at a terminal (Linux): a check server is started in the background
    for the next ones, and the user is told (cli/server.py, D30). Never in a pipe, CI or a hook
    (stdout not a terminal), never with EQ2CODE_NO_SERVER set."""
    from eq2code.cli.client import NO_SERVER_VARIABLE, command_of

    if command_of(argv) != "check" or os.environ.get(NO_SERVER_VARIABLE) or not sys.platform.startswith("linux"):
        return
    try:
        if not sys.stdout.isatty():
            return
        from eq2code.cli.server import start_in_background

        if start_in_background():
            print("eq2code: note: a check server now runs for the next checks (faster start; it stops "
                  f"after 15 minutes without one; `eq2code server stop`; {NO_SERVER_VARIABLE}=1 turns this off)",
                  file=sys.stderr)
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    one_blas_thread()
    early_zygote(argv)  # already started by `run` (cli/__init__.py); here for `main` called alone
    parser = _parser(argv[0] if argv and argv[0] in COMMANDS else None)
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
    if getattr(args, "verbose", False):
        import logging  # only here: eq2code's debug records go to logging once it is loaded (base/log.py)

        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="eq2code: %(name)s: %(message)s")
    try:
        if args.command in ("check", "explain", "doctor"):
            _sandbox(args)
        if args.command == "doctor":
            from eq2code.code.sandbox.platform import render_doctor

            print(render_doctor(args.format))
            return 0
        if args.command == "check":
            return _check(args)
        if args.command == "parse":
            return _parse(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "docs":
            return _docs(args)
        if args.command == "merge":
            return _merge(args)
        if args.command == "server":
            from eq2code.cli.server import command

            return command(args.action, args.idle)
        if args.command == "lsp":  # pygls is imported only here
            from eq2code.lsp.server import main as lsp_main

            return lsp_main()
    except UsageError as e:
        return _fail(str(e), args, usage=True)
    except KeyboardInterrupt:
        return _fail("interrupted", args)
    except BrokenPipeError:  # e.g. `eq2code parse … | head`
        sys.stderr.close()
        return 0
    except Exception:  # a fault in eq2code itself: reported, never a traceback (--verbose shows it)
        import traceback

        log.debug("internal error", exc_info=True)
        detail = traceback.format_exc(limit=-3).strip().splitlines()[-1]
        hint = "" if getattr(args, "verbose", False) else " (run with --verbose for the trace)"
        return _fail(f"internal error in eq2code: {detail}{hint}", args)
    return 2


def _sandbox(args) -> None:
    """The sandbox mode, and the zygote started now so that it warms up while eq2code reads the
    equation (code/sandbox/platform.py); `--sandbox strict` where it cannot be had: exit 2."""
    from eq2code.code.sandbox import platform

    try:
        platform.start(args.sandbox, runs=args.command != "doctor" and not getattr(args, "no_exec", False),
                       workers=getattr(args, "jobs", None) or 1)
    except platform.SandboxError as e:
        raise UsageError(str(e)) from None
    import atexit

    atexit.register(lambda: [print(f"eq2code: note: {n}", file=sys.stderr) for n in platform.notices()])


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
    import json

    doc = {"version": 1, "tool": {"name": "eq2code", "version": __version__}, "positionEncoding": "utf-16",
           "checks": [], "diagnostics": [], "summary": {"errors": 0, "warnings": 0, "infos": 0},
           "error": message}
    print(json.dumps(doc, ensure_ascii=False, indent=2))


def _read_text(path: str, what: str) -> str:
    try:
        return read_text(path, what)
    except FileProblem as e:
        raise UsageError(str(e)) from None


def _parse_maps(items: list[str]) -> dict[str, str]:
    maps = {}
    for item in items:
        if "=" not in item:
            raise UsageError(f"--map expects SYMBOL=PARAM, got {item!r}")
        k, v = item.split("=", 1)
        maps[k.strip()] = v.strip()
    return maps


def _load_equation(path: str, fresh: bool = False) -> EquationFile:
    from eq2code.equation.cache import load_equation

    try:
        return load_equation(path, fresh)
    except FileProblem as e:
        raise UsageError(str(e)) from None


def _check(args) -> int:
    from eq2code.cli import check
    from eq2code.project.settings import RunError

    try:
        config = check.project_config(args)  # [tool.eq2code] fills what the command line left out
        settings = check.settings_from(args, config, _parse_maps(args.map))
        from eq2code.equation.limits import set_limits as set_read_limits

        set_read_limits(settings.timeout, settings.memory_mb)  # reading an equation: under the same limits
        fixing = bool(getattr(args, "fix", False) or getattr(args, "diff", False))
        if not getattr(args, "rule", None) and check.is_project_run(args):  # tagged and configured pairs
            if fixing:
                raise UsageError("--fix and --diff work on one check: EQ_FILE IMPL_FILE or --rule NAME IMPL_FILE")
            return check.check_project(args, config, settings, _load_equation)
        eq_path, impl_path, rule = _pair_paths(args, "check")
        _read_text(impl_path, "implementation file")
        from eq2code.equation.cache import read_ahead

        read_ahead(eq_path)  # a cache miss: read in a child while the engine is imported here
        options = check.check_options(settings, rule)
        options.fixes = fixing
        _run_ahead(eq_path, impl_path, options)
        from eq2code.checking.check import run_check  # NumPy and the engine: only for a check

        result = run_check(_load_equation(eq_path), impl_path, options)
        rule_name = rule.name if rule else None
        if fixing:
            def again():
                options.fixes = False
                return run_check(_load_equation(eq_path), impl_path, options)

            return check.fix_single(args, config, settings, result, eq_path, impl_path, rule_name, again)
        return check.finish_single(args, config, settings, result, eq_path, impl_path, rule_name)
    except RunError as e:
        raise UsageError(str(e)) from None
    finally:
        from eq2code.code.sandbox import early

        early.drop()


def _run_ahead(eq_path: str, impl_path: str, options) -> None:
    """Start the run this check made last time before NumPy is imported here (code/sandbox/early.py)."""
    if options.no_exec or options.fixes:
        return
    from eq2code.code.sandbox import early

    early.start(early.key_of(os.path.abspath(eq_path), os.path.abspath(impl_path), repr(options)), options.timeout)


def _pair_paths(args, command: str) -> tuple[str, str, Rule | None]:
    """EQ_FILE and IMPL_FILE of `check`/`explain` (in either order), or the rule's file with
    `--rule NAME IMPL_FILE`; the third value is the rule (or None)."""
    if getattr(args, "rule", None):
        from eq2code.equation.rulebook import RuleError, find_rule

        if len(args.paths) != 1:
            raise UsageError(f"{command} --rule NAME takes one IMPL_FILE")
        try:
            rule = find_rule(args.rule, args.rules_dir)
        except RuleError as e:
            raise UsageError(str(e)) from None
        return str(rule.path), args.paths[0], rule
    if len(args.paths) != 2:
        raise UsageError(f"{command} takes EQ_FILE IMPL_FILE (or --rule NAME IMPL_FILE)")
    eq_path, impl_path = args.paths
    if eq_path.endswith(".py") and not impl_path.endswith(".py"):
        eq_path, impl_path = impl_path, eq_path
    return eq_path, impl_path, None


def _options(args, rule) -> Options:
    from eq2code.checking.options import Options

    return Options(function=args.function, maps=_parse_maps(args.map), seed=args.seed, timeout=args.timeout,
                   memory_mb=getattr(args, "memory_mb", 2048), no_exec=args.no_exec,
                   rule=rule.name if rule else None, aliases=tuple(rule.aliases) if rule else ())


def _rules(args) -> int:
    from eq2code.equation.rulebook import RuleError, describe, list_rules, render_rules

    try:
        rules = list_rules(args.rules_dir)
    except RuleError as e:
        raise UsageError(str(e)) from None
    docs = []
    for rule in rules:
        try:
            docs.append(describe(rule, _load_equation(str(rule.path))))
        except Exception as e:  # one broken rule file must not hide the others
            log.debug("cannot read the rule %s", rule.name, exc_info=True)
            docs.append(describe(rule, None, error=f"the rule file cannot be read: {type(e).__name__}: {e}"))
    print(render_rules(docs, args.format, __version__))
    return 0


def _parse(args) -> int:
    from eq2code.equation import describe
    from eq2code.findings.messages import detect_lang
    from eq2code.report.formats.parse import render_parse

    describe.PRETTY = True  # the reading drawn as math: read afresh (a check's entry has the one-line form)
    try:
        eq_file = _load_equation(args.equation, fresh=True)
    finally:
        describe.PRETTY = False
    text, code = render_parse(eq_file, args.format, detect_lang(args.lang))
    print(text)
    return code


def _add_explain_and_docs(sub, common, wanted: Callable[[str], bool]) -> None:
    if wanted("explain"):
        e = sub.add_parser("explain", parents=[common],
                           help="equation part ↔ code span table, and the shape of each assignment")
        e.add_argument("paths", nargs="+", metavar="PATH", help="EQ_FILE IMPL_FILE, or IMPL_FILE with --rule NAME")
        e.add_argument("--rule", metavar="NAME", help="explain IMPL_FILE against the rule NAME")
        e.add_argument("--rules-dir", action="append", default=[], metavar="DIR",
                       help="also read the rules in DIR (repeatable)")
        e.add_argument("--format", choices=("text", "json"), default="text")
        e.add_argument("--function", help="name of the function that implements the equation")
        e.add_argument("--map", action="append", default=[], metavar="SYMBOL=PARAM",
                       help="pass the equation's SYMBOL as the parameter PARAM (repeatable)")
        e.add_argument("--seed", type=_seed, default=0, help="seed of the input the shapes are traced on (default 0)")
        e.add_argument("--timeout", type=_seconds, default=10.0, help="wall-time limit in seconds (default 10)")
        e.add_argument("--no-exec", action="store_true", help="only the correspondence; run nothing (no shapes)")
    if wanted("docs"):
        d = sub.add_parser("docs", parents=[common], help="documentation of a finding: meaning, why, example, fix")
        d.add_argument("name", metavar="NAME_OR_CODE", help="a finding's name (wrong-reduction-axis) or code (EQ301)")
        d.add_argument("--format", choices=("text", "json"), default="text")


def _explain(args) -> int:
    """`explain EQ_FILE IMPL_FILE` or `explain --rule NAME IMPL_FILE` (explain.py)."""
    from eq2code.checking.explain import explain, render
    from eq2code.equation.limits import set_limits as set_read_limits
    from eq2code.findings.messages import detect_lang

    set_read_limits(args.timeout)
    eq_path, impl_path, rule = _pair_paths(args, "explain")
    _read_text(impl_path, "implementation file")
    eq_file = _load_equation(eq_path)
    options = _options(args, rule)
    explanation = explain(eq_file, impl_path, options)
    print(render(explanation, args.format, detect_lang(args.lang)))
    return explanation.exit_code


def _merge(args) -> int:
    """`merge REPORT...`: the shards' reports as one; exit 1 when it holds an error."""
    import json

    from eq2code.report.merge import MergeError, merge

    try:
        _kind, merged, failed = merge(args.reports)
    except MergeError as e:
        raise UsageError(str(e)) from None
    text = json.dumps(merged, ensure_ascii=False, indent=2)
    if args.output:
        from pathlib import Path

        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 1 if failed else 0


def _docs(args) -> int:
    """`docs NAME_OR_CODE`: a finding's documentation (finding_docs.py)."""
    from eq2code.findings.docs import close_matches, lookup, page, render_text
    from eq2code.findings.messages import detect_lang

    found = lookup(args.name)
    if found is None:
        close = close_matches(args.name)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"unknown finding {args.name!r}{hint} (names and codes: see docs/findings/)")
    lang = detect_lang(args.lang)
    data = page(found.name, lang)
    if args.format == "json":
        import json


        print(json.dumps({"version": 1, "finding": data}, ensure_ascii=False, indent=2))
    else:
        print(render_text(data, lang))
    return 0


if __name__ == "__main__":  # pragma: no cover
    run()
