"""Before anything runs: the equation to check, the implementation's module and function, the
mapping of the equation's inputs to its parameters; and, per trial, the reference value and
the call the sandbox makes (`reference_value`, `call_spec`, also used by `explain`).

Each step either settles its part of the `CheckContext` or adds the finding that says why it
cannot (and returns None).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eq2code.base.files import FileProblem, decode_python, python_decode_detail, read_bytes
from eq2code.base.span import Range
from eq2code.checking import auxiliary
from eq2code.checking.context import CheckContext
from eq2code.code.loader import (
    FunctionInfo,
    Mapping,
    ModuleInfo,
    Param,
    PythonSyntaxError,
    find_function,
    map_arguments,
    param_aliases,
    read_module,
)
from eq2code.code.sandbox.api import Argument, CallSpec, FunctionArgument
from eq2code.equation.model import Equation, Space
from eq2code.findings.model import Severity
from eq2code.findings.phrases import Phrase
from eq2code.reference.inputs import Trial, code_value, make_trials

# The evaluator and the other representations of an input are imported where they are used: a
# warm check takes its references from the trial cache, and a passing one converts no input.


def equation(ctx: CheckContext) -> Equation | None:
    """The equation file's main equation; its reading problems become findings."""
    eq_file = ctx.eq_file
    for d in eq_file.diagnostics:
        if d.name != "not-checkable":
            ctx.add(d.name, ctx.eq_path, d.range, **d.params)
    eq = eq_file.main
    if eq is None:
        if not any(f.effective_severity == Severity.ERROR for f in ctx.findings):
            candidate = eq_file.main_candidate
            reasons = [candidate.why or candidate.reason] if candidate is not None and candidate.reason else []
            reasons += [e.why or e.reason for e in eq_file.equations if e.reason and e.kind != "declaration"]
            ctx.add("not-checkable", ctx.eq_path, Range.of(0, 0, 0, 1),
                    reason=reasons[0] if reasons else Phrase("defines-no-value"),
                    ).severity = Severity.ERROR
        return None
    ctx.equation = eq
    return eq


def reading_for(ctx: CheckContext, eq: Equation, func: FunctionInfo) -> Equation:
    """The equation as this function is checked against it: auxiliary definitions it reads
    (μ_j = …) computed from the other inputs, unless the function takes them by name."""
    found = map_arguments(func, eq, ctx.options.maps, param_aliases(ctx.eq_file.metadata.get("params", "")))
    keep = {s.sympy_name for s in eq.inputs if found.by.get(s.name) in ("explicit", "name", "alias")}
    inlined = auxiliary.inline(eq, ctx.eq_file, keep)
    ctx.equation = inlined
    return inlined


def module(ctx: CheckContext) -> ModuleInfo | None:
    try:  # as Python reads it: BOM or PEP 263 coding cookie, any line ending
        text = decode_python(read_bytes(ctx.impl_path, "implementation file"))
    except (UnicodeDecodeError, SyntaxError, LookupError) as e:
        utf8 = isinstance(e, UnicodeDecodeError) and e.encoding.replace("-sig", "") in ("utf-8", "utf8")
        ctx.add("python-syntax", ctx.impl_path, Range.of(0, 0, 0, 1),
                detail=Phrase("not-utf8") if utf8 else python_decode_detail(e))
        return None
    except FileProblem as e:
        ctx.add("python-syntax", ctx.impl_path, Range.of(0, 0, 0, 1), detail=str(e))
        return None
    try:
        return read_module(ctx.impl_path, text)
    except PythonSyntaxError as e:
        ctx.add("python-syntax", ctx.impl_path, e.range, detail=e.detail)
        return None


def function(ctx: CheckContext, mod: ModuleInfo, eq: Equation) -> FunctionInfo | None:
    options, metadata = ctx.options, ctx.eq_file.metadata
    # --function is the user's word: strict. The equation file's `function=` names the contract,
    # but a learner's function of another name is still found (by name, tag, or behaviour).
    named = metadata.get("function")
    aliases = ((named,) if named else ()) + options.aliases + \
        tuple(a for a in metadata.get("aliases", "").split(",") if a)
    func, tried = find_function(mod, eq, options.function, options.rule, ctx.eq_path, aliases)
    if func is None:
        ctx.add("function-not-found", ctx.impl_path, Range.of(0, 0, 0, 0), wanted=", ".join(tried),
                available=", ".join(f.name for f in mod.functions) or Phrase("no-functions"))
        return None
    ctx.function = func
    return func


def mapping(ctx: CheckContext, func: FunctionInfo, eq: Equation) -> Mapping | None:
    found = ctx.mapping = map_arguments(func, eq, ctx.options.maps,
                                        param_aliases(ctx.eq_file.metadata.get("params", "")),
                                        applied_functions(ctx, eq))
    params = ", ".join(p.name for p in func.params) or Phrase("no-parameters")
    for spec in found.unmapped_inputs:
        ctx.add("argument-mapping", ctx.impl_path, func.range, symbol=spec.name, params=params,
                problem=Phrase("input-matches-no-parameter", {"symbol": spec.name}),
                fix=Phrase("map-the-input", {"symbol": spec.name}))
    for pname in found.unmapped_params:
        ctx.add("argument-mapping", ctx.impl_path, func.range, param=pname, params=params,
                problem=Phrase("parameter-receives-nothing", {"param": pname}),
                fix=Phrase("default-the-parameter", {"param": pname}))
    return found if found.ok else None


def applied_functions(ctx: CheckContext, eq: Equation) -> list[Equation]:
    """The functions the equation file defines (`f(x) = x^2`) that the equation applies (`d/dx f(x)`)."""
    return [e for e in ctx.eq_file.equations if e is not eq and e.kind == "definition" and e.checkable
            and e.params and e.plans and e.key in eq.mentions]


def math_values(eq: Equation, values: dict[str, Any]) -> dict[str, Any]:
    """A trial's values keyed by the equation's SymPy names (sizes left out)."""
    return {s.sympy_name: values[s.name] for s in eq.inputs if s.role != "size"}


REDRAWS = 8  # other draws of a trial whose inputs make an inverted matrix singular


# Where an undeclared input is drawn when the equation is undefined for its real values:
# log p and log(1 - p) of given probabilities, √v of a given variance.
DEFINED_SPACES = (Space("positive", 0.0, None, (False, True), "\\mathbb{R}_{>0}"),
                  Space("interval", 0.0, 1.0, (False, False), "(0, 1)"))


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Draw:
    """A check's trials, the equation's value on each, and the inputs drawn in a narrower
    space than their own because the equation is undefined on real values (name → space)."""

    trials: list[Trial]
    expected: list[np.ndarray]
    narrowed: dict[str, Space] = field(default_factory=dict)


def trials_and_references(eq: Equation, seed: int) -> Draw:
    """The seed's trials and the equation's value on each. When the equation is undefined (nan)
    on an ordinary trial and some inputs' space was only inferred as real, those inputs are
    drawn again in (0, ∞), then in (0, 1), and the first space where every ordinary trial is
    defined is kept (the caller says so): a check whose every reference is nan could not fail."""
    from eq2code.reference.evaluate import EvaluationError

    draw = Draw(*_drawn(eq, seed))
    if _defined(draw):
        return draw
    loose = [s.name for s in eq.inputs if s.role != "size" and s.inferred and s.space.kind == "real"]
    for space in DEFINED_SPACES if loose else ():
        narrowed = dataclasses.replace(eq, inputs=[dataclasses.replace(s, space=space) if s.name in loose else s
                                                   for s in eq.inputs])
        try:
            other = Draw(*_drawn(narrowed, seed), narrowed={name: space for name in loose})
        except EvaluationError:
            continue
        if _defined(other):
            return other
    return draw


def _defined(draw: Draw) -> bool:
    return all(not np.any(np.isnan(np.asarray(e, dtype=float)))
               for t, e in zip(draw.trials, draw.expected) if t.form == "core")


def _drawn(eq: Equation, seed: int) -> tuple[list[Trial], list[np.ndarray]]:
    """A trial on which a matrix the equation inverts is singular (`(X^T X)^{-1}` with fewer
    rows than columns) is drawn again from the next seeds (deterministically, so --seed still
    reproduces the run); raises EvaluationError when no draw works."""
    from eq2code.reference.evaluate import SingularInput

    trials = make_trials(eq, seed)
    expected = []
    for k, trial in enumerate(trials):
        for attempt in range(REDRAWS + 1):
            try:
                expected.append(reference_value(eq, trial))
                break
            except SingularInput:
                if attempt == REDRAWS:
                    raise
                trial = make_trials(eq, seed + 7919 * (attempt + 1))[k]
        trials[k] = trial
    return trials, expected


def reference_value(eq: Equation, trial: Trial) -> np.ndarray:
    """The equation's value on a trial; a batched trial is evaluated item by item."""
    from eq2code.reference.evaluate import evaluate

    if not trial.batch:
        return evaluate(eq, math_values(eq, trial.values), trial.sizes)
    out = []
    for idx in np.ndindex(*trial.batch):
        values = {k: (v[idx] if k in trial.batched else v) for k, v in trial.values.items()}
        out.append(evaluate(eq, math_values(eq, values), trial.sizes))
    arr = np.asarray(out)
    return arr.reshape(trial.batch + arr.shape[1:])


def call_spec(func: FunctionInfo, found: Mapping, trial: Trial, expected: np.ndarray) -> CallSpec:
    """The sandbox call of `func` on a trial: positional while the parameters allow, else keywords;
    for a method, the constructor's parameters go to the constructor; a parameter the code uses
    as a dict of arrays (`params[key]`) receives one."""
    spec = CallSpec(max_elements=max(1000, 100 * int(np.size(expected))), construct=not func.static)
    key = bundle_key(func, found)
    for owner, args, kwargs in (("ctor", spec.ctor_args, spec.ctor_kwargs), ("call", spec.args, spec.kwargs)):
        positional_ok = True
        for p in func.params:
            if p.owner != owner:
                continue
            if p.name not in found.keyword and p.name not in found.inferred and p.name not in found.callables:
                positional_ok = False  # its default
                continue
            value = argument_value(p, found, trial, key)
            if positional_ok and p.kind == "positional":
                args.append(value)
            else:
                kwargs[p.name] = value
    return spec


def function_argument(fn: Equation, trial: Trial) -> FunctionArgument:
    """A function the equation file defines, as the data the sandbox rebuilds it from."""
    names = [s.sympy_name for s in fn.inputs if s.role != "size"][:len(fn.params)]
    return FunctionArgument(fn.plans[0], names, [list(f) for f in fn.free_indices],
                            {str(k): int(v) for k, v in trial.sizes.items()})


def bundle_key(func: FunctionInfo, found: Mapping) -> str:
    """The one key under which every dict-of-arrays parameter gets its array (`params["W"]`
    and `grads["W"]` must match): a key the code reads literally, else the first such input's name."""
    bundles = [p for p in func.params if p.bundle is not None and p.name in found.keyword]
    literal = next((p.bundle for p in bundles if p.bundle), None)
    return literal or (found.keyword[bundles[0].name].name if bundles else "")


def argument_value(p: Param, found: Mapping, trial: Trial, key: str = "") -> Argument | None:
    """What parameter `p` receives on a trial: its input's value (wrapped in a dict for a
    bundle parameter), or the value inferred for it (a size such as h taken from the trial)."""
    if p.name in found.callables:
        return function_argument(found.callables[p.name], trial)
    if p.name in found.packed:  # x_1, x_2, x_3 as the entries of one vector (the last axis: a batch stays first)
        return np.stack([np.asarray(trial.values[name], dtype=float) for name in found.packed[p.name]], axis=-1)
    spec = found.keyword.get(p.name)
    if spec is not None:
        value = code_value(spec, trial.values[spec.name])
        if spec.name in found.representations:
            from eq2code.reference import representations

            value = representations.convert(found.representations[spec.name], value, spec)
        if found.scalar_arrays and np.ndim(value) == 0:
            value = np.asarray(value, dtype=float)
        if p.name in found.front:  # the intercept θ_0 as entry 0, θ_1 … θ_d after it
            first = np.asarray(trial.values[found.front[p.name]], dtype=float)
            value = np.asarray(value, dtype=float)
            value = np.concatenate([np.broadcast_to(first[..., None], value.shape[:-1] + (1,)), value], axis=-1)
        if p.bundle is not None:
            return {key or spec.name: value}
        return value
    inferred = found.inferred[p.name]
    if isinstance(inferred, tuple) and inferred[:1] == ("size",):
        return int(trial.sizes[inferred[1]])
    if isinstance(inferred, tuple) and inferred[:1] == ("ones",):
        return np.ones(())
    return inferred
