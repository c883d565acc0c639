"""One check: an equation file against an implementation, from LaTeX to verdict.

read equation (semantics) → find the function and map its parameters (loader) → draw trials
(inputs) → compute references (evaluate) → run the function on every trial in one sandboxed
child (sandbox) → compare (compare) → findings. Nothing here prints: reporters do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eq2code.base.span import Range
from eq2code.code.loader import (
    FunctionInfo,
    Mapping,
    ModuleInfo,
    PythonSyntaxError,
    find_function,
    map_arguments,
    param_aliases,
    read_module,
)
from eq2code.code.sandbox.api import CallResult, CallSpec, RunOutcome
from eq2code.equation.model import Equation, EquationFile
from eq2code.findings.model import Finding, Related, Severity
from eq2code.reference.compare import Problem, compare, shape_names, short
from eq2code.reference.evaluate import EvaluationError, evaluate
from eq2code.reference.inputs import Trial, code_value, make_trials
from eq2code.report.model import CheckRecord


@dataclass
class Options:
    function: str | None = None
    maps: dict[str, str] = field(default_factory=dict)
    seed: int = 0
    timeout: float = 10.0
    memory_mb: int = 2048  # the child's address-space limit (spec §5)
    no_exec: bool = False
    rule: str | None = None  # the rule's name when checking against a shipped rule
    aliases: tuple[str, ...] = ()


@dataclass
class CheckResult:
    record: CheckRecord
    findings: list[Finding]


class Check:
    def __init__(self, eq_file: EquationFile, impl_path: str, options: Options):
        self.eq_file = eq_file
        self.eq_path = eq_file.path
        self.impl_path = impl_path
        self.options = options
        self.findings: list[Finding] = []
        self.function: FunctionInfo | None = None
        self.mapping: Mapping | None = None
        self.equation: Equation | None = None
        self.forms: list[str] = []

    # -- findings ------------------------------------------------------------------------------
    def add(self, name: str, path: str, range_: Range, expression: str = "", **params) -> Finding:
        related = []
        if self.equation is not None and path != self.eq_path:
            related.append(Related(self.eq_path, self.equation.range, self.equation.latex.strip()))
        finding = Finding(name, path, range_, params, related, rule=self.options.rule or
                          (self.equation.name if self.equation else None),
                          function=self.function.name if self.function else None, expression=expression)
        self.findings.append(finding)
        return finding

    def record(self, verdict: str) -> CheckResult:
        rec = CheckRecord(self.eq_path, self.impl_path, self.function.name if self.function else None,
                          verdict, self.forms, self.options.seed, self.options.rule)  # type: ignore[arg-type]
        return CheckResult(rec, self.findings)

    # -- the pipeline --------------------------------------------------------------------------
    def run(self) -> CheckResult:
        eq = self._equation()
        if eq is None:
            return self.record("error")
        module = self._module()
        if module is None:
            return self.record("error")
        func = self._function(module, eq)
        if func is None:
            return self.record("error")
        mapping = self._mapping(func, eq)
        if mapping is None:
            return self.record("error")
        if self.options.no_exec:
            return self.record("pass")
        return self._execute(eq, func, mapping)

    def _equation(self) -> Equation | None:
        for d in self.eq_file.diagnostics:
            if d.name != "not-checkable":
                self.add(d.name, self.eq_path, d.range, **d.params)
        eq = self.eq_file.main
        if eq is None:
            if not any(f.effective_severity == Severity.ERROR for f in self.findings):
                candidate = self.eq_file.main_candidate
                reasons = [candidate.reason] if candidate is not None and candidate.reason else []
                reasons += [e.reason for e in self.eq_file.equations if e.reason and e.kind != "declaration"]
                self.add("not-checkable", self.eq_path, Range.of(0, 0, 0, 1),
                         reason=reasons[0] if reasons else "the file defines no value to compute",
                         ).severity = Severity.ERROR
            return None
        self.equation = eq
        return eq

    def _module(self) -> ModuleInfo | None:
        try:
            text = Path(self.impl_path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.add("python-syntax", self.impl_path, Range.of(0, 0, 0, 1), detail="the file is not UTF-8 text")
            return None
        try:
            return read_module(self.impl_path, text)
        except PythonSyntaxError as e:
            self.add("python-syntax", self.impl_path, e.range, detail=e.detail)
            return None

    def _function(self, module: ModuleInfo, eq: Equation) -> FunctionInfo | None:
        wanted = self.options.function or self.eq_file.metadata.get("function")
        aliases = self.options.aliases + tuple(a for a in self.eq_file.metadata.get("aliases", "").split(",") if a)
        func, tried = find_function(module, eq, wanted, self.options.rule, self.eq_path, aliases)
        if func is None:
            self.add("function-not-found", self.impl_path, Range.of(0, 0, 0, 0), wanted=", ".join(tried),
                     available=", ".join(f.name for f in module.functions) or "no functions")
            return None
        self.function = func
        return func

    def _mapping(self, func: FunctionInfo, eq: Equation) -> Mapping | None:
        mapping = self.mapping = map_arguments(func, eq, self.options.maps,
                                param_aliases(self.eq_file.metadata.get("params", "")))
        params = ", ".join(p.name for p in func.params) or "no parameters"
        for spec in mapping.unmapped_inputs:
            self.add("argument-mapping", self.impl_path, func.range, symbol=spec.name, params=params)
        for pname in mapping.unmapped_params:
            self.add("argument-mapping", self.impl_path, func.range, symbol=pname, params=params,
                     detail=f"the parameter {pname} receives nothing from the equation")
        return mapping if mapping.ok else None

    # -- running -------------------------------------------------------------------------------
    def _execute(self, eq: Equation, func: FunctionInfo, mapping: Mapping) -> CheckResult:
        from eq2code.code.sandbox.runner import SandboxError, run_calls

        trials = make_trials(eq, self.options.seed)
        expected = []
        for t in trials:
            try:
                expected.append(self._reference(eq, t))
            except EvaluationError as e:
                self.add("not-checkable", self.eq_path, eq.range,
                         reason=f"the equation cannot be evaluated: {e}").severity = Severity.ERROR
                return self.record("error")
        calls = [self._call_spec(func, mapping, t, exp) for t, exp in zip(trials, expected)]
        try:
            outcome = run_calls(str(Path(self.impl_path).resolve()), func.name, calls,
                                timeout=self.options.timeout, memory_mb=self.options.memory_mb)
        except SandboxError as e:
            self.add("internal-error", self.impl_path, func.range, detail=str(e))
            return self.record("error")
        if outcome.status != "ok" and not outcome.results:
            self._run_failure(outcome, func)
            return self.record("fail")
        return self._judge(eq, func, trials, expected, outcome)

    def _reference(self, eq: Equation, trial: Trial) -> np.ndarray:
        if not trial.batch:
            return evaluate(eq, self._math_values(eq, trial.values), trial.sizes)
        out = []
        for idx in np.ndindex(*trial.batch):
            values = {k: (v[idx] if k in trial.batched else v) for k, v in trial.values.items()}
            out.append(evaluate(eq, self._math_values(eq, values), trial.sizes))
        arr = np.asarray(out)
        return arr.reshape(trial.batch + arr.shape[1:])

    def _math_values(self, eq: Equation, values: dict[str, Any]) -> dict[str, Any]:
        return {s.sympy_name: values[s.name] for s in eq.inputs if s.role != "size"}

    def _call_spec(self, func: FunctionInfo, mapping: Mapping, trial: Trial, expected: np.ndarray) -> CallSpec:
        args, kwargs = [], {}
        positional_ok = True
        for p in func.params:
            spec = mapping.keyword.get(p.name)
            if spec is None:
                positional_ok = False
                continue
            value = code_value(spec, trial.values[spec.name])
            if positional_ok and p.kind == "positional":
                args.append(value)
            else:
                kwargs[p.name] = value
        return CallSpec(args, kwargs, max_elements=max(1000, 100 * int(np.size(expected))))

    def _run_failure(self, outcome: RunOutcome, func: FunctionInfo) -> None:
        at = self._user_range(outcome.lineno, outcome.col, outcome.end_col, func)
        if outcome.status == "timeout":  # the line is where the child was when time ran out
            self.add("timeout", self.impl_path, at,
                     seconds=f"{self.options.timeout:g}", phase=outcome.phase or "call")
        elif outcome.status == "import-error":
            syntax = outcome.exc_type in ("SyntaxError", "IndentationError", "TabError")
            name = "python-syntax" if syntax else "exception"
            self.add(name, self.impl_path, at, type=outcome.exc_type, detail=outcome.exc_message,
                     form="module import")
        elif outcome.status == "function-not-found":
            self.add("function-not-found", self.impl_path, func.range, wanted=func.name)
        elif outcome.status == "resource-limit":
            if outcome.signal_name == "SIGXFSZ":
                self.add("resource-limit", self.impl_path, at, resource="file size")
            else:
                how = "killed by SIGKILL" if outcome.signal_name else outcome.exc_type or "MemoryError"
                self.add("resource-limit", self.impl_path, at, resource="memory",
                         detail=f"{how} at the limit of {self.options.memory_mb} MB")
        elif outcome.status == "crashed":
            self.add("crashed", self.impl_path, at, how=f"killed by signal {outcome.signal_name}")
        else:
            how = f"exited ({outcome.exc_type or 'os._exit'}"
            how += f", status {outcome.exit_code})" if outcome.exit_code is not None else ")"
            self.add("crashed", self.impl_path, at, how=how)

    def _user_range(self, lineno: int | None, col: int | None, end_col: int | None, func: FunctionInfo) -> Range:
        if not lineno:
            return func.range
        line = lineno - 1
        start = col or 0
        end = end_col if end_col and end_col > start else start + 1
        if col is None:
            text = self._line(line)
            start = len(text) - len(text.lstrip())
            end = max(len(text.rstrip()), start + 1)
        return Range.of(line, start, line, end)

    def _line(self, line: int) -> str:
        lines = self._source().splitlines()
        return lines[line] if 0 <= line < len(lines) else ""

    # -- judging ------------------------------------------------------------------------------
    def _judge(self, eq: Equation, func: FunctionInfo, trials: list[Trial], expected: list[np.ndarray],
               outcome: RunOutcome) -> CheckResult:
        runs = list(zip(trials, expected, outcome.results))
        core = [r for r in runs if r[0].form == "core"]
        batched = [r for r in runs if r[0].form == "batched"]
        stress = [r for r in runs if r[0].form == "stress"]
        core_problems = [self._problem(eq, func, t, e, r) for t, e, r in core]
        batch_problems = [self._problem(eq, func, t, e, r) for t, e, r in batched]
        if outcome.status != "ok" and len(outcome.results) < len(trials) and not all(
                p is None for p in core_problems):
            self._run_failure(outcome, func)
            return self.record("fail")
        n_core = len([t for t in trials if t.form == "core"])
        core_ok = all(p is None for p in core_problems) and len(core) == n_core
        batch_ok = bool(batched) and all(p is None for p in batch_problems)
        if core_ok:
            self.forms.append("core")
        if batch_ok:
            self.forms.append("batched")
        if core_ok or batch_ok:
            self._mutation_note(eq, func, core + batched)
        if core_ok:
            self._batch_note(eq, batched, batch_problems, func)
            self._stress_notes(eq, func, stress)
            self._static_notes(eq, func)
            return self.record("pass")
        if batch_ok:
            self.add("rejects-core-form", self.impl_path, func.range,
                     detail="it is right on inputs with a leading batch axis but not on the equation's own shapes")
            return self.record("pass")
        if self._accepted_variant(eq, func, core):
            self.forms.append("core")
            return self.record("pass")
        if not self._named_mistake(eq, func, core) and not self._static_mistake(eq, func, core):
            self._report_core(core, core_problems, func)
        return self.record("fail")

    def _accepted_variant(self, eq: Equation, func: FunctionInfo, core) -> bool:
        """ε inside a log (np.log(y + 1e-7)) passes with an info note (spec §2)."""
        from eq2code.diagnosis.naming import name_the_mistake

        if len(core) != len([1 for _, _, r in core if r.status == "ok" and r.value is not None]):
            return False
        runs = [(self._math_values(eq, t.values), t.sizes, r.value, r.dtype) for t, _, r in core]
        found = name_the_mistake(eq, runs, eq.variants)
        if found is None:
            return False
        self.add("epsilon-variant", self.impl_path, self._locate("epsilon-variant", func), part=found.part,
                 detail=found.detail)
        return True

    # -- named mistakes and robustness -------------------------------------------------------
    def _named_mistake(self, eq: Equation, func: FunctionInfo, core) -> bool:
        from eq2code.diagnosis.naming import name_the_mistake

        runs = [(self._math_values(eq, t.values), t.sizes, r.value, r.dtype)
                for t, _, r in core if r.status == "ok" and r.value is not None]
        found = name_the_mistake(eq, runs)
        if found is None:
            return False
        trial = next(t for t, _, r in core if r.status == "ok")
        finding = self.add(found.name, self.impl_path, self._locate(found.name, func, found.part), part=found.part,
                           detail=found.detail or None, inputs=self._inputs_text(eq, trial),
                           seed=str(self.options.seed))
        finding.severity = Severity.ERROR  # the mistake that makes the code wrong (missing-operation too)
        return True

    def _facts(self, func: FunctionInfo):
        """What static analysis (libcst, imported only now) sees in the function, or None."""
        try:
            from eq2code.code.static import analyze

            ndims = {}
            if self.equation is not None and self.mapping is not None:
                ndims = {p: len(spec.shape) for p, spec in self.mapping.keyword.items()}
            facts = analyze(self.impl_path, func.name, ndims)
            return facts if facts.found else None
        except Exception:  # static analysis must never cost the verdict
            return None

    def _static_mistake(self, eq: Equation, func: FunctionInfo, core) -> bool:
        """An exception explained by the code's pattern: a broadcast error from a reduction
        without keepdims, a matmul shape error from an operand left untransposed."""
        errors = [r for _, _, r in core if r.status == "exception"]
        if not errors:
            return False
        message = " ".join(f"{r.exc_type}: {r.exc_message}" for r in errors)
        facts = self._facts(func)
        if facts is None:
            return False
        if "broadcast" in message and facts.hints_named("missing-keepdims"):
            hint = facts.hints_named("missing-keepdims")[0]
            part = self._part_latex(eq, "sum") if any(p["op"] == "sum" for p in eq.parts) else \
                self._part_latex(eq, "softmax")
            self.add("missing-keepdims", self.impl_path, hint.range, part=part,
                     detail=f"{errors[0].exc_type}: {errors[0].exc_message}").severity = Severity.ERROR
            return True
        matmul_error = any(w in message for w in ("matmul", "not aligned", "core dimension", "shapes"))
        if matmul_error and any(p["op"] in ("transpose", "matmul") for p in eq.parts):
            from eq2code.code.static import locate

            where = locate("missing-transpose", facts, "")
            if where is None or not any(r.lineno == where.start.line + 1 for r in errors):
                return False  # the failing line is not the untransposed product
            part = self._part_latex(eq, "transpose") if any(p["op"] == "transpose" for p in eq.parts) else \
                self._part_latex(eq, "matmul")
            self.add("missing-transpose", self.impl_path, where, part=part,
                     detail=f"{errors[0].exc_type}: {errors[0].exc_message}").severity = Severity.ERROR
            return True
        return False

    def _static_notes(self, eq: Equation, func: FunctionInfo) -> None:
        """Accepted variants the code shows by its pattern (the numbers already agreed):
        an ε in a log, a scale applied to an input before the product (Q/√d_k then QKᵀ).
        libcst is imported only when the source text hints at one of them."""
        if any(f.name in ("epsilon-variant", "equivalent-form") for f in self.findings):
            return
        text = self._source()
        ops = {p["op"] for p in eq.parts}
        maybe_eps = "log" in ops and re.search(r"\b1e-|eps|clip", text)
        maybe_prescale = "sqrt" in ops and "matmul" in ops and re.search(r"sqrt|\*\*\s*0?\.5", text)
        if not (maybe_eps or maybe_prescale):
            return
        facts = self._facts(func)
        if facts is None:
            return
        if maybe_eps and facts.hints_named("epsilon-variant"):
            hint = facts.hints_named("epsilon-variant")[0]
            self.add("epsilon-variant", self.impl_path, hint.range, part=self._part_latex(eq, "log"),
                     detail=hint.detail)
        elif maybe_prescale:
            scaled = [o for o in facts.ops if o.kind in ("divide", "multiply") and o.args
                      and o.args[0].strip() in facts.params and re.search(r"sqrt|\*\*", o.text)]
            if scaled:
                self.add("equivalent-form", self.impl_path, scaled[0].range, part=self._part_latex(eq, "sqrt"),
                         detail=f"{scaled[0].text} scales the input before the product; the result is the same")

    def _source(self) -> str:
        try:
            return Path(self.impl_path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def _locate(self, name: str, func: FunctionInfo, part: str = "") -> Range:
        """The responsible expression in the code (static analysis), else the def line."""
        try:
            from eq2code.code.static import analyze, locate
        except ImportError:
            return func.range
        try:
            found = locate(name, analyze(self.impl_path, func.name), part)
        except Exception:  # static analysis must never cost the verdict
            return func.range
        return found or func.range

    def _mutation_note(self, eq: Equation, func: FunctionInfo, runs) -> None:
        mutated = sorted({m for _, _, r in runs for m in r.mutated})
        if mutated:
            names = ", ".join(self._param_name(func, m) for m in mutated)
            self.add("input-mutated", self.impl_path, self._locate("input-mutated", func), argument=names)

    def _param_name(self, func: FunctionInfo, arg: str) -> str:
        if arg.startswith("arg") and arg[3:].isdigit() and int(arg[3:]) < len(func.params):
            return func.params[int(arg[3:])].name
        return arg

    def _stress_notes(self, eq: Equation, func: FunctionInfo, stress) -> None:
        for trial, expected, result in stress:
            if not np.all(np.isfinite(expected)):
                continue  # the equation itself is infinite there: nothing to ask of the code
            if result.status == "ok" and result.value is not None and compare(
                    expected, result.value, trial.sizes, "", result.dtype) is None:
                continue
            name = "unstable-exp" if trial.label == "large" else "log-of-zero"
            if any(f.name == name for f in self.findings):
                continue
            what = self._stress_outcome(result)
            part = self._part_latex(eq, "exp" if name == "unstable-exp" else "log")
            magnitude = f"{max([float(np.max(np.abs(v))) for v in trial.values.values()] or [0]):.0f}" \
                if name == "unstable-exp" else ""
            self.add(name, self.impl_path, self._locate(name, func), part=part, magnitude=magnitude,
                     detail=f"{what}; inputs: {self._inputs_text(eq, trial)}")

    def _part_latex(self, eq: Equation, op: str) -> str:
        return next((p["latex"] for p in eq.parts if p["op"] == op), "\\" + op)

    def _stress_outcome(self, result: CallResult) -> str:
        if result.status != "ok" or result.value is None:
            return f"the function failed ({result.exc_type or result.status})"
        if not np.all(np.isfinite(result.value)):
            return "the result has inf or nan"
        return "the result is inaccurate"

    def _batch_note(self, eq: Equation, batched, problems, func: FunctionInfo) -> None:
        for (t, _, r), p in zip(batched, problems):
            if p is not None and p.name in ("numeric-mismatch", "wrong-shape", "nonfinite-output"):
                if self._reduces_batch_axis(eq, t, r):
                    got = ("works along axis 0, the batch axis; the equation's index runs over the last "
                           "axis — count it from the end: axis=-1, keepdims=True")
                    where = self._locate("wrong-reduction-axis", func)
                else:
                    got = f"returns shape {p.params['actual']} instead of {p.params['expected']}" \
                        if p.name == "wrong-shape" else "returns values that differ from the equation's"
                    where = func.range
                self.add("batch-inconsistent", self.impl_path, where,
                         detail=f"with a leading batch axis of size {t.batch[0]} it {got}")
                return

    def _reduces_batch_axis(self, eq: Equation, trial: Trial, result: CallResult) -> bool:
        """Does the code apply the equation along axis 0 (the batch axis) instead of the last?
        Evidence: its output equals the equation evaluated on the columns of the batch."""
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
                columns.append(evaluate(eq, self._math_values(eq, values), sizes))
            except EvaluationError:
                return False
        alt = np.stack(columns, axis=-1)
        return compare(alt, result.value, trial.sizes, "", result.dtype) is None

    def _problem(self, eq: Equation, func: FunctionInfo, trial: Trial, expected: np.ndarray,
                 result: CallResult) -> Problem | None:
        form = self._form_text(trial)
        if result.status == "exception":
            return Problem("exception", {"type": result.exc_type, "detail": result.exc_message, "form": form},
                           1e300, self._user_range(result.lineno, result.col, result.end_col, func))
        if result.status == "no-return":
            return Problem("no-return", {}, 1e300, func.range)
        if result.status == "too-large":  # refused in the child: never written, never loaded
            return Problem("resource-limit", {"resource": "result size", "detail": result.exc_message},
                           1e300, func.range)
        if result.status == "wrong-type" or result.value is None:
            detail = "" if result.exc_message.endswith("is not a number or an array") else result.exc_message
            return Problem("wrong-type", {"type": result.result_type or "an unreadable value", "detail": detail},
                           1e300, func.range)
        exp_shape = shape_names(tuple(trial.batch) + tuple(eq.output_shape)) if not trial.batch else \
            shape_names(("batch",) + tuple(eq.output_shape))
        problem = compare(expected, result.value, trial.sizes, exp_shape, result.dtype)
        if problem is None:
            if result.dtype in ("float32", "float16") and trial.form == "core" and not any(
                    f.name == "float32-output" for f in self.findings):
                self.add("float32-output", self.impl_path, func.range, dtype=result.dtype)
            return None
        params = dict(problem.params)
        params["output"] = eq.head_latex or eq.name
        if problem.name == "numeric-mismatch":
            params["inputs"] = self._inputs_text(eq, trial)
            params["seed"] = str(self.options.seed)
        return Problem(problem.name, params, problem.score + self._size_of(trial) * 1e-9, func.range)

    def _form_text(self, trial: Trial) -> str:
        sizes = ", ".join(f"{k}={v}" for k, v in trial.sizes.items())
        form = "core form" if trial.form == "core" else f"batched form (batch {trial.batch})"
        return f"{form}{', ' + sizes if sizes else ''}"

    def _inputs_text(self, eq: Equation, trial: Trial) -> str:
        parts = []
        for spec in eq.inputs:
            if spec.role == "size":
                continue
            parts.append(f"{spec.name} = {short(code_value(spec, trial.values[spec.name]))}")
        return "; ".join(parts)

    def _size_of(self, trial: Trial) -> int:
        return sum(trial.sizes.values())

    def _report_core(self, core, problems, func: FunctionInfo) -> None:
        failing = [(t, p) for (t, _, _), p in zip(core, problems) if p is not None]
        if not failing:
            self.add("crashed", self.impl_path, func.range, how="the run ended before every input was tried")
            return
        # the clearest problem: exceptions and shapes first, then the smallest counterexample
        rank = {"exception": 0, "no-return": 0, "wrong-type": 0, "resource-limit": 0, "wrong-shape": 1,
                "nonfinite-output": 2, "numeric-mismatch": 3}
        _trial, problem = min(failing, key=lambda tp: (rank.get(tp[1].name, 9), self._size_of(tp[0])))
        self.add(problem.name, self.impl_path, problem.where or func.range, **problem.params)


def run_check(eq_file: EquationFile, impl_path: str, options: Options) -> CheckResult:
    return Check(eq_file, impl_path, options).run()
