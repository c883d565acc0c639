"""One check: an equation file against an implementation, from LaTeX to verdict.

prepare (the equation, the function, the mapping) → draw trials (`reference.inputs`) →
compute the references (`reference.evaluate`) → run the function on every trial in one
sandboxed child (`run`) → judge (`judge`: compare, name the mistake, notes). Nothing here
prints: reporters do. An unexpected fault becomes an `internal-error` finding (the trace is
logged; `--verbose` shows it), never a traceback.
"""

from __future__ import annotations

from dataclasses import replace

from eq2code.base.log import get_logger
from eq2code.base.span import Range
from eq2code.checking import prepare
from eq2code.checking.context import CheckContext
from eq2code.checking.options import CheckResult, Options
from eq2code.checking.run import report_failure, run_trials
from eq2code.code.loader import UNNAMED_PICKS, FunctionInfo, Mapping, ModuleInfo, candidates, swappable
from eq2code.code.sandbox.runner import SandboxError
from eq2code.equation.model import Equation, EquationFile
from eq2code.findings.model import Severity
from eq2code.findings.phrases import Phrase
from eq2code.reference import trial_cache

log = get_logger(__name__)

__all__ = ["CheckResult", "Options", "run_check"]


def run_check(eq_file: EquationFile, impl_path: str, options: Options) -> CheckResult:
    ctx = CheckContext(eq_file, impl_path, options)
    try:
        result = _run(ctx)
        if options.fixes and result.findings:
            from eq2code.checking import fixing

            fixing.attach(ctx, result, lambda copy: run_check(eq_file, copy, replace(options, fixes=False)))
        return result
    except Exception as e:  # a fault of eq2code: a finding with the trace in the log, never a traceback
        log.debug("internal error checking %s against %s", impl_path, eq_file.path, exc_info=True)
        at = ctx.function.range if ctx.function is not None else Range.of(0, 0, 0, 0)
        ctx.add("internal-error", impl_path, at, detail=f"{type(e).__name__}: {e}")
        return ctx.result("error")


MAX_ALTERNATIVES = 6  # other readings tried (argument orders, candidate functions), each one sandbox run


def _run(ctx: CheckContext) -> CheckResult:
    eq = prepare.equation(ctx)
    if eq is None:
        return ctx.result("error")
    mod = prepare.module(ctx)
    if mod is None:
        return ctx.result("error")
    func = prepare.function(ctx, mod, eq)
    if func is None:
        chosen = None if ctx.options.no_exec else _by_behaviour(ctx, eq, candidates(mod))
        return chosen or ctx.result("error")
    raw, eq = eq, prepare.reading_for(ctx, eq, func)
    found = prepare.mapping(ctx, func, eq)
    if found is None:
        return _unnamed_pick_failed(ctx, raw, mod, func) or ctx.result("error")
    if ctx.options.no_exec:
        return ctx.result("pass")
    result = _attempt(ctx, eq, func, found)
    if not _passed(result):
        return _unnamed_pick_failed(ctx, raw, mod, func) or result
    return result


def _unnamed_pick_failed(ctx: CheckContext, eq: Equation, mod: ModuleInfo, func: FunctionInfo) -> CheckResult | None:
    """The file's only public function (or only class) was taken although no name said so, and
    it does not implement the equation: it may be a helper of the function that does (the
    `softmax` beside `SoftmaxWithLoss`, `Sigmoid.__call__` beside `Sigmoid.gradient`). Another
    function whose results match is taken instead (said in a note); else the first reading stands."""
    if ctx.options.no_exec or func.picked not in UNNAMED_PICKS:
        return None
    return _by_behaviour(ctx, eq, [f for f in candidates(mod) if f.name != func.name])


def _attempt(ctx: CheckContext, eq: Equation, func: FunctionInfo, found: Mapping) -> CheckResult:
    """Run the function as mapped; when it fails, the other readings the evidence may support."""
    result = _execute(ctx, eq, func, found)
    if result.record.verdict == "fail":
        return _other_argument_order(ctx, eq, func, found) or _scalars_as_arrays(ctx, eq, func, found, result) \
            or _other_representation(ctx, eq, func, found) or result
    return result


def result_context(result: CheckResult, ctx: CheckContext) -> CheckContext:
    """A context whose notes go into `result` (an alternative attempt made its own context)."""
    out = _fresh(ctx, ctx.function) if ctx.function is not None else ctx
    out.findings = result.findings
    return out


def _fresh(ctx: CheckContext, func: FunctionInfo) -> CheckContext:
    return CheckContext(ctx.eq_file, ctx.impl_path, ctx.options, equation=ctx.equation, function=func)


def _passed(result: CheckResult) -> bool:
    return result.record.verdict == "pass" and not any(
        f.effective_severity == Severity.ERROR for f in result.findings)


def _other_argument_order(ctx: CheckContext, eq: Equation, func: FunctionInfo,
                          found: Mapping) -> CheckResult | None:
    """Mapping by evidence: when the names do not claim the roles of two same-shaped inputs,
    the order that reproduces the equation on every trial is the function's (said in a note)."""
    for a, b in swappable(eq, found)[:MAX_ALTERNATIVES]:
        other = found.with_swapped(a, b)
        alt = _fresh(ctx, func)
        alt.mapping = other
        result = _execute(alt, eq, func, other)
        if _passed(result):
            pin = " ".join(f"--map {s}={other.how[s]}" for s in (a, b))
            from eq2code.checking.judge import assume

            assume(alt, "argument-order", f"{other.how[a]} ← {a}, {other.how[b]} ← {b}", pin)
            return result
    return None


def _scalars_as_arrays(ctx: CheckContext, eq: Equation, func: FunctionInfo, found: Mapping,
                       first: CheckResult) -> CheckResult | None:
    """Code written for arrays (`x.copy()`, `(x > 0).astype(float)`) given a Python float fails;
    given the same number as a 0-d array it may be right — or get far enough to show what it
    really computes (then that failure is the clearer one)."""
    if not any(s.role == "scalar" for s in eq.inputs) or found.scalar_arrays:
        return None
    other = replace(found, scalar_arrays=True)
    alt = _fresh(ctx, func)
    alt.mapping = other
    result = _execute(alt, eq, func, other)
    if _passed(result):
        from eq2code.checking.judge import assume

        assume(alt, "scalar-array")
        return result
    crashed = {"exception", "wrong-type"}
    if any(f.name in crashed for f in first.findings) and not any(f.name in crashed for f in result.findings):
        return result
    return None


def _other_representation(ctx: CheckContext, eq: Equation, func: FunctionInfo,
                          found: Mapping) -> CheckResult | None:
    """The inputs in the form much correct code takes them (`reference/representations.py`): a
    class index for a one-hot vector, logits for probabilities, a log-variance for σ. Each
    fitting representation alone first (the fewest assumptions), then all together; kept only
    when it passes."""
    from eq2code.reference import representations  # only for a function that failed as mapped

    specs = {s.name: s for s in eq.inputs}
    defaulted = [p.name for p in func.params if p.has_default and p.name not in found.keyword]
    options = [(name, r.key) for name, param in found.how.items() if name in specs
               for r in representations.fitting(specs[name], param)
               if not (r.key == "logits" and found.by.get(name) in ("explicit", "name"))
               and not representations.switched(r.key, defaulted)]
    if not options:
        return None
    tries = [dict([o]) for o in options] + ([dict(options)] if len(options) > 1 else [])
    for chosen in tries[:MAX_ALTERNATIVES]:
        other = replace(found, representations=chosen)
        alt = _fresh(ctx, func)
        alt.mapping = other
        result = _execute(alt, eq, func, other)
        if _passed(result):
            from eq2code.checking.judge import assume

            for name, key in chosen.items():
                assume(alt, f"representation-{key}", representations.formula(key, found.how[name], specs[name]))
            return result
    return None


def _by_behaviour(ctx: CheckContext, eq: Equation, options: list[FunctionInfo]) -> CheckResult | None:
    """When names do not decide between several functions: the one whose results match — or, when
    only one of them can take the equation's inputs at all (`compute_cost(X, y, w, b)` beside
    `sigmoid(z)`), that one's verdict, failure included: the report names the function it checked."""
    tried = 0
    only: CheckResult | None = None
    for func in options:
        trial_ctx = _fresh(ctx, func)
        reading = prepare.reading_for(trial_ctx, eq, func)
        found = prepare.mapping(trial_ctx, func, reading)
        if found is None:
            continue
        tried += 1
        if tried > MAX_ALTERNATIVES:
            break
        result = _attempt(trial_ctx, reading, func, found)
        if _passed(result):
            from eq2code.checking.judge import assume

            assume(result_context(result, trial_ctx), "chosen-function", func.name, f"--function {func.name}")
            return result
        only = result if tried == 1 else None
    return only if tried == 1 else None


def _execute(ctx: CheckContext, eq: Equation, func: FunctionInfo, found: Mapping) -> CheckResult:
    cached = trial_cache.load(eq, ctx.options.seed)  # the same trials and values, drawn before
    if cached is not None:
        trials, expected = cached
    else:
        from eq2code.reference.evaluate import EvaluationError  # a warm check does not evaluate

        try:
            draw = prepare.trials_and_references(eq, ctx.options.seed)
        except (EvaluationError, MemoryError, RecursionError) as e:
            detail = str(e) if isinstance(e, EvaluationError) else f"{type(e).__name__}: {str(e)[:200]}"
            ctx.add("not-checkable", ctx.eq_path, eq.range,
                    reason=Phrase("cannot-evaluate", {"error": detail})).severity = Severity.ERROR
            return ctx.result("error")
        trials, expected = draw.trials, draw.expected
        if draw.narrowed:  # said on every run: not cached (the note could not be rebuilt from the cache)
            _narrowed_note(ctx, eq, draw.narrowed)
        else:
            trial_cache.store(eq, ctx.options.seed, trials, expected)
    try:
        outcome = run_trials(ctx, eq, func, found, trials, expected)
    except SandboxError as e:
        ctx.add("internal-error", ctx.impl_path, func.range, detail=str(e))
        return ctx.result("error")
    if outcome.status != "ok" and not outcome.results:
        report_failure(ctx, outcome)
        return ctx.result("fail")
    from eq2code.checking.judge import judge  # imported while the child ran (run.AFTER_THE_RUN)

    return judge(ctx, eq, trials, expected, outcome)


def _narrowed_note(ctx: CheckContext, eq: Equation, narrowed: dict) -> None:
    """Say that inputs were drawn in a narrower space, where the equation is defined."""
    by_space: dict[str, list[str]] = {}
    for name, space in narrowed.items():
        spec = next((s for s in eq.inputs if s.name == name), None)
        by_space.setdefault(space.latex, []).append(spec.latex if spec is not None else name)
    for space, names in by_space.items():
        ctx.add("ambiguous-notation", ctx.eq_path, eq.range, construct=", ".join(names),
                reading=Phrase("read-defined-domain", {"space": space}))
