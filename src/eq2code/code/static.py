"""Static analysis of an implementation: what the function computes, and where (libcst).

`analyze(path, function)` reads one function and lists its operations with their ranges —
exp, log (with its base), reductions (with axis and keepdims), matrix products, transposes,
square roots, divisions and products, max subtractions, epsilons and clips, in-place
arithmetic on parameters, returns — and its assignments. Pattern detectors turn these into
hints (`Hint`, named after the finding they support): a reduction without keepdims that is
broadcast against the array it reduced, exp of an unshifted input, `.T` on a parameter that
may be batched, in-place arithmetic on a parameter, an epsilon inside a log or a clip, a
log2/log10. `locate(name, facts)` points at the expression most responsible for a named
mistake of spec §3.

Nothing here runs the code, and nothing here raises: code it does not understand (lambdas,
nested functions, methods on objects, syntax libcst cannot parse) gives fewer facts. Ranges
are `span.Range`s: 0-based lines, columns in code points. libcst is imported inside the
functions, so a check that never needs static facts never pays for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eq2code.base.log import get_logger
from eq2code.base.span import Position, Range
from eq2code.findings.phrases import Phrase

log = get_logger(__name__)

# Operation kinds in `Op.kind`.
OP_KINDS = ("exp", "log", "reduction", "matmul", "transpose", "sqrt", "power", "divide", "multiply",
            "negate", "max-shift", "epsilon", "clip", "inplace", "softmax", "abs", "range", "slice",
            "sigmoid", "tanh", "call", "return")

# Hint names are finding names (findings.KINDS), so a caller can raise them directly.
HINT_NAMES = ("missing-keepdims", "unstable-exp", "batch-inconsistent", "input-mutated",
              "epsilon-variant", "wrong-log-base")

DEFAULT_ALIASES = {"np": "numpy", "numpy": "numpy", "math": "math", "scipy": "scipy"}

EXP = {"numpy.exp": "exp", "math.exp": "exp", "numpy.expm1": "expm1", "math.expm1": "expm1"}
LOG = {"numpy.log": "e", "numpy.log2": "2", "numpy.log10": "10", "numpy.log1p": "e", "math.log": "e",
       "math.log2": "2", "math.log10": "10", "math.log1p": "e"}
SQRT = {"numpy.sqrt", "math.sqrt"}
ABS = {"numpy.abs", "numpy.absolute", "numpy.fabs", "math.fabs"}
CLIP = {"numpy.clip"}
MATMUL = {"numpy.matmul": "matmul", "numpy.dot": "dot", "numpy.einsum": "einsum",
          "numpy.tensordot": "tensordot", "numpy.inner": "inner", "numpy.vdot": "vdot"}
TRANSPOSE = {"numpy.transpose": "transpose", "numpy.swapaxes": "swapaxes", "numpy.moveaxis": "moveaxis",
             "numpy.matrix_transpose": "matrix_transpose", "numpy.linalg.matrix_transpose": "matrix_transpose"}
DIVIDE = {"numpy.divide", "numpy.true_divide"}
MULTIPLY = {"numpy.multiply"}
POWER = {"numpy.power": "power", "numpy.square": "square", "math.pow": "pow", "numpy.float_power": "power"}
ALIASING = {"numpy.asarray", "numpy.asanyarray", "numpy.atleast_1d", "numpy.atleast_2d", "numpy.ravel",
            "numpy.reshape", "numpy.squeeze", "numpy.expand_dims"}
ALIASING_METHODS = {"reshape", "view", "ravel", "squeeze"}
MUTATING_METHODS = {"sort", "fill", "resize", "put", "itemset", "partition"}

# Reductions: (function, axis position, keepdims position) — positions among the positional
# arguments, counting the array itself for library functions and not for methods.
REDUCTIONS = {
    "numpy.sum": ("sum", 1, 4), "numpy.nansum": ("sum", 1, 4), "numpy.mean": ("mean", 1, 4),
    "numpy.nanmean": ("mean", 1, 4), "numpy.average": ("mean", 1, None), "numpy.max": ("max", 1, 3),
    "numpy.amax": ("max", 1, 3), "numpy.nanmax": ("max", 1, 3), "numpy.min": ("min", 1, 3),
    "numpy.amin": ("min", 1, 3), "numpy.nanmin": ("min", 1, 3), "numpy.prod": ("prod", 1, 4),
    "numpy.linalg.norm": ("norm", 2, 3), "scipy.special.logsumexp": ("logsumexp", 1, 3),
    "numpy.logaddexp.reduce": ("logsumexp", 1, None),
}
METHOD_REDUCTIONS = {"sum": ("sum", 0, 3), "mean": ("mean", 0, 4), "max": ("max", 0, 2),
                     "min": ("min", 0, 2), "prod": ("prod", 0, 3)}
BUILTIN_REDUCTIONS = {"sum": "sum", "max": "max", "min": "min"}
MAX_LIKE = {"max", "logsumexp"}
EPSILON_NAMES = {"eps", "epsilon", "delta", "tiny", "eps_", "_eps"}
SMALL = 1e-2  # a literal below this (and above 0) added inside a log is an epsilon

_SIGMOID_NAME = re.compile(r"^_*(sigmoid|logistic|expit)$", re.I)
_SOFTMAX_NAME = re.compile(r"^_*(stable_|safe_|numpy_|np_)?softmax(_stable|_safe|_np)?$", re.I)
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# ----------------------------------------------------------------------------- the facts


@dataclass
class Op:
    """One operation of the function, where it is written and what it works on."""

    kind: str  # one of OP_KINDS
    range: Range
    text: str  # the expression's source code
    fn: str = ""  # normalised function: exp, log, sum, mean, max, matmul, dot, einsum, @, T, sqrt, pow, …
    name: str = ""  # as written: "np.sum", ".sum", "@", "** 0.5", "/", "K.T"
    args: tuple[str, ...] = ()  # operand texts ([left, right] for binary operations)
    axis: Any = None  # reductions: int, tuple of ints, None, or the source text when not a literal
    axis_given: bool = False  # the axis was written (axis=None counts as written)
    keepdims: bool | None = False  # reductions: a literal, or None when not a literal
    base: str = ""  # log: "e", "2", "10", or the base's source text (math.log(x, b))
    subscripts: str = ""  # einsum
    target: str = ""  # inplace: the parameter changed; max-shift: the shifted array's text
    names: tuple[str, ...] = ()  # variable names the operands read
    scope: str = ""  # the nested function or "<lambda>" it sits in; "" for the function itself

    @property
    def line(self) -> int:
        return self.range.start.line

    @property
    def operand(self) -> str:
        return self.args[0] if self.args else ""

    @property
    def divisor(self) -> str:
        return self.args[1] if self.kind == "divide" and len(self.args) > 1 else ""


@dataclass
class Assignment:
    line: int  # 0-based
    targets: tuple[str, ...]  # names bound (tuple unpacking gives several)
    range: Range  # the statement
    value: str  # the value's source ("" for a for-loop target)
    op: str = "="  # "=", "-=", "/=", …, "for", ":="
    reads: tuple[str, ...] = ()


@dataclass
class Hint:
    """A pattern in the code that supports a finding; evidence for the caller, not a verdict."""

    name: str  # a finding name (HINT_NAMES)
    range: Range
    detail: Phrase  # what the pattern is, in words (findings/phrases.py)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class CodeFacts:
    path: str
    function: str
    found: bool = False
    error: str = ""  # why there are no facts (unreadable file, syntax libcst rejects, …)
    def_range: Range | None = None  # the function's name in its def line
    range: Range | None = None  # the whole function
    params: list[str] = field(default_factory=list)
    ops: list[Op] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)  # other functions of the module

    def of(self, kind: str, *fns: str) -> list[Op]:
        """Operations of a kind (optionally only these normalised functions), in source order."""
        return [o for o in self.ops if o.kind == kind and (not fns or o.fn in fns)]

    @property
    def returns(self) -> list[Op]:
        return self.of("return")

    def hints_named(self, name: str) -> list[Hint]:
        return [h for h in self.hints if h.name == name]


# ----------------------------------------------------------------------------- entry points


def analyze(path: str, function: str, ndims: dict[str, int] | None = None) -> CodeFacts:
    """The facts of `function` in the file `path`; never raises.

    `ndims` (parameter name → number of dimensions in the equation), when given, sharpens
    the hints: `.T` on a 1-D parameter is not a batching hazard, a reduction of a vector to a
    scalar needs no keepdims. `function` may be "Class.method" for a method.
    """
    from eq2code.base.files import FileProblem, read_python

    try:
        text = read_python(path)
    except FileProblem as e:
        return CodeFacts(path, function, error=f"cannot read the file: {e}")
    return analyze_text(text, function, path, ndims)


def analyze_text(text: str, function: str, path: str = "", ndims: dict[str, int] | None = None) -> CodeFacts:
    """`analyze` on source text."""
    facts = CodeFacts(path, function)
    try:
        _Analysis(text, facts, ndims).run()
    except RecursionError:
        facts.error = "the code is nested too deeply to analyse"
    except Exception as e:  # libcst parse errors and anything unforeseen: fewer facts, never a crash
        log.debug("static analysis of %s failed", path or "<text>", exc_info=True)
        facts.error = f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"
    return facts


# ----------------------------------------------------------------------------- analysis


def _range(code_range: Any) -> Range:
    return Range(Position(code_range.start.line - 1, code_range.start.column),
                 Position(code_range.end.line - 1, code_range.end.column))


def _contains(outer: Range, inner: Range) -> bool:
    return (outer.start.line, outer.start.character) <= (inner.start.line, inner.start.character) and \
        (inner.end.line, inner.end.character) <= (outer.end.line, outer.end.character)


class _Analysis:
    def __init__(self, text: str, facts: CodeFacts, ndims: dict[str, int] | None):
        self.text = text
        self.facts = facts
        self.ndims = ndims

    def run(self) -> None:
        import libcst as cst
        from libcst.metadata import MetadataWrapper, PositionProvider

        module = cst.parse_module(self.text)
        wrapper = MetadataWrapper(module)
        positions = wrapper.resolve(PositionProvider)
        module = wrapper.module
        aliases = dict(DEFAULT_ALIASES)
        _collect_imports(module.body, aliases)
        target, helpers = _find_function(module, self.facts.function)
        self.facts.helpers = helpers
        if target is None:
            self.facts.error = f"no function named {self.facts.function!r}"
            return
        self.facts.found = True
        self.facts.range = _range(positions[target])
        self.facts.def_range = _range(positions[target.name])
        self.facts.params = _param_names(target)
        _collect_imports(_walk_statements(target), aliases)
        visitor = _make_visitor(cst)(module, positions, aliases, self.facts, self.ndims, set(helpers))

        class Signs(cst.CSTVisitor):  # first pass: the names the code branches on by sign
            def visit_Comparison(self, node: Any) -> None:
                visitor.note_comparison(node)

        target.body.visit(Signs())
        target.body.visit(visitor)
        self.facts.ops.sort(key=lambda o: (o.range.start.line, o.range.start.character))
        self.facts.hints.sort(key=lambda h: (h.range.start.line, h.range.start.character, h.name))


def _walk_statements(node: Any) -> list:
    """Import statements anywhere inside a function (best effort)."""
    import libcst as cst

    found: list = []

    class Imports(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, n: Any) -> None:
            found.append(n)

    node.visit(Imports())
    return found


def _collect_imports(statements: Any, aliases: dict[str, str]) -> None:
    import libcst as cst
    from libcst.helpers import get_full_name_for_node

    for stmt in statements:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for a in small.names:
                    full = get_full_name_for_node(a.name) or ""
                    if a.asname is not None and isinstance(a.asname.name, cst.Name):
                        aliases[a.asname.name.value] = full
                    elif full:
                        aliases[full.split(".")[0]] = full.split(".")[0]
            elif isinstance(small, cst.ImportFrom) and small.module is not None and \
                    not isinstance(small.names, cst.ImportStar) and not small.relative:
                base = get_full_name_for_node(small.module) or ""
                for a in small.names:
                    name = get_full_name_for_node(a.name) or ""
                    local = a.asname.name.value if a.asname is not None and isinstance(a.asname.name, cst.Name) \
                        else name
                    if name and local:
                        aliases[local] = f"{base}.{name}"


def _find_function(module: Any, wanted: str) -> tuple[Any, list[str]]:
    """The FunctionDef for `wanted` ("name" or "Class.method") and the module's other functions."""
    import libcst as cst

    top = [s for s in module.body if isinstance(s, cst.FunctionDef)]
    helpers = [f.name.value for f in top if f.name.value != wanted]
    cls_name, _, method = wanted.rpartition(".")
    for f in top:
        if f.name.value == wanted:
            return f, helpers
    for s in module.body:
        if isinstance(s, cst.ClassDef) and (not cls_name or s.name.value == cls_name):
            for item in getattr(s.body, "body", ()):
                if isinstance(item, cst.FunctionDef) and item.name.value == (method or wanted):
                    return item, helpers
    # a function nested in another one, or defined under `if`/`try`
    found: list = []

    class Finder(cst.CSTVisitor):
        def visit_FunctionDef(self, n: Any) -> None:
            if n.name.value == (method or wanted) and not found:
                found.append(n)

    module.visit(Finder())
    return (found[0] if found else None), helpers


def _param_names(func: Any) -> list[str]:
    import libcst as cst

    p = func.params
    names = [a.name.value for a in (*p.posonly_params, *p.params, *p.kwonly_params)]
    for star in (p.star_arg, p.star_kwarg):
        if isinstance(getattr(star, "name", None), cst.Name):
            names.append(star.name.value)
    return [n for n in names if n not in ("self", "cls")]


def _literal(node: Any) -> Any:
    """The value of a literal number / None / bool / tuple of ints; raises ValueError otherwise."""
    import libcst as cst

    if isinstance(node, cst.Integer):
        return int(node.value.replace("_", ""), 0)
    if isinstance(node, cst.Float):
        return float(node.value.replace("_", ""))
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        value = _literal(node.expression)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value if isinstance(node.operator, cst.Minus) else value
        raise ValueError("not a number")
    if isinstance(node, cst.Name) and node.value in ("None", "True", "False"):
        return {"None": None, "True": True, "False": False}[node.value]
    if isinstance(node, (cst.Tuple, cst.List)):
        return tuple(_literal(e.value) for e in node.elements)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
        left, right = _literal(node.left), _literal(node.right)
        if isinstance(left, (int, float)) and isinstance(right, (int, float)) and right:
            return left / right
    raise ValueError("not a literal")


def _try_literal(node: Any, default: Any = ValueError) -> Any:
    try:
        return _literal(node)
    except (ValueError, TypeError, ZeroDivisionError):
        return default


def _make_visitor(cst: Any) -> type:
    """The visitor class (built lazily: it subclasses libcst's CSTVisitor)."""
    from libcst.helpers import get_full_name_for_node

    class Visitor(cst.CSTVisitor):
        def __init__(self, module, positions, aliases, facts: CodeFacts, ndims, helpers: set[str]):
            super().__init__()
            self.module = module
            self.positions = positions
            self.aliases = aliases
            self.facts = facts
            self.ndims = ndims
            self.helpers = helpers
            self.scopes: list[str] = []
            # flow facts, updated in source order
            self.live_params: dict[str, str] = {p: p for p in facts.params}  # name → parameter it aliases
            self.shifted: set[str] = set()  # names whose values had the max subtracted
            self.max_names: set[str] = set()  # names bound to a max/logsumexp of something
            self.reduced: dict[str, Op] = {}  # names bound to a reduction's result
            self.small: set[str] = set(EPSILON_NAMES)  # names bound to small constants
            self.roots: dict[str, set[str]] = {p: {p} for p in facts.params}  # name → parameters it comes from
            self.sign_tested: set[str] = set()  # names compared with 0 somewhere (a branch on the sign)
            self.shift_marks: list[int] = []

        # -- helpers
        def code(self, node: Any) -> str:
            try:
                return self.module.code_for_node(node).strip()
            except Exception:  # a codegen gap: this node's text is unknown, the facts go on
                log.debug("no code for %r", type(node).__name__, exc_info=True)
                return ""

        def rng(self, node: Any) -> Range:
            return _range(self.positions[node])

        def names(self, node: Any) -> tuple[str, ...]:
            found: list[str] = []
            aliases = self.aliases

            class Names(cst.CSTVisitor):
                def visit_Name(self, n: Any) -> None:
                    if n.value not in aliases and n.value not in ("None", "True", "False") and n.value not in found:
                        found.append(n.value)

                def visit_Attribute(self, n: Any) -> bool:
                    n.value.visit(self)
                    return False

                def visit_Arg(self, n: Any) -> bool:
                    n.value.visit(self)
                    return False

            try:
                node.visit(Names())
            except Exception:  # a visitor gap: the names found so far
                log.debug("names of %r incomplete", type(node).__name__, exc_info=True)
            return tuple(found)

        def add(self, kind: str, node: Any, **kw: Any) -> Op:
            op = Op(kind, self.rng(node), self.code(node), scope=self.scopes[-1] if self.scopes else "", **kw)
            self.facts.ops.append(op)
            return op

        def hint(self, name: str, range_: Range, detail: Phrase, **data: Any) -> None:
            self.facts.hints.append(Hint(name, range_, detail, data))

        def resolve(self, func: Any) -> tuple[str, str]:
            """(canonical library name or "", how it is written). Methods give ("", ".name")."""
            full = get_full_name_for_node(func)
            if full is None:
                if isinstance(func, cst.Attribute):
                    return "", "." + func.attr.value
                return "", ""
            root, _, rest = full.partition(".")
            if root in self.aliases:
                canonical = self.aliases[root] + ("." + rest if rest else "")
                if canonical.split(".")[0] in ("numpy", "math", "scipy"):
                    return canonical, full
            if isinstance(func, cst.Attribute):
                return "", "." + func.attr.value
            return "", full

        def count_shifts(self) -> int:
            return sum(1 for o in self.facts.ops if o.kind == "max-shift")

        def is_small(self, node: Any) -> bool:
            value = _try_literal(node, None)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return 0 < abs(value) < SMALL
            return isinstance(node, cst.Name) and node.value in self.small

        def is_max_like(self, node: Any) -> bool:
            if isinstance(node, cst.Name):
                return node.value in self.max_names
            if isinstance(node, cst.Call):
                red = self.reduction_of(node)
                if red is not None and red[0] in MAX_LIKE:
                    return True
            if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
                return self.is_max_like(node.left) or self.is_max_like(node.right)
            return False

        def reduction_of(self, node: Any) -> tuple[str, str, int | None, int | None, bool] | None:
            """(fn, written, axis position, keepdims position, method) of a reduction call."""
            canonical, written = self.resolve(node.func)
            if canonical in REDUCTIONS:
                fn, ax, kd = REDUCTIONS[canonical]
                return fn, written, ax, kd, False
            if written.startswith(".") and written[1:] in METHOD_REDUCTIONS and \
                    isinstance(node.func, cst.Attribute) and not self.is_module(node.func.value):
                fn, ax, kd = METHOD_REDUCTIONS[written[1:]]
                return fn, written, ax, kd, True
            if written in BUILTIN_REDUCTIONS and written not in self.helpers and \
                    len([a for a in node.args if not a.keyword]) == 1:
                return BUILTIN_REDUCTIONS[written], written, None, None, False
            return None

        def is_module(self, node: Any) -> bool:
            full = get_full_name_for_node(node)
            return full is not None and bool(full) and full.split(".")[0] in self.aliases

        def arg(self, node: Any, position: int | None, keyword: str) -> Any:
            for a in node.args:
                if a.keyword is not None and a.keyword.value == keyword:
                    return a.value
            positional = [a for a in node.args if a.keyword is None and not a.star]
            if position is not None and position < len(positional):
                return positional[position].value
            return None

        def param_of(self, node: Any) -> str:
            """The parameter that `node` (a name or subscript of one) still refers to, or ""."""
            while isinstance(node, (cst.Subscript, cst.Attribute)) and not (
                    isinstance(node, cst.Attribute) and node.attr.value == "T"):
                node = node.value
            if isinstance(node, cst.Name):
                return self.live_params.get(node.value, "")
            return ""

        # -- scopes
        def visit_FunctionDef(self, node: Any) -> None:
            self.scopes.append(node.name.value)

        def leave_FunctionDef(self, node: Any) -> None:
            self.scopes.pop()

        def visit_Lambda(self, node: Any) -> None:
            self.scopes.append("<lambda>")

        def leave_Lambda(self, node: Any) -> None:
            self.scopes.pop()

        def visit_ClassDef(self, node: Any) -> bool:
            return False

        # -- a comparison with 0 (if x >= 0 / np.where(x < 0, …)) keeps a sign-split exp stable
        def note_comparison(self, node: Any) -> None:
            if any(_try_literal(c.comparator, None) == 0 for c in node.comparisons) or \
                    _try_literal(node.left, None) == 0:
                self.sign_tested.update(self.names(node))

        # -- statements
        def visit_Return(self, node: Any) -> None:
            if node.value is not None and not self.scopes:
                self.add("return", node.value, names=self.names(node.value), args=(self.code(node.value),))

        def leave_Assign(self, node: Any) -> None:
            targets: list[str] = []
            for t in node.targets:
                targets += self.bind(t.target, node.value)
            self.record_assignment(node, targets, "=", node.value)

        def leave_AnnAssign(self, node: Any) -> None:
            if node.value is not None:
                self.record_assignment(node, self.bind(node.target, node.value), "=", node.value)

        def leave_NamedExpr(self, node: Any) -> None:
            self.record_assignment(node, self.bind(node.target, node.value), ":=", node.value)

        def visit_For(self, node: Any) -> None:
            names = self.target_names(node.target)
            for n in names:
                self.forget(n)
            if not self.scopes:
                r = self.rng(node.target)
                self.facts.assignments.append(Assignment(r.start.line, tuple(names), r, "", "for",
                                                         self.names(node.iter)))

        def leave_AugAssign(self, node: Any) -> None:
            op = type(node.operator).__name__
            symbol = {"AddAssign": "+=", "SubtractAssign": "-=", "MultiplyAssign": "*=",
                      "DivideAssign": "/=", "MatrixMultiplyAssign": "@=", "PowerAssign": "**=",
                      "FloorDivideAssign": "//=", "ModuloAssign": "%="}.get(op, "?=")
            target = self.code(node.target)
            value = self.code(node.value)
            param = self.param_of(node.target)
            if param and not self.scopes:
                self.add("inplace", node, name=symbol, target=param, args=(target, value),
                         names=self.names(node.value))
                self.hint("input-mutated", self.rng(node),
                          Phrase("hint-augmented", {"target": target, "operator": symbol, "param": param}),
                          argument=param, operator=symbol)
            if symbol == "/=":
                self.add("divide", node, fn="/", name="/=", args=(target, value), names=self.names(node.value))
                self.keepdims_check(node, node.target, node.value)
            elif symbol == "*=":
                self.add("multiply", node, fn="*", name="*=", args=(target, value), names=self.names(node.value))
            elif symbol == "-=":
                if self.is_max_like(node.value):
                    self.add("max-shift", node, name="-=", target=target, args=(target, value),
                             names=self.names(node.value))
                self.keepdims_check(node, node.target, node.value)
            elif symbol == "@=":
                self.add("matmul", node, fn="@", name="@=", args=(target, value))
            names = self.target_names(node.target)
            if isinstance(node.target, cst.Name):
                self.roots[node.target.value] = self.roots.get(node.target.value, set()) | \
                    self.roots_of(self.names(node.value))
                if symbol == "-=" and self.is_max_like(node.value):
                    self.shifted.add(node.target.value)
            self.record_assignment(node, names, symbol, node.value)

        def target_names(self, target: Any) -> list[str]:
            if isinstance(target, cst.Name):
                return [target.value]
            if isinstance(target, (cst.Tuple, cst.List)):
                out: list[str] = []
                for e in target.elements:
                    out += self.target_names(e.value)
                return out
            if isinstance(target, cst.StarredElement):
                return self.target_names(target.value)
            if isinstance(target, (cst.Subscript, cst.Attribute)):
                root = target
                while isinstance(root, (cst.Subscript, cst.Attribute)):
                    root = root.value
                return [root.value] if isinstance(root, cst.Name) else []
            return []

        def forget(self, name: str) -> None:
            self.live_params.pop(name, None)
            self.shifted.discard(name)
            self.max_names.discard(name)
            self.reduced.pop(name, None)
            self.small.discard(name)

        def bind(self, target: Any, value: Any) -> list[str]:
            """Flow facts for `target = value`; returns the names bound."""
            if isinstance(target, cst.Subscript):  # x[...] = … writes into x
                param = self.param_of(target)
                if param and not self.scopes:
                    op = self.add("inplace", target, name="[]=", target=param, args=(self.code(target),))
                    self.hint("input-mutated", op.range, Phrase("hint-assign-into", {"code": op.text, "param": param}),
                              argument=param, operator="[]=")
                return self.target_names(target)
            names = self.target_names(target)
            if not isinstance(target, cst.Name):
                for n in names:
                    self.forget(n)
                return names
            name = target.value
            alias = self.alias_of(value)
            reads = set(self.names(value))
            shifted = self.shift_count_in(value) or bool(reads & self.shifted)
            max_like = self.is_max_like(value) or self.contains_max(value)
            reduction = self.reduction_op(value)
            small = self.is_small(value)
            roots = self.roots_of(reads)
            self.forget(name)
            self.roots[name] = roots
            if alias:
                self.live_params[name] = alias
            if shifted:
                self.shifted.add(name)
            if max_like:
                self.max_names.add(name)
            if reduction is not None:
                self.reduced[name] = reduction
            if small:
                self.small.add(name)
            return names

        def roots_of(self, names: Any) -> set[str]:
            out: set[str] = set()
            for n in names:
                out |= self.roots.get(n, set())
            return out

        def alias_of(self, value: Any) -> str:
            if isinstance(value, cst.Name):
                return self.live_params.get(value.value, "")
            if isinstance(value, cst.Call):
                canonical, written = self.resolve(value.func)
                if canonical in ALIASING and value.args:
                    return self.param_of(value.args[0].value) if isinstance(value.args[0].value, cst.Name) else ""
                if written.startswith(".") and written[1:] in ALIASING_METHODS and \
                        isinstance(value.func, cst.Attribute) and isinstance(value.func.value, cst.Name):
                    return self.live_params.get(value.func.value.value, "")
            return ""

        def shift_count_in(self, value: Any) -> bool:
            r = self.rng(value)
            return any(o.kind == "max-shift" and _contains(r, o.range) for o in self.facts.ops)

        def contains_max(self, value: Any) -> bool:
            r = self.rng(value)
            return any(o.kind == "reduction" and o.fn in MAX_LIKE and _contains(r, o.range) for o in self.facts.ops)

        def reduction_op(self, value: Any) -> Op | None:
            if not isinstance(value, cst.Call):
                return None
            r = self.rng(value)
            for o in reversed(self.facts.ops):
                if o.kind == "reduction" and o.range == r:
                    return o
            return None

        def record_assignment(self, node: Any, targets: list[str], op: str, value: Any) -> None:
            if self.scopes or not targets:
                return
            r = self.rng(node)
            self.facts.assignments.append(Assignment(r.start.line, tuple(targets), r, self.code(value), op,
                                                     self.names(value)))

        # -- expressions
        def visit_Call(self, node: Any) -> None:
            self.shift_marks.append(self.count_shifts())

        def leave_Call(self, node: Any) -> None:
            mark = self.shift_marks.pop() if self.shift_marks else 0
            canonical, written = self.resolve(node.func)
            shifts_inside = self.count_shifts() > mark
            first = node.args[0].value if node.args and not node.args[0].keyword else None
            first_text = self.code(first) if first is not None else ""
            first_names = self.names(first) if first is not None else ()
            self.out_argument(node, written)
            if canonical in EXP:
                op = self.add("exp", node, fn=EXP[canonical], name=written, args=(first_text,), names=first_names)
                self.exp_check(op, first, shifts_inside)
                return
            if canonical in LOG:
                base = LOG[canonical]
                if canonical == "math.log":
                    b = self.arg(node, 1, "base")
                    if b is not None:
                        value = _try_literal(b, None)
                        base = {2: "2", 10: "10"}.get(value, self.code(b)) if value is not None else self.code(b)
                fn = {"e": "log", "2": "log2", "10": "log10"}.get(base, "log")
                if canonical.endswith("log1p"):
                    fn = "log1p"
                op = self.add("log", node, fn=fn, name=written, base=base, args=(first_text,), names=first_names)
                if base in ("2", "10") or fn not in ("log", "log1p"):
                    self.hint("wrong-log-base", op.range, Phrase("hint-log-base", {"code": written, "base": base}),
                              base=base, function=written)
                self.epsilon_check(node, first, op)
                return
            reduction = self.reduction_of(node)
            if reduction is not None:
                self.add_reduction(node, reduction, first_text, first_names)
                return
            if canonical in MATMUL or (written == ".dot" and not self.is_module(node.func.value)):
                fn = MATMUL.get(canonical, "dot")
                positional = [a.value for a in node.args if a.keyword is None]
                subscripts = ""
                operands = positional
                if fn == "einsum" and positional:
                    sub = positional[0]
                    if isinstance(sub, cst.SimpleString):
                        subscripts = str(sub.evaluated_value)
                    operands = positional[1:]
                if written == ".dot":
                    operands = [node.func.value] + positional
                args = tuple(self.code(a) for a in operands)
                self.add("matmul", node, fn=fn, name=written, args=args, subscripts=subscripts,
                         names=self.names(node))
                return
            if canonical in TRANSPOSE or (written in (".transpose", ".swapaxes") and
                                          not self.is_module(node.func.value)):
                fn = TRANSPOSE.get(canonical, written[1:])
                operand = node.func.value if written.startswith(".") else first
                op = self.add("transpose", node, fn=fn, name=written,
                              args=(self.code(operand),) if operand is not None else (),
                              names=self.names(operand) if operand is not None else ())
                if fn == "transpose" and len([a for a in node.args if a.keyword is None]) <= (
                        0 if written.startswith(".") else 1):
                    self.transpose_check(op, operand)
                return
            if canonical in SQRT:
                self.add("sqrt", node, fn="sqrt", name=written, args=(first_text,), names=first_names)
                return
            if canonical in POWER:
                exponent = self.arg(node, 1, "x2") if POWER[canonical] != "square" else None
                value = _try_literal(exponent, None) if exponent is not None else None
                if value == 0.5:
                    self.add("sqrt", node, fn="pow", name=written, args=(first_text,), names=first_names)
                else:
                    self.add("power", node, fn=POWER[canonical], name=written,
                             args=(first_text, self.code(exponent) if exponent is not None else "2"),
                             names=first_names)
                return
            if canonical in ABS or (written == "abs" and "abs" not in self.helpers):
                self.add("abs", node, fn="abs", name=written, args=(first_text,), names=first_names)
                return
            if canonical in CLIP or (written == ".clip" and not self.is_module(node.func.value)):
                op = self.add("clip", node, fn="clip", name=written, args=(first_text,), names=first_names)
                self.hint("epsilon-variant", op.range, Phrase("hint-clip", {"code": written}),
                          how="clip", expression=op.text)
                return
            if canonical in DIVIDE and len(node.args) >= 2:
                self.add("divide", node, fn="/", name=written,
                         args=(first_text, self.code(node.args[1].value)), names=self.names(node))
                return
            if canonical in MULTIPLY and len(node.args) >= 2:
                self.add("multiply", node, fn="*", name=written,
                         args=(first_text, self.code(node.args[1].value)), names=self.names(node))
                return
            last = written.rsplit(".", 1)[-1]
            if _SOFTMAX_NAME.match(last) or canonical == "scipy.special.softmax":
                axis = self.arg(node, 1, "axis")
                self.add("softmax", node, fn="softmax", name=written, args=(first_text,), names=first_names,
                         axis=self.axis_value(axis), axis_given=axis is not None)
                return
            if canonical in ("numpy.tanh", "math.tanh"):
                self.add("tanh", node, fn="tanh", name=written, args=(first_text,), names=first_names)
                return
            if canonical == "scipy.special.expit" or _SIGMOID_NAME.match(last):
                self.add("sigmoid", node, fn="sigmoid", name=written, args=(first_text,), names=first_names)
                return
            if written == "range" and "range" not in self.helpers:
                self.add("range", node, fn="range", name="range", args=tuple(self.code(a.value) for a in node.args))
                return
            if written.startswith(".") and written[1:] in MUTATING_METHODS and isinstance(node.func, cst.Attribute):
                param = self.param_of(node.func.value)
                if param and not self.scopes:
                    op = self.add("inplace", node, name=written, target=param, args=(self.code(node.func.value),))
                    self.hint("input-mutated", op.range, Phrase("hint-changes", {"code": op.text, "param": param}),
                              argument=param, operator=written)
                return
            if canonical == "numpy.copyto" and node.args:
                param = self.param_of(node.args[0].value)
                if param and not self.scopes:
                    op = self.add("inplace", node, name=written, target=param, args=(first_text,))
                    self.hint("input-mutated", op.range, Phrase("hint-writes-into", {"code": written, "param": param}),
                              argument=param, operator=written)
                return
            if written in self.helpers:
                self.add("call", node, fn=written, name=written, args=tuple(self.code(a.value) for a in node.args),
                         names=self.names(node))

        def axis_value(self, node: Any) -> Any:
            if node is None:
                return None
            value = _try_literal(node)
            if value is ValueError:
                return self.code(node)
            return value

        def add_reduction(self, node: Any, reduction: tuple, first_text: str, first_names: tuple) -> None:
            fn, written, axis_pos, keep_pos, method = reduction
            if method:
                operand_node = node.func.value
                operand, names = self.code(operand_node), self.names(operand_node)
            else:
                operand, names = first_text, first_names
            axis_node = self.arg(node, axis_pos, "axis") if axis_pos is not None else None
            keep_node = self.arg(node, keep_pos, "keepdims") if keep_pos is not None else None
            keep: bool | None = False
            if keep_node is not None:
                value = _try_literal(keep_node)
                keep = bool(value) if isinstance(value, (bool, int)) else None
            self.add("reduction", node, fn=fn, name=written, args=(operand,), axis=self.axis_value(axis_node),
                     axis_given=axis_node is not None, keepdims=keep, names=names)

        def out_argument(self, node: Any, written: str) -> None:
            for a in node.args:
                if a.keyword is not None and a.keyword.value == "out":
                    out = a.value
                    if isinstance(out, cst.Tuple) and out.elements:
                        out = out.elements[0].value
                    param = self.param_of(out)
                    if param and not self.scopes:
                        self.facts.ops.append(Op("inplace", self.rng(node), self.code(node), name="out=",
                                                 target=param, args=(self.code(out),)))
                        self.hint("input-mutated", self.rng(a),
                                  Phrase("hint-writes-into", {"code": f"{written}(…, out={self.code(out)})",
                                                             "param": param}), argument=param, operator="out=")

        def exp_check(self, op: Op, arg: Any, shifts_inside: bool) -> None:
            if arg is None or not op.names:
                return
            if shifts_inside or any(n in self.shifted for n in op.names):
                return
            text = op.operand.replace(" ", "")
            if "abs(" in text or "minimum(" in text or "logsumexp" in text or "log_sigmoid" in text:
                return
            if set(op.names) & self.sign_tested:
                return
            params = [n for n in op.names if n in self.live_params or n in self.facts.params]
            self.hint("unstable-exp", op.range,
                      Phrase("hint-unshifted-exp", {"code": f"{op.name}({op.operand})"}),
                      operand=op.operand, parameters=params)

        def epsilon_check(self, node: Any, arg: Any, log_op: Op) -> None:
            if arg is None:
                return
            small = None
            if isinstance(arg, cst.BinaryOperation) and isinstance(arg.operator, cst.Add):
                if self.is_small(arg.right):
                    small = arg.right
                elif self.is_small(arg.left):
                    small = arg.left
            if small is not None:
                op = self.add("epsilon", arg, fn="+", name="+", args=(self.code(small),), names=self.names(arg))
                self.hint("epsilon-variant", op.range,
                          Phrase("hint-epsilon", {"epsilon": op.args[0], "code": log_op.name}),
                          how="epsilon", epsilon=op.args[0], expression=op.text)
                return
            if isinstance(arg, cst.Call):
                canonical, written = self.resolve(arg.func)
                if canonical in ("numpy.maximum", "numpy.fmax") and len(arg.args) >= 2 and \
                        any(self.is_small(a.value) for a in arg.args[:2]):
                    op = self.add("epsilon", arg, fn="maximum", name=written, args=(self.code(arg.args[1].value),))
                    self.hint("epsilon-variant", op.range, Phrase("hint-maximum", {"code": written}),
                              how="maximum", epsilon=op.args[0], expression=op.text)

        def transpose_check(self, op: Op, operand: Any) -> None:
            param = self.param_of(operand) if operand is not None else ""
            if not param or self.scopes:
                return
            if self.ndims is not None and param in self.ndims and self.ndims[param] < 2:
                return
            self.hint("batch-inconsistent", op.range,
                      Phrase("hint-transpose", {"code": op.text, "param": param}),
                      argument=param, suggestion=f"np.swapaxes({param}, -1, -2)")

        def keepdims_check(self, node: Any, left: Any, right: Any) -> None:
            """A reduction without keepdims broadcast against the array it reduced."""
            for red_node, other in ((right, left), (left, right)):
                red = None
                if isinstance(red_node, cst.Call):
                    red = self.reduction_op(red_node)
                elif isinstance(red_node, cst.Name):
                    red = self.reduced.get(red_node.value)
                if red is None or not red.axis_given or red.axis is None or red.keepdims is not False:
                    continue
                if red.axis == 0 or (red.fn in ("norm",) and red.axis is None):
                    continue
                other_text = self.code(other)
                other_names = set(self.names(other))
                if other_text != red.operand and not (other_names & set(red.names)):
                    continue
                roots = self.roots_of(red.names)
                if self.ndims is not None and roots and all(self.ndims.get(r, 2) < 2 for r in roots):
                    continue
                self.hint("missing-keepdims", red.range,
                          Phrase("hint-keepdims", {"code": red.text, "axis": str(red.axis), "other": other_text}),
                          axis=red.axis, reduction=red.text, expression=self.code(node))
                return

        def leave_BinaryOperation(self, node: Any) -> None:
            operator = node.operator
            left, right = self.code(node.left), self.code(node.right)
            names = self.names(node)
            if isinstance(operator, cst.MatrixMultiply):
                self.add("matmul", node, fn="@", name="@", args=(left, right), names=names)
            elif isinstance(operator, cst.Divide):
                self.add("divide", node, fn="/", name="/", args=(left, right), names=names)
                self.keepdims_check(node, node.left, node.right)
            elif isinstance(operator, cst.Multiply):
                self.add("multiply", node, fn="*", name="*", args=(left, right), names=names)
                self.keepdims_check(node, node.left, node.right)
            elif isinstance(operator, cst.Power):
                value = _try_literal(node.right, None)
                if value == 0.5:
                    self.add("sqrt", node, fn="pow", name=f"** {right}", args=(left,), names=self.names(node.left))
                else:
                    self.add("power", node, fn="pow", name="**", args=(left, right), names=names)
            elif isinstance(operator, cst.Subtract):
                if self.is_max_like(node.right):
                    self.add("max-shift", node, name="-", target=left, args=(left, right), names=names)
                self.keepdims_check(node, node.left, node.right)
            elif isinstance(operator, cst.Add):
                self.keepdims_check(node, node.left, node.right)

        def leave_UnaryOperation(self, node: Any) -> None:
            if isinstance(node.operator, cst.Minus) and _try_literal(node.expression, None) is None:
                self.add("negate", node, fn="-", name="-", args=(self.code(node.expression),),
                         names=self.names(node.expression))

        def leave_Attribute(self, node: Any) -> None:
            if node.attr.value in ("T", "mT") and not self.is_module(node.value):
                op = self.add("transpose", node, fn=node.attr.value, name="." + node.attr.value,
                              args=(self.code(node.value),), names=self.names(node.value))
                if node.attr.value == "T":
                    self.transpose_check(op, node.value)

        def leave_Subscript(self, node: Any) -> None:
            if any(isinstance(e.slice, cst.Slice) for e in node.slice):
                self.add("slice", node, fn="slice", name="[:]", args=(self.code(node.value),),
                         names=self.names(node))

    return Visitor


# ----------------------------------------------------------------------------- locate


def part_symbols(latex: str) -> list[str]:
    """Identifiers in an equation part's LaTeX: "\\frac{1}{\\sqrt{d_{k}}}" → ["d_k"]."""
    text = re.sub(r"\\(mathrm|text|operatorname|mathbf|boldsymbol|hat|tilde|bar)\b", "", latex)
    text = re.sub(r"\\[A-Za-z]+", " ", text)
    text = text.replace("{", "").replace("}", "")
    return [s for s in dict.fromkeys(_IDENT.findall(text))]


def _mentions(text: str, symbols: list[str]) -> bool:
    return any(re.search(rf"(?<![A-Za-z0-9_]){re.escape(s)}(?![A-Za-z0-9_])", text) for s in symbols)


def _is_scale_text(text: str, symbols: list[str]) -> bool:
    t = text.replace(" ", "")
    return ("sqrt" in t or "**0.5" in t or "**.5" in t or ".shape" in t or "len(" in t
            or _mentions(text, symbols))


def _first(ops: list[Op]) -> Range | None:
    return ops[0].range if ops else None


def _last(ops: list[Op]) -> Range | None:
    return ops[-1].range if ops else None


def _by_end(ops: list[Op]) -> list[Op]:
    """Operations in evaluation order: an inner expression ends before the one around it."""
    return sorted(ops, key=lambda o: (o.range.end.line, o.range.end.character, -o.range.start.line,
                                      -o.range.start.character))


def _main(ops: list[Op]) -> list[Op]:
    """Operations of the function itself first, those of nested functions after."""
    return [o for o in ops if not o.scope] + [o for o in ops if o.scope]


def locate(name: str, facts: CodeFacts, part: str = "") -> Range | None:
    """The range of the expression most responsible for the named mistake, or None.

    `part` is the equation part the mistake concerns (its LaTeX), used to prefer the
    expression that mentions its symbols. None means nothing fits: use the def line. Each
    finding's locator lives in its definition (findings/definitions/, `locate=`).
    """
    from eq2code.findings.registry import get

    definition = get(name)
    if not facts.found or definition is None or definition.locate is None:
        return None
    try:
        return definition.locate(Where(facts, part))
    except Exception:  # a locator gap must never break a report
        log.debug("locate(%r) failed", name, exc_info=True)
        return None


class Where:
    """What a finding's locator sees: the facts, the operations of the function itself first,
    the symbols of the equation part, and the shared helpers."""

    def __init__(self, facts: CodeFacts, part: str = ""):
        self.facts = facts
        self.part = part
        self.symbols = part_symbols(part) if part else []
        self.ops = _main(facts.ops)
        self.ret = _first([o for o in self.ops if o.kind == "return"][::-1])  # the last return
        self.reductions = self.kind("reduction")

    def kind(self, k: str, *fns: str) -> list[Op]:
        """Operations of a kind (optionally only these normalised functions), in source order."""
        return [o for o in self.ops if o.kind == k and (not fns or o.fn in fns)]

    def scales(self) -> list[Op]:
        """Divisions and products by a scale (a sqrt, a size, a symbol of the part), in source order."""
        found = [o for o in self.kind("divide") + self.kind("multiply")
                 if _is_scale_text(o.args[1] if len(o.args) > 1 else "", self.symbols)
                 or (o.kind == "multiply" and _is_scale_text(o.args[0], self.symbols))]
        return sorted(found, key=lambda o: (o.range.start.line, o.range.start.character))

    def reduced_names(self) -> set[str]:
        return _reduced_names(self.facts)

    def has_transpose(self, text: str) -> bool:
        return _has_transpose(text, self.facts)

    first = staticmethod(_first)
    last = staticmethod(_last)
    by_end = staticmethod(_by_end)
    contains = staticmethod(_contains)
    mentions = staticmethod(_mentions)
    size = staticmethod(lambda r: _size(r))


def _size(r: Range) -> tuple[int, int]:
    return (r.end.line - r.start.line, r.end.character - r.start.character)


def _reduced_names(facts: CodeFacts) -> set[str]:
    reduced: set[str] = set()
    for a in facts.assignments:
        if "sum" in a.value:
            reduced.update(a.targets)
    return reduced


def _has_transpose(text: str, facts: CodeFacts) -> bool:
    t = text.replace(" ", "")
    if t.endswith(".T") or ".T)" in t or "transpose" in t or "swapaxes" in t or ".mT" in t or "moveaxis" in t:
        return True
    # a name bound to a transposed value
    for a in facts.assignments:
        if text.strip() in a.targets:
            v = a.value.replace(" ", "")
            if v.endswith(".T") or "transpose" in v or "swapaxes" in v:
                return True
    return False
