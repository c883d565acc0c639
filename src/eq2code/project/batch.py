"""Many checks in one run: `eq2code check [PATH ...]` (spec §4, §6).

discover the pairs (discovery) → read each equation file once (shared by every pair that
uses it, through the JSON cache) → run the checks on a pool of worker threads, each
driving its own sandboxed child → drop suppressed findings and report unused suppressions
(suppress) → drop findings the baseline knows (baseline) → one report, in sorted order
whatever order the workers finished in.

Also the single pair `eq2code check EQ_FILE IMPL_FILE` goes through `finish`, so that
suppressions, the baseline, `--fail-on` and the CI formats work there too. Nothing here
reads command-line arguments or prints: the front ends (`cli`, `lsp`) do.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eq2code.base.log import get_logger
from eq2code.base.span import Range
from eq2code.findings.model import Finding, Severity
from eq2code.project.config import Config
from eq2code.project.pairs import Pair, PairResult, display

# What a run is given (re-exported: settings.py holds them, so that one check need not import this module
# before its run)
from eq2code.project.settings import RunError, Settings, config_for, default_jobs  # noqa: F401
from eq2code.report.model import CheckRecord, Report

if TYPE_CHECKING:
    from pathlib import Path

log = get_logger(__name__)


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class RunResult:
    """A run's report, exit status and counts (pairs, suppressed, baselined, written)."""

    report: Report
    exit_code: int
    pairs: int
    suppressed: int = 0
    baselined: int = 0
    baseline_written: int | None = None


# ----------------------------------------------------------------------------- running


def run_paths(paths: list[str], settings: Settings, config: Config,
              load_equation: Callable[[str], Any], classroom: bool = False) -> RunResult:
    """Discover the pairs under `paths` and check them all (`classroom`: also pair
    `<learner>/<exercise>.py` by the exercise's rule, project/classroom.py)."""
    try:
        from eq2code.project.discovery import discover  # a project run's modules: imported for one

        found = discover(paths, config)
    except FileNotFoundError as e:
        raise RunError(f"path not found: {e.args[0] if e.args else e}") from None
    pairs = found.pairs
    if classroom:
        from eq2code.project.classroom import with_layout_pairs

        pairs = with_layout_pairs(pairs, paths, config)
    if settings.shard is not None:  # one CI job's share (report/merge.py puts the shards together)
        from eq2code.report.merge import shard

        pairs = shard(pairs, *settings.shard, key=Pair.sort_key)
    if settings.function:
        pairs = [p for p in pairs if p.function in (None, settings.function)]
        for p in pairs:
            p.function = settings.function
    return run_pairs(pairs, settings, load_equation, _own_claims(paths, pairs, load_equation))


# What an equation file states about itself, wrong whatever code implements it: reported for an
# equation file given alone (pre-commit passes only the changed eq.tex) — a worked example that
# does not add up (equation/examples.py).
OWN_CLAIMS = ("worked-example-mismatch",)


def _own_claims(paths: list[str], pairs: list[Pair], load_equation: Callable[[str], Any]) -> list[Finding]:
    used = {os.path.abspath(p.equation) for p in pairs if p.equation}
    out = []
    for path in paths:
        if not path.endswith(".tex") or not os.path.isfile(path) or os.path.abspath(path) in used:
            continue
        try:
            eq_file = load_equation(path)
        except Exception:  # unreadable: the pairs that use it say so; alone it has no claims to check
            log.debug("cannot read the equation file %s", path, exc_info=True)
            continue
        out += [Finding(d.name, path, d.range, dict(d.params)) for d in eq_file.diagnostics if d.name in OWN_CLAIMS]
    return out


def run_pairs(pairs: list[Pair], settings: Settings, load_equation: Callable[[str], Any],
              extra: list[Finding] | None = None) -> RunResult:
    """Check every pair; `extra`: findings of the run that belong to no pair (_own_claims)."""
    equations = _EquationStore(load_equation)
    prepared = [(pair, equations.get(pair)) for pair in pairs]  # read each equation once, here
    jobs = max(1, min(settings.jobs, len(prepared) or 1))
    if len(prepared) > 1:  # many runs: each worker's zygote sets its next sandbox up in advance
        from eq2code.code.sandbox import platform

        platform.keep_armed()
    if jobs == 1:
        results = [_check_pair(pair, eq, settings) for pair, eq in prepared]
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="eq2code-check") as pool:
            results = list(pool.map(lambda item: _check_pair(item[0], item[1], settings), prepared))
    return finish(results, settings, extra or [])


class _EquationStore:
    """Equation files read once per run (the cache makes a re-read cheap across runs)."""

    def __init__(self, load_equation: Callable[[str], Any]):
        self.load = load_equation
        self.files: dict[tuple, Any] = {}

    def get(self, pair: Pair) -> Any:
        if pair.problem is not None or pair.equation is None:
            return None
        if pair.docstring_text is not None:
            key: tuple = ("docstring", os.path.abspath(pair.impl), pair.docstring_text)
        else:
            key = ("file", os.path.abspath(pair.equation))
        if key not in self.files:
            try:
                if pair.docstring_text is not None:
                    from eq2code.equation.cache import read_equation

                    self.files[key] = read_equation(pair.equation, pair.docstring_text)
                else:
                    self.files[key] = self.load(pair.equation)
            except Exception as e:  # a missing/unreadable file: a finding on this pair
                log.debug("cannot read the equation file %s", pair.equation, exc_info=True)
                self.files[key] = e
        return self.files[key]


def _check_pair(pair: Pair, eq_file: Any, settings: Settings) -> PairResult:
    from eq2code.checking.check import Options, run_check

    if pair.problem is not None or isinstance(eq_file, BaseException) or eq_file is None:
        detail = pair.problem or _describe(eq_file)
        f = Finding("equation-file", pair.impl, Range.of(pair.line, 0, pair.line, 0), {"detail": detail},
                    rule=pair.rule, function=pair.function, expression=f"{pair.origin}:{pair.equation or pair.rule}")
        rec = CheckRecord(pair.equation or "", pair.impl, pair.function, "error", [], settings.seed, pair.rule)
        return PairResult(pair, rec, [f])
    if pair.snippet is not None:  # code in a Markdown file or notebook (documents.py)
        from eq2code.project.documents import check_pair

        return check_pair(pair, eq_file, settings)
    options = Options(function=pair.function, maps=dict(settings.maps), seed=settings.seed,
                      timeout=settings.timeout, no_exec=settings.no_exec, rule=pair.rule, aliases=pair.aliases,
                      fixes=settings.fixes)
    if settings.memory_mb is not None and hasattr(options, "memory_mb"):
        options.memory_mb = settings.memory_mb
    try:
        result = run_check(eq_file, pair.impl, options)
    except Exception as e:  # a fault of eq2code on this pair: reported, the run goes on
        log.debug("internal error checking %s", pair.impl, exc_info=True)
        f = Finding("internal-error", pair.impl, Range.of(pair.line, 0, pair.line, 0),
                    {"detail": f"{type(e).__name__}: {e}"}, rule=pair.rule, function=pair.function)
        rec = CheckRecord(pair.equation or "", pair.impl, pair.function, "error", [], settings.seed, pair.rule)
        return PairResult(pair, rec, [f])
    findings = list(result.findings)
    if pair.docstring_text is not None:
        _relate_to_docstring(findings, eq_file)
    return PairResult(pair, result.record, findings)


def _relate_to_docstring(findings: list[Finding], eq_file: Any) -> None:
    """A docstring's equation lives in the .py file itself, where `check` adds no related
    location; point the function's findings at the docstring's equation."""
    from eq2code.findings.model import Related

    main = getattr(eq_file, "main", None)
    if main is None:
        return
    inside = [(e.range.start.line, e.range.end.line) for e in eq_file.equations]
    for f in findings:
        if f.related or any(a <= f.range.start.line <= b for a, b in inside):
            continue
        f.related.append(Related(f.path, main.range, main.latex.strip()))


def _describe(error: Any) -> str:
    if error is None:
        return "no equation file"
    text = str(error) or type(error).__name__
    return text


# ----------------------------------------------------------------------------- after the checks


def finish(results: list[PairResult], settings: Settings, extra: list[Finding] | None = None) -> RunResult:
    """Suppressions, unused suppressions, the baseline, the exit status, one sorted report
    (`extra`: findings that belong to no pair, e.g. a lone equation file's own claims)."""
    results = sorted(results, key=lambda r: r.pair.sort_key())
    comments = _suppressions(results) if settings.honour_suppressions else {}
    kept_by_result: list[list[Finding]] = []
    excused: list[bool] = []
    suppressed = 0
    seen: set[tuple] = set()
    for r in results:
        kept, dropped = _apply_suppressions(r.findings, comments)
        suppressed += len(dropped)
        excused.append(any(f.effective_severity == Severity.ERROR for f in dropped))
        unique = []
        for f in kept:  # one equation file's problem is reported once, not once per pair
            k = _identity(f)
            if k not in seen:
                seen.add(k)
                unique.append(f)
        kept_by_result.append(unique)
    findings = [f for fs in kept_by_result for f in fs] + list(extra or [])
    if not settings.no_exec and comments:
        from eq2code.project.suppress import unused

        judged = _judged(results, comments)
        findings += unused([s for sups in comments.values() for s in sups if id(s) in judged])
    written = None
    if settings.write_baseline is not None:
        from eq2code.project.baseline import write

        written = write(settings.write_baseline, findings)
    baselined = 0
    if settings.baseline is not None and settings.write_baseline is None:
        findings, known = _baselined(findings, settings.baseline, settings.baseline_required)
        baselined = len(known)
        if known:
            excused = [ex or any(f.effective_severity == Severity.ERROR and f in known for f in r.findings)
                       for ex, r in zip(excused, results)]
    from eq2code.findings.messages import detect_lang

    if settings.grading:  # a failed check is a failed check, whatever the checked files say
        excused = [False] * len(results)
    else:  # a failure the project's own suppressions or baseline account for: said so
        error_paths = {id(f) for f in findings if f.effective_severity == Severity.ERROR}
        for r, ex in zip(results, excused):
            if ex and r.record.verdict in ("fail", "error") and not any(id(f) in error_paths for f in r.findings):
                r.record.verdict = "excused"
    report = Report([r.record for r in results], findings, detect_lang(settings.lang))
    code = exit_code(results, findings, excused, settings.fail_on, strict=settings.grading)
    if written is not None and not settings.grading:
        code = 0
    return RunResult(report, code, len(results), suppressed, baselined, written)


def _suppressions(results: list[PairResult]) -> dict[str, list]:
    """The `# eq2code: ignore[...]` comments of the run's files, by normalised path (files with
    none left out): the files checked and the files findings point into (a notebook snippet
    spans cells)."""
    from eq2code.project import suppress  # only where they are honoured: grading reads none

    shown: dict[str, str] = {}  # normalised path → the path as the report shows it
    for r in results:
        for path in (r.record.implementation, r.pair.equation, *sorted({f.path for f in r.findings})):
            if path:
                shown.setdefault(suppress.key(path), path)
    comments = {k: suppress.read_suppressions(path) for k, path in sorted(shown.items())}
    return {k: v for k, v in comments.items() if v}


def _apply_suppressions(findings: list[Finding], comments: dict[str, list]) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): `suppress.apply`, which marks the comments used."""
    if not comments:
        return list(findings), []
    from eq2code.project.suppress import apply

    out = apply(findings, comments)
    return out.kept, out.suppressed


def _baselined(findings: list[Finding], path: Path, required: bool) -> tuple[list[Finding], list[Finding]]:
    """(findings the baseline does not know, findings it absorbs); a baseline file that cannot be
    read absorbs nothing, unless it was named on the command line (`required`: `RunError`)."""
    from eq2code.project import baseline

    try:
        base = baseline.read(path)
    except baseline.BaselineError as e:
        if required:
            raise RunError(str(e)) from None
        return findings, []
    return base.filter(findings)


def _identity(f: Finding) -> tuple:
    return (f.name, os.path.abspath(f.path), f.range, repr(sorted(f.params.items(), key=lambda kv: kv[0])))


def _judged(results: list[PairResult], comments: dict[str, list]) -> set[int]:
    """The suppressions this run can call unused: those inside a function whose check ran to
    a verdict (pass or fail), those outside every function of a file with such a check, and
    those of an equation file every check of which ran to a verdict. A suppression elsewhere
    (a function this run did not check, e.g. pre-commit passed only an equation file) is
    left alone."""
    from eq2code.project.suppress import function_spans, key

    judged: set[int] = set()
    by_file: dict[str, list[PairResult]] = {}
    for r in results:
        for path in {r.record.implementation, r.pair.equation}:
            if path:
                by_file.setdefault(key(path), []).append(r)
    for k, sups in comments.items():
        rs = by_file.get(k, [])
        done = [r for r in rs if r.record.verdict in ("pass", "fail")]
        if not done:
            continue
        as_impl = [r for r in done if key(r.record.implementation) == k]
        if not as_impl:  # an equation file: judged when every check using it finished
            if len(done) == len(rs):
                judged.update(id(s) for s in sups)
            continue
        spans = function_spans(rs[0].record.implementation)
        checked = {r.record.function for r in as_impl}
        for s in sups:
            owners = [name for name, (a, b) in spans.items() if a <= s.line <= b]
            if not owners or any(n in checked for n in owners):
                judged.add(id(s))
    return judged


def exit_code(results: list[PairResult], findings: list[Finding], excused: list[bool], fail_on: str,
              strict: bool = False) -> int:
    """1 when a finding at or above `fail_on` remains, or a check failed for a reason no
    suppression or baseline entry accounts for; else 0. `strict` (grading): 1 whenever a
    check did not pass."""
    worst = Severity.WARNING if fail_on == "warning" else Severity.ERROR
    if any(f.effective_severity <= worst for f in findings):
        return 1
    if strict and any(r.record.verdict in ("fail", "error") for r in results):
        return 1
    for r, ex in zip(results, excused):
        if r.record.verdict in ("fail", "error") and not ex and not any(
                f.effective_severity == Severity.ERROR for f in r.findings):
            return 1
    return 0


def no_pairs_message(paths: list[str], config: Config) -> str:
    where = ", ".join(paths) if paths else ", ".join(display(p) for p in (config.paths or [config.root]))
    return (f"no equation–implementation pairs found under {where} (tag a function with "
            f"'# eq2code: eq=PATH' or '# eq2code: rule=NAME', or see docs/ci.md)")
