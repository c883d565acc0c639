"""Judging the results: each trial's result against its reference (`compare`), the verdict,
and the evidence that names what is wrong or notes what is right in another way — a mutated
reference the code matches (`diagnosis.naming`), a static pattern (missing keepdims, an
untransposed product), an accepted variant (ε in a log, a scale applied early), and the
robustness notes (batch axes, stress trials, inputs changed in place, float32).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eq2code.base.span import Range
from eq2code.checking import evidence
from eq2code.checking.context import CheckContext
from eq2code.checking.options import CheckResult
from eq2code.checking.prepare import math_values
from eq2code.code.sandbox.api import CallResult, RunOutcome
from eq2code.code.static import locate
from eq2code.diagnosis.naming import name_the_mistake
from eq2code.equation.model import Equation
from eq2code.findings.model import Severity
from eq2code.findings.phrases import Phrase
from eq2code.reference.compare import compare, shape_names
from eq2code.reference.evaluate import EvaluationError, evaluate
from eq2code.reference.inputs import Trial
from eq2code.checking.run import report_failure

NO_VALUE = 1e300  # the score of a trial that gave no value: worse than any numeric difference
# the clearest problem first: exceptions and shapes, then the smallest counterexample
RANK = {"exception": 0, "no-return": 0, "wrong-type": 0, "resource-limit": 0, "wrong-shape": 1,
        "nonfinite-output": 2, "numeric-mismatch": 3}


@dataclass
class TrialRun:
    """One trial, the equation's value on it, and what the code returned."""

    trial: Trial
    expected: np.ndarray
    result: CallResult


@dataclass
class TrialProblem:
    """Why one trial's result is not the equation's value: a finding name, its parameters,
    where it points, and how far off it is (to pick the clearest counterexample)."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)
    range: Range | None = None
    score: float = 0.0


def judge(ctx: CheckContext, eq: Equation, trials: list[Trial], expected: list[np.ndarray],
          outcome: RunOutcome) -> CheckResult:
    runs = [TrialRun(t, e, r) for t, e, r in zip(trials, expected, outcome.results)]
    core = [r for r in runs if r.trial.form == "core"]
    batched = [r for r in runs if r.trial.form == "batched"]
    stress = [r for r in runs if r.trial.form == "stress"]
    core_problems = [problem(ctx, eq, r) for r in core]
    batch_problems = [problem(ctx, eq, r) for r in batched]
    if outcome.status != "ok" and len(outcome.results) < len(trials) and not all(
            p is None for p in core_problems):
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
        stress_notes(ctx, eq, stress)
        static_notes(ctx, eq)
        return ctx.result("pass")
    if batch_ok:
        assert ctx.function is not None
        ctx.add("rejects-core-form", ctx.impl_path, ctx.function.range,
                detail=Phrase("right-only-batched"))
        return ctx.result("pass")
    if accepted_variant(ctx, eq, core):
        ctx.forms.append("core")
        return ctx.result("pass")
    if not named_mistake(ctx, eq, core) and not static_mistake(ctx, eq, core):
        report_core(ctx, core, core_problems)
    return ctx.result("fail")


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


def report_core(ctx: CheckContext, core: list[TrialRun], problems: list[TrialProblem | None]) -> None:
    """The clearest of the core trials' problems as the finding."""
    assert ctx.function is not None
    failing = [(r.trial, p) for r, p in zip(core, problems) if p is not None]
    if not failing:
        ctx.add("crashed", ctx.impl_path, ctx.function.range, how=Phrase("run-ended-early"))
        return
    _, worst = min(failing, key=lambda tp: (RANK.get(tp[1].name, 9), evidence.size_of(tp[0])))
    ctx.add(worst.name, ctx.impl_path, worst.range or ctx.function.range, **worst.params)


# ----------------------------------------------------------------------------- naming the mistake


def _runs_with_values(eq: Equation, core: list[TrialRun]) -> list[tuple[dict[str, Any], dict[str, int], np.ndarray, str]]:
    return [(math_values(eq, r.trial.values), r.trial.sizes, r.result.value, r.result.dtype)
            for r in core if r.result.status == "ok" and r.result.value is not None]


def accepted_variant(ctx: CheckContext, eq: Equation, core: list[TrialRun]) -> bool:
    """ε inside a log (np.log(y + 1e-7)) passes with an info note (spec §2)."""
    runs = _runs_with_values(eq, core)
    if len(runs) != len(core):
        return False
    found = name_the_mistake(eq, runs, eq.variants)
    if found is None:
        return False
    ctx.add("epsilon-variant", ctx.impl_path, evidence.where(ctx, "epsilon-variant"), part=found.part,
            detail=found.detail)
    return True


def named_mistake(ctx: CheckContext, eq: Equation, core: list[TrialRun]) -> bool:
    """A mutated reference the code's output matches on every core trial names the mistake."""
    found = name_the_mistake(eq, _runs_with_values(eq, core))
    if found is None:
        return False
    trial = next(r.trial for r in core if r.result.status == "ok")
    finding = ctx.add(found.name, ctx.impl_path, evidence.where(ctx, found.name, found.part), part=found.part,
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
    mutated = sorted({m for r in runs for m in r.result.mutated})
    if mutated:
        names = ", ".join(evidence.param_name(ctx, m) for m in mutated)
        ctx.add("input-mutated", ctx.impl_path, evidence.where(ctx, "input-mutated"), argument=names)


def stress_notes(ctx: CheckContext, eq: Equation, stress: list[TrialRun]) -> None:
    for run in stress:
        trial, result = run.trial, run.result
        if not np.all(np.isfinite(run.expected)):
            continue  # the equation itself is infinite there: nothing to ask of the code
        if result.status == "ok" and result.value is not None and compare(
                run.expected, result.value, trial.sizes, "", result.dtype) is None:
            continue
        name = "unstable-exp" if trial.label == "large" else "log-of-zero"
        if ctx.has(name):
            continue
        part = evidence.part_latex(eq, "exp" if name == "unstable-exp" else "log")
        magnitude = f"{max([float(np.max(np.abs(v))) for v in trial.values.values()] or [0]):.0f}" \
            if name == "unstable-exp" else ""
        ctx.add(name, ctx.impl_path, evidence.where(ctx, name), part=part, magnitude=magnitude,
                detail=Phrase("stress-outcome", {"outcome": stress_outcome(result),
                                                  "inputs": evidence.inputs_text(eq, trial)}))


def stress_outcome(result: CallResult) -> Phrase:
    if result.status != "ok" or result.value is None:
        return Phrase("stress-failed", {"what": result.exc_type or result.status})
    if not np.all(np.isfinite(result.value)):
        return Phrase("stress-nonfinite")
    return Phrase("stress-inaccurate")


def batch_note(ctx: CheckContext, eq: Equation, batched: list[TrialRun], problems: list[TrialProblem | None]) -> None:
    assert ctx.function is not None
    for run, p in zip(batched, problems):
        if p is None or p.name not in ("numeric-mismatch", "wrong-shape", "nonfinite-output"):
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


def reduces_batch_axis(eq: Equation, run: TrialRun) -> bool:
    """Does the code apply the equation along axis 0 (the batch axis) instead of the last?
    Evidence: its output equals the equation evaluated on the columns of the batch."""
    trial, result = run.trial, run.result
    vectors = [s for s in eq.inputs if s.name in trial.batched and len(s.shape) == 1]
    if result.status != "ok" or result.value is None or len(vectors) != len(trial.batched) or not vectors:
        return False
    size = str(vectors[0].shape[0])
    if any(str(s.shape[0]) != size for s in vectors) or eq.output_shape not in ((), (size,)):
        return False
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
