"""Judging the results: each trial's result against its reference (`compare`), the verdict,
and the evidence that names what is wrong or notes what is right in another way — a mutated
reference the code matches (`diagnosis.naming`), a static pattern (missing keepdims, an
untransposed product), an accepted variant (ε in a log, a scale applied early), and the
robustness notes (batch axes, stress trials, inputs changed in place, float32).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from eq2code.base.span import Range
from eq2code.checking import evidence
from eq2code.checking.context import CheckContext
from eq2code.checking.options import CheckResult
from eq2code.checking.prepare import math_values
from eq2code.checking.run import report_failure
from eq2code.code.sandbox.api import CallResult, RunOutcome
from eq2code.equation.model import Equation
from eq2code.findings.model import Severity
from eq2code.findings.phrases import Phrase
from eq2code.reference.compare import compare, shape_names
from eq2code.reference.inputs import Trial

if TYPE_CHECKING:
    from eq2code.checking.localize import Culprit

# A passing check needs none of the diagnosis: localization (`checking.localize`), the named
# mistakes (`diagnosis.naming`), the static locator (`code.static`) and the evaluator (the batch
# notes' evidence) are imported where a failure or a note asks for them (docs/performance.md).

VARIANT_RTOL = 1e-5  # an accepted ε variant whose ε sits a little elsewhere (a helper, after a gather)
EPSILON_RTOL = 1e-4  # how far an ε such as 1e-7 inside a log moves a value (relative), at most
# Named mistakes whose static locator only guesses (a term, a scale anywhere): the values decide.
VALUE_FIRST = {"missing-term", "wrong-scale"}
NO_VALUE = 1e300  # the score of a trial that gave no value: worse than any numeric difference
# the clearest problem first: exceptions and shapes, then the smallest counterexample
RANK = {"exception": 0, "no-return": 0, "wrong-type": 0, "resource-limit": 0, "wrong-shape": 1,
        "nonfinite-output": 2, "numeric-mismatch": 3}


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class TrialRun:
    """One trial, the equation's value on it, and what the code returned."""

    trial: Trial
    expected: np.ndarray
    result: CallResult


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class TrialProblem:
    """Why one trial's result is not the equation's value: a finding name, its parameters,
    where it points, and how far off it is (to pick the clearest counterexample)."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)
    range: Range | None = None
    score: float = 0.0


def judge(ctx: CheckContext, eq: Equation, trials: list[Trial], expected: list[np.ndarray],
          outcome: RunOutcome) -> CheckResult:
    """The verdict on the results as returned; when the core trials fail so, the same results
    read by a common convention (a part of a returned tuple/dict, an argument updated in place,
    a column for a vector) that the core trials all agree with."""
    reading = matching_reading(ctx, eq, trials, expected, outcome)
    if reading is None:
        result = judge_as_returned(ctx, eq, trials, expected, outcome)
    else:
        returned = outcome
        convention, detail, outcome = reading
        if convention == "in-place-update":  # the update is the contract: no input-mutated note on it
            outcome = replace(outcome, results=[replace(r, mutated=[m for m in r.mutated if m not in r.after])
                                                for r in outcome.results])
        result = judge_as_returned(ctx, eq, trials, expected, outcome)
        if result.record.verdict == "pass" and convention == "return-component" and \
                other_rows_wrong(ctx, eq, trials, returned, detail):
            return ctx.result("fail")
        if result.record.verdict == "pass" and convention != "unmatched":
            assume(ctx, convention, detail)
    if result.record.verdict == "pass":
        mapping_notes(ctx)
        skipped_note(ctx, outcome.script_skipped)
    return result


def other_rows_wrong(ctx: CheckContext, eq: Equation, trials: list[Trial], returned: RunOutcome,
                     detail: str) -> bool:
    """The block's other rows against the other parts of the returned tuple (rows.py): a part
    that should be one of them and differs is the finding, on the def line."""
    from eq2code.checking.rows import other_rows

    assert ctx.function is not None
    core = [(t, r) for t, r in zip(trials, returned.results) if t.form == "core"]
    main_key = detail[1:-1] if detail.startswith("[") else detail.strip("'\"")
    mismatch = other_rows(ctx, eq, core, [_parts(r) for _, r in core], main_key)
    if mismatch is None:
        return False
    params = dict(mismatch.params)
    ctx.add(params.pop("name"), ctx.impl_path, ctx.function.range, **params)
    return True


def _shown_value(value: Any) -> str:
    """An inferred argument as the note shows it: `h` for the size h, `1` for all ones, `-1`."""
    if isinstance(value, tuple):
        return str(value[1]) if value[:1] == ("size",) and len(value) > 1 else "1"
    return repr(value)


def assume(ctx: CheckContext, convention: str, detail: str | Phrase = "", pin: str = "") -> None:
    """Say what the pass assumed (an info on the def line)."""
    assert ctx.function is not None
    ctx.add("convention-assumed", ctx.impl_path, ctx.function.range, convention=convention,
            detail=detail or None, pin=pin or None)


def skipped_note(ctx: CheckContext, skipped: dict) -> None:
    """The module's script code failed (or ran out of time) on import and only its definitions ran."""
    if not skipped:
        return
    line = f", line {skipped['lineno']}" if skipped.get("lineno") else ""
    if "timeout" in skipped:
        assume(ctx, "definitions-only", Phrase("import-timed-out", {"seconds": skipped["timeout"]}))
    else:
        assume(ctx, "definitions-only", f"{skipped.get('exc_type')}: {skipped.get('exc_message')}{line}")


def judge_as_returned(ctx: CheckContext, eq: Equation, trials: list[Trial], expected: list[np.ndarray],
                      outcome: RunOutcome) -> CheckResult:
    runs = [TrialRun(t, e, r) for t, e, r in zip(trials, expected, outcome.results)]
    core = [r for r in runs if r.trial.form == "core"]
    batched = [r for r in runs if r.trial.form == "batched"]
    stress = [r for r in runs if r.trial.form == "stress"]
    core_problems = [problem(ctx, eq, r) for r in core]
    batch_problems = [problem(ctx, eq, r) for r in batched]
    if outcome.status != "ok":  # any trial that ended abnormally fails the check, stress trials too
        report_failure(ctx, outcome)
        return ctx.result("fail")
    n_core = len([t for t in trials if t.form == "core"])
    core_ok = all(p is None for p in core_problems) and len(core) == n_core
    batch_ok = bool(batched) and all(p is None for p in batch_problems)
    if core_ok:
        ctx.forms.append("core")
    if batch_ok:
        ctx.forms.append("batched")
    if core_ok or batch_ok:
        mutation_note(ctx, core + batched)
    if core_ok:
        batch_note(ctx, eq, batched, batch_problems)
        if stress_notes(ctx, eq, [r for r in stress if not r.trial.batch or batch_ok]):
            return ctx.result("fail")  # wrong at large magnitude with no exp to overflow: an error
        static_notes(ctx, eq)
        return ctx.result("pass")
    if batch_ok and all(p is None or rejects_shape(p) for p in core_problems):
        assert ctx.function is not None
        ctx.add("rejects-core-form", ctx.impl_path, ctx.function.range,
                detail=Phrase("right-only-batched"))
        stress_notes(ctx, eq, [r for r in stress if r.trial.batch])  # code for batches: stressed as one
        return ctx.result("pass")
    if accepted_variant(ctx, eq, core):
        ctx.forms.append("core")
        return ctx.result("pass")
    if not named_mistake(ctx, eq, core) and not static_mistake(ctx, eq, core):
        report_core(ctx, core, core_problems)
    return ctx.result("fail")


# ----------------------------------------------------------------------------- readings


def mapping_notes(ctx: CheckContext) -> None:
    """The conventions the call assumed: the textbook's labels, inferred parameters, a layer class."""
    func, found = ctx.function, ctx.mapping
    if func is None or found is None:
        return
    for convention in found.conventions:
        if convention == "textbook-labels":
            detail = ", ".join(f"{found.how[s]} ← {s}" for s in sorted(found.how) if found.how[s] in ("t", "y", "x"))
        elif convention == "inferred-parameter":
            detail = ", ".join(f"{k}={_shown_value(v)}" for k, v in found.inferred.items())
        elif convention == "function-argument":
            detail = ", ".join(f"{p} ← {fn.head_latex or fn.name}" for p, fn in found.callables.items())
        elif convention == "intercept-in-front":
            detail = ", ".join(f"{p}[0] ← {name}, {p}[1:] ← {found.keyword[p].name}" for p, name in found.front.items())
        elif convention == "entries-as-vector":
            detail = ", ".join(f"{p}[{k}] ← {name}" for p, names in found.packed.items()
                               for k, name in enumerate(names))
        else:
            detail = ""
        assume(ctx, convention, detail)
    if func.owner is not None and not func.static:
        ctor = [p.name for p in func.params if p.owner == "ctor" and p.name in found.keyword]
        method = [p.name for p in func.params if p.owner == "call" and p.name in found.keyword]
        call = f"{func.owner}({', '.join(ctor)}).{func.name.rpartition('.')[2]}({', '.join(method)})"
        assume(ctx, "class-layer", call, pin=f"--function {func.name}")


def matching_reading(ctx: CheckContext, eq: Equation, trials: list[Trial], expected: list[np.ndarray],
                     outcome: RunOutcome) -> tuple[str, str, RunOutcome] | None:
    """Another reading of the results under which every core trial is right, or None (also
    when the results as returned are already right)."""
    core = [(t, e, r) for t, e, r in zip(trials, expected, outcome.results) if t.form == "core"]
    if not core or len(core) != len([t for t in trials if t.form == "core"]):
        return None
    if all(_right(t, e, r.value, r.dtype) for t, e, r in core if r.status == "ok") and \
            all(r.status == "ok" for _, _, r in core):
        return None
    readings = _readings(ctx, eq, [r for _, _, r in core])
    for convention, detail, pick in readings:
        if all(_right(t, e, pick(r), r.dtype) for t, e, r in core):
            results = [_replaced(r, pick(r)) for r in outcome.results]
            return convention, detail, replace(outcome, results=results)
    # nothing matches: judge the one reading the code evidently means (so that its mistake is
    # named): the update it makes in place when it returns nothing, or the part of a returned
    # tuple/dict that has the equation's shape
    for convention, detail, pick in readings:
        if (convention == "in-place-update" and all(r.status == "no-return" for _, _, r in core)) or \
                (convention == "return-component" and all(
                    (r.status == "wrong-type" or r.result_type == "tuple") and pick(r) is not None
                    and np.shape(pick(r)) == np.shape(e) for _, e, r in core)):
            results = [_replaced(r, pick(r)) for r in outcome.results]
            return "unmatched", detail, replace(outcome, results=results)
    return None


def _readings(ctx: CheckContext, eq: Equation, core: list[CallResult]) -> list[tuple[str, str, Any]]:
    """(convention, detail, value picker) for each reading the core results all allow."""
    out: list[tuple[str, str, Any]] = []
    keys = set.intersection(*(set(_parts(r)) for r in core)) if core else set()
    for key in sorted(keys, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k)):
        out.append(("return-component", f"[{key}]" if key.isdigit() else repr(key),
                    lambda r, k=key: _parts(r).get(k)))
    changed = set.intersection(*(set(r.after) for r in core)) if core else set()
    for name in sorted(changed):
        base, _, key = name.partition("[")
        shown = evidence.param_name(ctx, base) + (f"[{key}" if key else "")
        out.append(("in-place-update", shown, lambda r, n=name: r.after.get(n)))
    if any(s.inferred for s in eq.inputs if s.role != "size"):  # declarations fix the layout otherwise
        out.append(("column-layout", "", lambda r: _squeezed(r.value)))
    return out


MAX_SCALAR_PARTS = 16  # a returned tuple of at most this many numbers may be several values


def _parts(result: CallResult) -> dict[str, np.ndarray]:
    """The parts of a tuple/dict return; a tuple of numbers (`return p_trans, p_obs`, the rows of a
    block of scalar definitions) arrives as one vector, whose entries are then its parts."""
    if result.components:
        return result.components
    value = result.value
    if result.result_type == "tuple" and value is not None and value.ndim == 1 and \
            2 <= value.shape[0] <= MAX_SCALAR_PARTS:
        return {str(i): value[i] for i in range(value.shape[0])}
    return {}


def _squeezed(value: np.ndarray | None) -> np.ndarray | None:
    """A column (N, 1) or row (1, N) read as the vector (N,); a (1,) or (1, 1) as a scalar."""
    if value is None or value.ndim == 0 or 1 not in value.shape:
        return None
    return np.squeeze(value)


def _right(trial: Trial, expected: np.ndarray, value: np.ndarray | None, dtype: str) -> bool:
    return value is not None and compare(expected, value, trial.sizes, "", dtype) is None


def _replaced(result: CallResult, value: np.ndarray | None) -> CallResult:
    if value is None:
        return result
    return replace(result, status="ok", value=value, exc_type="", exc_message="")


# ----------------------------------------------------------------------------- one trial


def problem(ctx: CheckContext, eq: Equation, run: TrialRun) -> TrialProblem | None:
    """What is wrong with one trial's result, or None when it is the equation's value."""
    assert ctx.function is not None
    trial, result, func = run.trial, run.result, ctx.function
    if result.status == "exception":
        return TrialProblem("exception", {"type": result.exc_type, "detail": result.exc_message,
                                          "form": evidence.form_text(trial)},
                            ctx.user_range(result.lineno, result.col, result.end_col), NO_VALUE)
    if result.status == "no-return":
        return TrialProblem("no-return", {}, func.range, NO_VALUE)
    if result.status == "too-large":  # refused in the child: never written, never loaded
        return TrialProblem("resource-limit", {"resource": "result size", "detail": result.exc_message},
                            func.range, NO_VALUE)
    if result.status == "wrong-type":
        detail = "" if result.exc_message.endswith("is not a number or an array") else result.exc_message
        return TrialProblem("wrong-type", {"type": result.result_type or "an unreadable value", "detail": detail},
                            func.range, NO_VALUE)
    exp_shape = shape_names(("batch",) + tuple(eq.output_shape)) if trial.batch else \
        shape_names(tuple(eq.output_shape))
    assert result.value is not None
    found = compare(run.expected, result.value, trial.sizes, exp_shape, result.dtype)
    if found is None:
        if result.dtype in ("float32", "float16") and trial.form == "core" and not ctx.has("float32-output"):
            ctx.add("float32-output", ctx.impl_path, func.range, dtype=result.dtype)
        return None
    params = dict(found.params)
    params["output"] = eq.head_latex or eq.name
    if found.name == "numeric-mismatch":
        params["inputs"] = evidence.inputs_text(eq, trial)
        params["seed"] = str(ctx.options.seed)
    return TrialProblem(found.name, params, func.range, found.score + evidence.size_of(trial) * 1e-9)


SHAPE_ERRORS = ("AxisError", "IndexError", "ValueError", "LinAlgError")
SHAPE_WORDS = ("axis", "dimension", "shape", "index", "broadcast", "aligned", "ndim", "size")


def rejects_shape(p: TrialProblem) -> bool:
    """An exception that only says the input has too few axes (`axis 1 is out of bounds`,
    `tuple index out of range`): the function wants a batch, it does not compute wrongly."""
    if p.name != "exception":
        return False
    message = str(p.params.get("detail", "")).lower()
    return p.params.get("type") in SHAPE_ERRORS and any(w in message for w in SHAPE_WORDS)


def report_core(ctx: CheckContext, core: list[TrialRun], problems: list[TrialProblem | None]) -> None:
    """The clearest of the core trials' problems as the finding."""
    assert ctx.function is not None
    failing = [(r.trial, p) for r, p in zip(core, problems) if p is not None]
    if not failing:
        ctx.add("crashed", ctx.impl_path, ctx.function.range, how=Phrase("run-ended-early"))
        return
    _trial, worst = min(failing, key=lambda tp: (RANK.get(tp[1].name, 9), evidence.size_of(tp[0])))
    at, params = worst.range or ctx.function.range, dict(worst.params)
    if worst.name in ("numeric-mismatch", "nonfinite-output"):  # where the values leave the equation
        culprit = value_culprit(ctx, core)
        if culprit is not None:
            at = culprit.range
            params.update(culprit.params())
    ctx.add(worst.name, ctx.impl_path, at, **params)


def value_culprit(ctx: CheckContext, core: list[TrialRun]) -> Culprit | None:
    """Value-based localization (`localize.py`) on the smallest core trial that returned a wrong value."""
    eq = ctx.equation
    wrong = [r for r in core if r.result.status == "ok" and r.result.value is not None
             and problem(ctx, eq, r) is not None] if eq is not None else []
    if not wrong:
        return None
    run = min(wrong, key=lambda r: evidence.size_of(r.trial))
    from eq2code.checking.localize import culprit_of

    return culprit_of(ctx, eq, run.trial, run.expected)


# ----------------------------------------------------------------------------- naming the mistake


def _runs_with_values(eq: Equation,
                      core: list[TrialRun]) -> list[tuple[dict[str, Any], dict[str, int], np.ndarray, str]]:
    return [(math_values(eq, r.trial.values), r.trial.sizes, r.result.value, r.result.dtype)
            for r in core if r.result.status == "ok" and r.result.value is not None]


GUARD_WORDS = re.compile(r"\b1e-|eps|delta|clip")  # how code guards a log against 0


def guards_log(ctx: CheckContext) -> bool:
    """Does the code's text show an ε guard (1e-7, eps, delta, clip)? Then its values differ
    from the equation's (and from each mutant's) by about that ε."""
    return GUARD_WORDS.search(ctx.source()) is not None


def accepted_variant(ctx: CheckContext, eq: Equation, core: list[TrialRun]) -> bool:
    """ε inside a log (np.log(y + 1e-7)) passes with an info note (spec §2)."""
    from eq2code.diagnosis.naming import name_the_mistake

    runs = _runs_with_values(eq, core)
    if len(runs) != len(core):
        return False
    found = name_the_mistake(eq, runs, eq.variants)
    if found is None and guards_log(ctx):
        found = name_the_mistake(eq, runs, eq.variants, rtol=VARIANT_RTOL)  # the ε applied a little differently
    if found is None:
        return False
    ctx.add("epsilon-variant", ctx.impl_path, evidence.where(ctx, "epsilon-variant"), part=found.part,
            detail=found.detail)
    return True


def named_mistake(ctx: CheckContext, eq: Equation, core: list[TrialRun]) -> bool:
    """A mutated reference the code's output matches on every core trial names the mistake."""
    from eq2code.diagnosis.naming import name_the_mistake

    runs = _runs_with_values(eq, core)
    found = name_the_mistake(eq, runs)
    if found is None and eq.variants and guards_log(ctx):
        found = name_the_mistake(eq, runs, rtol=EPSILON_RTOL)  # the mistake, in code that guards its log
    if found is None:
        return False
    trial = next(r.trial for r in core if r.result.status == "ok")
    assert ctx.function is not None
    at = evidence.where(ctx, found.name, found.part)
    if at == ctx.function.range or found.name in VALUE_FIRST:  # where the values leave the equation
        culprit = value_culprit(ctx, core)
        at = culprit.range if culprit is not None else at
    finding = ctx.add(found.name, ctx.impl_path, at, part=found.part,
                      detail=found.detail or None, inputs=evidence.inputs_text(eq, trial),
                      seed=str(ctx.options.seed))
    finding.severity = Severity.ERROR  # the mistake that makes the code wrong (missing-operation too)
    return True


def static_mistake(ctx: CheckContext, eq: Equation, core: list[TrialRun]) -> bool:
    """An exception explained by the code's pattern: a broadcast error from a reduction
    without keepdims, a matmul shape error from an operand left untransposed."""
    errors = [r.result for r in core if r.result.status == "exception"]
    if not errors:
        return False
    message = " ".join(f"{r.exc_type}: {r.exc_message}" for r in errors)
    facts = evidence.facts(ctx)
    if facts is None:
        return False
    ops = {p["op"] for p in eq.parts}
    if "broadcast" in message and facts.hints_named("missing-keepdims"):
        hint = facts.hints_named("missing-keepdims")[0]
        part = evidence.part_latex(eq, "sum" if "sum" in ops else "softmax")
        ctx.add("missing-keepdims", ctx.impl_path, hint.range, part=part,
                detail=f"{errors[0].exc_type}: {errors[0].exc_message}").severity = Severity.ERROR
        return True
    matmul_error = any(w in message for w in ("matmul", "not aligned", "core dimension", "shapes"))
    if matmul_error and ops & {"transpose", "matmul"}:
        from eq2code.code.static import locate

        at = locate("missing-transpose", facts, "")
        if at is None or not any(r.lineno == at.start.line + 1 for r in errors):
            return False  # the failing line is not the untransposed product
        part = evidence.part_latex(eq, "transpose" if "transpose" in ops else "matmul")
        ctx.add("missing-transpose", ctx.impl_path, at, part=part,
                detail=f"{errors[0].exc_type}: {errors[0].exc_message}").severity = Severity.ERROR
        return True
    return False


# ----------------------------------------------------------------------------- notes on a pass


def static_notes(ctx: CheckContext, eq: Equation) -> None:
    """Accepted variants the code shows by its pattern (the numbers already agreed):
    an ε in a log, a scale applied to an input before the product (Q/√d_k then QKᵀ).
    libcst is imported only when the source text hints at one of them."""
    if ctx.has("epsilon-variant") or ctx.has("equivalent-form"):
        return
    text = ctx.source()
    ops = {p["op"] for p in eq.parts}
    maybe_eps = "log" in ops and re.search(r"\b1e-|eps|clip", text)
    maybe_prescale = "sqrt" in ops and "matmul" in ops and re.search(r"sqrt|\*\*\s*0?\.5", text)
    if not (maybe_eps or maybe_prescale):
        return
    facts = evidence.facts(ctx)
    if facts is None:
        return
    if maybe_eps and facts.hints_named("epsilon-variant"):
        hint = facts.hints_named("epsilon-variant")[0]
        ctx.add("epsilon-variant", ctx.impl_path, hint.range, part=evidence.part_latex(eq, "log"),
                detail=hint.detail)
    elif maybe_prescale:
        scaled = [o for o in facts.ops if o.kind in ("divide", "multiply") and o.args
                  and o.args[0].strip() in facts.params and re.search(r"sqrt|\*\*", o.text)]
        if scaled:
            ctx.add("equivalent-form", ctx.impl_path, scaled[0].range, part=evidence.part_latex(eq, "sqrt"),
                    detail=Phrase("prescaled-input", {"code": scaled[0].text}))


def mutation_note(ctx: CheckContext, runs: list[TrialRun]) -> None:
    """Arguments a call that returned changed in place (one that raised may have been cut off
    before restoring what it changed: `x[i] = v + h; f(x); x[i] = v`)."""
    mutated = sorted({m for r in runs if r.result.status == "ok" for m in r.result.mutated})
    if mutated:
        names = ", ".join(evidence.param_name(ctx, m) for m in mutated)
        ctx.add("input-mutated", ctx.impl_path, evidence.where(ctx, "input-mutated"), argument=names)


def stress_notes(ctx: CheckContext, eq: Equation, stress: list[TrialRun]) -> bool:
    """Robustness warnings from the stress trials; True when one is an error on the code instead
    (a wrong value at large magnitude where the code has no exp that could overflow)."""
    for run in stress:
        trial, result = run.trial, run.result
        if not np.all(np.isfinite(run.expected)):
            continue  # the equation itself is infinite there: nothing to ask of the code
        if trial.batch and result.status == "exception":
            continue  # code for single inputs that rejects a batch: the batch note says so
        if result.status == "ok" and result.value is not None and compare(
                run.expected, result.value, trial.sizes, "", result.dtype) is None:
            continue
        name = "unstable-exp" if trial.label in ("large", "rows") else "log-of-zero"
        if name == "log-of-zero" and within_epsilon(run):
            continue  # finite, off by the size of an ε the code adds (log(p + 1e-12)): accepted
        if name == "unstable-exp" and not has_exp(ctx) and result.status == "ok" and result.value is not None:
            found = compare(run.expected, result.value, trial.sizes, "", result.dtype)
            params = dict(found.params) if found is not None else {}
            params.update(output=eq.head_latex or eq.name, inputs=evidence.inputs_text(eq, trial),
                          seed=str(ctx.options.seed))
            from eq2code.checking.localize import culprit_of

            culprit = culprit_of(ctx, eq, trial, run.expected)
            assert ctx.function is not None
            if culprit is not None:
                params.update(culprit.params())
            ctx.add("numeric-mismatch", ctx.impl_path, culprit.range if culprit else ctx.function.range, **params)
            return True
        if ctx.has(name):
            continue
        part = evidence.part_latex(eq, "exp" if name == "unstable-exp" else "log")
        magnitude = f"{max([float(np.max(np.abs(v))) for v in trial.values.values()] or [0]):.0f}" \
            if name == "unstable-exp" else ""
        ctx.add(name, ctx.impl_path, evidence.where(ctx, name), part=part, magnitude=magnitude,
                detail=Phrase("stress-outcome", {"outcome": stress_outcome(result),
                                                  "inputs": evidence.inputs_text(eq, trial)}))
    return False


EPSILON_ATOL = 1e-6  # what an ε inside a log (1e-7 … 1e-12) may change at a zero probability


def within_epsilon(run: TrialRun) -> bool:
    """A finite result within ε-size of the equation's value (absolute, the value may be 0)."""
    value = run.result.value
    if run.result.status != "ok" or value is None or not np.all(np.isfinite(value)):
        return False
    try:
        return bool(np.allclose(np.asarray(value, dtype=float), np.asarray(run.expected, dtype=float),
                                rtol=EPSILON_ATOL, atol=EPSILON_ATOL))
    except (ValueError, TypeError):  # another shape: not this note's business
        return False


def has_exp(ctx: CheckContext) -> bool:
    """Could the code overflow at large magnitude? An exp (or a power, a softmax, a sigmoid …)
    among its static facts or anywhere in its module (a helper it calls)."""
    facts = evidence.facts(ctx)
    if facts is not None and [o for o in facts.ops if o.kind in ("exp", "softmax", "sigmoid", "tanh", "power")]:
        return True
    return bool(re.search(r"exp|softmax|sigmoid|logaddexp|expit|tanh|cosh|sinh|\*\*|power|pow\(", ctx.source()))


def stress_outcome(result: CallResult) -> Phrase:
    if result.status != "ok" or result.value is None:
        return Phrase("stress-failed", {"what": result.exc_type or result.status})
    if not np.all(np.isfinite(result.value)):
        return Phrase("stress-nonfinite")
    return Phrase("stress-inaccurate")


def batch_note(ctx: CheckContext, eq: Equation, batched: list[TrialRun], problems: list[TrialProblem | None]) -> None:
    assert ctx.function is not None
    failing = [(run, p) for run, p in zip(batched, problems) if p is not None]
    if ctx.mapping is not None and ctx.mapping.packed:
        return  # x_1, x_2 taken as one vector: a batch of every numbered scalar is not a batch the code owes
    if failing and eq.output_shape == () and all(_batch_mean(run) for run, _ in failing):
        assume(ctx, "batch-mean")  # the textbook's losses: a mini-batch gives the mean (or total) over it
        return
    if failing and eq.output_shape == () and all(_batch_items(eq, run) for run, _ in failing):
        assume(ctx, "batch-items")  # Σ_i over a dataset: a batch of datasets is read as one longer dataset
        return
    for run, p in failing:
        if p.name not in ("numeric-mismatch", "wrong-shape", "nonfinite-output"):
            continue
        if reduces_batch_axis(eq, run):
            got = Phrase("batch-along-axis0")
            at = evidence.where(ctx, "wrong-reduction-axis")
        else:
            got = Phrase("batch-shape", {"actual": p.params["actual"], "expected": p.params["expected"]}) \
                if p.name == "wrong-shape" else Phrase("batch-values")
            at = ctx.function.range
        ctx.add("batch-inconsistent", ctx.impl_path, at,
                detail=Phrase("batch-axis", {"size": run.trial.batch[0], "got": got}))
        return


def _batch_mean(run: TrialRun) -> bool:
    """Is a batched result the mean of the per-item values (a scalar loss over a mini-batch)?"""
    value = run.result.value
    if run.result.status != "ok" or value is None or np.size(value) != 1:
        return False
    per_item = np.asarray(run.expected, dtype=np.float64)
    got = np.asarray(value).reshape(())
    return any(compare(np.asarray(total), got, run.trial.sizes, "", run.result.dtype) is None
               for total in (np.mean(per_item), np.sum(per_item)))


def _batch_items(eq: Equation, run: TrialRun) -> bool:
    """Is a batched scalar result the equation over all the batch's items at once — each batched
    input a vector over the same items (Σ_i w_i (p_i − t_i)² / Σ_i w_i), its rows read as one longer
    vector? Code for a dataset reduces everything it is given; a batch of datasets is not its case."""
    trial, result = run.trial, run.result
    if result.status != "ok" or result.value is None or np.size(result.value) != 1 or not trial.batched:
        return False
    specs = [s for s in eq.inputs if s.name in trial.batched]
    sizes = {str(s.shape[0]) for s in specs if len(s.shape) == 1}
    if len(specs) != len(trial.batched) or any(len(s.shape) != 1 for s in specs) or len(sizes) != 1:
        return False
    size = sizes.pop()
    if size not in trial.sizes or any(size in map(str, s.shape) for s in eq.inputs if s.name not in trial.batched):
        return False
    from eq2code.reference.evaluate import EvaluationError, evaluate

    values = {n: (np.reshape(v, (-1,)) if n in trial.batched else v) for n, v in trial.values.items()}
    longer = dict(trial.sizes, **{size: int(np.prod(trial.batch)) * trial.sizes[size]})
    try:
        with np.errstate(all="ignore"):
            whole = evaluate(eq, math_values(eq, values), longer)
    except EvaluationError:
        return False
    return compare(np.asarray(whole), np.asarray(result.value).reshape(()), longer, "", result.dtype) is None


def reduces_batch_axis(eq: Equation, run: TrialRun) -> bool:
    """Does the code apply the equation along axis 0 (the batch axis) instead of the last?
    Evidence: its output equals the equation evaluated on the columns of the batch."""
    trial, result = run.trial, run.result
    vectors = [s for s in eq.inputs if s.name in trial.batched and len(s.shape) == 1]
    if result.status != "ok" or result.value is None or len(vectors) != len(trial.batched) or not vectors:
        return False
    size = str(vectors[0].shape[0])
    if size not in trial.sizes:  # a fixed length (d ∈ {1,…,8}^3): no size to swap for the batch's
        return False
    if any(str(s.shape[0]) != size for s in vectors) or eq.output_shape not in ((), (size,)):
        return False
    from eq2code.reference.evaluate import EvaluationError, evaluate

    columns = []
    for k in range(trial.sizes[size]):
        values = {n: (np.asarray(v)[:, k] if n in trial.batched else v) for n, v in trial.values.items()}
        sizes = dict(trial.sizes, **{size: trial.batch[0]})
        try:
            columns.append(evaluate(eq, math_values(eq, values), sizes))
        except EvaluationError:
            return False
    alt = np.stack(columns, axis=-1)
    return compare(alt, result.value, trial.sizes, "", result.dtype) is None
