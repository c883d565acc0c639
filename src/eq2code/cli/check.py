"""`eq2code check`: command-line arguments → `project.batch.Settings` (over `[tool.eq2code]`)
→ one check or a project run → the report printed in the chosen format, and the exit status."""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from eq2code.checking.options import CheckResult, Options
from eq2code.project.config import Config
from eq2code.project.settings import RunError, Settings, config_for, default_jobs

if TYPE_CHECKING:
    from eq2code.equation.rulebook import Rule
    from eq2code.project.batch import RunResult

# The batch machinery, the pairs and the report formats are imported where they are used: a single
# check needs them only after its child ran (checking.run imports them meanwhile).


def is_grading(args: Namespace) -> bool:
    """A named pair or `--rule`: grading a file someone else may have written. Its own tree —
    `pyproject.toml`, suppressions, baseline — decides nothing unless the invoker asks
    (`--project-config`, `--honour-suppressions`, `--config FILE`, `--baseline FILE`)."""
    return bool(getattr(args, "rule", None)) or not is_project_run(args)


def project_config(args: Namespace) -> Config:
    """`[tool.eq2code]` of the project around the first path (or `--config`), with `--rules-dir`.
    Grading (`is_grading`) reads only `--config FILE`, unless `--project-config`."""
    explicit = getattr(args, "config", None)
    if is_grading(args) and not getattr(args, "project_config", False):
        config = config_for([], explicit) if explicit else Config(root=Path.cwd())
    else:
        config = config_for(list(getattr(args, "paths", []) or []), explicit)
    config.rule_dirs = list(config.rule_dirs) + [Path(d) for d in getattr(args, "rules_dir", []) or []]
    return config


def settings_from(args: Namespace, config: Config, maps: dict[str, str] | None = None) -> Settings:
    """Command-line arguments (None = not given) over the configuration over the defaults."""
    def given(name: str):
        return getattr(args, name, None)

    s = Settings()
    s.lang = given("lang") or config.lang
    timeout = given("timeout")
    s.timeout = float(timeout) if timeout is not None else (config.timeout or 10.0)
    seed = given("seed")
    s.seed = int(seed) if seed is not None else (config.seed or 0)
    s.fail_on = given("fail_on") or config.fail_on or "error"
    jobs = given("jobs")
    s.jobs = int(jobs) if jobs else (config.jobs or default_jobs())
    s.no_exec = bool(given("no_exec"))
    s.memory_mb = given("memory_mb")
    s.function = given("function")
    s.maps = dict(maps or {})
    s.grading = is_grading(args)
    # a class report (html, csv) is over learners' files: their own suppressions excuse nothing
    untrusted = s.grading or given("format") in ("html", "csv")
    s.honour_suppressions = not untrusted or bool(given("project_config") or given("honour_suppressions"))
    baseline = given("baseline")
    if baseline:
        s.baseline, s.baseline_required = Path(baseline), True
    elif config.baseline is not None and config.baseline.is_file():
        s.baseline = config.baseline
    wb = given("write_baseline")
    if wb is not None:
        s.write_baseline = Path(wb) if wb else (config.baseline or Path("eq2code-baseline.json"))
    s.shard = given("shard")
    return s


def check_options(settings: Settings, rule: Rule | None) -> Options:
    """The options of one named check (`check EQ_FILE IMPL_FILE`, `check --rule`, `explain`)."""
    options = Options(function=settings.function, maps=dict(settings.maps), seed=settings.seed,
                      timeout=settings.timeout, no_exec=settings.no_exec,
                      rule=rule.name if rule else None, aliases=tuple(rule.aliases) if rule else ())
    if settings.memory_mb is not None:
        options.memory_mb = settings.memory_mb
    return options


def is_project_run(args: Namespace) -> bool:
    """`check [PATH ...]` (discover pairs) rather than `check EQ_FILE IMPL_FILE`."""
    paths = list(args.paths or [])
    if getattr(args, "discover", False):
        return True
    one_pair = len(paths) == 2 and not any(Path(p).is_dir() for p in paths) \
        and not all(p.endswith(".py") for p in paths) \
        and not all(p.lower().endswith((".md", ".markdown", ".ipynb")) for p in paths)  # two documents
    return not one_pair


def check_project(args: Namespace, config: Config, settings: Settings, load_equation) -> int:
    """`eq2code check [PATH ...]`: every pair found, one report."""
    from eq2code.project.batch import no_pairs_message, run_paths
    from eq2code.project.classroom import CLASS_FORMATS

    result = run_paths(list(args.paths or []), settings, config, load_equation,
                       classroom=args.format in CLASS_FORMATS)  # a class report: <learner>/<exercise>.py
    emit(args, config, result)
    if result.pairs == 0 and args.format in ("text", "concise"):
        print(f"eq2code: {no_pairs_message(list(args.paths or []), config)}", file=sys.stderr)
    return result.exit_code


def finish_single(args: Namespace, config: Config, settings: Settings, check_result: CheckResult,
                  equation: str, impl: str, rule: str | None = None) -> int:
    """`check EQ_FILE IMPL_FILE` and `check --rule NAME IMPL_FILE`: the one check through the
    same suppressions, baseline and `--fail-on` as a project run; prints the report."""
    from eq2code.project.batch import finish
    from eq2code.project.pairs import Pair, PairResult

    pair = Pair(impl, check_result.record.function, equation, rule, "explicit")
    result = finish([PairResult(pair, check_result.record, list(check_result.findings))], settings)
    emit(args, config, result)
    return result.exit_code


def fix_single(args: Namespace, config: Config, settings: Settings, check_result: CheckResult,
               equation: str, impl: str, rule: str | None, again: Callable[[], CheckResult]) -> int:
    """`check --fix` / `--diff` of one pair: the first verified fix of a finding the report keeps
    (after suppressions and the baseline), when the check does not pass. `--diff` prints it as a
    unified diff and changes nothing (exit 1 when there is one, as ruff does); `--fix` writes it
    and reports the check of the fixed file. A file whose check passes is never changed."""
    from eq2code.diagnosis.fixes import apply
    from eq2code.project.batch import finish
    from eq2code.project.pairs import Pair, PairResult

    pair = Pair(impl, check_result.record.function, equation, rule, "explicit")
    result = finish([PairResult(pair, check_result.record, list(check_result.findings))], settings)
    chosen = next((f for f in result.report.findings if f.fix is not None and f.path == impl), None) \
        if result.exit_code != 0 else None
    if chosen is None or chosen.fix is None:
        if args.diff:
            print(f"eq2code: no verified fix for {impl}", file=sys.stderr)
            return result.exit_code
        emit(args, config, result)
        if result.exit_code != 0:
            print(f"eq2code: no verified fix for {impl}", file=sys.stderr)
        return result.exit_code
    try:
        raw = Path(impl).read_bytes()
    except OSError as e:
        raise RunError(f"cannot read {impl}: {e.strerror or e}") from None
    source = raw.decode("utf-8-sig")
    fixed = apply(source, chosen.fix.edits)
    if args.diff:
        import difflib

        print("".join(difflib.unified_diff(source.splitlines(True), fixed.splitlines(True),
                                           f"a/{impl}", f"b/{impl}")), end="")
        print(f"eq2code: would fix {chosen.name} in {impl}", file=sys.stderr)
        return 1
    newline = "\r\n" if b"\r\n" in raw else "\n"
    prefix = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    try:
        Path(impl).write_text(prefix + fixed.replace("\r\n", "\n").replace("\n", newline),
                              encoding="utf-8", newline="")
    except OSError as e:
        raise RunError(f"cannot write {impl}: {e.strerror or e}") from None
    print(f"eq2code: fixed {chosen.name} in {impl}", file=sys.stderr)
    return finish_single(args, config, settings, again(), equation, impl, rule)


def emit(args: Namespace, config: Config, result: RunResult) -> None:
    from eq2code.report.formats import render
    from eq2code.report.formats.text import want_color  # imported during a check's run (checking.run)

    output = getattr(args, "output", None)
    color = args.format == "text" and not output and want_color(sys.stdout)
    text = render(result.report, args.format, color=color)
    if output:  # -o FILE
        from eq2code.report.formats import FILE_ENCODING

        try:
            Path(output).write_text(text + "\n", encoding=FILE_ENCODING.get(args.format, "utf-8"), newline="")
        except OSError as e:
            raise RunError(f"cannot write {output}: {e.strerror or e}") from None
    else:
        print(text)
    if result.baseline_written is not None:
        print(f"eq2code: wrote {result.baseline_written} finding(s) to the baseline "
              f"{baseline_path(args, config)}", file=sys.stderr)


def baseline_path(args: Namespace, config: Config) -> str:
    wb = getattr(args, "write_baseline", None)
    if wb:
        return str(wb)
    if config.baseline is not None:
        from eq2code.project.pairs import display

        return display(config.baseline)
    return "eq2code-baseline.json"
