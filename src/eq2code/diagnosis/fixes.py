"""Candidate fixes for named mistakes: a finding, the static facts of its function and the
source text → the edits that would undo the mistake, mechanically.

Each candidate is text surgery on the ranges `code.static` reports (a reduction's call, a
product's operands, a log's name, an exp's argument). A candidate is only a guess: the checker
(`checking.fixing`) re-runs the check on the edited code and offers the fix only when the
edited code passes. Nothing here runs code or raises; a finding it cannot fix gives no
candidate.

| finding | edit |
|---|---|
| missing-keepdims | `, keepdims=True` added to the reduction |
| wrong-reduction-axis | the reductions' `axis=` → `-1` (added when missing) |
| missing-transpose | `K` → `K.T` in the product (`Q.T @ K` → `Q @ K.T`) |
| sum-vs-mean | `mean` ↔ `sum` in the reduction |
| wrong-log-base | `np.log2` / `np.log10` → `np.log` |
| unstable-exp | `np.exp(z)` → `np.exp(z - np.max(z, axis=-1, keepdims=True))` |
| missing-scale | `/ np.sqrt(d)` after the product, d the size's expression (`Q.shape[-1]`) |
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from eq2code.base.span import Position, Range
from eq2code.code.static import CodeFacts, Op
from eq2code.findings.model import Edit, Finding, Fix

FIXABLE = ("missing-keepdims", "wrong-reduction-axis", "missing-transpose", "sum-vs-mean", "wrong-log-base",
           "unstable-exp", "missing-scale")
MAX_CANDIDATES = 2
_SIMPLE = re.compile(r"^[A-Za-z_][\w.]*(\[[^\[\]]*\])*(\(\))?$")  # a name, attribute, subscript: no parentheses needed


def numpy_alias(source: str) -> str:
    m = re.search(r"^\s*import\s+numpy\s+as\s+(\w+)", source, re.M)
    if m:
        return m.group(1)
    return "numpy" if re.search(r"^\s*import\s+numpy\b", source, re.M) else "np"


def candidates(finding: Finding, facts: CodeFacts, source: str,
               sizes: dict[str, str] | None = None) -> list[Fix]:
    """At most MAX_CANDIDATES fixes for the finding, the likeliest first."""
    build = _BUILDERS.get(finding.name)
    if build is None:
        return []
    text = _Text(source)
    out: list[Fix] = []
    try:
        for edits in build(finding, facts, text, sizes or {}):
            fix = _fix(finding.name, edits)
            if fix is not None and fix not in out:
                out.append(fix)
            if len(out) >= MAX_CANDIDATES:
                break
    except (ValueError, IndexError):  # a range the text does not have: no candidate
        return out
    return out


def apply(source: str, edits: Iterable[Edit]) -> str:
    """The source with the edits made (ranges in the original text; they must not overlap)."""
    text = _Text(source)
    spans = sorted(((text.offset(e.range.start), text.offset(e.range.end), e.new_text) for e in edits),
                   reverse=True)
    out = source
    for start, end, new in spans:
        out = out[:start] + new + out[end:]
    return out


def _fix(name: str, edits: list[Edit]) -> Fix | None:
    if not edits:
        return None
    spans = sorted((e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character)
                   for e in edits)
    for a, b in pairwise(spans):
        if (a[2], a[3]) > (b[0], b[1]):
            return None  # overlapping edits: no candidate
    return Fix("safe", tuple(edits), f"fix-{name}")


class _Text:
    """The source with offsets ↔ positions (0-based lines, code points)."""

    def __init__(self, source: str):
        self.source = source
        self.starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self.starts.append(i + 1)

    def offset(self, p: Position) -> int:
        if p.line >= len(self.starts):
            raise ValueError("position past the end")
        return self.starts[p.line] + p.character

    def position(self, offset: int) -> Position:
        line = max(i for i, s in enumerate(self.starts) if s <= offset)
        return Position(line, offset - self.starts[line])

    def range(self, start: int, end: int) -> Range:
        return Range(self.position(start), self.position(end))

    def of(self, r: Range) -> tuple[int, int, str]:
        s, e = self.offset(r.start), self.offset(r.end)
        return s, e, self.source[s:e]

    def edit(self, start: int, end: int, new: str) -> Edit:
        return Edit(self.range(start, end), new)


def _inside(inner: Range, outer: Range) -> bool:
    return (outer.start.line, outer.start.character) <= (inner.start.line, inner.start.character) and \
        (inner.end.line, inner.end.character) <= (outer.end.line, outer.end.character)


def _near(ops: list[Op], at: Range) -> list[Op]:
    """The ops inside the finding's range first (innermost last), then those that contain it."""
    inside = [o for o in ops if _inside(o.range, at)]
    around = sorted((o for o in ops if _inside(at, o.range) and o not in inside),
                    key=lambda o: (o.range.end.line - o.range.start.line,
                                   o.range.end.character - o.range.start.character))
    return inside + around


def _wrapped(expr: str) -> str:
    expr = expr.strip()
    return expr if _SIMPLE.match(expr) else f"({expr})"


def _close_paren(text: _Text, op: Op) -> int | None:
    """The offset of the call's closing parenthesis (the op's text ends with it)."""
    _, end, body = text.of(op.range)
    return end - 1 if body.rstrip().endswith(")") else None


def _axis_arg(body: str) -> re.Match[str] | None:
    """The `axis=` keyword of a call (at the call's own depth)."""
    depth = 0
    for i, ch in enumerate(body):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 1 and body.startswith("axis", i) and not (body[i - 1].isalnum() or body[i - 1] == "_"):
            m = re.compile(r"axis\s*=\s*([^,()\[\]]+|\([^()]*\))").match(body, i)
            if m:
                return m
    return None


# ----------------------------------------------------------------------------- builders


def _keepdims(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    ops = [o for o in _near(facts.of("reduction"), finding.range) if o.keepdims is False]
    for hint in facts.hints_named("missing-keepdims"):
        ops += [o for o in facts.of("reduction") if o.range == hint.range and o not in ops]
    for op in ops:
        close = _close_paren(text, op)
        if close is None:
            continue
        _, _, body = text.of(op.range)
        inner = body[body.index("(") + 1:-1].strip() if "(" in body else ""
        yield [text.edit(close, close, ", keepdims=True" if inner else "keepdims=True")]


def _axis(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    """Every reduction whose axis is a literal other than -1 (the softmax's max and sum together)."""
    near = _near(facts.of("reduction"), finding.range)
    wrong = [o for o in facts.of("reduction") if o.axis_given and isinstance(o.axis, int) and o.axis != -1
             and not o.scope]
    edits_all: list[Edit] = []
    for op in wrong:
        start, _, body = text.of(op.range)
        m = _axis_arg(body)
        if m is None:
            continue
        edits_all.append(text.edit(start + m.start(1), start + m.end(1), "-1"))
    if edits_all:
        yield edits_all
    for op in near:  # a reduction without an axis at the finding: along the last axis
        if op.axis_given:
            continue
        close = _close_paren(text, op)
        if close is None:
            continue
        _, _, body = text.of(op.range)
        inner = body[body.index("(") + 1:-1].strip() if "(" in body else ""
        keep = "" if op.keepdims else ", keepdims=True"
        yield [text.edit(close, close, (", " if inner else "") + "axis=-1" + keep)]


def _operand_span(text: _Text, op: Op, index: int) -> tuple[int, int] | None:
    start, _, body = text.of(op.range)
    if len(op.args) < 2:
        return None
    arg = op.args[index]
    if op.fn == "@":
        at = 0 if index == 0 else len(body) - len(arg)
        if body[at:at + len(arg)] != arg:
            return None
    else:  # np.dot(a, b), np.matmul(a, b)
        open_ = body.find("(")
        at = body.find(arg, open_ + 1) if index == 0 else body.rfind(arg)
        if at < 0:
            return None
    return start + at, start + at + len(arg)


def _transpose(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    for op in _near([o for o in facts.of("matmul") if o.fn in ("@", "matmul", "dot")], finding.range):
        left, right = _operand_span(text, op, 0), _operand_span(text, op, 1)
        if left is None or right is None:
            continue
        left_text, right_text = op.args[0].strip(), op.args[1].strip()
        right_new = right_text[:-2] if right_text.endswith(".T") else _wrapped(right_text) + ".T"
        if left_text.endswith(".T"):  # Q.T @ K → Q @ K.T
            yield [text.edit(left[1] - 2, left[1], ""), text.edit(*right, right_new)]
        yield [text.edit(*right, right_new)]


def _sum_mean(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    for op in _near([o for o in facts.of("reduction") if o.fn in ("sum", "mean") and not o.scope], finding.range):
        start, _, body = text.of(op.range)
        other = "sum" if op.fn == "mean" else "mean"
        if op.name.startswith("."):  # x.mean(...)
            receiver = op.operand
            at = len(receiver) if body.startswith(receiver) else body.rfind(op.name + "(")
            m = re.compile(r"\s*\.\s*(mean|sum)\b").match(body, at)
        else:  # np.mean(...), np.nanmean(...), np.average(...)
            m = re.compile(r"[\w.]*?\b(nan)?(mean|sum|average)\b").match(body)
        if m is None:
            continue
        group = m.lastindex or 0
        word = m.group(group)
        new = {"mean": "sum", "sum": "mean", "average": "sum"}.get(word, other)
        yield [text.edit(start + m.start(group), start + m.end(group), new)]


def _log_base(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    edits = []
    for op in facts.of("log"):
        if op.base not in ("2", "10"):
            continue
        start, _, body = text.of(op.range)
        m = re.compile(r"[\w.]*?\blog(2|10)\b").match(body)
        if m is not None:
            edits.append(text.edit(start + m.start(1), start + m.end(1), ""))
    if edits:
        yield edits


def _unstable_exp(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    np_ = numpy_alias(text.source)
    unshifted = {h.range for h in facts.hints_named("unstable-exp")}
    exps = [o for o in facts.of("exp") if o.fn == "exp" and o.range in unshifted and o.operand and not o.scope]
    edits = []
    for op in exps:
        start, _, body = text.of(op.range)
        open_ = body.find("(")
        arg = op.operand
        at = body.find(arg, open_ + 1)
        if open_ < 0 or at < 0:
            continue
        shift = f"{_wrapped(arg)} - {np_}.max({arg}, axis=-1, keepdims=True)"
        edits.append(text.edit(start + at, start + at + len(arg), shift))
    if edits:
        yield edits


def _sqrt_symbol(part: str) -> str | None:
    m = re.fullmatch(r"\s*\\sqrt\s*\{(.+)\}\s*", part or "")
    if m is None:
        return None
    return re.sub(r"[{}\s\\]", "", m.group(1))


def _scale(finding: Finding, facts: CodeFacts, text: _Text, sizes: dict[str, str]) -> Iterable[list[Edit]]:
    """A missing 1/√d after the product the finding points at; d's expression from `sizes`."""
    symbol = _sqrt_symbol(str(finding.params.get("part", "")))
    expr = sizes.get(symbol or "")
    if not expr:
        return
    np_ = numpy_alias(text.source)
    for op in _near(facts.of("matmul"), finding.range)[:1]:
        start, end, body = text.of(op.range)
        yield [text.edit(start, end, f"{body} / {np_}.sqrt({expr})" if op.fn == "@"
                         else f"({body}) / {np_}.sqrt({expr})")]


_BUILDERS = {
    "missing-keepdims": _keepdims,
    "wrong-reduction-axis": _axis,
    "missing-transpose": _transpose,
    "sum-vs-mean": _sum_mean,
    "wrong-log-base": _log_base,
    "unstable-exp": _unstable_exp,
    "missing-scale": _scale,
}
