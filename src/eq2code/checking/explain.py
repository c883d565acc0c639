"""`eq2code explain`: which code implements which part of the equation, and the shapes.

Two views, like the lecture's formula ↔ code tables:

- **correspondence**: each part of the main equation (`Equation.parts`, outside in) beside
  the code span that implements it, found from the static facts (`static.py`): a softmax ↔ a
  softmax call or an exp followed by a division by a sum, `\\sqrt{d_k}` ↔ `np.sqrt`/`** 0.5`,
  `K^T` ↔ `.T`/`np.swapaxes`/the einsum subscripts, products ↔ `@`/`np.matmul`/`np.einsum`
  (the product with the last factor, such as V, is the last one evaluated). A part with no
  code gets `status: missing`.
- **shapes**: the function runs once in the sandbox on the first trial of
  `inputs.make_trials` with a shape trace (`CallSpec.trace`), and each assignment line
  gets the shape of what it bound, in the equation's size names (the trial's sizes are
  distinct, so a dimension's value names its size): `line 8: scores (n, m)`.

Nothing here judges the code: that is `eq2code check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eq2code.base.log import get_logger
from eq2code.base.span import Position, Range
from eq2code.checking import prepare
from eq2code.checking.context import CheckContext
from eq2code.checking.options import Options
from eq2code.code.static import CodeFacts, Op, analyze
from eq2code.equation.model import Equation, EquationFile, Part
from eq2code.findings.model import Finding

log = get_logger(__name__)

UI = {
    "en": {"equation": "equation", "code": "code", "missing": "missing", "shapes": "shapes",
           "line": "line {n}", "lines": "lines {a}–{b}", "no-shapes": "shapes: not run (--no-exec)",
           "no-trace": "shapes: the function recorded no array assignments",
           "not-traced": "shapes: not traced: {why}", "unmapped": "the function cannot be called with the "
           "equation's inputs", "raised": "the run stopped: {what}"},
    "ja": {"equation": "数式", "code": "コード", "missing": "対応なし", "shapes": "形状",
           "line": "{n} 行目", "lines": "{a}–{b} 行目", "no-shapes": "形状: 実行していません（--no-exec）",
           "no-trace": "形状: 配列を代入する行が記録されませんでした",
           "not-traced": "形状: 記録できませんでした: {why}", "unmapped": "数式の入力で関数を呼び出せません",
           "raised": "実行が止まりました: {what}"},
}


@dataclass
class Correspondence:
    part: str  # the part's LaTeX
    op: str  # its operation (parts.py kinds)
    detail: str
    range: Range | None = None  # the code that implements it
    code: str = ""  # that code's text
    note: str = ""  # e.g. "in the einsum subscripts", "inside the softmax helper"

    @property
    def status(self) -> str:
        return "found" if self.range is not None else "missing"


@dataclass
class ShapeLine:
    line: int  # 1-based
    name: str
    shape: list[Any]  # size names, or ints where no size has that value


@dataclass
class Explanation:
    equation_path: str
    impl_path: str
    function: str | None = None
    equation_name: str = ""
    equation_latex: str = ""
    rule: str | None = None
    correspondence: list[Correspondence] = field(default_factory=list)
    shapes: list[ShapeLine] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    ran: bool = False
    not_traced: str = ""  # why the function was not run for the shapes (a UI key)
    run_note: str = ""  # how the run ended when it did not return normally
    findings: list[Finding] = field(default_factory=list)  # what kept the explanation from being made
    record: Any = None  # CheckRecord, for the JSON diagnostics

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if int(f.effective_severity) == 1]

    @property
    def exit_code(self) -> int:
        """0 when the explanation could be made; 1 when an error kept it (or part of it) from being made."""
        return 1 if self.function is None or self.errors else 0


# ----------------------------------------------------------------------------- building


def explain(eq_file: EquationFile, impl_path: str, options: Options) -> Explanation:
    check = CheckContext(eq_file, impl_path, options)
    out = Explanation(eq_file.path, impl_path, rule=options.rule)

    def stop() -> Explanation:
        out.findings = check.findings
        out.record = check.result("error").record
        return out

    eq = prepare.equation(check)
    if eq is None:
        return stop()
    out.equation_name = eq.name
    out.equation_latex = eq.latex.strip()
    module = prepare.module(check)
    if module is None:
        return stop()
    func = prepare.function(check, module, eq)
    if func is None:
        return stop()
    out.function = func.name
    eq = prepare.reading_for(check, eq, func)  # auxiliary definitions it reads: computed, as the check does
    mapping = prepare.mapping(check, func, eq)
    how = dict(mapping.how) if mapping is not None else {}
    ndims = {param: len(spec.shape) for param, spec in mapping.keyword.items()} if mapping is not None else None
    facts = analyze(impl_path, func.name, ndims)
    out.correspondence = correspond(eq.parts, facts, how)
    if mapping is None:
        out.not_traced = "unmapped"
        return stop()
    if not options.no_exec:
        _shapes(out, check, eq, func, mapping, facts, options)
    out.findings = check.findings
    out.record = check.result("pass").record
    return out


def _shapes(out: Explanation, check: CheckContext, eq: Equation, func, mapping, facts: CodeFacts,
            options: Options) -> None:
    import numpy as np

    from eq2code.code.sandbox.runner import SandboxError, run_calls
    from eq2code.reference.inputs import make_trials

    trials = make_trials(eq, options.seed)
    if not trials:
        return
    trial = next((t for t in trials if t.form == "core"), trials[0])
    out.sizes = {k: v for k, v in trial.sizes.items() if _SIZE_NAME.match(str(k))}
    try:
        expected = prepare.reference_value(eq, trial)
    except Exception:  # the reference only sizes the result limit here
        log.debug("no reference value for the traced trial", exc_info=True)
        expected = np.zeros(1)
    spec = prepare.call_spec(func, mapping, trial, expected)
    spec.trace = True
    try:
        outcome = run_calls(str(Path(out.impl_path).resolve()), func.name, [spec], timeout=options.timeout)
    except (SandboxError, TypeError, ValueError) as e:
        out.run_note = str(e)
        return
    out.ran = True
    if not outcome.results:
        out.run_note = _outcome_note(outcome)
        return
    result = outcome.results[0]
    if result.status == "exception":
        where = f" (line {result.lineno})" if result.lineno else ""
        out.run_note = f"{result.exc_type}: {result.exc_message}{where}"
    names = {v: k for k, v in out.sizes.items()}
    out.shapes = shape_lines(result.trace, facts, names, func.def_line)


def _outcome_note(outcome) -> str:
    if outcome.status == "timeout":
        return f"timeout during {outcome.phase or 'the call'}"
    if outcome.exc_type:
        return f"{outcome.exc_type}: {outcome.exc_message}"
    return outcome.status


def shape_lines(trace: list[dict], facts: CodeFacts, size_names: dict[int, str], def_line: int) -> list[ShapeLine]:
    """The shapes of the assignments (and returns) of the function, from a shape trace."""
    if facts.found and facts.range is not None:
        first, last = facts.range.start.line + 1, facts.range.end.line + 1
    else:
        first, last = def_line + 1, 10**9
    records = [r for r in trace if first <= r["line"] <= last]
    spans = [(a.range.start.line + 1, a.range.end.line + 1, set(a.targets)) for a in facts.assignments]
    returns = [(o.range.start.line + 1, o.range.end.line + 1) for o in facts.returns]
    lines: list[ShapeLine] = []
    seen: set[tuple[int, str]] = set()
    for r in records:
        line, name = r["line"], r["name"]
        if name == "return":
            if returns and not any(lo <= line <= hi or line == lo for lo, hi in returns):
                continue
        elif spans:
            owner = next((lo for lo, hi, targets in spans if lo <= line <= hi and name in targets), None)
            if owner is None:
                continue
            line = owner
        if (line, name) in seen:
            continue
        seen.add((line, name))
        lines.append(ShapeLine(line, name, [size_names.get(d, d) for d in r["shape"]]))
    lines.sort(key=lambda s: s.line)
    return lines


# ----------------------------------------------------------------------------- matching


def correspond(parts: list[Part], facts: CodeFacts, how: dict[str, str] | None = None) -> list[Correspondence]:
    """Each equation part beside the code that implements it (or missing)."""
    how = how or {}
    matcher = _Matcher(facts, how, parts)
    found: list[tuple[Range, str, str] | None] = [None] * len(parts)
    if facts.found:
        # products whose factors name the code's operands first (… times V ↔ weights @ V),
        # then every part in the equation's order
        for direct in (True, False):
            for i, part in enumerate(parts):
                if found[i] is None and (not direct or part.get("op") == "matmul"):
                    try:
                        found[i] = matcher.match(part, direct)
                    except Exception:  # a matching gap shows as missing, never as a crash
                        found[i] = None
    out = []
    for part, hit in zip(parts, found):
        c = Correspondence(part.get("latex", ""), part.get("op", ""), part.get("detail", ""))
        if hit is not None:
            c.range, c.code, c.note = hit
        out.append(c)
    return out


_SIZE_NAME = re.compile(r"^[A-Za-z\\][\w\\{}]*$")
_TRANSPOSED = re.compile(r"\^\{?\s*(T|\\top|\\intercal)\s*\}?\s*$")


def _symbol(latex: str) -> str:
    """The input symbol a factor's LaTeX names: "K^{T}" → "K", "\\mathbf{x}" → "x"."""
    text = _TRANSPOSED.sub("", latex.strip())
    text = re.sub(r"\\(mathbf|boldsymbol|mathrm|text)\s*", "", text)
    return text.replace("{", "").replace("}", "").replace(" ", "")


def _root(text: str) -> str:
    """The array an operand text is about: "K.T" → "K", "np.swapaxes(K, -1, -2)" → "K"."""
    t = text.strip()
    m = re.match(r"^(?:np|numpy)\.(?:swapaxes|transpose|moveaxis|matrix_transpose)\(\s*([A-Za-z_]\w*)", t)
    if m:
        return m.group(1)
    t = re.sub(r"\.(T|mT)$", "", t)
    t = re.sub(r"\.(transpose|swapaxes)\(.*\)$", "", t)
    return t


def _union(a: Range, b: Range) -> Range:
    start = min((a.start.line, a.start.character), (b.start.line, b.start.character))
    end = max((a.end.line, a.end.character), (b.end.line, b.end.character))
    return Range(Position(*start), Position(*end))


def _inside(outer: Range, inner: Range) -> bool:
    return (outer.start.line, outer.start.character) <= (inner.start.line, inner.start.character) and \
        (inner.end.line, inner.end.character) <= (outer.end.line, outer.end.character)


def _before(a: Range, b: Range) -> bool:
    return (a.start.line, a.start.character) <= (b.start.line, b.start.character)


class _Matcher:
    def __init__(self, facts: CodeFacts, how: dict[str, str], parts: list[Part]):
        self.facts = facts
        self.how = how  # equation input name → parameter
        self.used: set[int] = set()
        self.ops = [o for o in facts.ops if not o.scope] + [o for o in facts.ops if o.scope]
        self.sum_indices = {m.group(1) for p in parts if p.get("op") == "sum"
                            for m in re.finditer(r"(\w+) from", p.get("detail", ""))}
        # names bound to a sum (s = e.sum(...)) or to an exp (e = np.exp(...))
        self.bound: dict[str, set[str]] = {}
        for a in facts.assignments:
            for op in facts.ops:
                if _inside(a.range, op.range) and op.kind in ("reduction", "exp", "softmax"):
                    key = op.fn if op.kind == "reduction" else op.kind
                    for t in a.targets:
                        self.bound.setdefault(t, set()).add(key)

    def kind(self, k: str, *fns: str) -> list[Op]:
        return [o for o in self.ops if o.kind == k and (not fns or o.fn in fns)]

    def take(self, candidates: list[Op], reuse: bool = False, note: str = "") -> tuple[Range, str, str] | None:
        fresh = [o for o in candidates if id(o) not in self.used]
        pool = fresh or (candidates if reuse else [])
        if not pool:
            return None
        op = pool[0]
        self.used.add(id(op))
        return op.range, op.text, note

    def param(self, latex: str) -> str:
        sym = _symbol(latex)
        return self.how.get(sym, sym)

    def match(self, part: Part, direct: bool = False) -> tuple[Range, str, str] | None:
        op = part.get("op", "")
        if direct:
            return self.direct_matmul(part)
        method = getattr(self, "m_" + op, None)
        return method(part) if method is not None else None

    def outermost_first(self) -> list[Op]:
        evaluation = sorted(self.kind("matmul"), key=lambda o: (o.range.end.line, o.range.end.character,
                                                                -o.range.start.line, -o.range.start.character))
        return evaluation[::-1]

    # -- per operation
    def direct_matmul(self, part: Part) -> tuple[Range, str, str] | None:
        """The product whose right operand is the part's right factor (… times V ↔ w @ V)."""
        detail = part.get("detail", "")
        if " times " not in detail:
            return None
        right_param = self.param(detail.rsplit(" times ", 1)[1])
        return self.take([o for o in self.outermost_first() if o.args and _root(o.args[-1]) == right_param])

    def m_matmul(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.outermost_first())

    def m_transpose(self, part: dict) -> tuple[Range, str, str] | None:
        base = self.param(part.get("latex", ""))
        ts = self.kind("transpose")
        preferred = [o for o in ts if o.args and _root(o.args[0]) == base]
        if not preferred and base not in self.facts.params:
            preferred = ts  # the symbol names no parameter: any transpose will do
        found = self.take(preferred)
        if found is not None:
            return found
        for o in self.kind("matmul", "einsum"):
            inputs = o.subscripts.split("->")[0].split(",") if o.subscripts else []
            if len(inputs) >= 2 and inputs[0].strip() and inputs[1].strip():
                a, b = inputs[0].strip(), inputs[1].strip()
                out = o.subscripts.split("->")[1] if "->" in o.subscripts else ""
                if a[-1] == b[-1] and a[-1] not in out:
                    return o.range, o.text, "in the einsum subscripts"
        return None

    def m_sqrt(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("sqrt"))

    def m_softmax(self, part: dict) -> tuple[Range, str, str] | None:
        calls = self.kind("softmax")
        if calls:
            return self.take(calls, reuse=True)
        for div in self.kind("divide"):
            if not self.divisor_is("sum", div):
                continue
            exps = [o for o in self.kind("exp") if _before(o.range, div.range) or _inside(div.range, o.range)]
            numerator = div.args[0] if div.args else ""
            feeding = [o for o in exps if _inside(div.range, o.range) and not self.in_divisor(div, o)] or \
                [o for o in exps if o.line < div.line and self.bound_to(numerator, "exp")] or exps
            if not feeding:
                continue
            exp = feeding[-1]
            rng = _union(exp.range, div.range)
            text = div.text if _inside(div.range, exp.range) else f"{exp.text} … {div.text}"
            return rng, text, ""
        return None

    def divisor_is(self, fn: str, div: Op) -> bool:
        divisor = div.divisor
        if any(o.fn == fn and _inside(div.range, o.range) and o.text in divisor for o in self.kind("reduction")):
            return True
        return fn in self.bound.get(divisor.strip(), set())

    def in_divisor(self, div: Op, op: Op) -> bool:
        return bool(div.divisor) and op.text in div.divisor and not (div.args and op.text in div.args[0])

    def bound_to(self, text: str, key: str) -> bool:
        return key in self.bound.get(text.strip(), set())

    def m_exp(self, part: dict) -> tuple[Range, str, str] | None:
        exps = self.kind("exp")
        latex = part.get("latex", "")
        in_sum = [o for o in exps if any(_inside(r.range, o.range) for r in self.kind("reduction", "sum"))]
        indexed = any(re.search(rf"_\{{?{re.escape(i)}\}}?", latex) for i in self.sum_indices)
        if self.sum_indices:
            preferred = in_sum if indexed else [o for o in exps if o not in in_sum]
            found = self.take(preferred)
            if found is not None:
                return found
        return self.take(exps, reuse=True)

    def m_log(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("log"), reuse=True)

    def m_sum(self, part: dict) -> tuple[Range, str, str] | None:
        found = self.take(self.kind("reduction", "sum"))
        if found is not None:
            return found
        loops = [a for a in self.facts.assignments if a.op in ("+=", "-=")]
        if loops:
            return loops[0].range, f"{', '.join(loops[0].targets)} {loops[0].op} {loops[0].value}", "a running sum"
        return self.take(self.kind("matmul", "dot", "vdot", "inner", "einsum"), note="a sum of products")

    def m_prod(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("reduction", "prod"))

    def m_max(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("reduction", "max"))

    def m_min(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("reduction", "min"))

    def m_abs(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("abs"))

    def m_tanh(self, part: dict) -> tuple[Range, str, str] | None:
        return self.take(self.kind("tanh"))

    def m_sigmoid(self, part: dict) -> tuple[Range, str, str] | None:
        found = self.take(self.kind("sigmoid"))
        if found is not None:
            return found
        divs = [d for d in self.kind("divide") if any(_inside(d.range, e.range) and e.text in d.divisor
                                                      for e in self.kind("exp"))]
        return self.take(divs)

    def m_negate(self, part: dict) -> tuple[Range, str, str] | None:
        found = self.take(self.kind("negate"))
        if found is not None:
            return found
        minus = [a for a in self.facts.assignments if a.op == "-="]
        if minus:
            return minus[0].range, f"{', '.join(minus[0].targets)} -= {minus[0].value}", "a running subtraction"
        return None

    def m_power(self, part: dict) -> tuple[Range, str, str] | None:
        found = self.take(self.kind("power"))
        if found is not None:
            return found
        squares = [o for o in self.kind("multiply") if len(o.args) == 2 and o.args[0] == o.args[1]]
        found = self.take(squares)
        if found is not None:
            return found
        same = [o for o in self.kind("matmul") if len(o.args) == 2 and o.args[0] == o.args[1]]
        return self.take(same, reuse=True, note="a product of the vector with itself")

    def m_divide(self, part: dict) -> tuple[Range, str, str] | None:
        divs = self.kind("divide")
        latex = part.get("latex", "")
        if "\\sum" in latex:
            preferred = [d for d in divs if self.divisor_is("sum", d)]
            found = self.take(preferred)
            if found is not None:
                return found
        symbol = self.param(latex)
        if symbol:
            named = [d for d in divs if re.search(rf"(?<![\w.]){re.escape(symbol)}(?!\w)", d.divisor)]
            found = self.take(named)
            if found is not None:
                return found
        if "\\sum" in latex:
            return None  # a normalisation by a sum that the code does not divide by
        return self.take(divs)


# ----------------------------------------------------------------------------- output


def _clean_latex(latex: str) -> str:
    text = re.sub(r"\\(left|right)\b\s*", "", latex)
    text = re.sub(r"\\(mathrm|text|operatorname)\{([^{}]*)\}", r"\2", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _lines_label(r: Range, lang: str) -> str:
    ui = UI.get(lang, UI["en"])
    if r.start.line == r.end.line:
        return ui["line"].format(n=r.start.line + 1)
    return ui["lines"].format(a=r.start.line + 1, b=r.end.line + 1)


def _shown(path: str) -> str:
    """A path relative to the working directory when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def shape_text(shape: list[Any]) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def render_text(ex: Explanation, lang: str = "en") -> str:
    ui = UI.get(lang, UI["en"])
    head = ex.equation_name or Path(ex.equation_path).name
    rule = f" [rule {ex.rule}]" if ex.rule else ""
    out = [f"{head}{rule} ({_shown(ex.equation_path)}) ↔ {ex.function} ({_shown(ex.impl_path)})"]
    if ex.equation_latex:
        out.append(f"  {ex.equation_latex}")
    out.append("")
    rows = sorted(ex.correspondence, key=lambda c: (c.range is None, (c.range.start.line, c.range.start.character)
                                                    if c.range else (0, 0)))
    left = [f"{_shorten(_clean_latex(c.part), 44)}" for c in rows]
    ops = [c.op for c in rows]
    right = []
    for c in rows:
        if c.range is None:
            right.append(f"— {ui['missing']}")
        else:
            note = f"  ({c.note})" if c.note else ""
            right.append(f"{_lines_label(c.range, lang)}: {_shorten(c.code, 60)}{note}")
    w1 = max([len(ui["equation"])] + [len(s) for s in left])
    w2 = max([0] + [len(s) for s in ops])
    out.append(f"  {ui['equation'].ljust(w1)}  {''.ljust(w2)}  {ui['code']}")
    out.append(f"  {'─' * w1}  {'─' * w2}  {'─' * max(len(ui['code']), min(60, max([0] + [len(r) for r in right])))}")
    for a, o, b in zip(left, ops, right):
        out.append(f"  {a.ljust(w1)}  {o.ljust(w2)}  {b}")
    out.append("")
    if not ex.ran:
        if ex.not_traced:
            out.append(ui["not-traced"].format(why=ui.get(ex.not_traced, ex.not_traced)))
        else:
            out.append(ui["no-shapes"] if ex.run_note == "" else ui["raised"].format(what=ex.run_note))
    else:
        sizes = ", ".join(f"{k}={v}" for k, v in ex.sizes.items())
        out.append(f"{ui['shapes']}" + (f" ({sizes})" if sizes else "") + ":")
        if not ex.shapes:
            out.append("  " + ui["no-trace"])
        for s in ex.shapes:
            out.append(f"  {ui['line'].format(n=s.line)}: {s.name} {shape_text(s.shape)}")
        if ex.run_note:
            out.append(ui["raised"].format(what=ex.run_note))
    return "\n".join(out)


def document(ex: Explanation, lang: str = "en") -> dict[str, Any]:
    from eq2code.base.version import __version__
    from eq2code.report.formats.source import SourceLines

    sources = SourceLines()
    doc: dict[str, Any] = {
        "version": 1,
        "tool": {"name": "eq2code", "version": __version__},
        "positionEncoding": "utf-16",
        "equation": ex.equation_path,
        "implementation": ex.impl_path,
        "function": ex.function,
        "rule": ex.rule,
        "correspondence": [
            {"part": c.part, "op": c.op, "detail": c.detail,
             "code": None if c.range is None else {"path": ex.impl_path,
                                                   "range": sources.utf16_range(ex.impl_path, c.range),
                                                   "text": c.code, **({"note": c.note} if c.note else {})},
             "status": c.status}
            for c in ex.correspondence],
        "shapes": [{"line": s.line, "name": s.name, "shape": s.shape} for s in ex.shapes],
        "sizes": ex.sizes,
        "run": {"ran": ex.ran, "note": ex.run_note or ex.not_traced},
    }
    doc["diagnostics"] = _diagnostics(ex, lang)
    return doc


def _diagnostics(ex: Explanation, lang: str) -> list[dict]:
    if not ex.findings:
        return []
    from eq2code.report.formats.json import document as report_document
    from eq2code.report.model import Report

    return report_document(Report([ex.record] if ex.record is not None else [], ex.findings, lang))["diagnostics"]


def render(ex: Explanation, fmt: str = "text", lang: str = "en") -> str:
    if fmt == "json":
        import json

        return json.dumps(document(ex, lang), ensure_ascii=False, indent=2)
    parts = [render_text(ex, lang)] if ex.function else []
    if ex.findings:
        parts.append(render_problems(ex, lang))
    return "\n\n".join(parts)


def render_problems(ex: Explanation, lang: str = "en") -> str:
    """What kept the explanation from being made, as the text reporter prints findings."""
    from eq2code.report.formats import render as render_report
    from eq2code.report.model import Report

    return render_report(Report([ex.record] if ex.record is not None else [], ex.findings, lang), "text").rstrip()
