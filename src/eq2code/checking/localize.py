"""Value-based fault localization: the first sub-expression of the code whose value leaves the
equation while its operands are still on it.

The child re-runs the function on one failing trial with value probes (`code/sandbox/probe.py`):
the value of every call, binary/unary operation, subscript and ``.T`` of the function, and its
simple assignments. Here the equation's plan is evaluated on the same inputs with every
sub-plan's value recorded (a softmax is expanded into its exponentials and their row sum).
A code value is *on* the equation when it equals some sub-expression's value up to
broadcasting (and the order of index axes), or up to the invariances the equation has: a
constant shift along the last axis inside a softmax or log-sum-exp, a positive factor along
the last axis that a normalization cancels. The culprit is the first value (in evaluation
order) that is off while every operand is on, and from which the difference reaches the
output through values that are off too (a max subtracted for stability is off but absorbed).

The description names what the equation has in the culprit's place (the sibling of the
equation part its on-operands match: a denominator, a factor, a term, the argument of exp …)
and, where a small change of that part gives the code's value (a dropped exp, a sum for a
mean, a square for a square root), what the code computes instead. Both are language-neutral
math text; the words around them are message templates (`numeric-mismatch`, en/ja).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eq2code.base.span import Range
from eq2code.reference.compare import short
from eq2code.reference.evaluate import EvaluationError, Evaluator, Val

RTOL = 1e-6


# ----------------------------------------------------------------------------- the equation's values


@dataclass
class EqNode:
    plan: list
    arr: np.ndarray  # float64, named axes first
    axes: tuple[str, ...]
    parent: int | None
    children: list[int] = field(default_factory=list)
    bound: dict[str, Val] = field(default_factory=dict)  # indices bound where it was evaluated
    virtual: bool = False  # a value the equation implies but does not write (a partial product, √x of 1/√x)


def expand(plan: Any) -> Any:
    """The plan with each softmax written out: exp(a) · (Σ_last exp(a))^-1."""
    if not isinstance(plan, list):
        return plan
    out = [expand(p) if isinstance(p, list) else p for p in plan]
    if out and out[0] == "softmax" and len(out) == 2:
        ex = ["fn", "exp", out[1]]
        return ["mul", [ex, ["pow", ["lastsum", ex], ["num", -1.0]]]]
    return out


class RecordingEvaluator(Evaluator):
    def __init__(self, values: dict[str, Any], sizes: dict[str, int]):
        super().__init__(values, sizes)
        self.nodes: list[EqNode] = []
        self.stack: list[int] = []

    def ev(self, plan: list) -> Val:
        k = len(self.nodes)
        parent = self.stack[-1] if self.stack else None
        node = EqNode(plan, np.zeros(0), (), parent, bound=dict(self.bound))
        self.nodes.append(node)
        if parent is not None:
            self.nodes[parent].children.append(k)
        self.stack.append(k)
        try:
            val = super().ev(plan)
        finally:
            self.stack.pop()
        with np.errstate(all="ignore"):
            node.arr = np.asarray(val.arr, dtype=np.float64)
        node.axes = val.axes
        return val

    def virtual(self, plan: list, val: Val) -> None:
        parent = self.stack[-1] if self.stack else None
        with np.errstate(all="ignore"):
            arr = np.asarray(val.arr, dtype=np.float64)
        self.nodes.append(EqNode(plan, arr, val.axes, parent, bound=dict(self.bound), virtual=True))

    def _mul(self, args):
        return self._partials("mul", args, super()._mul)

    def _partials(self, op: str, args: list, whole) -> Val:
        """The value, and the products of every part of its factors: x_i/RMS in γ_i x_i/RMS (partial
        sums are left out: with a term dropped they match too much by chance)."""
        val = whole(args)
        if 3 <= len(args) <= 5:
            for size in range(2, len(args)):
                for subset in itertools.combinations(args, size):
                    try:
                        part = Evaluator(self.values, self.sizes)
                        part.bound = dict(self.bound)
                        self.virtual([op, list(subset)], getattr(Evaluator, "_" + op)(part, list(subset)))
                    except (EvaluationError, ValueError, IndexError, TypeError, KeyError):
                        continue
        return val

    def _pow(self, base, exp):
        val = super()._pow(base, exp)
        if isinstance(exp, list) and exp[:1] == ["num"] and exp[1] < 0:
            with np.errstate(all="ignore"):
                self.virtual(["pow", base, ["num", -exp[1]]], Val(1 / val.arr, val.axes))
        return val

    def _lastsum(self, a):
        val = self.ev(a)
        if val.positional < 1:
            raise EvaluationError("a row sum of a scalar")
        return Val(np.sum(val.arr, axis=-1, keepdims=True), val.axes)

    def in_context(self, plan: list, bound: dict[str, Val]) -> np.ndarray | None:
        saved = self.bound
        self.bound = dict(bound)
        mark = len(self.nodes)
        try:
            with np.errstate(all="ignore"):
                return np.asarray(super().ev(plan).arr, dtype=np.float64)
        except (EvaluationError, ValueError, IndexError, TypeError, KeyError, ZeroDivisionError):
            return None
        finally:
            self.bound = saved
            del self.nodes[mark:]


def equation_values(eq: Any, values: dict[str, Any], sizes: dict[str, int]) -> RecordingEvaluator | None:
    ev = RecordingEvaluator(values, sizes)
    for name, lo, hi in eq.free_indices:
        try:
            ev.bound[name] = Val(ev.index_range(lo, hi).arr, (name,))
        except EvaluationError:
            return None
    try:
        ev.ev(expand(eq.plans[0]))
    except (EvaluationError, ValueError, IndexError, TypeError, KeyError, ZeroDivisionError):
        return None
    return ev


def _ops(plan: Any) -> set[str]:
    if not isinstance(plan, list) or not plan or not isinstance(plan[0], str):
        return set()
    out = {plan[0]} | ({plan[1]} if plan[0] == "fn" else set())
    for p in plan[1:]:
        if isinstance(p, list):
            if p and isinstance(p[0], str):
                out |= _ops(p)
            else:
                for q in p:
                    out |= _ops(q)
    return out


# ----------------------------------------------------------------------------- matching values


def _arrangements(arr: np.ndarray, named: int, shape: tuple[int, ...]) -> list[np.ndarray]:
    """The equation's value laid out like a code value of `shape` (both squeezed)."""
    sq = np.squeeze(arr)
    if sq.shape == shape:
        return [sq]
    if sq.ndim != len(shape) or sorted(sq.shape) != sorted(shape) or named == 0:
        return []
    out = []
    for perm in itertools.permutations(range(sq.ndim)):
        t = np.transpose(sq, perm)
        if t.shape == shape:
            out.append(t)
    return out


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    with np.errstate(all="ignore"):
        scale = max(float(np.max(np.abs(b[np.isfinite(b)]))) if np.any(np.isfinite(b)) else 0.0, 1e-12)
        same_nan = np.array_equal(np.isnan(a), np.isnan(b)) and np.array_equal(np.isinf(a), np.isinf(b))
        if not same_nan:
            return False
        fin = np.isfinite(a) & np.isfinite(b)
        if np.any(np.isinf(a)) and not np.array_equal(a[~fin], b[~fin]):
            return False
        return bool(np.all(np.abs(a[fin] - b[fin]) <= RTOL * np.abs(b[fin]) + 1e-9 * scale))


def relation(code: np.ndarray, node: EqNode, shift: bool, scale: bool) -> str | None:
    """"on", "inv" (up to an allowed shift/scale along the last axis) or None."""
    c = np.squeeze(code)
    if np.size(c) != np.size(node.arr):
        return None
    best = None
    for v in _arrangements(node.arr, len(node.axes), c.shape):
        if _close(c, v):
            return "on"
        if c.ndim == 0 or c.shape[-1] < 2 or not np.all(np.isfinite(c)) or not np.all(np.isfinite(v)):
            continue
        with np.errstate(all="ignore"):
            if shift:
                d = c - v
                if _close(d, np.broadcast_to(d[..., :1], d.shape)) and _close(c - d[..., :1], v):
                    best = "inv"
            if scale and best is None and np.all(v != 0):
                r = c / v
                if np.all(r > 0) and _close(r, np.broadcast_to(r[..., :1], r.shape)):
                    best = "inv"
    return best


# ----------------------------------------------------------------------------- the code's values


@dataclass
class Culprit:
    range: Range
    code: str  # the expression's source text
    line: int  # 1-based
    computes: str = ""  # math text of what it computes, or its value
    role: str = ""  # what the equation has in its place: denominator, numerator, factor, term, …
    expected: str = ""  # math text of that part of the equation
    kind: str = ""  # the probe's node kind (call:np.sum, binop:Div, …)
    status: dict[int, str] = field(default_factory=dict)  # every probed node: on / inv / off / unknown

    def params(self) -> dict[str, Any]:
        out = {"at_line": str(self.line), "code": self.code, "computes": self.computes}
        if self.role and self.expected:
            out.update(role=self.role, expected_part=self.expected)
        return out


def _char_col(line: str, byte_col: int) -> int:
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def node_range(node: dict, lines: list[str]) -> Range:
    l0, l1 = node["line"] - 1, node["end_line"] - 1
    c0 = _char_col(lines[l0], node["col"]) if 0 <= l0 < len(lines) else node["col"]
    c1 = _char_col(lines[l1], node["end_col"]) if 0 <= l1 < len(lines) else node["end_col"]
    return Range.of(l0, c0, l1, c1)


def node_text(node: dict, lines: list[str]) -> str:
    r = node_range(node, lines)
    if r.start.line == r.end.line:
        return lines[r.start.line][r.start.character:r.end.character] if r.start.line < len(lines) else ""
    first = lines[r.start.line][r.start.character:]
    return " ".join([first.strip()] + [lines[i].strip() for i in range(r.start.line + 1, r.end.line)] +
                    [lines[r.end.line][:r.end.character].strip()])


class CodeGraph:
    def __init__(self, probe: dict):
        self.nodes = {n["id"]: n for n in probe.get("nodes", [])}
        self.assignments = probe.get("assignments", [])
        self.params = set(probe.get("params", []))

    def resolve(self, name: str, line: int, seen: int = 0) -> tuple[str, int | None]:
        """What a name read on `line` holds: ("param", None), ("node", id), ("unknown", None)."""
        earlier = [a for a in self.assignments if name in a["names"] and a["end_line"] < line]
        if not earlier:
            return ("param", None) if name in self.params else ("unknown", None)
        last = max(earlier, key=lambda a: (a["line"], a["col"]))
        if last["loop"] or last["op"] != "=":
            return "unknown", None
        if last["node"] is not None:
            return "node", last["node"]
        if last["alias"] and seen < 20:
            return self.resolve(last["alias"], last["line"], seen + 1)
        return "unknown", None

    def operands(self, k: int) -> list[tuple[str, int | None]]:
        node = self.nodes[k]
        out: list[tuple[str, int | None]] = [("node", c) for c in node["children"]]
        for name in node["names"]:
            out.append(self.resolve(name, node["line"]))
        return out

    def outputs(self) -> set[int]:
        out = set()
        for a in self.assignments:
            if a["op"] != "return":
                continue
            if a["node"] is not None:
                out.add(a["node"])
            elif a["alias"]:
                kind, k = self.resolve(a["alias"], a["line"] + 1)
                if kind == "node" and k is not None:
                    out.add(k)
        return out

    def consumers(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {k: set() for k in self.nodes}
        for k, node in self.nodes.items():
            if node["parent"] is not None and node["parent"] in out:
                out[k].add(node["parent"])
            for kind, src in self.operands(k):
                if kind == "node" and src is not None and src in out and src not in node["children"]:
                    out[src].add(k)
        return out


def localize(eq: Any, math_values: dict[str, Any], sizes: dict[str, int], probe: dict,
             source: str) -> Culprit | None:
    """The culprit of a failing trial, or None when the values say nothing clear."""
    if not probe or not probe.get("nodes"):
        return None
    ev = equation_values(eq, math_values, sizes)
    if ev is None:
        return None
    ops = _ops(expand(eq.plans[0]))
    shift = "lastsum" in ops or ("exp" in ops and "sum" in ops)
    scale = "lastsum" in ops or any(n.plan[0] == "pow" and isinstance(n.plan[1], list) and n.plan[1][:1] == ["sum"]
                                    for n in ev.nodes)
    graph = CodeGraph(probe)
    lines = source.splitlines()
    status: dict[int, str] = {}
    matches: dict[int, list[int]] = {}
    for k, node in graph.nodes.items():
        if node["count"] != 1 or node["values"] is None or node["shape"] is None:
            status[k] = "unknown"
            continue
        code = np.asarray(node["values"], dtype=np.float64).reshape(node["shape"])
        found, rel = [], None
        for i, en in enumerate(ev.nodes):
            if en.plan[0] == "num":
                continue
            r = relation(code, en, shift, scale)
            if r is not None:
                found.append(i)
                rel = "on" if r == "on" or rel == "on" else "inv"
        matches[k] = found
        status[k] = rel or "off"
    _backward_matches(graph, ev, status, matches)
    outputs = graph.outputs()
    consumers = graph.consumers()
    for k in outputs:  # the invariances hold inside the equation, not for its value
        if status.get(k) == "inv":
            status[k] = "off"

    def reaches(k: int) -> bool:
        todo, seen = [k], set()
        while todo:
            n = todo.pop()
            if n in outputs:
                return True
            for c in consumers.get(n, ()):
                if c not in seen and status.get(c) == "off":
                    seen.add(c)
                    todo.append(c)
        return False

    def operands_on(k: int) -> bool:
        return all(not (kind == "node" and src is not None and status.get(src) == "off")
                   for kind, src in graph.operands(k))

    def constant(k: int, depth: int = 0) -> bool:
        """A value no input reaches (the -1 of `axis=-1`): never the culprit."""
        node = graph.nodes[k]
        return depth < 50 and not node["names"] and all(
            c in graph.nodes and constant(c, depth + 1) for c in node["children"])

    candidates = [k for k, s in status.items()
                  if s == "off" and operands_on(k) and reaches(k) and not constant(k)]
    if not candidates:
        return None
    # a value that also feeds an invariance (a max subtracted inside exp) is a helper: last resort
    helper = {n for n in candidates if any(status.get(c) in ("on", "inv") for c in consumers.get(n, ()))}
    k = min(candidates, key=lambda n: (n in helper, graph.nodes[n]["order"] or 10**9))
    node = graph.nodes[k]
    culprit = Culprit(node_range(node, lines), node_text(node, lines), node["line"], kind=node["kind"],
                      status=status)
    code = np.asarray(node["values"], dtype=np.float64).reshape(node["shape"])
    _describe(culprit, k, code, graph, matches, ev, eq)
    if not culprit.computes:
        culprit.computes = short(code)
    return culprit


def _backward_matches(graph: CodeGraph, ev: RecordingEvaluator, status: dict[int, str],
                      matches: dict[int, list[int]]) -> None:
    """A value that only equals a part *inside* what one of its operands already equals went
    backwards by chance (y·log ŷ + (1 − y)·log ŷ = log ŷ for binary y): it is not on the equation."""
    def ancestors(i: int) -> set[int]:
        out, p = set(), ev.nodes[i].parent
        while p is not None:
            out.add(p)
            p = ev.nodes[p].parent
        return out

    for k in sorted(graph.nodes, key=lambda n: graph.nodes[n]["order"] or 0):
        if status.get(k) != "on" or not matches.get(k):
            continue
        operand_matches = {m for kind, src in graph.operands(k) if kind == "node" and src is not None
                           for m in matches.get(src, []) if not ev.nodes[m].virtual}
        if not operand_matches:
            continue
        if all(ancestors(m) & operand_matches for m in matches[k]):
            status[k] = "off"


# ----------------------------------------------------------------------------- describing it


def _describe(culprit: Culprit, k: int, code: np.ndarray, graph: CodeGraph, matches: dict[int, list[int]],
              ev: RecordingEvaluator, eq: Any) -> None:
    node = graph.nodes[k]
    parent = graph.nodes.get(node["parent"]) if node["parent"] is not None else None
    place: tuple[int, str] | None = None
    if parent is not None:
        siblings = [src for kind, src in graph.operands(parent["id"])
                    if kind == "node" and src != k and src is not None]
        sibling_matches = [set(matches.get(s, [])) for s in siblings if matches.get(s)]
        place = _place(ev, sibling_matches, parent, k, graph)
    if place is None:
        place = _by_kind(ev, node)
    if place is None:
        return
    i, role = place
    names = {s.sympy_name: s.name for s in eq.inputs}
    culprit.role, culprit.expected = role, plan_text(ev.nodes[i].plan, names)
    for mutated in plan_mutants(ev.nodes[i].plan):
        got = ev.in_context(mutated, ev.nodes[i].bound)
        if got is None:
            continue
        fake = EqNode(mutated, got, ev.nodes[i].axes, None)
        if relation(code, fake, False, False) == "on":
            culprit.computes = plan_text(mutated, names)
            return


def _place(ev: RecordingEvaluator, sibling_matches: list[set[int]], parent: dict, k: int,
           graph: CodeGraph) -> tuple[int, str] | None:
    if not sibling_matches:
        return None
    for xn in ev.nodes:
        kids = [c for c in xn.children if not ev.nodes[c].virtual]
        if len(kids) < 2:
            continue
        used = []
        for ms in sibling_matches:
            hit = next((c for c in kids if c in ms and c not in used), None)
            if hit is None:
                break
            used.append(hit)
        else:
            rest = [c for c in kids if c not in used]
            if not rest:
                continue
            y = rest[0]
            yplan = ev.nodes[y].plan
            op = xn.plan[0]
            divide = parent["kind"] == "binop:Div"
            first = parent["children"][0] if parent["children"] else None
            last = parent["children"][-1] if parent["children"] else None
            right = divide and (last == k or (first != k and graph.nodes[k]["col"] > parent["col"]))
            if op == "mul":
                if yplan[0] == "pow" and yplan[2] == ["num", -1.0] and ev.nodes[y].children:
                    return ev.nodes[y].children[0], "denominator"
                return y, "numerator" if divide and not right else "factor"
            if op == "add":
                return y, "term"
            if op in ("matmul", "hadamard"):
                return y, "factor"
            if op == "pow":
                return y, "exponent" if y == kids[-1] else "base"
            return y, "operand"
    return None


KIND_OPS = {"call:np.exp": ("fn", "exp"), "call:numpy.exp": ("fn", "exp"), "call:np.log": ("fn", "log"),
            "call:numpy.log": ("fn", "log"), "call:np.tanh": ("fn", "tanh"), "call:np.abs": ("fn", "abs")}


def _by_kind(ev: RecordingEvaluator, node: dict) -> tuple[int, str] | None:
    """A culprit with no on sibling: the equation's part of the same operation, if it has one."""
    kind = node["kind"]
    want = KIND_OPS.get(kind)
    for i, en in enumerate(ev.nodes):
        if want and en.plan[0] == want[0] and en.plan[1] == want[1]:
            return i, "value"
        if kind.endswith((".sum", ".mean")) and en.plan[0] in ("sum", "lastsum"):
            return i, "value"
        if kind.endswith(".sqrt") and en.plan[0] == "pow" and en.plan[2] == ["num", 0.5]:
            return i, "value"
    return None


def plan_mutants(plan: Any) -> list[list]:
    """Small changes of an equation part, to say what the code computes instead of it."""
    out: list[list] = []

    def walk(p: Any, rebuild) -> None:
        if not isinstance(p, list) or not p or not isinstance(p[0], str):
            return
        op = p[0]
        if op == "fn":
            out.append(rebuild(p[2]))  # the function dropped
        if op == "pow" and p[2] == ["num", 0.5]:
            out.append(rebuild(p[1]))  # the square root dropped
        if op == "pow" and p[2] == ["num", -1.0]:
            out.append(rebuild(p[1]))
        if op == "sum":
            out.append(rebuild(["reduce", "max", p[1], p[2], p[3], p[4]]))
            out.append(rebuild(["mul", [p, ["pow", ["add", [p[4], ["mul", [["num", -1.0], p[3]]], ["num", 1.0]]],
                                                  ["num", -1.0]]]]))
        if op == "add" and len(p[1]) >= 2:
            for t in range(len(p[1])):
                out.append(rebuild(["add", p[1][:t] + p[1][t + 1:]]))
        for pos, child in enumerate(p[1:], start=1):
            if isinstance(child, list) and child and isinstance(child[0], str):
                walk(child, lambda new, pos=pos: rebuild(p[:pos] + [new] + p[pos + 1:]))
            elif isinstance(child, list):
                for j, item in enumerate(child):
                    if isinstance(item, list) and item and isinstance(item[0], str):
                        walk(item, lambda new, pos=pos, j=j, child=child: rebuild(
                            p[:pos] + [child[:j] + [new] + child[j + 1:]] + p[pos + 1:]))
                    elif isinstance(item, list) and len(item) == 2 and isinstance(item[1], list):  # matmul [flag, a]
                        walk(item[1], lambda new, pos=pos, j=j, item=item, child=child: rebuild(
                            p[:pos] + [child[:j] + [[item[0], new]] + child[j + 1:]] + p[pos + 1:]))

    walk(plan, lambda new: new)
    out.append(["mul", [["num", -1.0], plan]])
    out.append(["mul", [["num", 2.0], plan]])
    out.append(["mul", [["num", 0.5], plan]])
    out.append(["pow", plan, ["num", 2.0]])
    return out[:60]


# ----------------------------------------------------------------------------- math text


def plan_text(plan: Any, names: dict[str, str] | None = None, top: bool = True) -> str:
    """A plan as compact math text: Σ_j exp(z_j), √(Σ_i u_i²), (QKᵀ)/√d_k."""
    names = names or {}
    t = lambda p: plan_text(p, names, False)  # noqa: E731
    if not isinstance(plan, list) or not plan:
        return str(plan)
    op = plan[0]
    if op == "num":
        x = plan[1]
        return str(int(x)) if float(x).is_integer() else f"{x:g}"
    if op == "inf":
        return "∞"
    if op in ("sym", "size", "index", "msym"):
        return str(names.get(plan[1]) or plan[1])
    if op == "indexed":
        idx = ",".join(t(i) for i in plan[2])
        return f"{names.get(plan[1], plan[1])}_{idx}" if len(plan[2]) == 1 else f"{names.get(plan[1], plan[1])}_({idx})"
    if op == "add":
        out = ""
        for k, a in enumerate(plan[1]):
            s = t(a)
            if k and s.startswith("-"):
                out += " − " + s[1:]
            elif k:
                out += " + " + s
            else:
                out = s
        return out if top else f"({out})"
    if op == "mul":
        args = plan[1]
        if args and args[0] == ["num", -1.0]:
            rest = args[1:]
            inner = plan_text(["mul", rest], names, False) if len(rest) > 1 else t(rest[0])
            return "-" + inner
        num = [a for a in args if not (a[0] == "pow" and a[2] == ["num", -1.0])]
        den = [a[1] for a in args if a[0] == "pow" and a[2] == ["num", -1.0]]
        top_text = "·".join(t(a) for a in num) or "1"
        if den:
            return f"{top_text}/{'·'.join(t(a) for a in den)}"
        return top_text
    if op == "pow":
        base, exp = plan[1], plan[2]
        if exp == ["num", 0.5]:
            return f"√{t(base)}"
        if exp == ["num", -1.0]:
            return f"1/{t(base)}"
        if exp == ["num", -0.5]:
            return f"1/√{t(base)}"
        if exp == ["num", 2.0]:
            return f"{t(base)}²"
        return f"{t(base)}^{t(exp)}"
    if op == "fn":
        return f"{plan[1]}({plan_text(plan[2], names)})"
    if op == "logb":
        return f"log_{t(plan[2])}({plan_text(plan[1], names)})"
    if op in ("sum", "prod"):
        sign = "Σ" if op == "sum" else "Π"
        return f"{sign}_{plan[2]} {t(plan[1])}"
    if op == "reduce":
        return f"{plan[1]}_{plan[3]} {t(plan[2])}"
    if op == "lastsum":
        return f"Σ {t(plan[1])}"
    if op == "matmul":
        return "".join(t(a) for _, a in plan[1])
    if op == "hadamard":
        return "⊙".join(t(a) for a in plan[1])
    if op == "transpose":
        return f"{t(plan[1])}ᵀ"
    if op == "softmax":
        return f"softmax({plan_text(plan[1], names)})"
    if op in ("max", "min"):
        return f"{op}({', '.join(plan_text(a, names) for a in plan[1])})"
    if op == "apply":
        return t(plan[3])
    if op == "piecewise":
        return "{" + "; ".join(plan_text(v, names) for v, _ in plan[1]) + "}"
    return op


# ----------------------------------------------------------------------------- in a check


def probe_run(ctx: Any, eq: Any, trial: Any, expected: np.ndarray) -> Any:
    """The function run once more on `trial` with value probes (None when it cannot be)."""
    from pathlib import Path

    from eq2code.checking import prepare
    from eq2code.code.sandbox.runner import SandboxError, run_calls

    if ctx.function is None or ctx.mapping is None:
        return None
    spec = prepare.call_spec(ctx.function, ctx.mapping, trial, expected)
    spec.probe = True
    try:
        outcome = run_calls(str(Path(ctx.impl_path).resolve()), ctx.function.name, [spec],
                            timeout=ctx.options.timeout, memory_mb=ctx.options.memory_mb)
    except (SandboxError, TypeError, ValueError, OSError):
        return None
    return outcome.results[0] if outcome.results else None


def culprit_of(ctx: Any, eq: Any, trial: Any, expected: np.ndarray) -> Culprit | None:
    """Where the values of one failing trial leave the equation, or None."""
    from eq2code.checking.prepare import math_values

    if trial.batch:
        return None
    result = probe_run(ctx, eq, trial, expected)
    if result is None or not result.probe:
        return None
    try:
        return localize(eq, math_values(eq, trial.values), trial.sizes, result.probe, ctx.source())
    except Exception:  # localization must never cost the verdict
        import logging

        logging.getLogger(__name__).debug("localization failed", exc_info=True)
        return None
