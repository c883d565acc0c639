"""Worked examples (issue 12): a chain whose forms are arithmetic on numbers —
`\\exp(0.9)+\\exp(0.2)+\\exp(0.4) = 5.17283056695839`, `\\frac{3}{3+56} = 0.05`,
`\\frac{0.78}{0.05} = 15.6\\times`. Each stated equality between two adjacent numeric forms is a
claim, checked at the precision the text writes:

- a number written as a literal (`0.05`, `-3`, `1.5 \\times 10^{-3}`, the entries of a literal
  matrix) is right when it is the other side rounded or truncated to the digits written;
- a stated result that a later form reuses (`0.78` and `0.05` in `\\frac{0.78}{0.05}`) carries
  its rounding into that form (the form is evaluated again with it one unit up and down);
- digits beyond the sixth significant one are not held against the author (`RELATIVE`): code
  that printed them may have run in single precision;
- under `\\approx` an integer's trailing zeros and a bare `10^{k}` are no digits written, and two
  computed forms with no literal are not compared (`22/7 \\approx \\pi`);
- `\\log` is natural, unless only base 2 or 10 makes the claim hold (`_in_another_log_base`; the
  reader says which base it took).

Nothing here raises: a form that cannot be evaluated to real numbers is no numeric form, and a
claim that cannot be compared (two shapes) is not made. The reader (`semantics.py`) lowers the
forms in an isolated context and reports the claims that fail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

import sympy

from eq2code.equation.latex import ir
from eq2code.equation.symbols import symbol_key, word_key
from eq2code.equation.sympy_ext import Softmax

log = logging.getLogger(__name__)

EQUALITIES = {"eq", "defeq", "approx"}  # =, :=, ≈ (≃, ≒): the relations a worked example states
CONSTANTS = {"e", "pi"}  # names a numeric form may use
RELATIVE = sympy.Float("1e-6", 30)  # single precision carries ~7 significant digits
ABSOLUTE = sympy.Float("1e-15", 30)
DIGITS = 30  # working precision of the evaluation
MAX_PERTURBED = 6  # stated results re-evaluated per form (each costs two lowerings)


@dataclass
class Form:
    """One numeric form of a chain: its entries (row-major), and per entry the unit of the last
    digit written when the entry is a literal (None when it is computed)."""

    node: ir.Node
    values: list[Any]  # sympy.Float
    shape: tuple[int, ...]
    units: list[Decimal | None]
    value: Any = None  # the exact SymPy value (its plan; `sum` of `\exp(0.9)/sum` in later examples)
    carried: Any = field(default_factory=lambda: sympy.Float(0))  # rounding of stated results inside


@dataclass
class Claim:
    """`left relation right` between two adjacent numeric forms, and whether it holds."""

    left: Form
    right: Form
    relation: str
    holds: bool
    decimals: int | None  # the written precision it was checked to (None: 6 significant digits)
    log_base: int | None = None  # the base of `\\log` under which it holds, when not e (the example decides)


@dataclass
class Example:
    forms: dict[int, Form]  # item index in the chain → its numeric form
    claims: list[Claim]

    def whole(self, chain: ir.Chain, defined: bool = False) -> bool:
        """Is every form of the chain numeric (nothing symbolic left)? `defined`: the first item
        is the name being defined (`sum = …`), no form."""
        return all(k in self.forms for k in range(1 if defined else 0, len(chain.items)))

    @property
    def failed(self) -> list[Claim]:
        return [c for c in self.claims if not c.holds]


Lower = Callable[[ir.Node], Any]  # one IR node → its SymPy value, in an isolated context (may raise)


def read_example(chain: ir.Node, lower: Lower, known: Callable[[str], bool], stated: set[str]) -> Example | None:
    """The chain's numeric forms and the claims between them; None when no two adjacent forms
    are numeric and stated equal."""
    if not isinstance(chain, ir.Chain) or len(chain.items) < 2:
        return None
    forms: dict[int, Form] = {}
    for k, item in enumerate(chain.items):
        if candidate(item, known):
            form = numeric_form(item, lower, stated)
            if form is not None:
                forms[k] = form
    claims = []
    for k, rel in enumerate(chain.rels):
        if rel in EQUALITIES and k in forms and k + 1 in forms:
            claim = compare(forms[k], forms[k + 1], rel)
            if claim is not None and not claim.holds:
                claim = _in_another_log_base(claim, lower, stated) or claim
            if claim is not None:
                claims.append(claim)
    return Example(forms, claims) if claims else None


LOG_BASES = (2, 10)  # `\\log` is natural in ML notes, but an entropy in bits or a log of 1000 says otherwise


def _in_another_log_base(claim: Claim, lower: Lower, stated: set[str]) -> Claim | None:
    """`-(0.5 \\log 0.5 + 0.5 \\log 0.5) = 1`: a worked example that fails with the natural log
    but holds with `\\log` in base 2 (or 10) is read in that base — the example decides, and says so."""
    logs = [n for f in (claim.left, claim.right) for n in f.node.walk()
            if isinstance(n, ir.Func) and n.name == "log" and n.sub is None]
    if not logs:
        return None
    for base in LOG_BASES:
        try:
            for n in logs:
                n.sub = ir.Num(str(base))
            left, right = numeric_form(claim.left.node, lower, stated), numeric_form(claim.right.node, lower, stated)
            again = compare(left, right, claim.relation) if left is not None and right is not None else None
        finally:
            for n in logs:
                n.sub = None
        if again is not None and again.holds:
            again.log_base = base
            return again
    return None


def candidate(node: ir.Node, known: Callable[[str], bool]) -> bool:
    """A cheap look before lowering: a number (or π) in it, no prose, and every name a constant
    (e, π) or a quantity the file already computed as a number."""
    if not any(isinstance(n, ir.Num) or (isinstance(n, ir.Ident) and n.name == "pi") for n in node.walk()):
        return False
    return all(_allowed(n, known) for n in _names(node, known))


def _allowed(node: ir.Node, known: Callable[[str], bool]) -> bool:
    if isinstance(node, (ir.Text, ir.Notation, ir.SetBuilder, ir.Special, ir.Quantified, ir.Cases)):
        return False
    if isinstance(node, ir.Ident) and node.name in CONSTANTS and not node.style:
        return True
    if isinstance(node, ir.Ident) and node.name == "percent":
        return True  # read as a literal (_literal); anywhere else the lowering decides
    key = symbol_key(node) or word_key(node)
    return key is not None and known(key)


def _names(node: ir.Node, known: Callable[[str], bool]) -> Iterator[ir.Node]:
    """The names in value position (a called function's name, a known word such as `sum` written
    letter by letter, are not), and anything that makes a form no arithmetic (prose, sets, …)."""
    if isinstance(node, (ir.Text, ir.Notation, ir.SetBuilder, ir.Special, ir.Quantified, ir.Cases)):
        yield node
        return
    if isinstance(node, ir.Ident) or (isinstance(node, ir.Script) and isinstance(node.base, ir.Ident)
                                      and node.sub is not None):
        yield node
        return
    if word_key(node) is not None:
        yield node
        return
    if isinstance(node, ir.Call):
        if not isinstance(node.func, (ir.Ident, ir.Script)):
            yield from _names(node.func, known)
        for arg in node.args:
            yield from _names(arg, known)
        return
    if isinstance(node, ir.Product):
        yield from _product_names(node, known)
        return
    index = _bounded_index(node)
    if index is not None and isinstance(node, ir.BigOp) and isinstance(node.sub, ir.Chain) and node.sup is not None:
        yield from _names(node.sub.items[1], known)
        yield from _names(node.sup, known)
        yield from (n for n in _names(node.body, known) if not (isinstance(n, ir.Ident) and n.key == index))
        return
    for child in node.children():
        yield from _names(child, known)


def _bounded_index(node: ir.Node) -> str | None:
    """`\\sum_{i=1}^{4} i^2`: the index of a sum or product from one bound to another, else None."""
    if isinstance(node, ir.BigOp) and node.op in ("sum", "prod") and node.sup is not None \
            and isinstance(node.sub, ir.Chain) and node.sub.rels == ["eq"] and len(node.sub.items) == 2 \
            and isinstance(node.sub.items[0], ir.Ident):
        return node.sub.items[0].key
    return None


def _product_names(node: ir.Product, known: Callable[[str], bool]) -> Iterator[ir.Node]:
    """`\\exp(0.9)/sum`: the letters s, u, m side by side are the known word `sum`."""
    run: list[ir.Node] = []
    for factor, op in [*zip(node.factors, node.ops), (None, "end")]:
        letter = isinstance(factor, ir.Ident) and len(factor.name) == 1 and not factor.style
        if letter and (op is None or not run) and factor is not None:
            run.append(factor)
            continue
        if run and not known("".join(f.name for f in run if isinstance(f, ir.Ident))):
            yield from run
        run = [factor] if letter and factor is not None else []
        if factor is not None and not letter:
            yield from _names(factor, known)


def numeric_form(node: ir.Node, lower: Lower, stated: set[str]) -> Form | None:
    written = _literal(node)
    if written is not None:  # 0.05, 78\%, 1.5 \times 10^{-3}: the number as written, exactly
        exact = sympy.Rational(str(written[0]))
        return Form(node, [sympy.Float(exact, DIGITS)], (), [written[1]], exact)
    entries = _evaluate(node, lower)
    if entries is None:
        return None
    values, shape, exact = entries
    units = _written_units(node, len(values))
    form = Form(node, values, shape, units, exact)
    form.carried = _carried(form, lower, stated)
    return form


def _evaluate(node: ir.Node, lower: Lower) -> tuple[list[Any], tuple[int, ...], Any] | None:
    """The form's entries as real Floats, else None; a list of numbers written `[2.0, 1.0, 0.1]`
    (or as the arguments of `\\mathrm{softmax}(2.0, 1.0, 0.1)`) is a vector when nothing else reads."""
    found = _evaluate_as_written(node, lower)
    if found is None and any(isinstance(n, ir.Tuple) or (isinstance(n, ir.Call) and len(n.args) > 1)
                             for n in node.walk()):
        found = _evaluate_as_written(_with_vectors(node), lower)
    return found


def _with_vectors(node: Any) -> Any:
    """A copy of the form with its lists of numbers as column vectors."""
    if isinstance(node, ir.Tuple) and len(node.items) > 1:
        return ir.Matrix([[_with_vectors(item)] for item in node.items], span=node.span)
    if isinstance(node, ir.Call) and len(node.args) > 1 and isinstance(node.func, (ir.Ident, ir.Script)):
        column = ir.Matrix([[_with_vectors(a)] for a in node.args], span=node.span)
        return ir.Call(node.func, [column], node.bracket, span=node.span)
    if isinstance(node, ir.Node):
        changes = {f.name: _with_vectors(getattr(node, f.name)) for f in fields(node) if f.name != "span"}
        return replace(node, **changes)
    if isinstance(node, (list, tuple)):
        return type(node)(_with_vectors(v) for v in node)
    return node


def _evaluate_as_written(node: ir.Node, lower: Lower) -> tuple[list[Any], tuple[int, ...], Any] | None:
    """The form's entries as real Floats, else None (a free symbol, a complex value, an error)."""
    try:
        value = lower(node)
        if getattr(value, "free_symbols", None):
            return None
        exact = value
        value = _explicit(value)
        if isinstance(value, sympy.MatrixBase):
            shape = tuple(value.shape)
            entries = [sympy.N(v, DIGITS) for v in value]
        elif isinstance(value, sympy.MatrixExpr):
            return None
        else:
            shape, entries = (), [sympy.N(value, DIGITS)]
        if not entries or not all(isinstance(v, sympy.Number) and v.is_real and v.is_finite for v in entries):
            return None
        return [sympy.Float(v, DIGITS) for v in entries], shape, exact
    except Exception:  # a form eq2code cannot evaluate is no numeric form: nothing is claimed
        log.debug("not a numeric form", exc_info=True)
        return None


def _explicit(value: Any) -> Any:
    """Operations SymPy keeps symbolic on explicit numbers made explicit: softmax of a literal
    vector; `doit` for sums and products with numeric bounds."""
    if isinstance(value, Softmax) and isinstance(value.args[0], sympy.MatrixBase) and 1 in value.args[0].shape:
        arg = value.args[0]
        exps = arg.applyfunc(sympy.exp)
        return exps / sum(exps)
    if isinstance(value, sympy.Basic) and not isinstance(value, sympy.MatrixBase):
        return value.doit()
    return value


def _literal(node: ir.Node) -> tuple[Decimal, Decimal] | None:
    """A number as written, with the unit of its last digit: `0.05` → (0.05, 0.01), `-3` →
    (-3, 1), `1.5 \\times 10^{-3}` → (0.0015, 0.0001), `78\\%` → (0.78, 0.01); else None."""
    if isinstance(node, ir.Group):
        return _literal(node.body)
    if isinstance(node, ir.Add) and len(node.terms) == 1:
        sign, term = node.terms[0]
        inner = _literal(term)
        return None if inner is None else ((-inner[0] if sign == "-" else inner[0]), inner[1])
    if isinstance(node, ir.Num):
        try:
            value = Decimal(node.text)
        except InvalidOperation:
            return None
        exponent = value.as_tuple().exponent
        return value, Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    if isinstance(node, ir.Product) and len(node.factors) == 2 and node.ops[1] is None \
            and isinstance(node.factors[1], ir.Ident) and node.factors[1].name == "percent":
        number = _literal(node.factors[0])  # 78\%
        return None if number is None else (number[0] / 100, number[1] / 100)
    if isinstance(node, ir.Product) and len(node.factors) == 2 and node.ops[1] in ("times", "cdot"):
        mantissa, scale = _literal(node.factors[0]), _power_of_ten(node.factors[1])
        if mantissa is not None and scale is not None:
            return mantissa[0] * scale, mantissa[1] * scale
    scale = _power_of_ten(node)
    return None if scale is None else (scale, scale)  # 10^{3}: one significant digit


def _power_of_ten(node: ir.Node) -> Decimal | None:
    """`10^{-3}` → 0.001, else None."""
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Num) and node.base.text == "10" \
            and node.sub is None and node.sup is not None:
        exp = _literal(node.sup)
        if exp is not None and exp[1] == 1 and exp[0] == int(exp[0]) and abs(exp[0]) < 400:
            return Decimal(1).scaleb(int(exp[0]))
    return None


def literal_number(node: ir.Node) -> bool:
    """Is the node a number as written (`0.5`, `-3`, `1.5 \\times 10^{-3}`)?"""
    return _literal(node) is not None


def _written_units(node: ir.Node, count: int) -> list[Decimal | None]:
    if isinstance(node, ir.Tuple):
        return [_unit(item) for item in node.items] if len(node.items) == count else [None] * count
    if isinstance(node, ir.Matrix):
        cells = [c for row in node.rows for c in row]
        if len(cells) == count and all(c is not None for c in cells):
            return [_unit(c) for c in cells if c is not None]
        return [None] * count
    return [_unit(node)] + [None] * (count - 1)


def _unit(node: ir.Node) -> Decimal | None:
    found = _literal(node)
    return None if found is None else found[1]


def stated_results(nodes: list[ir.Node]) -> set[str]:
    """Decimal numbers a chain states as the result of a computation (`\\frac{3}{3+56} = 0.05`):
    written rounded, so a later form that reuses them (`\\frac{0.78}{0.05}`) carries the rounding."""
    out: set[str] = set()
    for node in nodes:
        if not isinstance(node, ir.Chain):
            continue
        computed = False
        for item in node.items:
            found = _literal(item)
            if found is None:
                computed = computed or any(isinstance(n, ir.Num) for n in item.walk())
            elif computed:
                out.update(n.text for n in item.walk() if isinstance(n, ir.Num) and "." in n.text)
    return out


def _carried(form: Form, lower: Lower, stated: set[str]) -> Any:
    """How far the form moves when each stated result in it moves one unit of its last digit."""
    if _literal(form.node) is not None or isinstance(form.node, (ir.Matrix, ir.Tuple)):
        return sympy.Float(0)
    nums = [n for n in form.node.walk() if isinstance(n, ir.Num) and n.text in stated][:MAX_PERTURBED]
    total = sympy.Float(0)
    for num in nums:
        found = _literal(num)
        if found is None:
            continue
        value, unit = found
        text = num.text
        moved = sympy.Float(0)
        try:
            for shifted in (value + unit, value - unit):
                num.text = str(shifted)
                entries = _evaluate(form.node, lower)
                if entries is None or len(entries[0]) != len(form.values):
                    continue
                moved = max([moved] + [abs(a - b) for a, b in zip(entries[0], form.values)])
        finally:
            num.text = text
        total += moved
    return total


def compare(left: Form, right: Form, relation: str) -> Claim | None:
    """The claim `left relation right`; None when the two cannot be compared (their shapes)."""
    if len(left.values) != len(right.values):
        return None
    if left.shape != right.shape and not (_vector(left.shape) and _vector(right.shape)):
        return None
    approx = relation == "approx"
    if approx and not any(u is not None for u in left.units + right.units):
        return None  # 22/7 ≈ π: no digits written say how close the author meant
    holds, decimals = True, None
    for k, (a, b) in enumerate(zip(left.values, right.values)):
        units = (_approximate(a, left.units[k]), _approximate(b, right.units[k])) if approx else \
            (left.units[k], right.units[k])
        ok, written = _entry_holds(a, units[0], b, units[1], left.carried + right.carried)
        holds = holds and ok
        if written is not None and (decimals is None or written < decimals):
            decimals = written
    return Claim(left, right, relation, holds, decimals)


def _approximate(value: Any, unit: Decimal | None) -> Decimal | None:
    """Under ≈ the trailing zeros of an integer are no digits written: 2^{20} ≈ 1000000."""
    if unit is None or unit != 1:
        return unit
    whole = int(value)
    if whole == 0 or abs(value - whole) > 0:
        return unit
    digits = str(abs(whole))
    return Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")))


def _vector(shape: tuple[int, ...]) -> bool:
    return len(shape) <= 1 or (len(shape) == 2 and 1 in shape)


def _entry_holds(a: Any, unit_a: Decimal | None, b: Any, unit_b: Decimal | None,
                 carried: Any) -> tuple[bool, int | None]:
    """Does a = b hold at the precision written? (holds, decimals of the coarser literal)."""
    slack = carried + RELATIVE * max(abs(a), abs(b)) + ABSOLUTE
    units = [u for u in (unit_a, unit_b) if u is not None]
    if not units:
        return bool(abs(a - b) <= slack), None
    unit = max(units)
    written, exact = (a, b) if unit_a == unit else (b, a)
    step = sympy.Float(str(unit), DIGITS)
    rounded = abs(exact - written) <= step / 2 + slack
    truncated = exact * written >= 0 and -slack <= abs(exact) - abs(written) < step + slack
    exponent = unit.as_tuple().exponent
    return bool(rounded or truncated), max(0, -exponent) if isinstance(exponent, int) else None


def show(form: Form) -> str:
    """The form's value for a message: ten significant digits, a matrix as its rows."""
    def one(v: Any) -> str:
        return format(float(v), ".10g") if abs(v) < sympy.Float("1e300") else sympy.sstr(sympy.N(v, 10))
    if not form.shape:
        return one(form.values[0])
    if _vector(form.shape):
        return "[" + ", ".join(one(v) for v in form.values) + "]"
    cols = form.shape[-1] if len(form.shape) == 2 else len(form.values)
    rows = [form.values[i:i + cols] for i in range(0, len(form.values), cols)]
    return "[" + ", ".join("[" + ", ".join(one(v) for v in row) + "]" for row in rows) + "]"
