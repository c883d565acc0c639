"""Reading declarations: `Q \\in \\mathbb{R}^{n \\times d_k}`, `T \\in \\mathbb{R}_{>0}`,
`\\mathbf{p} \\in \\Delta^{K-1}`, `\\mathbf{y} \\in \\{0,1\\}^{N}`, `x_t \\in \\{1, \\ldots, V\\}`,
`\\mathbf{y} \\in \\{\\mathbf{e}_1, \\ldots, \\mathbf{e}_C\\}` (one-hot) → (shape, Space).
"""

from __future__ import annotations

from typing import TypeGuard

from eq2code.equation.latex import ir
from eq2code.equation.model import Shape, Space


class NotASpace(Exception):
    """Not a space eq2code reads; `why` is the phrase key (findings/phrases.py) that says why."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def key_text(node: ir.Node | None) -> str | None:
    """Plain text of a name-like node: 'k', 'CE', 'theta', 'ij', '2'; None otherwise."""
    if node is None:
        return None
    if isinstance(node, ir.Ident):
        return node.name
    if isinstance(node, ir.Num):
        return node.text
    if isinstance(node, ir.Product) and all(op is None for op in node.ops[1:]):
        parts = [key_text(f) for f in node.factors]
        if all(p is not None for p in parts):
            return "".join(parts)  # type: ignore[arg-type]
    if isinstance(node, ir.Group) and node.bracket in ("(", "["):
        inner = key_text(node.body)
        return None if inner is None else f"({inner})"  # x^{(i)}, W^{(l)}, and W^{[l]} as notes after Ng write it
    if isinstance(node, ir.Add) and len(node.terms) == 2 and node.terms[0][0] == "+" \
            and isinstance(node.terms[0][1], ir.Ident) and isinstance(node.terms[1][1], ir.Num) \
            and node.terms[1][0] in ("+", "-"):
        return f"{node.terms[0][1].name}{node.terms[1][0]}{node.terms[1][1].text}"  # x_{t+1}, h_{n-1}
    if isinstance(node, ir.Special) and node.name in ("star", "prime"):
        return {"star": "*", "prime": "'"}[node.name]
    if isinstance(node, ir.Tuple) and node.bracket == "(" and node.items:  # 𝐰^{0,1}, α^{⟨t,t'⟩}: a label list
        items = [key_text(item) for item in node.items]
        return None if any(i is None for i in items) else f"({','.join(items)})"  # type: ignore[arg-type]
    return None


def size_of(node: ir.Node) -> object:
    """A size in a shape: an int or a size name ('n', 'd_k'), or a size plus or minus a number
    ('N+1' for `(N+1)`)."""
    if isinstance(node, ir.Group) and node.bracket == "(":
        body = node.body
        if isinstance(body, ir.Product) and all(op is None for op in body.ops[1:]):
            return _product_size(body.factors)  # (HW): the product of the sizes
        return size_of(body)
    if isinstance(node, ir.Add) and len(node.terms) == 2 and node.terms[0][0] == "+" \
            and node.terms[1][0] in ("+", "-") and isinstance(node.terms[1][1], ir.Num) \
            and node.terms[1][1].text.isdigit():
        first = size_of(node.terms[0][1])
        if isinstance(first, str) and "*" not in first:
            return f"{first}{node.terms[1][0]}{node.terms[1][1].text}"
    if isinstance(node, ir.Abs) and isinstance(node.body, ir.Ident) and node.body.style == "cal":
        return f"n_{node.body.name}"  # ℝ^{|𝓑|}: as many as the set has items, the size a sum over 𝓑 runs over
    if isinstance(node, ir.Num) and node.text.isdigit():
        return int(node.text)
    if isinstance(node, ir.Ident):
        return node.name
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.sup is None:
        if node.sub is None and node.primes:  # d': another size named after d
            return node.base.name + "'" * node.primes
        sub = key_text(node.sub)
        if sub is not None:
            return f"{node.base.name}_{sub}" + "'" * node.primes
    raise NotASpace("space-size")


def shape_of(node: ir.Node) -> Shape:
    """`n \\times d_k` → ('n', 'd_k'); `K` → ('K',); `h d_v \\times d` → ('h*d_v', 'd')."""
    if not isinstance(node, ir.Product):
        return (size_of(node),)
    groups: list[list[ir.Node]] = [[]]
    for op, f in zip(node.ops, node.factors):
        if op == "times":
            groups.append([])
        elif op is not None:
            raise NotASpace("space-shape")
        groups[-1].append(f)
    return tuple(_product_size(g) for g in groups)


def _product_size(factors: list[ir.Node]) -> object:
    """A size written as a product of sizes (`h d_v`, `(HW)`): the name 'h*d_v'."""
    if len(factors) == 1 and isinstance(factors[0], ir.Group) and factors[0].bracket == "(":
        inner = factors[0].body  # (HW) × d_k: the parentheses only group
        factors = list(inner.factors) if isinstance(inner, ir.Product) and not any(inner.ops[1:]) else [inner]
    sizes = [size_of(f) for f in factors]
    if len(sizes) == 1:
        return sizes[0]
    if all(isinstance(x, int) for x in sizes):
        out = 1
        for x in sizes:
            out *= x  # type: ignore[operator]
        return out
    return "*".join(str(x) for x in sizes)


def _simplex_size(node: ir.Node) -> object:
    """Δ^{K-1} holds vectors of K entries."""
    if isinstance(node, ir.Add) and len(node.terms) == 2 and node.terms[1][0] == "-" \
            and isinstance(node.terms[1][1], ir.Num) and node.terms[1][1].text == "1":
        return size_of(node.terms[0][1])
    if isinstance(node, ir.Num) and node.text.isdigit():
        return int(node.text) + 1
    raise NotASpace("space-simplex")


def _sub_condition(sub: ir.Node | None) -> Space | None:
    """ℝ_{>0}, ℝ_{\\geq 0}, ℝ_+ → a space."""
    if sub is None:
        return None
    if isinstance(sub, ir.Chain) and len(sub.rels) == 1 and isinstance(sub.items[0], ir.Empty):
        rel = sub.rels[0]
        bound = sub.items[1]
        if isinstance(bound, ir.Num):
            value = float(bound.text)
            if rel == "gt":
                return Space("positive" if value == 0 else "interval", low=value, closed=(False, True),
                             latex=f"\\mathbb{{R}}_{{>{bound.text}}}")
            if rel == "ge":
                return Space("nonnegative" if value == 0 else "interval", low=value,
                             latex=f"\\mathbb{{R}}_{{\\geq {bound.text}}}")
    if isinstance(sub, ir.Add) and len(sub.terms) == 1 and isinstance(sub.terms[0][1], ir.Empty):
        return Space("positive", low=0.0, closed=(False, True), latex="\\mathbb{R}_{+}")
    raise NotASpace("space-real-subscript")


def number(node: ir.Node) -> float | None:
    """1, 0.5, -1 (a signed number) → its value; None for anything else."""
    if isinstance(node, ir.Num):
        return float(node.text)
    if isinstance(node, ir.Add) and len(node.terms) == 1 and node.terms[0][0] in ("+", "-") \
            and isinstance(node.terms[0][1], ir.Num):
        value = float(node.terms[0][1].text)
        return -value if node.terms[0][0] == "-" else value
    return None


def _interval(items: list[ir.Node], brackets: str, latex: str) -> Space:
    """(0,1), [0,1], (-1,1), and the half-open (0,1] and [0,1) (brackets "(]" / "[)")."""
    lo, hi = (_number_or_fail(i) for i in items)
    closed = (brackets[0] == "[", brackets[-1] == "]")
    return Space("interval", lo, hi, closed, latex)


def _number_or_fail(node: ir.Node) -> float:
    value = number(node)
    if value is None:
        raise NotASpace("space-interval-ends")
    return value


def _is_basis_vector(node: ir.Node) -> TypeGuard[ir.Script]:
    return isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.base.name == "e"


def read_space(node: ir.Node, latex: str = "") -> tuple[Shape, Space]:
    """Shape and space of the right side of a declaration. Raises NotASpace."""
    base, sub, sup = node, None, None
    if isinstance(node, ir.Script):
        base, sub, sup = node.base, node.sub, node.sup
    if isinstance(base, ir.Ident) and base.name == "Delta" and sup is not None:
        return (_simplex_size(sup),), Space("simplex", 0.0, 1.0, latex=latex)
    shape: Shape = shape_of(sup) if sup is not None else ()
    if isinstance(base, ir.Ident) and base.style == "bb" and base.name == "R":
        return shape, Space("real", latex=latex or "\\mathbb{R}") if sub is None else _sub_with_latex(sub, latex)
    if isinstance(base, ir.Ident) and base.style == "bb" and base.name == "S" and sup is not None:
        return _symmetric(sub, sup, latex)
    if isinstance(base, ir.Ident) and base.style == "bb" and base.name in ("N", "Z"):
        return shape, Space("integer", low=0.0 if base.name == "N" else None, latex=latex)
    if isinstance(base, ir.Tuple):
        return _tuple_space(base, shape, latex)
    if isinstance(base, ir.Group) and base.bracket == "(":  # (Δ^{V-1})^T: T rows on the simplex
        inner_shape, inner = read_space(base.body, latex)
        return shape + inner_shape, Space(inner.kind, inner.low, inner.high, inner.closed, latex, inner.size)
    raise NotASpace("space-unknown")


def _symmetric(sub: ir.Node | None, sup: ir.Node, latex: str) -> tuple[Shape, Space]:
    """𝕊^d (symmetric), 𝕊_+^d (positive semidefinite), 𝕊_{++}^d (positive definite): d×d matrices."""
    kind = {None: "symmetric", "plus": "psd", "plusplus": "spd"}.get(key_text(sub) if sub is not None else None)
    if kind is None:
        raise NotASpace("space-symmetric")
    n = size_of(sup)
    return (n, n), Space(kind, latex=latex)


def _sub_with_latex(sub: ir.Node, latex: str) -> Space:
    space = _sub_condition(sub)
    assert space is not None
    return Space(space.kind, space.low, space.high, space.closed, latex or space.latex)


def _tuple_space(base: ir.Tuple, shape: Shape, latex: str) -> tuple[Shape, Space]:
    items = base.items
    values = [number(i) for i in items]
    nums = all(v is not None for v in values)
    if base.bracket == "\\{" and nums and values == [0.0, 1.0]:
        return shape, Space("binary", 0.0, 1.0, latex=latex)
    if base.bracket == "\\{" and nums and sorted(values) == [-1.0, 1.0]:  # type: ignore[type-var]
        return shape, Space("sign", -1.0, 1.0, latex=latex)  # labels y ∈ {-1, 1}
    if base.bracket in ("(", "[", "(]", "[)") and nums and len(items) == 2:
        return shape, _interval(items, base.bracket, latex)
    if len(items) == 4 and isinstance(items[0], ir.Num) and isinstance(items[1], ir.Num) \
            and values[1] is not None and values[0] is not None and values[1] == values[0] + 1:
        items = [items[0], *items[2:]]  # {0, 1, …, T}: the second number only shows the step
    if base.bracket in ("\\{", "[") and len(items) == 3 and isinstance(items[1], ir.Special) \
            and items[1].name in ("ldots", "cdots", "dots", "dotsc"):
        first, last = items[0], items[2]
        if _is_basis_vector(first) and _is_basis_vector(last) and last.sub is not None:
            return shape + (size_of(last.sub),), Space("onehot", latex=latex)
        if isinstance(first, ir.Num) and first.text in ("0", "1"):
            return shape, Space("categorical", low=float(first.text), latex=latex, size=size_of(last))
    raise NotASpace("space-unknown-set")
