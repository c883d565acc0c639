"""One check: an equation file against an implementation, from LaTeX to verdict.

prepare (the equation, the function, the mapping) → draw trials (`reference.inputs`) →
compute the references (`reference.evaluate`) → run the function on every trial in one
sandboxed child (`run`) → judge (`judge`: compare, name the mistake, notes). Nothing here
prints: reporters do. An unexpected fault becomes an `internal-error` finding (the trace is
logged; `--verbose` shows it), never a traceback.
"""

from __future__ import annotations

import logging

from eq2code.base.span import Range
from eq2code.checking import prepare
from eq2code.checking.context import CheckContext
from eq2code.checking.judge import judge
from eq2code.checking.options import CheckResult, Options
from eq2code.checking.run import report_failure, run_trials
from eq2code.code.loader import FunctionInfo, Mapping
from eq2code.code.sandbox.runner import SandboxError
from eq2code.equation.model import Equation, EquationFile
from eq2code.findings.model import Severity
from eq2code.reference.evaluate import EvaluationError
from eq2code.reference.inputs import make_trials

log = logging.getLogger(__name__)

__all__ = ["CheckResult", "Options", "run_check"]


def run_check(eq_file: EquationFile, impl_path: str, options: Options) -> CheckResult:
    ctx = CheckContext(eq_file, impl_path, options)
    try:
        return _run(ctx)
    except Exception as e:  # a fault of eq2code: a finding with the trace in the log, never a traceback
        log.debug("internal error checking %s against %s", impl_path, eq_file.path, exc_info=True)
        at = ctx.function.range if ctx.function is not None else Range.of(0, 0, 0, 0)
        ctx.add("internal-error", impl_path, at, detail=f"{type(e).__name__}: {e}")
        return ctx.result("error")


def _run(ctx: CheckContext) -> CheckResult:
    eq = prepare.equation(ctx)
    if eq is None:
        return ctx.result("error")
    mod = prepare.module(ctx)
    if mod is None:
        return ctx.result("error")
    func = prepare.function(ctx, mod, eq)
    if func is None:
        return ctx.result("error")
    found = prepare.mapping(ctx, func, eq)
    if found is None:
        return ctx.result("error")
    if ctx.options.no_exec:
        return ctx.result("pass")
    return _execute(ctx, eq, func, found)


def _execute(ctx: CheckContext, eq: Equation, func: FunctionInfo, found: Mapping) -> CheckResult:
    trials = make_trials(eq, ctx.options.seed)
    expected = []
    for t in trials:
        try:
            expected.append(prepare.reference_value(eq, t))
        except (EvaluationError, MemoryError, RecursionError) as e:
            detail = str(e) if isinstance(e, EvaluationError) else f"{type(e).__name__}: {str(e)[:200]}"
            ctx.add("not-checkable", ctx.eq_path, eq.range,
                    reason=f"the equation cannot be evaluated: {detail}").severity = Severity.ERROR
            return ctx.result("error")
    try:
        outcome = run_trials(ctx, eq, func, found, trials, expected)
    except SandboxError as e:
        ctx.add("internal-error", ctx.impl_path, func.range, detail=str(e))
        return ctx.result("error")
    if outcome.status != "ok" and not outcome.results:
        report_failure(ctx, outcome)
        return ctx.result("fail")
    return judge(ctx, eq, trials, expected, outcome)
