"""The IR of a parsed equation: syntax-level nodes that keep their source span.

Spans are (start, end) character offsets into the equation text. Nodes say what was written,
not what it means: `Call(p, x)` may turn out to be a product and `Script(x, i)` an index;
`eq2code.semantics` decides.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class Node:
    span: Span = field(default=(0, 0), kw_only=True, compare=False, repr=False)

    def children(self) -> list[Node]:
        out: list[Node] = []
        for value in self.__dict__.values():
            if isinstance(value, Node):
                out.append(value)
            elif isinstance(value, (list, tuple)):
                out.extend(v for v in value if isinstance(v, Node))
                for v in value:
                    if isinstance(v, (list, tuple)):
                        out.extend(w for w in v if isinstance(w, Node))
        return out

    def walk(self):
        yield self
        for child in self.children():
            yield from child.walk()


def map_children(node: Any, rewrite: Callable[[Any], Any]) -> Any:
    """`node` with `rewrite` applied to each of its fields (spans aside) — or, for a list or tuple,
    to each item — rebuilt only where something changed: the same object when nothing did. The
    step every IR rewrite (ellipses, primes, steps, substitutions) repeats below its own cases."""
    if isinstance(node, Node):
        changes = {f.name: rewrite(getattr(node, f.name)) for f in dataclasses.fields(node) if f.name != "span"}
        changed = {k: v for k, v in changes.items() if v is not getattr(node, k)}
        return dataclasses.replace(node, **changed) if changed else node
    if isinstance(node, (list, tuple)):
        items = [rewrite(v) for v in node]
        if all(a is b for a, b in zip(items, node)):
            return node
        return type(node)(items) if isinstance(node, list) else tuple(items)
    return node


@dataclass
class Num(Node):
    text: str


@dataclass
class Ident(Node):
    """A letter, a Greek name, or a multi-letter name written with a font (\\mathrm{softmax})."""

    name: str
    style: str = ""  # "", "bf", "rm", "cal", "bb", "op", "text", "words" (a quantity said in words), …
    accents: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Identity of the symbol: accents count, bold does not (z_i is a component of 𝐳)."""
        plain = ("", "bf", "it", "rm", "op", "text", "sf", "macro", "words")
        base = self.name if self.style in plain else f"{self.style}:{self.name}"
        return "".join(f"{a}:" for a in self.accents) + base


@dataclass
class Text(Node):
    """Prose in \\text{…} that is not a name (an annotation)."""

    content: str


@dataclass
class Special(Node):
    """ellipsis, infty, partial, nabla, placeholder (·), top."""

    name: str


@dataclass
class Script(Node):
    base: Node
    sub: Node | None = None
    sup: Node | None = None
    primes: int = 0


@dataclass
class Call(Node):
    """`f(a, b)` or `E[…]` as written; `seps` between args record ',' and ';'."""

    func: Node
    args: list[Node]
    bracket: str = "("


@dataclass
class Group(Node):
    """Brackets around one expression: ( ), [ ], { }."""

    body: Node
    bracket: str = "("


@dataclass
class Tuple(Node):
    """Comma-separated items in brackets: (x, y), \\{1, \\ldots, V\\}."""

    items: list[Node]
    bracket: str = "("


@dataclass
class SetBuilder(Node):
    """\\{ x : condition \\} and other brace-set contents with a colon."""

    body: Node


@dataclass
class Add(Node):
    """Sum of signed terms: [('+', a), ('-', b)]."""

    terms: list[tuple[str, Node]]


@dataclass
class Product(Node):
    """Factors and the operator before each (None for juxtaposition, 'cdot', 'slash', …)."""

    factors: list[Node]
    ops: list[str | None]


@dataclass
class Frac(Node):
    num: Node
    den: Node


@dataclass
class Root(Node):
    body: Node
    index: Node | None = None


@dataclass
class BigOp(Node):
    op: str  # sum, prod, max, min, argmax, argmin, lim, int, sup, inf
    sub: Node | None
    sup: Node | None
    body: Node
    # the body was extended over the terms after it that use the index (\sum_i a_i + b_i): a reading
    extended: bool = field(default=False, kw_only=True, compare=False)


@dataclass
class Func(Node):
    """A named operator applied: \\exp, \\log_2, \\tanh …"""

    name: str
    arg: Node
    sub: Node | None = None
    sup: Node | None = None


@dataclass
class Abs(Node):
    body: Node


@dataclass
class Norm(Node):
    body: Node


@dataclass
class Matrix(Node):
    rows: list[list[Node | None]]
    env: str = "pmatrix"


@dataclass
class Cases(Node):
    rows: list[tuple[Node, Node | None]]


@dataclass
class Chain(Node):
    """a = b = c, a \\in S, f : A \\to B, p(x \\mid z) … (`rels` between items)."""

    items: list[Node]
    rels: list[str]


@dataclass
class Quantified(Node):
    quant: str
    body: Node | None


@dataclass
class Statement(Node):
    """Clauses separated by commas or \\quad at one level."""

    clauses: list[Node]
    seps: list[str]


@dataclass
class Annotated(Node):
    """\\underbrace{body}_{note}: the note never changes meaning."""

    body: Node
    note: Node | None = None


@dataclass
class Empty(Node):
    pass


# Why each kind of Notation has no value (what `eq2code parse` and the not-checkable finding say).
NOTATION_REASONS = {
    "action": "a dot between two operands ([g.f](h): a group action or a composition) is an operator "
              "definition, not a computation",
    "evaluated": "an evaluation bar (…|_{x=a}: an expression evaluated at a point) is not computed",
    "not": "a logical formula (\\lnot) is not a computation",
    "string": "a quoted string has no numeric value",
    "operator": "an operator of the notes' own (f *_{G} k, x \\oplus y) is not one eq2code computes",
    "ellipsis": "a term written beside an ellipsis looks like its pattern but is not the pattern at its "
                "index (x_1 + x_3 + \\cdots + x_n): which terms the ellipsis stands for is not clear",
}


@dataclass
class Notation(Node):
    """Notation that is read but has no numeric value: a group action `g.f`, an evaluation bar
    `f|_{x=a}`, a logical `\\lnot p`, a quoted string `"is"`. `what` is a key of
    NOTATION_REASONS; `parts` are the operands as written."""

    what: str
    parts: list[Node]

    @property
    def reason(self) -> str:
        return NOTATION_REASONS[self.what]
