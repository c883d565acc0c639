"""Value probes inside the sandbox child: the values of the checked function's sub-expressions.

Loaded by `child.py` by path (the child runs as ``python -I``, so it cannot import its
siblings), only when a call asks for probes (``CallSpec.probe``). It imports nothing of
eq2code: the standard library (`ast`, `types`) and the numpy helpers the child captured.

`instrument(function, user_file, npx)` re-reads the function's source from the user's file,
wraps every call, binary and unary operation, subscript and ``.T`` in ``__eq2code_probe__(k,
expr)``, recompiles the function against the module's own globals (same names, same line
numbers) and returns it with a `Recorder`. The recorder keeps the first value of each node
(numbers only, at most `VALUE_CAP` elements each and `TOTAL_CAP` in all) and how often the
node ran; `Recorder.report()` is plain JSON: nodes (where, what kind, which probed nodes and
names they read), values, and the simple assignments (name ← node) of the function.
Anything the instrumentation does not understand gives None: the call then runs unprobed.
"""

from __future__ import annotations

import ast
import types
from typing import Any

PROBE_NAME = "__eq2code_probe__"
VALUE_CAP = 4096  # elements kept of one value
TOTAL_CAP = 60_000  # elements kept of all values of one call
MAX_NODES = 400  # probed nodes of one function


class Recorder:
    def __init__(self, npx) -> None:
        self.npx = npx
        self.nodes: list[dict] = []
        self.values: dict[int, dict] = {}
        self.counts: dict[int, int] = {}
        self.order = 0
        self.kept = 0
        self.assignments: list[dict] = []
        self.params: list[str] = []

    def __call__(self, k, value):
        try:
            self.counts[k] = self.counts.get(k, 0) + 1
            if k not in self.values:
                self.values[k] = self.capture(value)
        except Exception:  # never disturb the user's code
            pass
        return value

    def capture(self, value) -> dict:
        npx = self.npx
        self.order += 1
        out: dict[str, Any] = {"order": self.order}
        kind = type(value)
        if isinstance(value, bool) or issubclass(kind, (int, float)) or isinstance(value, npx.generic):
            try:
                number = float(value)
            except Exception:
                return out
            out["shape"] = []
            out["values"] = [number]
            return out
        if issubclass(kind, npx.ndarray):
            base = npx.view(value, npx.ndarray)
            shape = [int(d) for d in npx.shape(base)]
            out["shape"] = shape
            size = int(npx.size(base))
            if base.dtype.kind in "biuf" and size <= VALUE_CAP and self.kept + size <= TOTAL_CAP:
                self.kept += size
                out["values"] = [float(v) for v in base.astype(npx.float64).ravel().tolist()]
        return out

    def report(self) -> dict:
        nodes = []
        for node in self.nodes:
            k = node["id"]
            entry = dict(node)
            entry["count"] = self.counts.get(k, 0)
            entry.update(self.values.get(k, {}))
            nodes.append(entry)
        return {"nodes": nodes, "assignments": self.assignments, "params": self.params}


def _kind(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        return "call:" + _dotted(node.func)
    if isinstance(node, ast.BinOp):
        return "binop:" + type(node.op).__name__
    if isinstance(node, ast.UnaryOp):
        return "unary:" + type(node.op).__name__
    if isinstance(node, ast.Subscript):
        return "subscript"
    if isinstance(node, ast.Attribute):
        return "attr:" + node.attr
    return type(node).__name__


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return "?"


class _Instrument(ast.NodeTransformer):
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.stack: list[dict] = []  # the probed nodes being visited, innermost last

    def probed(self, node: ast.AST) -> bool:
        if isinstance(node, (ast.Call, ast.BinOp, ast.UnaryOp)):
            return True
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            return True
        return isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr in ("T", "mT")

    def visit_Name(self, node: ast.Name):
        if isinstance(node.ctx, ast.Load) and self.stack:
            self.stack[-1]["names"].append(node.id)
        return node

    def visit_Lambda(self, node):  # its body runs later, elsewhere: left alone
        return node

    def visit_FunctionDef(self, node):  # nested functions are left alone
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call):
        # the called function itself (np.sum) is not a value of interest; its receiver is
        if isinstance(node.func, ast.Attribute):
            node.func.value = self.visit(node.func.value)
        node.args = [self.visit(a) for a in node.args]
        for kw in node.keywords:
            kw.value = self.visit(kw.value)
        return node

    def generic_visit_value(self, node: ast.expr) -> ast.expr:
        out = self.visit_Call(node) if isinstance(node, ast.Call) else super().generic_visit(node)
        assert isinstance(out, ast.expr)
        return out

    def visit(self, node: ast.AST):
        if not isinstance(node, ast.expr) or not self.probed(node) or len(self.recorder.nodes) >= MAX_NODES:
            return super().visit(node)
        k = len(self.recorder.nodes)
        entry: dict[str, Any] = {"id": k, "kind": _kind(node), "line": node.lineno, "col": node.col_offset,
                 "end_line": getattr(node, "end_lineno", node.lineno),
                 "end_col": getattr(node, "end_col_offset", node.col_offset),
                 "parent": self.stack[-1]["id"] if self.stack else None, "names": []}
        self.recorder.nodes.append(entry)
        if self.stack:
            self.stack[-1].setdefault("children", []).append(k)
        self.stack.append(entry)
        try:
            inner = self.generic_visit_value(node)
        finally:
            self.stack.pop()
        entry.setdefault("children", [])
        call = ast.Call(func=ast.Name(id=PROBE_NAME, ctx=ast.Load()),
                        args=[ast.Constant(value=k), inner], keywords=[])
        return ast.copy_location(call, node)


def _targets(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    return []


def _note_assignments(body: list, recorder: Recorder) -> None:
    """Simple assignments (name = value, name op= value) and returns, by their value's node."""
    starts = {(n["line"], n["col"]): n["id"] for n in recorder.nodes if n["parent"] is None}
    for stmt in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        value: ast.expr | None = None
        names: list[str] = []
        op = "="
        if isinstance(stmt, ast.Assign):
            value = stmt.value
            for t in stmt.targets:
                names += _targets(t)
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            value, names = stmt.value, _targets(stmt.target)
        elif isinstance(stmt, ast.AugAssign):
            value, names, op = stmt.value, _targets(stmt.target), type(stmt.op).__name__
        elif isinstance(stmt, ast.Return) and stmt.value is not None:
            value, names, op = stmt.value, [], "return"
        if value is None or not isinstance(stmt, ast.stmt):
            continue
        alias = value.id if isinstance(value, ast.Name) else None
        recorder.assignments.append({
            "line": stmt.lineno, "end_line": getattr(stmt, "end_lineno", stmt.lineno), "col": stmt.col_offset,
            "names": names, "op": op, "node": starts.get((value.lineno, value.col_offset)),
            "alias": alias, "loop": False})


def _mark_loops(body: list, recorder: Recorder) -> None:
    for stmt in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(stmt, (ast.For, ast.While, ast.AsyncFor, ast.comprehension, ast.ListComp,
                             ast.GeneratorExp, ast.SetComp, ast.DictComp)):
            lo, hi = stmt.lineno if hasattr(stmt, "lineno") else 0, getattr(stmt, "end_lineno", 0) or 0
            for a in recorder.assignments:
                if lo <= a["line"] <= hi:
                    a["loop"] = True


def _find_def(tree: ast.Module, name: str, first_line: int):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            start = min([d.lineno for d in node.decorator_list] + [node.lineno])
            if start == first_line or node.lineno == first_line:
                return node
    return None


def instrument(target, user_file: str, npx):
    """(the instrumented callable, its Recorder), or None when the function cannot be probed."""
    bound_self = None
    function = target
    if isinstance(target, types.MethodType):
        bound_self, function = target.__self__, target.__func__
    if not isinstance(function, types.FunctionType) or function.__closure__:
        return None
    code = function.__code__
    if code.co_filename != user_file:
        return None
    try:
        with open(user_file, encoding="utf-8") as stream:
            tree = ast.parse(stream.read(), filename=user_file)
    except Exception:
        return None
    node = _find_def(tree, function.__name__, code.co_firstlineno)
    if node is None or any(not (isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod"))
                           for d in node.decorator_list):
        return None
    if any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await, ast.Nonlocal)) for n in ast.walk(node)):
        return None
    recorder = Recorder(npx)
    args = node.args
    recorder.params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    node.decorator_list = []
    transformer = _Instrument(recorder)
    node.body = [transformer.visit(stmt) for stmt in node.body]
    _note_assignments(node.body, recorder)
    _mark_loops(node.body, recorder)
    module = ast.Module(body=[node], type_ignores=[])
    ast.fix_missing_locations(module)
    try:
        compiled = compile(module, user_file, "exec")
    except Exception:
        return None
    inner = next((c for c in compiled.co_consts if isinstance(c, types.CodeType) and c.co_name == node.name), None)
    if inner is None or inner.co_freevars:
        return None
    new = types.FunctionType(inner, function.__globals__, function.__name__, function.__defaults__)
    new.__kwdefaults__ = function.__kwdefaults__
    function.__globals__[PROBE_NAME] = recorder
    if bound_self is not None:
        return types.MethodType(new, bound_self), recorder
    return new, recorder
