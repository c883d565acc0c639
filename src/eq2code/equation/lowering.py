"""IR expressions → SymPy, given what the declarations say about each symbol.

This is where notation gets its meaning: a subscript is an index when it names an index in
scope (`x_i` under `\\sum_i` becomes `x[i]` of an `IndexedBase`), otherwise part of a name
(`d_k`); juxtaposed matrices multiply (`QK^\\top` → `MatMul(Q, Transpose(K))`); `p(x)` with
`x` a summation index reads entry x of the vector p; `\\sigma(·)` applied is the logistic
function; `\\log` is natural. Sizes are unified as they meet (a sum up to K over z_j makes z a
K-vector). What cannot be given a meaning raises `LoweringError` naming the construct.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy.matrices.expressions.matexpr import MatrixExpr

from eq2code.equation.applied import (
    GivenValues,
    function_key,
    labelled_application,
    point_of,
    value_aliases,
    values_key,
)
from eq2code.equation.densities import Density, density_of
from eq2code.equation.latex import ir
from eq2code.equation.model import Space
from eq2code.equation.spaces import key_text
from eq2code.equation.symbols import SMALL_GREEK, bracket_label, parameter_subscript_key, symbol_key
from eq2code.equation.sympy_ext import (
    Apply,
    ArraySlice,
    ArraySum,
    Concat,
    Entries,
    MatrixSqrt,
    Reduce,
    Softmax,
    prelu,
    sigmoid,
)
from eq2code.findings.phrases import Phrase, phrase

INDEX_ASSUMPTIONS = {"integer": True}
DISTRIBUTION_NAMES = {"p", "q", "r", "P", "Q", "pi"}  # p(x) over a support is a distribution
BUILTIN_FUNCTIONS = {"softmax", "Softmax", "sigma", "ReLU", "relu", "erf", "erfc", "H", "D_KL", "Concat"}
SIZE_ASSUMPTIONS = {"integer": True, "positive": True}


class LoweringError(Exception):
    """Why a construct has no value: `why` is the keyed phrase findings show (en/ja), `detail`
    its English text (logs, `Equation.reason`)."""

    def __init__(self, kind: str, why: Phrase, span: ir.Span, construct: str = ""):
        self.detail = english(why)
        super().__init__(self.detail)
        self.kind = kind  # unsupported-notation | not-checkable
        self.why = why
        self.span = span
        self.construct = construct


def english(said: Any) -> str:
    """A phrase's (or its cached JSON form's) English text: what `Equation.reason` and debug
    logs keep; anything else as text."""
    from eq2code.findings.messages import render_phrase

    found = Phrase.of(said)
    return render_phrase(found, "en") if found is not None else str(said)


MAX_EXPONENT = 10_000  # |a numeric exponent|: larger ones are refused, not evaluated
MAX_DIGITS = 1_000  # digits of a power of two numbers that SymPy would compute exactly


def check_power(base: Any, exponent: Any, span: ir.Span) -> None:
    """Refuse a power whose exact value SymPy would compute and that would explode
    (`10^{10^{10}}`: ten billion digits, no answer for hours) — a static bound, checked
    before SymPy sees the power. Only numeric exponents matter: a symbolic one stays
    symbolic, and the reference evaluates in floating point."""
    if not isinstance(exponent, sympy.Basic) or not exponent.is_Number:
        return
    if exponent.is_infinite:  # M^\\infty: the limit of the powers, no finite computation
        raise LoweringError("not-checkable", phrase("eq-power-infinite"), span, "^")
    e = abs(exponent)
    if e > MAX_EXPONENT and not (isinstance(base, sympy.Basic) and base in (sympy.S.One, sympy.S.Zero)):
        raise LoweringError("unsupported-notation", phrase("eq-exponent-too-large", exponent=_short(exponent),
                                                           limit=MAX_EXPONENT), span, "^")
    if isinstance(base, sympy.Basic) and base.is_Rational and exponent.is_Rational:
        p, q = abs(int(base.p)), abs(int(base.q))
        size = max(p, q, 1)
        digits = float(e) * (math.log10(size) if size.bit_length() < 1000 else size.bit_length() * 0.30103)
        if digits > MAX_DIGITS:
            raise LoweringError("unsupported-notation", phrase("eq-power-too-many-digits", digits=f"{digits:.3g}",
                                                               limit=MAX_DIGITS), span, "^")


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…({len(text)} digits)"


@dataclass
class Decl:
    """What a declaration (or an inference) says about one symbol."""

    key: str
    latex: str
    shape: tuple
    space: Space
    declared: bool = True
    elementwise: bool = False  # x_t \in S: the space of every entry; the shape comes from use


@dataclass
class FunctionDef:
    """An auxiliary function defined in the file: softmax(𝐳)_i = …, f(x, y) = …"""

    name: str
    params: list[str]  # symbol keys of the parameters
    body: ir.Node
    out_indices: list[str]  # letters of the head's subscript


class Sizes:
    """Union-find over size names; declared names win over inferred ones (n_z…)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.synthetic: set[str] = set()
        self.weak: set[str] = set()  # named after an array (n_f), not after an index (n_x)

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self._rank(rb) > self._rank(ra):
            ra, rb = rb, ra
        self.parent[rb] = ra

    def _rank(self, name: str) -> int:
        return 0 if name in self.weak else 1 if name in self.synthetic else 2

    def fresh(self, hint: str, weak: bool = False) -> str:
        name = hint
        k = 2
        while name in self.parent:
            name = f"{hint}{k}"
            k += 1
        self.parent[name] = name
        self.synthetic.add(name)
        if weak:
            self.weak.add(name)
        return name


def size_symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, **SIZE_ASSUMPTIONS)


def py_name(key: str) -> str:
    """The Python-facing name of a symbol key: 'hat:y' → 'y_hat', 'cal:L' → 'L',
    'p(cal:D|theta)' → 'p_D_given_theta'."""
    if "(" in key and key.endswith(")"):
        func, _, args = key[:-1].partition("(")
        given = [", ".join(py_name(a) for a in part.split(",")) for part in args.split("|")]
        return py_name(func) + "_" + "_given_".join(g.replace(", ", "_") for g in given)
    parts = key.split(":")
    base = parts[-1]
    accents = [p for p in parts[:-1] if p in ("hat", "tilde", "bar", "vec", "dot", "check")]
    base = base.replace("^", "_").replace("*", "_star").replace("'", "_prime")
    if "+" in base or "-" in base:  # x_{t+1} → x_next, x_{t-1} → x_prev (what code calls them)
        base = base.replace("+1", "_next").replace("-1", "_prev")
        base = base.replace("+", "_plus").replace("-", "_minus").replace("__", "_")
    return base + "".join(f"_{a}" for a in accents if a != "vec")


def latex_of(key: str) -> str:
    parts = key.split(":")
    base = parts[-1]
    greek = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "theta", "lambda", "mu",
             "sigma", "tau", "phi", "psi", "omega", "eta", "rho", "pi", "Delta", "ell", "xi", "nu",
             "Sigma", "Lambda", "Theta", "Phi", "Psi", "Omega", "Gamma"}
    head, _, sub = base.partition("_")
    text = ("\\" + head if head in greek else head) + (f"_{{{sub}}}" if sub else "")
    for p in reversed(parts[:-1]):
        text = {"cal": f"\\mathcal{{{text}}}", "bb": f"\\mathbb{{{text}}}"}.get(p, f"\\{p}{{{text}}}")
    return text


@dataclass
class ArrayUse:
    key: str
    dims: list[str]  # size names per axis (representatives are looked up through Sizes)
    latex: str


class OrderedSet(dict):
    """A set that remembers insertion order (the order symbols and definitions are met)."""

    def add(self, key) -> None:
        self[key] = None


@dataclass
class Context:
    decls: dict[str, Decl]
    functions: dict[str, FunctionDef]
    quantities: dict[str, Any]  # key → lowered SymPy expression of an auxiliary definition
    sizes: Sizes
    size_names: set[str]
    arrays: dict[str, ArrayUse] = field(default_factory=dict)
    scalars: dict[str, str] = field(default_factory=dict)  # key → latex, in order of appearance
    indices: dict[str, tuple[sympy.Symbol, Any, Any]] = field(default_factory=dict)
    free: dict[str, str | None] = field(default_factory=dict)  # free index → size name it spans
    bindings: dict[str, Any] = field(default_factory=dict)  # function parameters being inlined
    uses: OrderedSet = field(default_factory=OrderedSet)
    inlining: list[str] = field(default_factory=list)  # functions being defined or inlined now
    matrices: set[str] = field(default_factory=set)  # undeclared symbols that matrix products make matrices
    patterns: list = field(default_factory=list)  # (left IR, right IR) of := substitutions
    families: dict = field(default_factory=dict)  # head_i = …: key → (value with index i, i, i's size name)
    distributions: set[str] = field(default_factory=set)  # arrays used as distributions p(x)
    # where inputs' values live, as the equation's use says (Bernoulli(x | p): x ∈ {0, 1}), by Python name
    spaces: dict[str, Space] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # symbol keys in order of first appearance
    gradients: dict[str, str] = field(default_factory=dict)  # (f, x) as written → the input's key
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # input key → other parameter names
    readings: list[tuple[Phrase, ir.Span]] = field(default_factory=list)  # ambiguous notation: the reading taken
    upstream: str | None = None  # lhs ∂C/∂X: only ∂C/∂… may be given (a backward rule), not a chain rule
    alone: set[str] = field(default_factory=set)  # letters the equation also uses by themselves (not in TP)
    step_letters: set[str] = field(default_factory=set)  # t of 𝐅_t, 𝐂_{t-1}: a subscript other symbols carry
    role_labels: set[str] = field(default_factory=set)  # W^q, W^Q: superscripts that name a matrix
    head_distribution: Any = None  # P(θ | x) on the left: the call, when its letter names a distribution
    zero_based: set[str] = field(default_factory=set)  # arrays numbered from 0 in the file (β_0 … β_4)
    intercepts: set[str] = field(default_factory=set)  # θ of θ_0 + Σ_{j=1}^d θ_j x_j: θ_0 a number of its own
    vectors: set[str] = field(default_factory=set)  # undeclared small letters a transpose makes vectors (w^⊤x)
    data_vectors: set[str] = field(default_factory=set)  # y of Σ (y − ȳ)²: the data a sum without range runs over
    plain_identity: bool = False  # (X^⊤X + λI)^{-1}: a plain I added to a matrix is the identity
    transposed_items: set[str] = field(default_factory=set)  # θ_k^⊤x, w_j^⊤x_i: θ_k, x_i are items' vectors
    # functions the file does not define whose values may be given (applied.py): function → points; None: never
    value_points: dict[str, list[tuple[str, ...]]] | None = None
    given_values: dict[str, GivenValues] = field(default_factory=dict)  # input key → the values it stands for
    norm_depth: int = 0  # inside ‖…‖: given values there are vectors
    # w^{t+1} = w^t − …: the left side steps with a superscript, so w^t is the current value (key 'w^t')
    step_current: set[str] = field(default_factory=set)
    # x^{k} = x^{k-1} − …: the left side is a value at step k (its stem 'x', letter 'k', its LaTeX), so a bold
    # symbol or x itself with the superscript k, k−1, k−2, k+1 is a value at a step (a label), not a power
    step_label: tuple[str, str, str] | None = None
    head_params: set[str] = field(default_factory=set)  # F(x) = …: the left side's parameters (x)
    bare_keys: set[str] = field(default_factory=set)  # symbols the equation writes without a script (bare_keys)
    writes_words: bool = False  # the equation writes a word of four or more letters run together (stride)

    # -- symbols -------------------------------------------------------------------------
    def note(self, key: str) -> None:
        if key not in self.order:
            self.order.append(key)

    def array(self, key: str, ndim: int, latex: str, span: ir.Span) -> ArrayUse:
        use = self.arrays.get(key)
        if use is None:
            decl = self.decls.get(key)
            if decl is not None and decl.shape:
                dims = [self._dim_name(d) for d in decl.shape]
            else:
                dims = [self.sizes.fresh(f"n_{py_name(key)}" if i == 0 else f"n_{py_name(key)}_{i + 1}", weak=True)
                        for i in range(ndim)]
            use = self.arrays[key] = ArrayUse(key, dims, latex)
        if ndim and len(use.dims) != ndim:
            raise LoweringError("not-checkable", phrase("eq-indices-vs-dimensions", latex=latex, indices=ndim,
                                                        dimensions=len(use.dims)), span)
        self.note(key)
        return use

    def _dim_name(self, d: Any) -> str:
        if isinstance(d, int):
            name = str(d)
            self.sizes.find(name)
            return name
        for part in re.split(r"[*+-]", str(d)):  # h*d_v: a product of sizes; N+1
            if part and not part.isdigit():
                self.size_names.add(part)
                self.sizes.find(part)
        return str(d)

    def dim_symbol(self, d: str) -> Any:
        """The SymPy size of a dimension name: a size symbol, an integer, or a product."""
        if "+" in d or "-" in d:  # N+1
            name, sign, number = re.match(r"^(.*?)([+-])(\d+)$", d.replace(" ", "")).groups()  # type: ignore[union-attr]
            return self.dim_symbol(name) + (int(number) if sign == "+" else -int(number))
        if "*" in d:
            return sympy.Mul(*[self.dim_symbol(p) for p in d.split("*")])
        rep = self.sizes.find(d)
        return int(rep) if rep.isdigit() else size_symbol(rep)

    def is_array(self, key: str) -> bool:
        decl = self.decls.get(key)
        return key in self.arrays or (decl is not None and len(decl.shape) > 0)


# A cases row's "otherwise", as English, German and Japanese notes write it.
OTHERWISE = {"otherwise", "else", "if otherwise", "sonst", "それ以外", "それ以外の場合", "その他", "その他の場合",
             "上記以外", "上記以外の場合", "以外", "otherwise.", "o.w.", "それ以外のとき", "その他のとき",
             "上記以外のとき", "それ以外では"}


def _used_as_value(body: ir.Node, key: str) -> bool:
    """Is the variable `key` a value in `body` (x − μ), not only a position (a subscript x_i, w_{ij})
    or a point a function is given at (f(p; θ), F(p): the values per item, D13)?"""
    positions = {id(n) for s in body.walk() if isinstance(s, ir.Script) and s.sub is not None
                 for n in s.sub.walk()}
    positions |= {id(n) for c in body.walk() if isinstance(c, ir.Call) for a in c.args for n in a.walk()}
    return any(isinstance(n, ir.Ident) and n.key == key and id(n) not in positions for n in body.walk())


def _without_labels(body: ir.Node) -> ir.Node:
    """The body with sample labels dropped (x^{(i)} → x): a label is no value of i."""
    if isinstance(body, ir.Script) and isinstance(body.sup, ir.Group) and body.sup.bracket in ("(", "["):
        return ir.Script(_without_labels(body.base), body.sub, None, primes=body.primes, span=body.span)
    return ir.map_children(body, _without_labels)


def _named_set(node: ir.Node) -> bool:
    """`\\mathcal{V}`, `S`, and a subscripted calligraphic set `\\mathcal{B}_t` (the minibatch at step t)."""
    if isinstance(node, ir.Ident):
        return True
    return isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.base.style == "cal" \
        and node.sup is None and node.sub is not None


def _items_of_set(body: ir.Node, item: ir.Node, ctx: Context) -> Callable[[ir.Ident], ir.Node] | None:
    """Σ_{𝐱 ∈ 𝓑} 𝐱, Σ_{x ∈ S} x²: the letter names an item of the set and stands alone in the body
    (not as a subscript, as i does in Σ_{i ∈ 𝓑} x_i): a function that writes it as item k, x_k."""
    if not isinstance(item, ir.Ident) or item.key in ctx.decls or item.key in ctx.quantities:
        return None
    subscripts = {id(n.sub) for n in body.walk() if isinstance(n, ir.Script) and n.sub is not None}
    alone = [n for n in body.walk() if isinstance(n, ir.Ident) and n.key == item.key and id(n) not in subscripts]
    if not alone or (len(item.name) == 1 and item.name in "ijklmnt" and not item.style):
        return None
    arguments = {id(a) for n in body.walk() if isinstance(n, ir.Call) for a in n.args}
    if any(id(n) in arguments for n in alone):  # Σ_{p ∈ S} f(p; θ): a point a function is given at (D13)
        return None

    def at(index: ir.Ident) -> ir.Node:
        def rewrite(node: Any) -> Any:
            if isinstance(node, ir.Ident) and node.key == item.key and id(node) not in subscripts:
                return ir.Script(node, index, None, span=node.span)
            return ir.map_children(node, rewrite)
        return rewrite(body)
    return at


def _says_all_entries(sub: ir.Node) -> bool:
    """`\\sum_{\\text{all entries}}`: a range said in words, over every entry."""
    return isinstance(sub, ir.Text) and " ".join(sub.content.lower().split()) in (
        "all entries", "all elements", "every entry", "each entry", "all the entries", "all components")


def _value_letters(node: Any) -> list[ir.Ident]:
    """The one-letter Latin symbols of `node` used as values (not a function's name, a subscript or a label)."""
    if isinstance(node, ir.Ident):
        return [node] if len(node.name) == 1 and node.name.isascii() and node.name.isalpha() else []
    if isinstance(node, ir.Script):
        if node.sub is None and isinstance(node.base, ir.Ident):
            return _value_letters(node.base)
        return _value_letters(node.base) if node.sub is None else [ir.Ident("_", span=node.span)]
    if isinstance(node, ir.Call):
        return [ir.Ident("_", span=node.span)]  # a function applied: not read as data
    found: list[ir.Ident] = []

    def collect(child: Any) -> Any:
        found.extend(_value_letters(child))
        return child
    ir.map_children(node, collect)
    return found


def _data_letters(body: ir.Node, everything: bool) -> set[str]:
    """The letters a sum without a range runs over: those written with a bar (their mean: x and x̄) or
    with a hat beside themselves (y and ŷ) — every other one-letter symbol must be a mean; with
    `everything` (`\\sum_{\\text{all entries}}`) each one-letter symbol. Empty when that is not so."""
    letters = _value_letters(body)
    if any(n.name == "_" for n in letters):
        return set()
    plain = {(n.name, n.style) for n in letters if "bar" not in n.accents}
    if everything:
        return {n.name for n in letters if "bar" not in n.accents}
    barred = {(n.name, n.style) for n in letters if "bar" in n.accents}
    hatted = {(n.name, n.style) for n in letters if "hat" in n.accents and "bar" not in n.accents}
    bare = {(n.name, n.style) for n in letters if not n.accents}
    data = {key for key in plain if key in barred or (key in hatted and key in bare)}
    return {name for name, _ in data} if data and data == plain else set()


def _entries_of(node: Any, data: set[str], index: ir.Ident) -> Any:
    """`node` with each symbol of a letter in `data` (not barred: a mean stays a number) at entry `index`."""
    def entry(n: ir.Node) -> bool:
        return isinstance(n, ir.Ident) and n.name in data and "bar" not in n.accents
    if entry(node):
        return ir.Script(node, index, None, span=node.span)
    if isinstance(node, ir.Script) and node.sub is None and entry(node.base):
        return dataclasses.replace(node, sub=index)  # y^2, a^{(C)}: the entry, squared or labelled
    return ir.map_children(node, lambda child: _entries_of(child, data, index))


def _fresh_index(ctx: Context) -> str:
    return next(f"k{n}" for n in range(1, 99) if f"k{n}" not in ctx.indices and f"k{n}" not in ctx.decls)


def _set_size_name(node: ir.Node) -> str | None:
    """The size named after a calligraphic set, 𝓑 → n_B, 𝓑_t → n_B_t: how many items it has."""
    letter = node.base if isinstance(node, ir.Script) else node
    if not (_named_set(node) and isinstance(letter, ir.Ident) and letter.style == "cal"):
        return None
    key = symbol_key(node)
    return None if key is None else "n_" + py_name(key.replace("cal:", ""))


def _random_condition(cond: ir.Node) -> bool:
    """`\\text{with probability } p`, `\\text{確率 } p \\text{ で}`: a case drawn at random."""
    return any(isinstance(n, ir.Text) and ("probability" in n.content.lower() or "確率" in n.content)
               for n in cond.walk())


def _is_indicator(func: ir.Node, arg: ir.Node) -> bool:
    """`\\mathbb{1}`, `\\mathbf{1}`, `\\mathbb{I}` or `I` applied to a comparison: the indicator."""
    if isinstance(arg, ir.Group):
        arg = arg.body
    comparison = isinstance(arg, ir.Chain) and len(arg.rels) == 1 \
        and arg.rels[0] in ("eq", "neq", "lt", "gt", "le", "ge")
    if not comparison or not isinstance(func, ir.Ident):
        return False
    return (func.name == "1" and func.style in ("bb", "bf", "")) \
        or (func.name == "I" and func.style in ("bb", "", "rm"))


COMPARISONS = ("eq", "neq", "lt", "gt", "le", "ge")


_ACRONYM = r"[A-Z][A-Z0-9]{0,4}"
_ACRONYM_ARITHMETIC = re.compile(rf"\s*{_ACRONYM}(\s*[-+*/]\s*{_ACRONYM})+\s*")


def _acronym_arithmetic(node: ir.Text) -> ir.Node | None:
    """`\\text{TP + FP}`, `\\text{TP/P}`: short capital names (acronyms, as `\\text{TP}` alone is a name)
    joined by + − * / — that arithmetic of those names (* and / before + and −); prose, None."""
    raw = node.content
    if not _ACRONYM_ARITHMETIC.fullmatch(raw):
        return None
    start = max(node.span[0], node.span[1] - 1 - len(raw))  # the content ends before the closing brace
    atoms = [(m.group(), start + m.start()) for m in re.finditer(rf"{_ACRONYM}|[-+*/]", raw)]

    def name(k: int) -> ir.Ident:
        text, at = atoms[k]
        return ir.Ident(text, "text", span=(at, at + len(text)))

    terms: list[tuple[str, ir.Node]] = []
    sign, factors, ops = "+", list[ir.Node]([name(0)]), list[str | None]([None])
    for k in range(1, len(atoms), 2):
        op = atoms[k][0]
        if op in "*/":
            factors.append(name(k + 1))
            ops.append("cdot" if op == "*" else "slash")
            continue
        terms.append((sign, factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)))
        sign, factors, ops = op, [name(k + 1)], [None]
    terms.append((sign, factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)))
    return terms[0][1] if len(terms) == 1 else ir.Add(terms, span=node.span)


def _listed_range(sub: ir.Node | None) -> tuple[ir.Ident, ir.Node, ir.Node] | None:
    """`c \\in \\{1, \\ldots, C\\}` or `1 \\le i \\le N`: (index, first, last)."""
    if isinstance(sub, ir.Chain) and sub.rels == ["in"] and isinstance(sub.items[0], ir.Ident):
        items = sub.items[1]
        if isinstance(items, ir.Tuple) and items.bracket == "\\{" and len(items.items) == 3 \
                and isinstance(items.items[1], ir.Special) and items.items[1].name in ("ldots", "cdots", "dots",
                                                                                      "dotsc"):
            return sub.items[0], items.items[0], items.items[2]
        if isinstance(items, ir.Tuple) and items.bracket == "\\{" and _integer_run(items.items) is not None:
            return sub.items[0], items.items[0], items.items[-1]  # x \\in \\{0, 1\\}: each value listed
    if isinstance(sub, ir.Chain) and sub.rels == ["le", "le"] and isinstance(sub.items[1], ir.Ident):
        return sub.items[1], sub.items[0], sub.items[2]
    if isinstance(sub, ir.Tuple) and len(sub.items) == 3 and isinstance(sub.items[1], ir.Special) \
            and sub.items[1].name in ("ldots", "cdots", "dots", "dotsc"):
        first = sub.items[0]  # \max_{c = 0, \ldots, C-1}: c runs from 0 to C − 1
        if isinstance(first, ir.Chain) and first.rels == ["eq"] and isinstance(first.items[0], ir.Ident) \
                and len(first.items) == 2:
            return first.items[0], first.items[1], sub.items[2]
    if isinstance(sub, ir.Tuple) and sub.items and isinstance(first := sub.items[0], ir.Chain) \
            and first.rels == ["eq"] and isinstance(first.items[0], ir.Ident) \
            and _integer_run([first.items[1], *sub.items[1:]]) is not None:  # h = 0, 1: the values h takes
        return first.items[0], first.items[1], sub.items[-1]
    return None


def _range_reason(sub: ir.Node | None) -> str | None:
    """Why a range that names no index interval is no computation on the inputs, if it is not
    (the key of the phrase that says so)."""
    if isinstance(sub, ir.Tuple) and all(symbol_key(i) is not None for i in sub.items):
        return "eq-range-several-variables"
    if isinstance(sub, ir.Tuple) and isinstance(sub.items[-1], ir.Chain) and sub.items[-1].rels == ["in"] \
            and all(symbol_key(i) is not None for i in sub.items[:-1]):
        return "eq-range-set"  # \sum_{u,i \in S}: pairs from a set the file does not give
    if isinstance(sub, ir.Chain) and len(sub.rels) >= 2 and sub.rels[0] in (":", "colon", "mid"):
        return "eq-range-set"  # \sum_{i : z_i = j}: the items that satisfy a condition
    if isinstance(sub, ir.Chain) and len(sub.rels) >= 2 and sub.rels[0] == "in":
        return "eq-range-set"  # \sum_{(x, y) \in D \mid r(x) = T}: the items of a set that satisfy a condition
    if isinstance(sub, ir.Product) and any(isinstance(f, ir.Text) for f in sub.factors):
        return "eq-range-condition"  # \sum_{\text{all possible } x}: a range said in words
    if not isinstance(sub, ir.Chain) or len(sub.rels) != 1:
        return None
    rel = sub.rels[0]
    if rel in ("lt", "gt", "le", "ge"):
        return "eq-range-condition"  # \max_{\lambda \geq 0} (an optimisation), \sum_{\theta < y_i} (a filter)
    if rel == "in":
        return "eq-range-set"
    if rel == "sim":
        return "eq-range-samples"
    if rel in ("to", "leftarrow"):
        return "eq-range-graph"
    return None


class Lowerer:
    """Lowers the IR of one definition's right side (or head) in a Context."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.entry: tuple[Any, Any] | None = None  # cases on vectors: (the entry index, the length)
        self.position_compared = False  # k = \\argmin_j …: the position is compared with an index of its range

    # -- entry ---------------------------------------------------------------------------
    def expr(self, node: ir.Node) -> Any:
        for lhs, rhs in self.ctx.patterns:  # IR nodes compare by structure, not by position
            if node == lhs:
                return self.expr(rhs)
        applied = self._derivative_applied(node)
        if applied is not None:
            return self._product(applied)
        method = getattr(self, "_" + type(node).__name__.lower(), None)
        if method is None:
            raise LoweringError("not-checkable", phrase("eq-no-value", what=type(node).__name__.lower()),
                                node.span, type(node).__name__)
        return method(node)

    def _primed_bracket(self, node: ir.Script) -> Any:
        """`(x^3)' = 3x^2`, `(\\tanh x)' = 1 - \\tanh^2 x`: a prime after a bracket is the derivative of
        what it holds, by its one variable (said), as school mathematics writes it. Not checkable when
        the bracket holds several variables (by which?) or none."""
        value = self.expr(node.base)
        free = sorted(getattr(value, "free_symbols", set()), key=str)
        if isinstance(value, MatrixExpr) or len(free) != 1 or not isinstance(free[0], sympy.Symbol) \
                or free[0] in {i[0] for i in self.ctx.indices.values()}:
            raise LoweringError("not-checkable", phrase("eq-prime-of-bracket"), node.span, "'")
        self.ctx.readings.append((phrase("read-prime-of-bracket", var=str(free[0])), node.span))
        return sympy.diff(value, free[0], node.primes)

    def _derivative_applied(self, node: ir.Node) -> ir.Product | None:
        """`\\frac{d}{dx}(x^2 + 3x)`, `\\frac{\\partial}{\\partial w}(y - wx)^2`, `\\frac{d}{dx}(x+1)(x+2)`: the
        parser reads the operator as applied to the bracket after it; it differentiates the whole term
        that follows (the power and the factors after the bracket too: said). None for anything else."""
        if isinstance(node, ir.Product):
            factors: list[ir.Node] = []
            ops: list[str | None] = []
            for k, factor in enumerate(node.factors):
                split = _operator_call(factor)
                if split is None or any(_operator_call(f) for f in node.factors[k + 1:]):
                    factors.append(factor)
                    ops.append(node.ops[k])
                    continue
                if k + 1 < len(node.factors):
                    self.ctx.readings.append((phrase("read-derivative-extent"), split[0].span))
                factors.extend(split)
                ops.extend([node.ops[k], None])
            return ir.Product(factors, ops, span=node.span) if len(factors) > len(node.factors) else None
        split = _operator_call(node)
        if split is None:
            return None
        if not isinstance(split[1], ir.Group):
            self.ctx.readings.append((phrase("read-derivative-extent"), split[0].span))
        return ir.Product(list(split), [None, None], span=node.span)

    # -- atoms ---------------------------------------------------------------------------
    def _num(self, node: ir.Num) -> Any:
        return sympy.Rational(node.text) if "." in node.text else sympy.Integer(node.text)

    def _group(self, node: ir.Group) -> Any:
        if node.bracket == "<":  # ⟨X̂⟩: an average over a distribution or a sample the file does not give
            raise LoweringError("not-checkable", phrase("eq-angle-average"), node.span, "\\langle")
        return self.expr(node.body)

    def _annotated(self, node: ir.Annotated) -> Any:
        return self.expr(node.body)

    def _notation(self, node: ir.Notation) -> Any:
        raise LoweringError("not-checkable", phrase(f"eq-notation-{node.what}"), node.span)

    def _text(self, node: ir.Text) -> Any:
        arithmetic = _acronym_arithmetic(node)
        if arithmetic is not None:  # \\text{TP + FP}: the sum of the counts TP and FP (said)
            self.ctx.readings.append((phrase("read-text-arithmetic", text=node.content.strip()), node.span))
            return self.expr(arithmetic)
        raise LoweringError("not-checkable", phrase("eq-prose-no-value", text=node.content.strip()), node.span)

    def _special(self, node: ir.Special) -> Any:
        if node.name == "infty":
            return sympy.oo
        if node.name == "nabla":
            raise LoweringError("not-checkable", phrase("eq-gradient-needs-expression"), node.span)
        if node.name in ("ldots", "cdots", "dots", "vdots", "ddots", "dotsc", "dotsb"):
            raise LoweringError("not-checkable", phrase("eq-ellipsis", command="\\" + node.name), node.span,
                                node.name)
        if node.name == "partial":
            raise LoweringError("not-checkable", phrase("eq-derivative-of-undefined"),
                                node.span, node.name)
        raise LoweringError("not-checkable", phrase("eq-command-no-value", command="\\" + node.name), node.span,
                            node.name)

    def _setbuilder(self, node: ir.SetBuilder) -> Any:
        raise LoweringError("not-checkable", phrase("eq-set-no-value"), node.span)

    def _ident(self, node: ir.Ident) -> Any:
        if node.style == "bf" and node.name in ("1", "0"):  # the ones / zeros vector
            n = size_symbol(self.ctx.sizes.fresh("n_1"))
            return sympy.OneMatrix(n, 1) if node.name == "1" else sympy.ZeroMatrix(n, 1)
        if node.name == "I" and (node.style == "bf" or (self.ctx.plain_identity and not node.style)) \
                and "I" not in self.ctx.decls and "I" not in self.ctx.bindings and "I" not in self.ctx.quantities:
            self.ctx.readings.append((phrase("read-identity-matrix"), node.span))
            return sympy.Identity(size_symbol(self.ctx.sizes.fresh("n_I")))
        if node.style == "macro":
            self.ctx.readings.append((phrase("read-bold-name", command="\\" + node.name, name=node.name,
                                             bold=f"\\mathbf{{{node.name[-1]}}}"), node.span))
        if node.style == "words" and (said := (phrase("read-words-quantity", words=node.name.replace("_", " "),
                                                       name=node.name), node.span)) not in self.ctx.readings:
            self.ctx.readings.append(said)
        return self.symbol(node.key, node, bare=True)

    def symbol(self, key: str, node: ir.Node, bare: bool) -> Any:
        ctx = self.ctx
        if key in ctx.bindings:
            return ctx.bindings[key]
        if key in ctx.indices:
            return ctx.indices[key][0]
        if key in ctx.quantities:
            ctx.uses.add(key)
            return ctx.quantities[key]
        if f"{key}^2" in ctx.quantities and key not in ctx.decls:
            # σ̂ with σ̂² = (1/n) Σ (x_i − μ̂)² + ε defined: its square root (a batch norm's divisor), said
            ctx.uses.add(f"{key}^2")
            if (phrase("read-root-of-square", name=latex_of(key)), node.span) not in ctx.readings:
                ctx.readings.append((phrase("read-root-of-square", name=latex_of(key)), node.span))
            return self._elementwise(sympy.sqrt, ctx.quantities[f"{key}^2"])
        if key == "pi":
            return sympy.pi
        if key in OPERATOR_LETTERS:  # 𝔼, ℙ, 𝕍 are operators, never an input named E
            raise LoweringError("not-checkable", phrase("eq-operator-without-brackets", op=key[3:]), node.span)
        if key in ctx.size_names or ctx.sizes.find(key) in ctx.size_names:
            return size_symbol(ctx.sizes.find(key))
        if key in ctx.functions and key not in ctx.inlining:
            raise LoweringError("not-checkable", phrase("eq-function-without-arguments", function=latex_of(key)),
                                node.span)
        mean = self._mean_of(key, node)
        if mean is not None:
            return mean
        if key in ctx.matrices and not ctx.is_array(key):
            ctx.array(key, 2, latex_of(key), node.span)
        if key in ctx.vectors and not ctx.is_array(key) and key not in ctx.scalars:
            ctx.array(key, 1, latex_of(key), node.span)
        base = node.base if isinstance(node, ir.Script) else node  # 𝐮_o: bold, a vector, with its name's subscript
        if ctx.is_array(key) or (isinstance(base, ir.Ident) and (base.style in ("bf", "macro") or any(
                a in ("vec", "overrightarrow") for a in base.accents))):  # 𝐱, \\vec{x}: a vector
            use = ctx.array(key, 0 if key in ctx.arrays or key in ctx.decls else 1, latex_of(key), node.span)
            dims = [ctx.dim_symbol(d) for d in use.dims]
            if len(dims) == 1:
                dims.append(1)
            if len(dims) != 2:
                raise LoweringError("unsupported-notation", phrase("eq-too-many-dimensions", latex=latex_of(key),
                                                                   dimensions=len(dims)), node.span)
            return sympy.MatrixSymbol(py_name(key), *dims)
        decl = ctx.decls.get(key)
        ctx.scalars.setdefault(key, decl.latex if decl else latex_of(key))
        ctx.note(key)
        positive = decl is not None and decl.space.kind in ("positive", "size")
        return sympy.Symbol(py_name(key), real=True, **({"positive": True} if positive else {}))

    def _stepped(self, node: ir.Script) -> Any:
        """w^{t+1} = w^t − α^t ∇L(w^t): the left side steps with a superscript, so w^t is w at step t
        (the value the step starts from), never w to the power t; another letter to the power t
        (α^t) stays a power, and that is said too."""
        ctx, current = self.ctx, symbol_key(node)
        letter = next(iter(ctx.step_current)).rpartition("^")[2]
        said = {(p.phrase, p.params.get("latex")) for p, _ in ctx.readings}
        if current in ctx.step_current:
            if ("read-step-superscript", latex_of(current)) not in said:
                ctx.readings.append((phrase("read-step-superscript", latex=latex_of(current), letter=letter),
                                     node.span))
            return self.symbol(current, node, bare=True)
        if key_text(node.sup) == letter and node.sub is None and ("read-power-beside-step", latex_of(current or "")) \
                not in said:
            ctx.readings.append((phrase("read-power-beside-step", latex=latex_of(current or ""), letter=letter),
                                 node.span))
        return None

    def _step_label(self, node: ir.Script) -> Any:
        """x^{k} = x^{k-1} − α ∇g(x^{k-1}), 𝐰^{k} = 𝐰^{k-1} + α 𝐝^{k-1}: the left side is the value at step k and
        its right side uses x at an earlier step, so the superscripts k, k−1, k−2, k+1 of x and of bold
        symbols are steps (labels: inputs named for their step), never powers — said. Another plain letter
        with such a superscript (β^{k}, γ^{k-1}) stays a power, and that is said too."""
        ctx = self.ctx
        stem, letter, head = ctx.step_label  # type: ignore[misc]
        step = key_text(node.sup) or ""
        if not isinstance(node.base, ir.Ident) or re.fullmatch(rf"{letter}(?:[+-][12])?", step) is None:
            return None
        said = {(p.phrase, p.params.get("latex")) for p, _ in ctx.readings}
        latex = latex_of(symbol_key(node) or "")
        own = symbol_key(ir.Script(node.base, node.sub, None, span=node.span)) if node.sub is not None else None
        if node.base.key == stem or own == stem or node.base.style == "bf":  # w^{k-1}, w_j^{k-1}, 𝐝^{k-1}
            if ("read-step-label", latex) not in said:
                ctx.readings.append((phrase("read-step-label", latex=latex, head=head, letter=letter, step=step),
                                     node.span))
            base = node.base
            label = ir.Ident(f"{base.name}^{step}", style=base.style, accents=base.accents, span=base.span)
            return self._script(ir.Script(label, node.sub, None, span=node.span))
        if ("read-power-beside-step-label", latex) not in said:
            ctx.readings.append((phrase("read-power-beside-step-label", latex=latex, head=head, letter=letter,
                                        step=step), node.span))
        return None

    def _mean_of(self, key: str, node: ir.Node) -> Any:
        """μ_y or ȳ, undeclared, of a declared vector y: its mean (reported)."""
        ctx = self.ctx
        if key in ctx.decls or key in ctx.arrays or key in ctx.scalars:
            return None
        if key.startswith("mu_"):
            of = key[3:]
        elif "bar" in key.split(":")[:-1]:  # ȳ; \bar{\hat{y}} (key hat:bar:y) of the data ŷ
            parts = key.split(":")
            parts.remove("bar")
            of = ":".join(parts)
            if ":" in of and of not in ctx.data_vectors:
                return None
        else:
            return None
        decl = ctx.decls.get(of)
        if (decl is None or len(decl.shape) != 1) and of not in ctx.data_vectors:
            return None  # ȳ beside Σ (y − ȳ)²: the mean of the data y
        use = ctx.array(of, 1, latex_of(of), node.span)
        n = ctx.dim_symbol(use.dims[0])
        i = sympy.Symbol("_m", **INDEX_ASSUMPTIONS)
        said = "read-mean-of-vector" if decl is not None else "read-mean-of-data"
        ctx.readings.append((phrase(said, latex=latex_of(key), vector=latex_of(of)), node.span))
        return sympy.Sum(sympy.IndexedBase(py_name(of))[i], (i, 1, n)) / n

    # -- scripts -------------------------------------------------------------------------
    def _script(self, node: ir.Script) -> Any:
        if isinstance(node.base, ir.Ident) and node.base.key in OPERATOR_LETTERS:
            raise LoweringError("not-checkable", phrase("eq-operator-without-brackets", op=node.base.name), node.span)
        if node.sup is None and node.sub is not None and _is_indicator(node.base, node.sub):  # \mathbb{1}_{y_i = k}
            return self._indicator(node.sub)
        if node.primes and isinstance(node.base, ir.Call) and node.sub is None and node.sup is None \
                and node.base.bracket == "(" and len(node.base.args) == 1 and _literal_number(node.base.func):
            call = node.base  # \\frac12 (x^3)': the parser applied ½ to the bracket; the prime is the bracket's
            bracket = ir.Group(call.args[0], "(", span=(call.func.span[1], call.span[1]))
            primed = ir.Script(bracket, None, None, node.primes, span=(bracket.span[0], node.span[1]))
            return self.expr(ir.Product([call.func, primed], [None, None], span=node.span))
        if node.primes and isinstance(node.base, ir.Group) and node.sub is None and node.sup is None:
            return self._primed_bracket(node)
        if node.primes:
            return self.expr(self._primed_name(node))
        base = node.base
        grouped = _brace_group(base)
        if grouped is not None:  # \{(g(x_i) - y_i)\}^2: braces as the outer bracket
            self.ctx.readings.append((phrase("read-braces-as-brackets"), base.span))
            return self.expr(dataclasses.replace(node, base=grouped))
        if isinstance(base, (ir.Tuple, ir.SetBuilder)):
            raise LoweringError("not-checkable", phrase("eq-set-no-value"), node.span)
        if isinstance(base, ir.Special) and base.name == "nabla":
            raise LoweringError("not-checkable", phrase("eq-gradient-needs-expression"), node.span)
        size = _identity_size(node)
        if size is not None and size in self.ctx.step_letters:
            self.ctx.readings.append((phrase("read-bold-I-labelled", index=size), node.span))
            size = None  # 𝐈_t beside 𝐅_t, 𝐂_{t-1}: the input gate at step t, not the identity of size t
        if size is not None and "I" not in self.ctx.decls and "I" not in self.ctx.bindings:
            self.ctx.readings.append((phrase("read-identity-matrix"), node.span))  # 𝐈_{N×N}, 𝐈_N
            self.ctx.size_names.add(size)
            return sympy.Identity(size_symbol(size))
        if isinstance(base, ir.Annotated):
            base = base.body
        if node.sup is not None and self.ctx.step_label is not None:
            labelled = self._step_label(node)
            if labelled is not None:
                return labelled
        if node.sup is not None and self.ctx.step_current:
            stepped = self._stepped(node)
            if stepped is not None:
                return stepped
        key = self._base_key(base)
        sample = self._sample_entry(key, node)
        if sample is not None:
            return sample
        if key is not None and isinstance(node.sup, ir.Tuple) and node.sup.bracket == "(":
            listed = self._label_list(key, node)
            if listed is not None:
                return listed
        if key is not None and node.sup is not None and (key_text(node.sup) or "").startswith("("):
            key = f"{key}^{key_text(node.sup)}"  # W_{ij}^{(l)}: entry ij of the layer-l matrix
            style = base.style if isinstance(base, ir.Ident) and base.style == "bf" else ""  # 𝐱^{(i)}: a vector
            node = ir.Script(ir.Ident(key, style, span=base.span), node.sub, None, span=node.span)
            if node.sub is None:
                return self.symbol(key, node, bare=True)
        if key is not None and node.sup is not None and node.sub is not None and self._is_index_sub(node.sub):
            named_sup = self._named_sup(key, node.sup)  # p^{t}_i: entry i of the vector p^t
            if named_sup is not None:
                return self._entry(named_sup, node.sub, node)
        if key is not None and node.sub is not None and key in self.ctx.quantities and self._is_index_sub(node.sub):
            return self._entry(key, node.sub, node)  # h_k of 𝐡 = W𝐱
        if key is not None and node.sub is not None and key in self.ctx.families and self._is_index_sub(node.sub) \
                and not isinstance(node.sub, ir.Tuple):
            value = self._family_member(key, node.sub)  # β_{k'} of β_k = Σ^{-1}μ_k: that member, a vector
            return self._superscript(value, node.sup, node, None) if node.sup is not None else value
        if key is not None and node.sub is not None:
            split = self._declared_prefix(key, node.sub)
            if split is not None:  # x_{nk} with x_n declared, z_{t-1,j} with z_{t-1}: entry k of x_n
                value = self._indexed(split[0], split[1], node)
                return self._superscript(value, node.sup, node, None) if node.sup is not None else value
            named = self._named_sub(key, node.sub)
            if named is None and isinstance(node.sub, ir.Script) and symbol_key(node.sub) is not None \
                    and not self._is_index_sub(node.sub) and key not in self.ctx.arrays:
                # n_{H_{prev}}: one name, never n indexed by H_prev — but 𝐰_{y_p} beside the rows 𝐰_c is the
                # row an entry of y chooses, not another input (it had been, silently): not read as a name
                named = f"{key}_{symbol_key(node.sub)}"
            if named is not None and self._intercept(key, node):
                value = self.symbol(named, node, bare=True)  # θ^⊤x + θ_0: θ_0 is the intercept, a number
                return self._superscript(value, node.sup, node, named) if node.sup is not None else value
            if named is not None and (named in self.ctx.decls or named in self.ctx.quantities
                                      or named in self.ctx.size_names or not self._is_index_sub(node.sub)):
                labelled = self._named_sup(named, node.sup) if node.sup is not None else None
                if labelled is not None and not labelled.startswith(f"{named}^("):  # e_{w1B}^{corrected}
                    return self.symbol(labelled, node, bare=True)
                value = self.symbol(named, node, bare=True)
                return self._superscript(value, node.sup, node, named) if node.sup is not None else value
            value = self._indexed(key, node.sub, node)
            return self._superscript(value, node.sup, node, None) if node.sup is not None else value
        if isinstance(base, ir.Call) and not self._is_application(base):  # y_i (1 - ŷ_i)^γ
            group = ir.Script(ir.Group(base.args[0], span=base.span), node.sub, node.sup, span=node.span)
            return self._times(self.expr(base.func), self.expr(group), node)
        if isinstance(base, ir.Norm):  # ‖𝐯‖_2
            return self._superscript(self._norm(base, node.sub), node.sup, node, None) if node.sup is not None \
                else self._norm(base, node.sub)
        if node.sub is not None:
            if isinstance(base, ir.Call):  # softmax(z)_i
                value = self._call(base, out_index=node.sub)
                return self._superscript(value, node.sup, node, None) if node.sup is not None else value
            if isinstance(base, ir.Group) and base.bracket in ("[", "(") and node.sup is None \
                    and isinstance(node.sub, ir.Ident) and node.sub.name == "plus":  # [d⁺ − d⁻ + α]_+
                self.ctx.readings.append((phrase("read-positive-part"), node.span))
                return self._elementwise(lambda u: sympy.Max(u, 0), self.expr(base.body))
            if isinstance(base, ir.Group) and self._is_index_sub(node.sub):  # (W𝐱)_i
                value = self.expr(base)
                if isinstance(value, MatrixExpr):
                    value = self._index_matrix(value, node.sub, node)
                    return self._superscript(value, node.sup, node, None) if node.sup is not None else value
            raise LoweringError("unsupported-notation", phrase("eq-subscript-on-expression"), node.span, "_")
        if key is not None and node.sup is not None:
            named = self._named_sup(key, node.sup)
            if named is not None:
                return self.symbol(named, node, bare=True)
            if key == "e" and "e" not in self.ctx.decls and "e" not in self.ctx.indices:
                return self._elementwise(sympy.exp, self.expr(node.sup))
        value = self.expr(base)
        if node.sup is None:  # neither a subscript nor a superscript is left: the base itself
            return value
        return self._superscript(value, node.sup, node, key)

    def _declared_prefix(self, key: str, sub: ir.Node) -> tuple[str, ir.Node] | None:
        """The declared array a subscript starts by naming, and the indices after it."""
        if isinstance(sub, ir.Tuple) and len(sub.items) >= 2:
            head, rest = sub.items[0], sub.items[1:]
        elif isinstance(sub, ir.Product) and len(sub.factors) >= 2 and all(op is None for op in sub.ops[1:]):
            head, rest = sub.factors[0], sub.factors[1:]
        else:
            return None
        text = key_text(head)
        named = f"{key}_{text}" if text is not None else None
        decl = self.ctx.decls.get(named) if named else None
        if decl is None or len(decl.shape) != len(rest) or f"{key}_{key_text(sub)}" in self.ctx.decls:
            return None
        if not all(isinstance(r, ir.Ident) and r.key in self.ctx.indices for r in rest):
            return None
        return named, (rest[0] if len(rest) == 1 else ir.Tuple(rest, "{", span=sub.span))  # type: ignore[return-value]

    def _sample_entry(self, key: str | None, node: ir.Script) -> Any:
        """y^{(i)} under Σ_i with y a declared vector: its entry i (the i-th sample), reported."""
        sup = node.sup
        if key is not None and isinstance(sup, ir.Product) and len(sup.factors) == 2 \
                and isinstance(sup.factors[0], ir.Group) and sup.factors[0].bracket in ("[", "(") \
                and key_text(sup.factors[0]) is not None:
            # a^{[2](i)}: sample i of the layer-2 value a^{[2]}
            key = f"{key}^{key_text(sup.factors[0])}"
            sup = sup.factors[1]
            node = ir.Script(ir.Ident(key, span=node.base.span), None, sup, span=node.span)
        if key is not None and node.sub is not None and isinstance(sup, ir.Group) and sup.bracket == "(" \
                and isinstance(sup.body, ir.Ident):
            return self._sample_item_entry(key, sup.body, node)
        if key is None or node.sub is not None or not (isinstance(sup, ir.Group) and sup.bracket == "("
                                                       and isinstance(sup.body, ir.Ident)):
            return None
        decl = self.ctx.decls.get(key)
        named = f"{key}^({sup.body.name})"
        if sup.body.key not in self.ctx.indices or named in self.ctx.decls or named in self.ctx.bindings:
            return None  # declared as a value of its own, or a parameter of a function being inlined
        if decl is None:  # y written alone too: y^{(i)} keeps its label
            return None if key in self.ctx.bare_keys else self._sample_item(key, sup.body, node)
        if len(decl.shape) != 1:
            return None
        else:
            reading = phrase("read-sample-entry", latex=latex_of(key))
        if all(r != reading for r, _ in self.ctx.readings):
            self.ctx.readings.append((reading, node.span))
        return self._indexed(key, sup.body, node)

    def _softmax_vector(self, node: ir.Call) -> None:
        """softmax(z), softmax(z^{(i)}) with z nothing declared, defined or used yet: a vector —
        softmax normalises over entries, of a number it is 1 (said)."""
        ctx = self.ctx
        arg = node.args[0] if len(node.args) == 1 else None
        if isinstance(arg, ir.Group) and arg.bracket == "(":
            arg = arg.body
        key = symbol_key(arg) if isinstance(arg, (ir.Ident, ir.Script)) else None
        if key is None or any(key in k for k in (ctx.decls, ctx.quantities, ctx.bindings, ctx.indices, ctx.arrays,
                                                 ctx.scalars, ctx.functions)) or key in ctx.size_names:
            return
        ctx.vectors.add(key)
        ctx.readings.append((phrase("read-softmax-vector", latex=latex_of(key)), arg.span))  # type: ignore[union-attr]

    def _intercept(self, key: str, node: ir.Script) -> bool:
        """θ_0 beside θ^⊤x (θ undeclared, a vector by its transpose) or beside Σ_{j=1}^d θ_j x_j: the
        intercept, a number of its own — never entry 0 of the θ that θ^⊤x dots with x, nor the entry
        θ_1 of the sum (said)."""
        ctx = self.ctx
        beside = key in ctx.vectors or (key in ctx.intercepts and isinstance(node.sub, ir.Num) and node.sub.text == "0")
        if not (isinstance(node.sub, ir.Num) and beside and key not in ctx.decls
                and key not in ctx.quantities and f"{key}_{node.sub.text}" not in ctx.decls):
            return False
        reading = phrase("read-intercept-beside-vector", latex=latex_of(key), number=node.sub.text)
        if all(r != reading for r, _ in ctx.readings):
            ctx.readings.append((reading, node.span))
        return True

    def _sample_item(self, key: str, index: ir.Ident, node: ir.Script) -> Any:
        """y^{(i)}, 𝐱^{(i)}, θ^⊤x^{(i)} under Σ_i with nothing declared: item i of y (the entry y[i]) or, for a
        vector (bold, or transposed or dotted with a transposed vector), row i of an array x (items × entries)
        — never one value the same for every i (said). Capitals (layers W^{(l)}) and names the file
        defines keep their reading."""
        ctx, base = self.ctx, node.base
        labelled = f"{key}^({index.name})"
        letter = base.name.split("^")[0] if isinstance(base, ir.Ident) else ""  # a^{[2](i)}: the letter a
        if not (isinstance(base, ir.Ident) and base.style in ("", "bf") and (
                (len(letter) == 1 and letter.islower()) or letter in SMALL_GREEK)):
            return None
        if any(k in ctx.quantities or k in ctx.functions or k in ctx.bindings or k in ctx.matrices
               for k in (key, labelled)) or key in ctx.indices or key in ctx.size_names:
            return None
        vector = base.style == "bf" or labelled in ctx.vectors or key in ctx.vectors
        use = ctx.arrays.get(key)
        if use is not None and len(use.dims) != (2 if vector else 1):
            return None
        said = "read-sample-item-row" if vector else "read-sample-item"
        reading = phrase(said, latex=latex_of(key), index=index.name)
        if all(r != reading for r, _ in ctx.readings):
            ctx.readings.append((reading, node.span))
        return self._row(key, [index], node) if vector else self._indexed(key, index, node)

    def _label_list(self, key: str, node: ir.Script) -> Any:
        """𝐰^{0,1}, α^{⟨t,t'⟩}: a list of labels (said). A last item that is a sum's index (α^{⟨t,t'⟩} under
        Σ_{t'}) is an entry of the vector labelled by the others; an index elsewhere is not read."""
        sup = node.sup
        assert isinstance(sup, ir.Tuple)
        bound = [k for k, item in enumerate(sup.items) if isinstance(item, ir.Ident) and item.key in self.ctx.indices]
        if not bound:
            self.ctx.readings.append((phrase("read-label-list", latex=latex_of(key)), sup.span))
            return None  # the label, as ^{(l)}
        if bound != [len(sup.items) - 1] or node.sub is not None:
            raise LoweringError("not-checkable", phrase("eq-tuple-or-set-no-value"), sup.span)
        rest = sup.items[:-1]
        label = ir.Group(rest[0], "(", span=sup.span) if len(rest) == 1 else ir.Tuple(rest, "(", span=sup.span)
        self.ctx.readings.append((phrase("read-label-list-index", latex=latex_of(key),
                                         index=sup.items[-1].name), sup.span))  # type: ignore[attr-defined]
        return self._indexed(f"{key}^{key_text(label)}", sup.items[-1], node)

    def _sample_item_entry(self, key: str, index: ir.Ident, node: ir.Script) -> Any:
        """z^{(i)}_j, x_j^{(i)} under Σ_i, nothing declared: entry j of item i, z[i, j] of an array (items ×
        entries), said — it had been entry j of one vector z^{(i)}, the same for every i."""
        ctx, base, sub = self.ctx, node.base, node.sub
        labelled = f"{key}^({index.name})"
        if index.key not in ctx.indices or not ((isinstance(sub, ir.Ident) and len(sub.name) == 1)
                                                or (isinstance(sub, ir.Num) and sub.text.isdigit())) \
                or not (isinstance(base, ir.Ident) and base.style in ("", "bf")
                        and ((len(key) == 1 and key.islower()) or key in SMALL_GREEK)):
            return None
        if any(k in ctx.decls or k in ctx.quantities or k in ctx.functions or k in ctx.bindings
               or k in ctx.matrices or k in ctx.bare_keys for k in (key, labelled)) \
                or key in ctx.indices or key in ctx.size_names or symbol_key(sub) == index.key:
            return None
        use = ctx.arrays.get(key)
        if use is not None and len(use.dims) != 2:
            return None
        entry = sub.name if isinstance(sub, ir.Ident) else sub.text
        reading = phrase("read-sample-item-entry", latex=latex_of(key), index=index.name, entry=entry)
        if all(r != reading for r, _ in ctx.readings):
            ctx.readings.append((reading, node.span))
        return self._indexed(key, ir.Tuple([index, sub], "{", span=node.span), node)

    def _entry(self, key: str, sub: ir.Node, node: ir.Node) -> Any:
        """Entry `sub` of a symbol: of a vector-valued auxiliary definition, or of an array."""
        if key in self.ctx.quantities:
            value = self.ctx.quantities[key]
            self.ctx.uses.add(key)
            if not isinstance(value, MatrixExpr):
                raise LoweringError("not-checkable", phrase("eq-scalar-no-entries", latex=latex_of(key)), node.span)
            return self._index_matrix(value, sub, node)
        return self._indexed(key, sub, node)

    def _is_application(self, node: ir.Call) -> bool:
        """Is `name(…)` a function applied (not a product)?"""
        name = self._func_name(node.func)
        if name is not None and (name in self.ctx.functions or name in BUILTIN_FUNCTIONS):
            return True
        if _is_expectation(node.func) or (isinstance(node.func, ir.Ident) and self._indexes_support(node)):
            return True
        return self._looks_like_function(node.func, node.args)

    def _base_key(self, base: ir.Node) -> str | None:
        return base.key if isinstance(base, ir.Ident) else None

    def _named_sub(self, key: str, sub: ir.Node) -> str | None:
        text = key_text(sub)
        return None if text is None else f"{key}_{text}"

    def _named_sup(self, key: str, sup: ir.Node) -> str | None:
        text = key_text(sup)
        if text is None:
            return None
        if text.startswith("("):
            return f"{key}^{text}"  # samples x^{(i)} and layers W^{(l)} name a symbol
        named = f"{key}^{text}"
        if named in self.ctx.decls or named in self.ctx.quantities or named in self.ctx.role_labels:
            return named
        if text in ("*", "'"):
            return named
        if text == "ell" and "ell" not in self.ctx.indices and "ell" not in self.ctx.decls:
            # w_j^\ell, h^\ell: ℓ above a symbol is the layer it belongs to (as ^{(\ell)} writes it), never a
            # power by an input ℓ — unless a sum runs over ℓ (Σ_ℓ a_ℓ x^ℓ)
            reading = phrase("read-ell-label", latex=latex_of(key))
            if all(r != reading for r, _ in self.ctx.readings):
                self.ctx.readings.append((reading, sup.span))
            return named
        if key != "e" and len(text) >= 3 and text.isascii() and text.isalpha() and text.islower() \
                and isinstance(sup, ir.Product) and _adjacent_small_word(sup.factors) \
                and not any(letter in self.ctx.indices or letter in self.ctx.decls for letter in text):
            # e_{w1B}^{corrected}, J^{old}, W^{enc}: a word written as the superscript labels the symbol
            self.ctx.readings.append((phrase("read-word-label", word=text, latex=latex_of(key)), sup.span))
            return named
        return None

    def _is_index_sub(self, sub: ir.Node) -> bool:
        """Does this subscript name positions (indices in scope, numbers), not a name part?"""
        if isinstance(sub, ir.Tuple) and sub.bracket == "{":
            return all(self._is_index_sub(i) for i in sub.items)
        if isinstance(sub, ir.Num):
            return True
        if isinstance(sub, ir.Ident):
            decl = self.ctx.decls.get(sub.key)
            category = decl is not None and not decl.shape and decl.space.kind == "categorical"
            return sub.key in self.ctx.indices or category  # 𝐮_c with c ∈ {1,…,V}: a position
        if isinstance(sub, ir.Product) and all(op is None for op in sub.ops[1:]):
            return all(isinstance(f, ir.Ident) and f.key in self.ctx.indices for f in sub.factors)
        if isinstance(sub, ir.Script) and isinstance(sub.base, ir.Ident) and sub.sup is None and not any(
                isinstance(n, ir.Ident) and n.key in self.ctx.indices for n in sub.walk()):
            decl = self.ctx.decls.get(sub.base.key)  # s_{y_i} with y_i ∈ {0, …, C−1}: one example's label, a position
            undeclared_label = decl is None and len(sub.base.name) == 1 and sub.base.name.islower() \
                and isinstance(sub.sub, ir.Ident) and len(sub.sub.name) == 1  # s_{y_i}, nothing declared
            return undeclared_label or (decl is not None and decl.elementwise and decl.space.kind == "categorical")
        return any(isinstance(n, ir.Ident) and n.key in self.ctx.indices for n in sub.walk())

    def _index_list(self, sub: ir.Node) -> list[ir.Node]:
        if isinstance(sub, ir.Tuple):
            return list(sub.items)
        if isinstance(sub, ir.Product) and all(op is None for op in sub.ops[1:]) \
                and all(isinstance(f, ir.Ident) and f.key in self.ctx.indices for f in sub.factors):
            return list(sub.factors)  # W_{ij}
        return [sub]

    def _indexed(self, key: str, sub: ir.Node, node: ir.Node) -> Any:
        positions = self._index_list(sub)
        if any(isinstance(p, ir.Special) and p.name == "slice" for p in positions):
            return self._axis_slice(key, positions, node)
        if key == "delta" and key not in self.ctx.decls and key not in self.ctx.arrays and len(positions) == 2:
            i, j = (self.expr(p) for p in positions)  # δ_{kj}: the Kronecker delta
            self.ctx.readings.append((phrase("read-kronecker-delta"), node.span))
            return sympy.Piecewise((1, sympy.Eq(i, j)), (0, True))
        owner = self._row_owner(key, positions, node)
        if owner == key and self._bold_item(key, positions, node):
            index = symbol_key(positions[0]) or ""
            bold = isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.base.style == "bf"
            self.ctx.readings.append((phrase("read-bold-item-row" if bold else "read-transposed-item-row",
                                             latex=latex_of(key), index=index), node.span))
            return self._row(key, positions, node)  # Σ_p (𝐱_p^T 𝐰 − y_p)²: 𝐱_p is the p-th vector, row p of x
        decl = self.ctx.decls.get(owner)
        if decl is not None and len(decl.shape) == len(positions) + 1 and len(decl.shape) == 2:
            if owner == key:
                self.ctx.readings.append((phrase("read-matrix-row", latex=latex_of(key)), node.span))
            return self._row(owner, positions, node)  # 𝐱_n of X ∈ ℝ^{N×d}: row n, a d-vector
        key = owner
        if decl is not None and len(decl.shape) == len(positions) + 2:  # W_i^Q: slice i of a stack
            use = self.ctx.array(key, len(decl.shape), latex_of(key), node.span)
            idx = [self.expr(p) for p in positions]
            for axis, (pos, value) in enumerate(zip(positions, idx)):
                self._unify_axis(use.dims[axis], pos, value)
            rows, cols = (self.ctx.dim_symbol(d) for d in use.dims[-2:])
            return ArraySlice(sympy.Symbol(py_name(key)), sympy.Tuple(*idx), rows, cols)
        use = self.ctx.array(key, len(positions), latex_of(key), node.span)
        idx = [self.expr(p) for p in positions]
        if key in self.ctx.zero_based and any(isinstance(p, ir.Num) for p in positions):
            idx = [v + 1 if isinstance(p, ir.Num) else v for p, v in zip(positions, idx)]  # β_0 … β_4 of β ∈ ℝ^5
            reading = phrase("read-zero-based", latex=latex_of(key))
            if all(r != reading for r, _ in self.ctx.readings):
                self.ctx.readings.append((reading, node.span))
        if any(getattr(v, "is_Matrix", False) for v in idx):  # x_{A + 1} of a matrix A: no element
            raise LoweringError("not-checkable", phrase("eq-index-not-a-number", latex=latex_of(key)), node.span)
        for axis, (pos, value) in enumerate(zip(positions, idx)):
            if isinstance(pos, ir.Script) and isinstance(value, (sympy.Indexed, sympy.Symbol)):  # f_{y_i}: one of f's
                dim = use.dims[axis]  # positions, a class (drawn so; the code gets it counted from 0)
                self._live_in(value, Space("categorical", low=1.0, latex=f"\\{{1, …, {dim}\\}}", size=dim))
            if key in self.ctx.zero_based and key not in self.ctx.intercepts and self._bound_from_one(pos):
                idx[axis] = value + 1  # w_0 + x w_1 + Σ_{i=2}^m x^i w_i: w_i is entry i counted from 0
                self._unify_axis_from_zero(use.dims[axis], pos)
            else:
                self._unify_axis(use.dims[axis], pos, value)
        idx = [v + self._counts_from_zero(p) for p, v in zip(positions, idx)]
        return sympy.IndexedBase(py_name(key))[tuple(idx)]

    def _bound_from_one(self, pos: ir.Node) -> bool:
        """An index of a sum (or product) that starts at 1 or later and ends at a size or a number."""
        if not isinstance(pos, ir.Ident) or pos.key not in self.ctx.indices or pos.key in self.ctx.free:
            return False
        _, lo, hi = self.ctx.indices[pos.key]
        return hi is not None and getattr(lo, "is_Integer", False) and int(lo) >= 1 \
            and (isinstance(hi, sympy.Symbol) or getattr(hi, "is_Integer", False))

    def _unify_axis_from_zero(self, dim: str, pos: ir.Node) -> None:
        """The axis of an array numbered from 0 that index `pos` runs up to hi along: hi + 1 entries."""
        _, _, hi = self.ctx.indices[pos.key]  # type: ignore[attr-defined]
        self.ctx.sizes.union(dim, f"{hi.name}+1" if isinstance(hi, sympy.Symbol) else str(int(hi) + 1))

    def _axis_slice(self, key: str, positions: list[ir.Node], node: ir.Node) -> Any:
        """`X_{:,j}`, `X_{i,:}` of a declared array: the vector along the whole axis written `:`."""
        decl = self.ctx.decls.get(key)
        axes = [k for k, p in enumerate(positions) if isinstance(p, ir.Special) and p.name == "slice"]
        if decl is None or len(decl.shape) != 2 or len(positions) != 2 or len(axes) != 1 \
                or not isinstance(node, ir.Script):
            raise LoweringError("not-checkable", phrase("eq-slice-undeclared", latex=latex_of(key)), node.span,
                                "_{:}")
        axis, size = axes[0], decl.shape[axes[0]]
        other = positions[1 - axis]
        if not isinstance(other, ir.Num) and not (isinstance(other, ir.Ident) and other.key in self.ctx.indices):
            raise LoweringError("not-checkable", phrase("eq-slice-free-index", latex=latex_of(key)), other.span,
                                "_{:}")
        letter = ir.Ident(next(f"r{k}" for k in range(1, 99) if f"r{k}" not in self.ctx.indices
                               and f"r{k}" not in self.ctx.decls), span=positions[axis].span)
        body = dataclasses.replace(node, sub=ir.Tuple([letter if k == axis else p for k, p in enumerate(positions)],
                                                      bracket="{", span=node.sub.span if node.sub else node.span),
                                   sup=None)
        last = ir.Num(str(size), span=node.span) if isinstance(size, int) else ir.Ident(str(size), span=node.span)
        self.ctx.readings.append((phrase("read-axis-slice", latex=latex_of(key),
                                         what=phrase("slice-column" if axis == 0 else "slice-row")), node.span))
        return self._bigop(ir.BigOp("entries", ir.Chain([letter, ir.Num("1", span=node.span)], ["eq"],
                                                        span=node.span), last, body, span=node.span))

    def _bold_item(self, key: str, positions: list[ir.Node], node: ir.Node) -> bool:
        """𝐱_p, 𝛍_k with nothing declared, subscripted by the index of a sum (or of the result): one vector per
        item, so the p-th row of an array x of items × entries — never the scalar entry x[p] (bold says
        vector). A declaration decides otherwise."""
        ctx = self.ctx
        if key in ctx.decls or len(positions) != 1 or not isinstance(node, ir.Script):
            return False
        base, pos = node.base, positions[0]
        marked = isinstance(base, ir.Ident) and (base.style == "bf" or key in ctx.transposed_items)
        if not marked or not isinstance(pos, ir.Ident) or pos.key not in ctx.indices:
            return False
        use = ctx.arrays.get(key)
        return use is None or len(use.dims) == 2

    def _row_owner(self, key: str, positions: list[ir.Node], node: ir.Node) -> str:
        """𝐮_i with 𝐮 undeclared and U ∈ ℝ^{V×d} declared: row i of U (reported)."""
        ctx = self.ctx
        if key in ctx.decls or key in ctx.arrays or len(positions) != 1 or not key.islower() or len(key) != 1:
            return key
        owner = key.upper()
        decl = ctx.decls.get(owner)
        if decl is None or len(decl.shape) != 2:
            return key
        ctx.readings.append((phrase("read-row-of-matrix", name=key, owner=owner), node.span))
        return owner

    def _row(self, key: str, positions: list[ir.Node], node: ir.Node) -> Any:
        use = self.ctx.array(key, 2, latex_of(key), node.span)
        idx = [self.expr(p) for p in positions]
        self._unify_axis(use.dims[0], positions[0], idx[0])
        idx[0] = idx[0] + self._counts_from_zero(positions[0])
        return ArraySlice(sympy.Symbol(py_name(key)), sympy.Tuple(*idx), self.ctx.dim_symbol(use.dims[1]), 1)

    def _unify_axis(self, dim: str, pos: ir.Node, value: Any) -> None:
        if not isinstance(pos, ir.Ident) or pos.key not in self.ctx.indices:
            return
        if pos.key in self.ctx.free and self.ctx.indices[pos.key][2] is None:  # not a sum's j shadowing it
            seen = self.ctx.free[pos.key]
            if seen is None:
                self.ctx.free[pos.key] = dim
            else:
                self.ctx.sizes.union(seen, dim)
            return
        _, lo, hi = self.ctx.indices[pos.key]
        if lo == 0 and isinstance(hi, sympy.Symbol):  # Σ_{i=0}^{p} a_i x^i: a has p + 1 entries
            self._unify_axis_from_zero(dim, pos)
            return
        if lo == 0 and hi is not None:  # Σ_{i=0}^{n-1} y_i: y has n entries, counted from 0
            hi = hi + 1
            lo = 1
        if lo == 1 and isinstance(hi, sympy.Symbol):
            self.ctx.sizes.union(dim, hi.name)
        elif lo == 1 and isinstance(hi, sympy.Integer):
            self.ctx.sizes.union(dim, str(int(hi)))

    def _class_index_from_zero(self, pos: ir.Node) -> bool:
        """c, y_i, y_{i} of a declared class index counted from 0 (c ∈ {0, …, C−1}, y ∈ {0, …, C−1}^N):
        used as an index, the (c+1)-th entry, as code's f[y[i]] is."""
        base = pos.base if isinstance(pos, ir.Script) and pos.sup is None and not pos.primes else pos
        for key in (symbol_key(pos), symbol_key(base) if base is not pos else None):
            decl = self.ctx.decls.get(key) if key else None
            if decl is not None and decl.space.kind == "categorical" and decl.space.low == 0 \
                    and (not decl.shape or base is not pos):
                return True
        return False

    def _counts_from_zero(self, pos: ir.Node) -> int:
        """1 for an index of a sum from 0 (Σ_{i=0}^{n-1} y_i), or a declared class index counted from 0
        (x_c, x[c] with c ∈ {0, …, C−1}): entry i is the (i+1)-th, as in code."""
        if self._class_index_from_zero(pos):
            return 1
        if not isinstance(pos, ir.Ident) or pos.key not in self.ctx.indices:
            return 0
        _, lo, hi = self.ctx.indices[pos.key]
        return 1 if lo == 0 and hi is not None and not (pos.key in self.ctx.free and hi is None) else 0

    def _superscript(self, value: Any, sup: ir.Node, node: ir.Node, key: str | None) -> Any:
        if (isinstance(sup, ir.Special) and sup.name == "top") or (
                isinstance(sup, ir.Ident) and sup.name == "T" and isinstance(value, MatrixExpr)):
            if isinstance(sup, ir.Ident) and key is not None and key not in self.ctx.decls \
                    and (phrase("read-transpose-T"), node.span) not in self.ctx.readings:
                self.ctx.readings.append((phrase("read-transpose-T"), node.span))  # θ^T x: undeclared, said
            if not isinstance(value, MatrixExpr):
                raise LoweringError("not-checkable", phrase("eq-transpose-of-scalar"), node.span, "^\\top")
            return value.T
        if isinstance(sup, ir.Ident) and sup.name == "T" and not sup.style and "T" not in self.ctx.decls \
                and "T" not in self.ctx.indices and "T" not in self.ctx.size_names:
            # w^T x with w undeclared: a power by an input T, unless w is a vector; say which was taken
            self.ctx.readings.append((phrase("read-power-T"), node.span))
        exponent = self.expr(sup)
        if isinstance(exponent, MatrixExpr):  # K^{\bp}: no power has an array for its exponent
            raise LoweringError("not-checkable", phrase("eq-array-exponent"), node.span, "^")
        check_power(value, exponent, node.span)
        if isinstance(value, MatrixExpr):
            rows, cols = value.shape
            if exponent == -1 and cols != 1 and rows != 1:
                # a matrix's ^{-1} is its inverse ((X^⊤X)^{-1}, Σ^{-1})
                self._unify_dims(rows, cols, node)
                return sympy.Inverse(self.canonical(value))
            if exponent in (sympy.Rational(1, 2), sympy.Rational(-1, 2)) and cols != 1 and rows != 1:
                # (Σ_r Σ_g)^{1/2}, Σ^{-1/2}: the matrix square root
                self._unify_dims(rows, cols, node)
                self.ctx.readings.append((phrase("read-matrix-square-root"), node.span))
                root = MatrixSqrt(self.canonical(value))
                return root if exponent > 0 else sympy.Inverse(root)
            return self._elementwise(lambda u: u ** exponent, value)
        return value ** exponent

    # -- applications ----------------------------------------------------------------------
    def _bracket_entry(self, node: ir.Call) -> bool:
        """`x[c]`, `x[j]`: a declared array with one bracketed index per axis, each a summation index
        or a declared whole number (c ∈ {0, …, C−1}) — an entry written as code writes it (the
        PyTorch documentation's x[class]), not the value of x at a point (L[φ])."""
        func = node.func
        decl = self.ctx.decls.get(func.key) if isinstance(func, ir.Ident) else None
        if node.bracket != "[" or decl is None or not decl.shape or len(node.args) != len(decl.shape) \
                or func.key in self.ctx.functions:  # type: ignore[attr-defined]
            return False

        def index_like(arg: ir.Node) -> bool:
            key = symbol_key(arg)
            if key is None:
                return False
            known = self.ctx.decls.get(key)
            return key in self.ctx.indices or (known is not None and not known.shape
                                               and known.space.kind in ("categorical", "integer"))
        return all(index_like(a) for a in node.args)

    def _call(self, node: ir.Call, out_index: ir.Node | None = None) -> Any:
        func = node.func
        derivative = self._prime_derivative(node)
        if derivative is not None:
            return derivative
        if isinstance(func, ir.Script) and func.primes and isinstance(func.base, ir.Ident) \
                and func.base.key not in self.ctx.functions and len(node.args) == 1:
            # f'(x_n): the derivative of a function the file does not define — the given gradient
            if func.primes == 2:  # g''(w): its second derivative, another given input (never the gradient)
                return self._second_derivative_input(self.expr(node.args[0]), func.base.key, node)
            if func.primes > 2:
                raise LoweringError("not-checkable", phrase("eq-prime-of-undefined"), node.span, "'")
            return self._gradient_input(self.expr(node.args[0]), func.base.key, node, "prime")
        named = self._named_function(node)
        if named is not None:
            return named
        if self._bracket_entry(node):  # x[c], x[j] of a declared vector: its entry, as code indexes it
            sub = node.args[0] if len(node.args) == 1 else ir.Tuple(list(node.args), "{", span=node.span)
            self.ctx.readings.append((phrase("read-square-bracket-entry", name=func.name,  # type: ignore[attr-defined]
                                             index=", ".join(symbol_key(a) or "" for a in node.args)), node.span))
            return self.expr(ir.Script(func, sub=sub, span=node.span))
        if node.bracket == "[" and isinstance(func, ir.Ident) and func.key in self.ctx.decls \
                and func.key not in self.ctx.functions and all(symbol_key(a) is not None for a in node.args):
            self.ctx.readings.append((phrase("read-square-bracket-value", name=func.name), node.span))
            return self.symbol(func.key, func, bare=True)  # L[φ] with L ∈ ℝ declared: the loss value given
        key = app_key(node)
        if key is not None and key in self.ctx.quantities:  # p(D) = Σ_θ …
            self.ctx.uses.add(key)
            return self.ctx.quantities[key]
        if key is not None and key in self.ctx.decls:  # p(D | θ) ∈ (0,1]: an input over θ
            return self._application_input(key, node)
        name = self._func_name(func)
        if name is not None and name in self.ctx.functions and name not in self.ctx.inlining:
            return self._inline(self.ctx.functions[name], node, out_index)
        if name == "softmax" or name == "Softmax":
            self._softmax_vector(node)
            value = self._one_arg(node)
            if not isinstance(value, MatrixExpr):
                raise LoweringError("not-checkable", phrase("eq-softmax-of-scalar"), node.span, "softmax")
            result = Softmax(value)
            return self._index_matrix(result, out_index, node) if out_index is not None else result
        if name == "sigma" and "sigma" not in self.ctx.decls:
            return self._elementwise(sigmoid, self._one_arg(node))
        if isinstance(func, ir.Script) and isinstance(func.base, ir.Ident) and func.base.name == "sigma" \
                and func.sup is None and not func.primes and "sigma" not in self.ctx.decls \
                and symbol_key(func) not in self.ctx.decls and len(node.args) == 1:
            label = key_text(func.sub) or "…"
            self.ctx.readings.append((phrase("read-gate-sigma", label=label), func.span))
            return self._elementwise(sigmoid, self._one_arg(node))  # σ_g(…), σ_o(…) of an LSTM
        if name in ("ReLU", "relu"):
            return self._elementwise(lambda u: sympy.Max(0, u), self._one_arg(node))
        if name in SLOPED_RELUS and name not in self.ctx.decls and name not in self.ctx.functions:
            sloped = self._sloped_relu(node)
            if sloped is not None:
                return sloped
        density = density_of(node) if name is None or name not in self.ctx.decls else None
        if density is not None:
            return self._density(density, node)
        if name in ("erf", "erfc") and name not in self.ctx.decls:
            return self._elementwise(getattr(sympy, name), self._one_arg(node))
        if len(node.args) == 1 and _is_indicator(func, node.args[0]):  # \mathbb{1}(y_i = k), I[y == y_i]
            try:
                return self._indicator(node.args[0])
            except TypeError:  # 𝟙(x < 0) of a vector x: entry by entry, as cases on vectors are
                one, zero = ir.Num("1", span=node.span), ir.Num("0", span=node.span)
                return self._cases(ir.Cases([(one, node.args[0]), (zero, None)], span=node.span))
        if _is_expectation(func):
            return self._expectation(func, node)  # type: ignore[arg-type]
        if name in ("H", "D_KL") and name not in self.ctx.decls:
            return self._information(name, node)
        if name == "Concat" and name not in self.ctx.functions:
            return self._concat(node)
        head = self.ctx.head_distribution
        if head is not None and isinstance(func, ir.Ident) and func.key == head.func.key and node.args != head.args:
            # P(θ | x) = P(x | θ) P(θ) / P(x): one letter for several distributions, told apart by their
            # arguments (Bayes' rule, a marginal, a factorisation) — an identity, never entries of one P
            raise LoweringError("not-checkable", phrase("eq-distributions-by-arguments", name=func.name), node.span)
        conditioned = self._conditioned_entry(node) if out_index is None else None
        if conditioned is not None:
            return conditioned
        if out_index is None and isinstance(func, ir.Ident) and self._indexes_support(node):
            return self._indexed(func.key, node.args[0] if len(node.args) == 1 else
                                 ir.Tuple(node.args, "{", span=node.span), node)
        given = self._given_values(node, out_index)
        if given is not None:
            return given
        if name is not None and self._looks_like_function(func, node.args):
            raise LoweringError("not-checkable", phrase("eq-function-undefined", function=name),
                                func.span, name)
        if name is None and isinstance(func, ir.Script) and isinstance(func.sub, ir.Tuple) \
                and isinstance(func.base, ir.Ident) and self._looks_like_function(func, node.args):
            # φ_{t,p}(x): a function of the family φ named by two indices — not the entry φ[t, p] times x
            label = f"{latex_of(func.base.key)}_{{{','.join(key_text(i) or '…' for i in func.sub.items)}}}"
            raise LoweringError("not-checkable", phrase("eq-function-undefined", function=label), func.span, label)
        if node.bracket == "[" and isinstance(func, (ir.Ident, ir.Script)) and not (
                out_index is None and isinstance(func, ir.Ident) and all(
                    isinstance(a, ir.Ident) and a.key in self.ctx.indices for a in node.args)):
            # y[x], f[x, φ]: square brackets after a name apply it (a function this file does not define)
            why = phrase("eq-function-undefined", function=name) if name else phrase("eq-bracket-function-undefined")
            raise LoweringError("not-checkable", why, func.span, name or "[")
        left = self.expr(func)
        right = self.expr(ir.Group(node.args[0], span=node.span)) if len(node.args) == 1 else None
        if right is None:
            raise LoweringError("not-checkable", phrase("eq-tuple-no-value"), node.span)
        return self._times(left, right, node)

    # -- densities: N(x | μ, σ²), Bernoulli(x | p) (densities.py) ------------------------------
    def _density(self, density: Density, node: ir.Call) -> Any:
        point = self.expr(density.point)
        params = [self.expr(p) for p in density.parameters]
        if isinstance(point, MatrixExpr) or any(isinstance(p, MatrixExpr) for p in params):
            raise LoweringError("not-checkable", phrase("eq-density-of-vectors"), node.span)
        if density.family == "normal":
            mean, variance = params
            self._live_in(variance, Space("positive", 0.0, None, (False, True), "\\mathbb{R}_{>0}"), root=True)
            self.ctx.readings.append((phrase("read-normal-density"), node.span))
            return sympy.exp(-(point - mean) ** 2 / (2 * variance)) / sympy.sqrt(2 * sympy.pi * variance)
        (p,) = params
        self._live_in(point, Space("binary", 0.0, 1.0, latex="\\{0, 1\\}"))
        self._live_in(p, Space("interval", 0.0, 1.0, (False, False), "(0, 1)"))
        self.ctx.readings.append((phrase("read-bernoulli-mass"), node.span))
        return p ** point * (1 - p) ** (1 - point)

    def _indicator(self, comparison: ir.Node) -> Any:
        """1 where the comparison holds, 0 elsewhere; a label compared with a sum's index (y_i = k,
        k from 1 to K) is a category of that range, and its values are drawn so (a real label would
        make the indicator 0 on every trial)."""
        condition = self._condition(comparison)
        if isinstance(condition, (sympy.Eq, sympy.Ne)):
            self._draw_labels(condition)
        return sympy.Piecewise((sympy.Integer(1), condition), (sympy.Integer(0), True))

    def _draw_labels(self, condition: Any) -> bool:
        """A label compared with an index (y_i = k, k from 1 to K, or the result's own index) is a
        category of that range, drawn so; whether one was."""
        drawn = False
        for index, other in (condition.args, tuple(reversed(condition.args))):
            if not isinstance(other, (sympy.Symbol, sympy.Indexed)) or getattr(other, "is_integer", False):
                continue
            found = next(((key, lo, hi) for key, (sym, lo, hi) in self.ctx.indices.items() if sym == index), None)
            if found is None:
                continue
            key, lo, hi = found
            if hi is None and key in self.ctx.free:  # μ_j = … 1(z_i = j): j runs over the result's axis
                if self.ctx.free[key] is None:
                    self.ctx.free[key] = self.ctx.sizes.fresh(f"n_{index}")
                hi = sympy.Symbol(str(self.ctx.free[key]))
            if isinstance(lo, sympy.Integer) and isinstance(hi, (sympy.Integer, sympy.Symbol)):
                size = int(hi) if isinstance(hi, sympy.Integer) else hi.name
                self._live_in(other, Space("categorical", low=float(lo), latex=f"\\{{{lo}, …, {hi}\\}}",
                                           size=size))
                drawn = True
        return drawn

    def _live_in(self, value: Any, space: Space, root: bool = False) -> None:
        """The input `value` is (x, z_k; with `root`, also σ of σ²) lives in `space`."""
        if root and isinstance(value, sympy.Pow) and value.exp == 2:
            value = value.base
        if isinstance(value, sympy.Indexed):
            value = value.base.label
        if isinstance(value, sympy.Symbol):
            self.ctx.spaces.setdefault(value.name, space)

    def _prime_derivative(self, node: ir.Call) -> Any:
        """σ'(x), tanh'(z_i), f'(x) with f defined in this file: the derivative, as d/dx σ(x) is
        (said: a primed name can also name another function). None for a function the file does
        not define (its derivative is then a given gradient, or the equation an identity)."""
        func, ctx = node.func, self.ctx
        if not (isinstance(func, ir.Script) and func.primes and isinstance(func.base, ir.Ident)
                and func.sub is None and func.sup is None and len(node.args) == 1):
            return None
        key = func.base.key
        defined = key in ctx.functions and key not in ctx.inlining
        if not defined and (key not in PRIMED_STANDARD or key in ctx.decls or key in ctx.bindings):
            return None
        u = sympy.Dummy("u", real=True)
        saved = dict(ctx.bindings)
        ctx.bindings["_u"] = u
        try:
            value = self.expr(ir.Call(func.base, [ir.Ident("_u", span=node.span)], bracket="(", span=node.span))
        finally:
            ctx.bindings = saved
        if isinstance(value, MatrixExpr) or u not in getattr(value, "free_symbols", set()):
            return None
        derivative = sympy.diff(value, u, func.primes)
        how = phrase("how-defined-here") if defined else phrase("how-standard")
        ctx.readings.append((phrase("read-prime-derivative", name=latex_of(key), how=how), func.span))
        arg = self.expr(node.args[0])
        if isinstance(arg, MatrixExpr):
            return self._elementwise(lambda t: derivative.xreplace({u: t}), arg)
        return derivative.xreplace({u: arg})

    # -- functions the file does not define: their values given -------------------------------
    def _given_values(self, node: ir.Call, out_index: ir.Node | None) -> Any:
        """f[x_i, φ], f(x_0) of a one-letter function this file does not define, applied to
        symbols: its values are an input (applied.py says when), one per item of the indices the
        arguments vary with, a vector inside a norm. Said as a reading; None when not read so."""
        ctx = self.ctx
        function = function_key(node.func)
        if ctx.value_points is None or out_index is not None or function is None \
                or function not in ctx.value_points or function in ctx.functions:
            return None
        point = point_of(node)
        if point is not None and point not in ctx.value_points[function]:
            point = point_of(node, keep_items=True)  # φ(x_i) beside φ(x_j): its own point
        if point is None or point not in ctx.value_points[function]:
            return None
        points = ctx.value_points[function]
        key = values_key(function, point, points)
        known = (ctx.decls, ctx.quantities, ctx.bindings, ctx.indices)
        if any(key in k for k in known) or key in ctx.size_names or (
                key not in ctx.given_values and (key in ctx.arrays or key in ctx.scalars)):
            return None
        func = node.func
        inner = [func.sub] if isinstance(func, ir.Script) and func.sub is not None and func.sup is None \
            and function == symbol_key(func.base) else []
        if inner and _step_of_arguments(inner[0], node.args):
            inner = []  # g_t[𝐳_t, φ_t]: the network at step t, applied to that step's values — one name
        if any(not (isinstance(n, ir.Ident) and n.key in ctx.indices) for s in inner for n in s.walk()
               if not isinstance(n, ir.Tuple)):
            return None  # f_t(…) with t no index: a function named f_t, not an entry
        items = list(dict.fromkeys(n.key for a in [*inner, *node.args] for n in a.walk()
                                   if isinstance(n, ir.Ident) and n.key in ctx.indices))
        vector = ctx.norm_depth > 0
        if items and vector:
            return None  # one vector per item: a matrix of outputs, not read
        if key not in ctx.given_values:
            written = [symbol_key(a) for a in node.args]
            application = f"{latex_of(function)}({', '.join(latex_of(k) for k in written if k is not None)})"
            ctx.given_values[key] = GivenValues(key, latex_of(function), application, point)
            ctx.aliases[key] = value_aliases(py_name(key), py_name(function), point, len(points) > 1)
            ctx.readings.append((phrase("read-function-values", function=latex_of(function),
                                        application=application, name=py_name(key)), node.span))
        if items:
            sub = ir.Ident(items[0], span=node.span) if len(items) == 1 else \
                ir.Tuple([ir.Ident(i, span=node.span) for i in items], "{", span=node.span)
            return self._indexed(key, sub, node)
        if vector and key not in ctx.arrays:
            ctx.arrays[key] = ArrayUse(key, [ctx.sizes.fresh(f"n_{py_name(function)}", weak=True)], latex_of(key))
        if key in ctx.arrays:
            ctx.note(key)
            dims = [ctx.dim_symbol(d) for d in ctx.arrays[key].dims]
            return sympy.MatrixSymbol(py_name(key), *(dims + [1] if len(dims) == 1 else dims))
        ctx.scalars.setdefault(key, latex_of(key))
        ctx.note(key)
        return sympy.Symbol(py_name(key), real=True)

    # -- standard functions by name, gradients given as inputs --------------------------------
    def _named_function(self, node: ir.Call) -> Any:
        """sigm, sign, tr, diag, exp/log/tanh written as names (\\text{tanh}, \\mathrm{sign}, \\mbox{exp}[…])."""
        func = node.func
        if not isinstance(func, ir.Ident) or func.key in self.ctx.functions or func.key in self.ctx.decls \
                or len(node.args) != 1:
            return None
        if func.style == "" and len(func.name) == 1:
            return None
        name = func.name
        if name in ELEMENTWISE_NAMES:
            return self._elementwise(ELEMENTWISE_NAMES[name], self.expr(node.args[0]))
        if name in ("tr", "Tr", "trace", "Trace"):
            value = self.expr(node.args[0])
            if not isinstance(value, MatrixExpr):
                return value
            self._unify_dims(value.shape[0], value.shape[1], node)
            return sympy.Trace(self.canonical(value))
        if name in ("diag", "Diag"):
            value = self.expr(node.args[0])
            if isinstance(value, MatrixExpr) and value.shape[1] == 1:
                return DiagOf(value)
            return None
        return None

    def _gradient_input(self, at: Any, fname: str, node: ir.Node, how: str, declared: str | None = None,
                        whole: bool = False) -> Any:
        """∇f(x), f'(x), ∂L/∂w of a function this file does not define: the gradient is given,
        an input shaped like the point it is taken at (rule 4 of the corpus: how every learner
        implements an update)."""
        ctx = self.ctx
        if ctx.upstream is not None and fname != ctx.upstream:
            raise LoweringError("not-checkable", phrase("eq-chain-rule-identity"), node.span)
        entry = self._gradient_entry(at)
        if entry is not None:  # ∂C/∂w_i with i the result's own index: entry i of the gradient of C by w
            grad = self._gradient_input(entry[0], fname, node, how, declared, whole=True)
            return sympy.IndexedBase(str(grad))[entry[1]] if isinstance(grad, sympy.MatrixSymbol) else grad
        bound = {str(v[0]) for v in ctx.indices.values()}
        if not whole and (any(str(sym) in bound for sym in getattr(at, "free_symbols", set())) or any(
                isinstance(n, ir.Ident) and n.key in ctx.indices for n in node.walk())):
            raise LoweringError("not-checkable", phrase("eq-gradient-per-summand"), node.span)
        ident = f"{fname}@{at}"
        key = ctx.gradients.get(ident)
        if key is None:
            key = declared or ("grad" if "grad" not in ctx.gradients.values() else f"grad_{_plain(str(at))}")
            ctx.gradients[ident] = key
            var = _plain(str(at))
            ctx.aliases[key] = tuple(dict.fromkeys(a for a in (
                "grad", "g", "gradient", "grads", f"grad_{var}", f"d{_plain(fname)}_d{var}", f"d{var}", "dx",
                "dout", "delta", "upstream") if a != key))
            ctx.readings.append((phrase("read-given-gradient", how=phrase(f"how-{how}"), function=latex_of(fname),
                                        input=key), node.span))
        if declared is not None and declared in ctx.decls:
            return self.symbol(declared, node, bare=True)
        if isinstance(at, MatrixExpr):
            rows, cols = at.shape
            dims = [str(rows)] if cols == 1 else [str(rows), str(cols)]
            if key not in ctx.arrays:
                ctx.arrays[key] = ArrayUse(key, dims, latex_of(key))
            ctx.note(key)
            return sympy.MatrixSymbol(key, rows, cols)
        ctx.scalars.setdefault(key, latex_of(key))
        ctx.note(key)
        return sympy.Symbol(key, real=True)

    def _gradient_entry(self, at: Any) -> tuple[Any, tuple] | None:
        """w_i of ∂C/∂w_i when i is an index of the result (w_i = (1 − 2ηα) w_i − η ∂C/∂w_i), not of a
        sum: the vector w the gradient is taken by, and the indices to read it at."""
        ctx = self.ctx
        if not isinstance(at, sympy.Indexed) or not at.indices:
            return None
        free = {str(v[0]) for k, v in ctx.indices.items() if k in ctx.free and v[2] is None}
        if not all(isinstance(i, sympy.Symbol) and str(i) in free for i in at.indices):
            return None
        name = str(at.base.label)
        use = next((u for k, u in ctx.arrays.items() if py_name(k) == name), None)
        if use is None or len(use.dims) != len(at.indices):
            return None
        dims = [ctx.dim_symbol(d) for d in use.dims] + ([1] if len(use.dims) == 1 else [])
        return sympy.MatrixSymbol(name, *dims), tuple(at.indices)

    def _vector_gradient(self, value: Any, var: sympy.MatrixSymbol, node: ir.Node) -> Any:
        """∂/∂𝐰 (𝐰^⊤𝐚), ∂/∂𝐰 (𝐰^⊤A𝐰): the gradient of a scalar by a vector, by SymPy's matrix calculus,
        as a column shaped like 𝐰 (said: the denominator layout). None when SymPy cannot give it in
        closed form (then not checkable, as before)."""
        if not isinstance(value, MatrixExpr) or value.shape != (1, 1):
            return None  # a sum over entries (‖y − Xw‖² as Σ_k …) is not differentiated by the vector
        same = [v for v in value.free_symbols if isinstance(v, sympy.MatrixSymbol) and v.name == var.name]
        if len(same) != 1 or same[0].shape[1] != 1:
            return None
        var = same[0]  # 𝐰 with the sizes the expression unified
        try:
            gradient = value.diff(var)
        except Exception:  # SymPy has no rule for this form
            return None
        if not isinstance(gradient, MatrixExpr) or gradient.shape != var.shape or gradient.has(sympy.Derivative) \
                or isinstance(gradient, sympy.ZeroMatrix):
            return None
        self.ctx.readings.append((phrase("read-gradient-column", var=str(var)), node.span))
        return gradient

    def _standard_application(self, node: ir.Node) -> bool:
        """\\tanh(x), \\exp(u), σ(z), tanh(x) typed plainly: a standard function applied, which eq2code
        computes (σ and the others only when the file gives the name no other meaning)."""
        if isinstance(node, ir.Func):
            return node.name in PRIMED_STANDARD and node.sub is None and node.sup is None
        if not (isinstance(node, ir.Call) and isinstance(node.func, ir.Ident) and len(node.args) == 1):
            return False
        key = node.func.key
        ctx = self.ctx
        return node.func.name in PRIMED_STANDARD and not node.func.style and key not in ctx.functions \
            and key not in ctx.decls and key not in ctx.bindings and key not in ctx.quantities

    def _defined(self, node: ir.Node) -> bool:
        """Is what a derivative applies to defined in this file (so it can be differentiated)?"""
        target = node.func if isinstance(node, ir.Call) else node
        key = self._func_name(target) if isinstance(target, (ir.Ident, ir.Script)) else None
        if key is None:
            key = symbol_key(target)
        if key is None:
            return True
        ctx = self.ctx
        if key in ctx.given_values and not (key in ctx.functions or key in ctx.quantities or key in ctx.decls):
            return False  # g(v) met before as given values: g is still not defined here
        return key in ctx.functions or key in ctx.quantities or key in ctx.bindings or \
            key in ctx.decls or key in ctx.arrays or key in ctx.scalars

    # -- distributions over a finite support ----------------------------------------------
    def _support_index(self, letter: str) -> sympy.Symbol:
        """A new summation index over a support whose size the distributions fix."""
        size = self.ctx.sizes.fresh(f"n_{letter}")
        self.ctx.size_names.add(size)
        symbol = sympy.Symbol(letter, **INDEX_ASSUMPTIONS)
        self.ctx.indices[letter] = (symbol, sympy.Integer(1), size_symbol(size))
        return symbol

    def _distribution(self, node: ir.Node) -> str:
        key = node.key if isinstance(node, ir.Ident) else None
        if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and not node.primes:
            if node.sup is not None and node.sub is None:
                key = self._named_sup(node.base.key, node.sup)  # 𝐩^{t}
            elif node.sub is not None and node.sup is None:
                key = self._named_sub(node.base.key, node.sub)  # 𝐩_s
        if key is None:
            raise LoweringError("not-checkable", phrase("eq-distribution-named-vector"), node.span)
        self.ctx.distributions.add(key)
        return key

    def _expectation(self, func: ir.Script, node: ir.Call) -> Any:
        """E_{x~p}[f(x)] = Σ_x p(x) f(x); E_q[g] takes x from the calls q(x) inside g."""
        if len(node.args) != 1:
            raise LoweringError("not-checkable", phrase("eq-expectation-one-expression"), node.span)
        sub, body = func.sub, node.args[0]
        letter: str | None
        if isinstance(sub, ir.Chain) and sub.rels == ["sim"] and isinstance(sub.items[0], ir.Ident):
            letter, dist = sub.items[0].name, self._distribution(sub.items[1])
        else:
            dist = self._distribution(sub) if isinstance(sub, ir.Ident) else ""
            if not dist:
                raise LoweringError("not-checkable", phrase("eq-expectation-continuous"), func.span)
            letter = _call_argument(body, dist)
            if letter is None:
                raise LoweringError("not-checkable", phrase("eq-expectation-variable", dist=latex_of(dist)),
                                    func.span)
        saved = dict(self.ctx.indices)
        try:
            x = self._support_index(letter)
            weight = self._entry(dist, ir.Ident(letter, span=func.span), func)
            value = self.expr(body)
            return sympy.Sum(weight * value, (x, 1, self.ctx.indices[letter][2]))
        finally:
            self.ctx.indices = saved

    def _information(self, name: str, node: ir.Call) -> Any:
        """H(p) = -Σ p log p, H(p, q) = -Σ p log q, D_KL(p‖q) = Σ p log(p/q) over one support."""
        args = node.args
        if len(args) == 1 and isinstance(args[0], ir.Chain) and args[0].rels == ["parallel"]:
            args = args[0].items
        if not (1 <= len(args) <= 2) or (name == "D_KL" and len(args) != 2):
            raise LoweringError("not-checkable", phrase("eq-distribution-count", name=name), node.span)
        keys = [self._distribution(a) for a in args]
        self.ctx.uses.add(name)
        saved = dict(self.ctx.indices)
        try:
            x = self._support_index("_x")
            at = ir.Ident("_x", span=node.span)
            p = self._entry(keys[0], at, node)
            q = self._entry(keys[-1], at, node)
            term = p * sympy.log(p / q) if name == "D_KL" else -p * sympy.log(q)
            return sympy.Sum(term, (x, 1, self.ctx.indices["_x"][2]))
        finally:
            self.ctx.indices = saved

    def _application_input(self, key: str, node: ir.Call) -> Any:
        """A declared application such as p(D | θ): entry θ of an input vector over θ."""
        variables = [v for v in application_variables(node) if v in self.ctx.indices]
        if not variables:
            raise LoweringError("not-checkable", phrase("eq-variable-unbound", latex=self.ctx.decls[key].latex),
                                node.span)
        sub = ir.Ident(variables[0], span=node.span) if len(variables) == 1 else \
            ir.Tuple([ir.Ident(v, span=node.span) for v in variables], "{", span=node.span)
        return self._indexed(key, sub, node)

    def _family_member(self, key: str, sub: ir.Node) -> Any:
        """Member `sub` of a family the file defines per index (`β_k = Σ^{-1} μ_k`): its value
        with the definition's index replaced by `sub` (`β_{k'}`, `β_j`, `β_1`)."""
        body, index, axis = self.ctx.families[key]
        self.ctx.uses.add(key)
        value = self.expr(sub)
        if axis is not None:
            self._unify_axis(axis, sub, value)  # Σ_{k'} β_{k'}: k' runs over β's K members
        return body.xreplace({index: value})

    def _concat(self, node: ir.Call) -> Any:
        """Concat(head_1, …, head_h): the family head_i side by side along the last axis."""
        args = node.args
        first, last = args[0], args[-1]
        if not (len(args) == 3 and isinstance(args[1], ir.Special) and isinstance(first, ir.Script)
                and isinstance(last, ir.Script) and isinstance(first.base, ir.Ident)):
            raise LoweringError("unsupported-notation", phrase("eq-concat-family"),
                                node.span, "Concat")
        family = self.ctx.families.get(first.base.key)
        if family is None:
            raise LoweringError("not-checkable", phrase("eq-family-undefined", latex=latex_of(first.base.key)),
                                node.span)
        body, index, _ = family
        self.ctx.uses.add(first.base.key)
        lo, hi = self._size_expr(first.sub), self._size_expr(last.sub)  # type: ignore[arg-type]
        return Concat(body, sympy.Tuple(index, lo, hi))

    def _func_name(self, func: ir.Node) -> str | None:
        if isinstance(func, ir.Ident):
            return func.key if func.key in self.ctx.functions else func.name
        if isinstance(func, ir.Script) and isinstance(func.base, ir.Ident):
            text = key_text(func.sub) if func.sub is not None else None
            if text is not None and func.sup is None:
                return f"{func.base.key}_{text}"
            named = parameter_subscript_key(func)  # f_{w,b}(x^{(i)}) of a defined f_{w,b}
            if named is not None and named in self.ctx.functions:
                return named
        return None

    def _looks_like_function(self, func: ir.Node, args: list[ir.Node] | None = None) -> bool:
        """A name followed by (…) applies a function unless the name is a known value, or it is
        a subscripted coefficient before a sum or difference (α_t (1 − p_t))."""
        if isinstance(func, ir.Script) and isinstance(func.base, ir.Ident) and func.base.name in FUNCTION_LETTERS \
                and func.sup is None and not self._known(func):
            return True  # φ_l(·), σ_g(…), f_i(x): a function by its letter
        if isinstance(func, ir.Script) and func.sub is not None and args is not None and len(args) == 1 \
                and isinstance(args[0], ir.Add) and len(args[0].terms) > 1:
            self.ctx.readings.append((phrase("read-coefficient-times-bracket"), func.span))
            return False
        if isinstance(func, ir.Ident) and func.name in COEFFICIENT_LETTERS and not func.style \
                and func.key not in self.ctx.functions and args is not None and len(args) == 1 \
                and isinstance(args[0], ir.Add) and len(args[0].terms) > 1:
            # λ(𝐮^⊤𝐮 − 1), x(s(z) − y), b(x − x̄): a coefficient letter times a sum, not an application
            self.ctx.readings.append((phrase("read-letter-times-bracket", letter=func.name), func.span))
            return False
        if isinstance(func, ir.Ident) and func.key in self.ctx.head_params and args is not None and len(args) == 1:
            # P(p) = 4p(1 − p)^3: the defined function's own parameter is a value, so p(…) multiplies
            self.ctx.readings.append((phrase("read-letter-times-bracket", letter=func.name), func.span))
            return False
        key = func.key if isinstance(func, ir.Ident) else None
        if isinstance(func, ir.Script) and isinstance(func.base, ir.Ident):
            if func.sub is not None and self._is_index_sub(func.sub) and not self._head_arguments(args):
                return False  # y_i (1 - ŷ_i): an entry times a group (J_t(θ) in J(θ) = …: applied)
            key = self._named_sub(func.base.key, func.sub) if func.sub is not None else func.base.key
        if key is None:
            return False
        ctx = self.ctx
        known = (ctx.decls, ctx.arrays, ctx.scalars, ctx.indices, ctx.quantities, ctx.bindings)
        return not any(key in k for k in known) and key not in ctx.size_names

    def _head_arguments(self, args: list[ir.Node] | None) -> bool:
        """J(θ) = (1/T) Σ_t J_t(θ): the bracket holds exactly the defined function's own parameters, so
        the name before it is applied to them, never multiplied by them."""
        keys = [symbol_key(a) for a in args or []]
        return bool(keys) and all(k is not None for k in keys) and set(keys) == set(self.ctx.head_params)

    def _known(self, func: ir.Script) -> bool:
        key = symbol_key(func)
        ctx = self.ctx
        return key is not None and any(key in k for k in (ctx.decls, ctx.arrays, ctx.scalars, ctx.quantities,
                                                           ctx.bindings))

    def _indexes_support(self, node: ir.Call) -> bool:
        """p(x) with x a summation index: entry x of the vector p."""
        ok = node.bracket == "(" and all(isinstance(a, ir.Ident) and a.key in self.ctx.indices
                                         for a in node.args)
        if ok and isinstance(node.func, ir.Ident) and node.func.name in DISTRIBUTION_NAMES:
            self.ctx.distributions.add(node.func.key)
        return ok

    def _conditioned_entry(self, node: ir.Call) -> Any:
        """p(x | θ) with p a declared vector and x a summation index: entry x of p (θ names the
        parameters p depends on, which the declared values already are)."""
        func = node.func
        if not (isinstance(func, ir.Ident) and len(node.args) == 1 and isinstance(node.args[0], ir.Chain)):
            return None
        arg = node.args[0]
        if arg.rels != ["mid"] or not isinstance(arg.items[0], ir.Ident) or arg.items[0].key not in self.ctx.indices:
            return None
        decl = self.ctx.decls.get(func.key)
        if (decl is None and func.name not in DISTRIBUTION_NAMES) or (decl is not None and len(decl.shape) != 1):
            return None
        if decl is None:
            self.ctx.distributions.add(func.key)
        self.ctx.readings.append((phrase("read-conditional-entry", name=func.name), node.span))
        return self._indexed(func.key, arg.items[0], node)

    def _one_arg(self, node: ir.Call) -> Any:
        if len(node.args) != 1:
            raise LoweringError("not-checkable", phrase("eq-one-argument"), node.span)
        return self.expr(node.args[0])

    def _index_matrix(self, value: Any, out_index: ir.Node, node: ir.Node) -> Any:
        positions = self._index_list(out_index)
        idx = [self.expr(p) for p in positions]
        _rows, cols = value.shape
        for pos, size in zip(positions, value.shape if len(positions) == 2 else (_rows,)):
            if isinstance(size, sympy.Symbol):  # p_i = softmax(𝐳)_i: i runs over the entries of the value
                self._unify_axis(size.name, pos, None)
        if len(idx) == 1 and cols == 1:
            return value[idx[0] - 1, 0]
        if len(idx) == 2:
            return value[idx[0] - 1, idx[1] - 1]
        raise LoweringError("not-checkable", phrase("eq-indices-do-not-match"), node.span)

    def _inline(self, fdef: FunctionDef, node: ir.Call, out_index: ir.Node | None) -> Any:
        if len(node.args) != len(fdef.params):
            raise LoweringError("not-checkable", phrase("eq-argument-count", name=fdef.name, count=len(fdef.params)),
                                node.span)
        values = [self.expr(a) for a in node.args]
        saved = dict(self.ctx.bindings), dict(self.ctx.indices)
        self.ctx.uses.add(fdef.name)
        self.ctx.inlining.append(fdef.name)
        said = len(self.ctx.readings)
        try:
            self.ctx.bindings.update(dict(zip(fdef.params, values)))
            if fdef.out_indices:
                if out_index is None:
                    raise LoweringError("unsupported-notation", phrase(
                        "eq-elementwise-needs-index", name=fdef.name, indices="".join(fdef.out_indices)), node.span)
                for letter, pos in zip(fdef.out_indices, self._index_list(out_index)):
                    self.ctx.bindings[letter] = self.expr(pos)
            return self.expr(fdef.body)
        finally:
            self.ctx.bindings, self.ctx.indices = saved
            self.ctx.inlining.pop()
            # what the definition's own reading said is said where it is applied (its spans are another block's)
            self.ctx.readings[said:] = [(reading, node.span) for reading, _ in self.ctx.readings[said:]]

    def _func(self, node: ir.Func) -> Any:
        if node.name == "cos" and isinstance(node.arg, ir.Tuple) and len(node.arg.items) == 2 \
                and node.sub is None and node.sup is None:
            return self._cosine(node)
        if node.name in ("factorial", "binom"):
            return self._counting(node)
        arg = self.expr(node.arg)
        name = node.name
        if name == "det" and node.sup is None and node.sub is None:
            return self._determinant(arg, node)
        if name in ("log", "ln", "lg"):
            base = None
            if node.sub is not None:
                base = self.expr(node.sub)
            elif name == "lg":
                base = sympy.Integer(10)
            fn = (lambda u: sympy.log(u) / sympy.log(base)) if base is not None else sympy.log
        elif name == "exp":
            fn = sympy.exp
        elif name in ("sin", "cos", "tan", "tanh", "sinh", "cosh"):
            fn = getattr(sympy, name)
        elif name in ("arcsin", "arccos", "arctan"):
            fn = getattr(sympy, "a" + name[3:])
        elif name == "sgn":
            fn = sympy.sign
        elif name in ("floor", "ceil"):
            fn = sympy.floor if name == "floor" else sympy.ceiling
        else:
            raise LoweringError("unsupported-notation", phrase("eq-command-unsupported", command="\\" + name),
                                node.span, "\\" + name)
        value = self._elementwise(fn, arg)
        if node.sup is not None:
            exponent = self.expr(node.sup)
            check_power(value, exponent, node.span)
            value = value ** exponent if not isinstance(value, MatrixExpr) else \
                self._elementwise(lambda u: u ** exponent, value)
        return value

    def _counting(self, node: ir.Func) -> Any:
        """`n!`, `\\binom{n}{k}` of whole numbers written in the equation (a worked example); of an
        input, not read: eq2code draws real-valued inputs, where neither is defined."""
        args = node.arg.items if isinstance(node.arg, ir.Tuple) else [node.arg]
        values = [self.expr(a) for a in args]
        if not all(isinstance(v, sympy.Integer) and v >= 0 for v in values) or any(v > 1000 for v in values):
            raise LoweringError("not-checkable", phrase("eq-counting-of-input", what=phrase(f"what-{node.name}")),
                                node.span, "!" if node.name == "factorial" else "\\binom")
        return sympy.factorial(values[0]) if node.name == "factorial" else sympy.binomial(*values)

    def _determinant(self, value: Any, node: ir.Func) -> Any:
        """\\det of a square matrix (its two sizes are one); of anything else, not read."""
        if not isinstance(value, MatrixExpr) or value.shape[1] == 1:
            raise LoweringError("not-checkable", phrase("eq-det-not-matrix"), node.span, "\\det")
        self._unify_dims(value.shape[0], value.shape[1], node)
        return sympy.Determinant(self.canonical(value))

    def _cosine(self, node: ir.Func) -> Any:
        """\\cos(𝐚, 𝐛) of two vectors: the cosine similarity 𝐚·𝐛 / (‖𝐚‖ ‖𝐛‖)."""
        a, b = (self.expr(x) for x in node.arg.items)  # type: ignore[attr-defined]
        if not (_column(a) and _column(b)):
            raise LoweringError("not-checkable", phrase("eq-cos-not-vectors"), node.span, "\\cos")
        a, b = self._same_shape(a, b, node)
        self.ctx.readings.append((phrase("read-cosine-similarity"), node.span))
        k = sympy.Symbol("_c", **INDEX_ASSUMPTIONS)
        n = a.shape[0]
        dot = sympy.Sum(a[k - 1, 0] * b[k - 1, 0], (k, 1, n))
        norm_a = sympy.sqrt(sympy.Sum(a[k - 1, 0] ** 2, (k, 1, n)))
        norm_b = sympy.sqrt(sympy.Sum(b[k - 1, 0] ** 2, (k, 1, n)))
        return dot / (norm_a * norm_b)

    def _elementwise(self, fn, value: Any) -> Any:
        if isinstance(value, MatrixExpr):
            u = sympy.Dummy("u", real=True)
            return Apply(sympy.Lambda(u, fn(u)), value)
        return fn(value)

    # -- arithmetic ------------------------------------------------------------------------
    def _add(self, node: ir.Add) -> Any:
        total: Any = None
        for sign, term in node.terms:
            value = self.expr(term)
            if sign == "-":
                value = -value
            elif sign in ("pm", "mp"):
                raise LoweringError("not-checkable", phrase("eq-plus-minus"), term.span, "\\pm")
            total = value if total is None else self._plus(total, value, node)
        return total

    def _plus(self, a: Any, b: Any, node: ir.Node) -> Any:
        if isinstance(a, MatrixExpr) and isinstance(b, MatrixExpr):
            if (row := self._bias_row(a, b, node)) is not None:
                return self.canonical(a) + row
            if (row := self._bias_row(b, a, node)) is not None:
                return row + self.canonical(b)
            a, b = self._same_shape(a, b, node)
        elif isinstance(a, MatrixExpr) != isinstance(b, MatrixExpr):
            matrix, scalar = (a, b) if isinstance(a, MatrixExpr) else (b, a)
            if scalar != 0:
                u = sympy.Dummy("u", real=True)
                return Apply(sympy.Lambda(u, u + scalar), matrix)
        return a + b

    def _bias_row(self, matrix: MatrixExpr, vector: MatrixExpr, node: ir.Node) -> Any:
        """`XW + \\mathbf{b}` with X W an N×M matrix and b a vector of M entries (N is another
        size): b added to every row, the bias row of ML notes (reported). The vector as a row
        repeated N times, or None when the shapes say something else."""
        rows, cols = matrix.shape
        length, one = vector.shape
        if length == 1 and one != 1 and rows != 1 and cols != 1 and self._same_dim(cols, one) \
                and not self._same_dim(rows, 1):
            # XW + b with b declared a 1×M row (ℝ^{1×h}): added to every row, as NumPy broadcasts it
            if (phrase("read-bias-row"), node.span) not in self.ctx.readings:
                self.ctx.readings.append((phrase("read-bias-row"), node.span))
            return sympy.OneMatrix(self.canonical(rows), 1) * self.canonical(vector)
        if one != 1 or cols == 1 or rows == 1:
            return None
        if not self._same_dim(cols, length) and self._inferred(cols) and self._inferred(length) \
                and not self._same_dim(rows, length) and self.canonical(matrix).atoms(sympy.MatMul):
            self._unify_dims(cols, length, node)  # 𝐗𝐖 + 𝐛, nothing declared: b has one entry per column
        if not self._same_dim(cols, length) or self._same_dim(rows, length):
            return None
        if (phrase("read-bias-row"), node.span) not in self.ctx.readings:
            self.ctx.readings.append((phrase("read-bias-row"), node.span))
        return sympy.OneMatrix(self.canonical(rows), 1) * self.canonical(vector).T

    def _inferred(self, d: Any) -> bool:
        """A size no declaration gave (n_X_2): free to be unified with another."""
        d = self.ctx.dim_symbol(d) if isinstance(d, str) else d
        return isinstance(d, sympy.Symbol) and self.ctx.sizes.find(str(d)) in self.ctx.sizes.synthetic

    def _same_dim(self, da: Any, db: Any) -> bool:
        da, db = (self.ctx.dim_symbol(d) if isinstance(d, str) else d for d in (da, db))
        if da == db:
            return True
        if isinstance(da, sympy.Symbol) and isinstance(db, sympy.Symbol):
            return bool(self.ctx.sizes.find(str(da)) == self.ctx.sizes.find(str(db)))
        return False

    def _same_shape(self, a: MatrixExpr, b: MatrixExpr, node: ir.Node) -> tuple[Any, Any]:
        for da, db in zip(a.shape, b.shape):
            self._unify_dims(da, db, node)
        return self.canonical(a), self.canonical(b)

    def _unify_dims(self, da: Any, db: Any, node: ir.Node) -> None:
        da, db = (self.ctx.dim_symbol(d) if isinstance(d, str) else d for d in (da, db))
        if da == db:
            return
        if not all(isinstance(d, (sympy.Symbol, sympy.Integer, int)) for d in (da, db)):
            if sympy.simplify(da - db) == 0:
                return
            raise LoweringError("not-checkable", phrase("eq-shapes-do-not-fit", left=str(da), right=str(db)),
                                node.span)
        na, nb = str(da), str(db)
        sizes = self.ctx.sizes
        if sizes.find(na) == sizes.find(nb):
            return
        if sizes.find(na) in sizes.synthetic or sizes.find(nb) in sizes.synthetic:
            sizes.union(na, nb)
            return
        raise LoweringError("not-checkable", phrase("eq-shapes-do-not-fit", left=na, right=nb), node.span)

    def canonical(self, value: Any) -> Any:
        """Replace every size symbol by its representative."""
        if not hasattr(value, "free_symbols"):
            return value
        mapping = {}
        for s in value.free_symbols:
            if isinstance(s, sympy.Symbol) and s.is_integer and s.is_positive:
                rep = self.ctx.sizes.find(s.name)
                if rep != s.name:
                    mapping[s] = int(rep) if rep.isdigit() else size_symbol(rep)
        for m in value.atoms(sympy.MatrixSymbol):
            for d in m.shape:
                if isinstance(d, sympy.Symbol):
                    rep = self.ctx.sizes.find(d.name)
                    if rep != d.name:
                        mapping[d] = int(rep) if rep.isdigit() else size_symbol(rep)
        return value.xreplace(mapping) if mapping else value

    def _times(self, a: Any, b: Any, node: ir.Node) -> Any:
        if isinstance(a, MatrixExpr) and isinstance(b, MatrixExpr):
            if b.shape == (1, 1) and a.shape[1] == 1 and a.shape[0] != 1:
                return b[0, 0] * a  # 𝐱^{(i)}(𝐰^⊤𝐱^{(i)} + b − y^{(i)}): a vector times a number (a 1 × 1 value)
            if a.shape == (1, 1) and b.shape[1] == 1 and b.shape[0] != 1:
                return a[0, 0] * b
            if a.shape[1] == 1 and b.shape[1] == 1 and a.shape[0] != 1:
                a, b = self._same_shape(a, b, node)  # two column vectors juxtaposed: elementwise
                return sympy.HadamardProduct(a, b)
            if a.shape[1] == 1 and a.shape[0] != 1 and b.shape[0] != 1 and b.shape[1] != 1:
                # 𝐱_t W_{xh} with 𝐱_t ∈ ℝ^d: the vector as a row (𝐱_t^⊤ W), its value the vector W^⊤ 𝐱_t (said)
                self._unify_dims(a.shape[0], b.shape[0], node)
                if (phrase("read-row-vector-product"), node.span) not in self.ctx.readings:
                    self.ctx.readings.append((phrase("read-row-vector-product"), node.span))
                return sympy.MatMul(self.canonical(b).T, self.canonical(a))
            self._unify_dims(a.shape[1], b.shape[0], node)
            return sympy.MatMul(self.canonical(a), self.canonical(b))
        return a * b

    def _prefix_transpose(self, node: ir.Product) -> ir.Node | None:
        """`{}^t A`, `{}^{T}\\!W x`: a t on the left shoulder of the next factor is its transpose, as
        Japanese texts write it (ᵗA; said)."""
        for k, mark in enumerate(node.factors[:-1]):
            target = node.factors[k + 1]
            if isinstance(mark, ir.Script) and isinstance(mark.base, ir.Empty) and mark.sup is None \
                    and mark.sub is not None and node.ops[k + 1] is None and isinstance(target, ir.Script) \
                    and _named(target.base, "C") and target.sub is not None and target.sup is None:
                # {}_nC_k: the number of combinations, as Japanese school mathematics writes \\binom{n}{k}
                self.ctx.readings.append((phrase("read-combinations"), (mark.span[0], target.span[1])))
                moved: ir.Node = ir.Func("binom", ir.Tuple([mark.sub, target.sub], "(", span=target.span),
                                         span=(mark.span[0], target.span[1]))
                factors = [*node.factors[:k], moved, *node.factors[k + 2:]]
                if len(factors) == 1:
                    return factors[0]
                return ir.Product(factors, [*node.ops[:k + 1], *node.ops[k + 2:]], span=node.span)
            if not (isinstance(mark, ir.Script) and isinstance(mark.base, ir.Empty) and mark.sub is None
                    and _is_transpose_mark(mark.sup) and node.ops[k + 1] is None):
                continue
            top = ir.Special("top", span=mark.span)
            if isinstance(target, ir.Script) and target.sup is None and not target.primes:
                moved = ir.Script(target.base, target.sub, top, span=(mark.span[0], target.span[1]))
            else:
                moved = ir.Script(target, None, top, span=(mark.span[0], target.span[1]))
            self.ctx.readings.append((phrase("read-prefix-transpose"), mark.span))
            factors = [*node.factors[:k], moved, *node.factors[k + 2:]]
            if len(factors) == 1:
                return factors[0]
            return ir.Product(factors, [*node.ops[:k + 1], *node.ops[k + 2:]], span=node.span)
        return None

    def _product(self, node: ir.Product) -> Any:
        replaced = self._substitute_in_product(node) or self._prefix_transpose(node) or self._words(node) \
            or self._labelled_application(node) or self._indicator_braces(node)
        if replaced is not None:
            return self.expr(replaced)
        for k, factor in enumerate(node.factors):
            nxt = node.factors[k + 1] if k + 1 < len(node.factors) else None
            power = None
            if nxt is not None and _is_nabla(factor) and isinstance(nxt, ir.Script) and isinstance(nxt.base, ir.Call) \
                    and nxt.sub is None and nxt.sup is not None and not nxt.primes and not self._defined(nxt.base):
                power, nxt = nxt, nxt.base  # ∇f(w)^2: the square of the given gradient
            if nxt is not None and _is_hessian(factor) and node.ops[k + 1] is None and not self._defined(nxt) \
                    and isinstance(nxt, ir.Call) and function_key(nxt.func) is not None:
                return self._with_hessian(node, k)
            if nxt is not None and _is_nabla(factor) and node.ops[k + 1] is None and not self._defined(nxt):
                # ∇f(x_n), ∇_θ J(θ), ∇_W 𝓛: the gradient of an undefined function is the given gradient
                at = self._gradient_point(factor, nxt)
                fname = self._func_name(nxt.func) if isinstance(nxt, ir.Call) else symbol_key(nxt)
                grad = self._gradient_input(at, fname or "f", ir.Product(
                    [factor, nxt], [None, None], span=(factor.span[0], nxt.span[1])), "gradient")
                if power is not None:
                    self.ctx.readings.append((phrase("read-gradient-squared"), power.span))
                    exponent = self.expr(power.sup)  # type: ignore[arg-type]
                    grad = self._elementwise(lambda u, e=exponent: u ** e, grad)
                factors = node.factors[:k] + node.factors[k + 2:]
                if not factors:
                    return grad
                rest_ops = node.ops[:k + 1] + node.ops[k + 2:]
                others = factors[0] if len(factors) == 1 else ir.Product(factors, [None, *rest_ops[1:]], span=node.span)
                if k == 0:
                    return self._times(grad, self.expr(others), node)
                head = self.expr(ir.Product(node.factors[:k], node.ops[:k], span=node.span)
                                 if k > 1 else node.factors[0])
                scaled = self._times(head, grad, node)
                if k + 2 < len(node.factors):
                    tail = node.factors[k + 2:]
                    scaled = self._times(scaled, self.expr(tail[0] if len(tail) == 1 else ir.Product(
                        tail, [None, *node.ops[k + 3:]], span=node.span)), node)
                return scaled
            if _second_derivative(factor):  # \frac{d^2}{dw^2} g(v): never d²/(d w²), a fraction of inputs
                return self._second_derivative_product(node, k)
            var = self._derivative_variable(factor)
            if var is not None:
                rest = node.factors[k + 1:]
                if not rest:
                    raise LoweringError("not-checkable", phrase("eq-derivative-needs-expression"), factor.span)
                applied = rest[0].func if isinstance(rest[0], ir.Call) and isinstance(rest[0].func, ir.Call) \
                    and len(rest[0].args) == 1 else rest[0]  # d/dw g(v)(w − v): g(v), then a factor
                if isinstance(factor, ir.Frac) and isinstance(applied, ir.Call) and not self._defined(applied) \
                        and function_key(applied.func) is not None:  # g, f, h, φ — never σ, exp, a standard one
                    return self._given_derivative(node, k)
                target = rest[0] if len(rest) == 1 else ir.Product(rest, [None, *node.ops[k + 2:]], span=node.span)
                derived = self._differentiate(self.expr(target), var, factor)
                head = node.factors[:k]
                if not head:
                    return derived
                return self._times(self._product(ir.Product(head, node.ops[:k], span=node.span)), derived, node)
        value: Any = None
        previous: ir.Node | None = None
        for op, factor in zip(node.ops, node.factors):
            if op == "circ":
                raise LoweringError("not-checkable", phrase("eq-composition-no-value"),
                                    factor.span, "\\circ")
            rhs = self.expr(factor)
            if value is None:
                value = rhs
            elif op == "cdot" and _column(value) and _column(rhs) and _bare(previous) and _bare(factor):
                a, b = self._same_shape(value, rhs, node)  # 𝐚 · 𝐛 of two named vectors: the dot product
                value = sympy.MatMul(a.T, b)
            elif op == "cdot" and _column(value) and _column(rhs):
                # σ(ξ)·(1 − σ(ξ)): computed vectors side by side, entry by entry
                self.ctx.readings.append((phrase("read-cdot-entrywise"), factor.span))
                value = sympy.HadamardProduct(*self._same_shape(value, rhs, node))
            elif op in ("slash", "div"):
                value = self._divide(value, rhs, factor)
            elif op == "odot" and not (isinstance(value, MatrixExpr) and isinstance(rhs, MatrixExpr)):
                value = self._times(value, rhs, node)  # c = a ⊙ b on undeclared (scalar) symbols
            elif op == "odot":
                value = sympy.HadamardProduct(*self._same_shape(value, rhs, node))
            else:
                value = self._times(value, rhs, node)
            previous = factor
        return value

    def _second_derivative_input(self, at: Any, fname: str, node: ir.Node) -> Any:
        """g''(w) of a function the file does not define, at a scalar point: the given second derivative,
        an input of its own (`d2`), never the gradient g'(w) beside it (Newton's step g'(w)/g''(w))."""
        if isinstance(at, MatrixExpr):
            raise LoweringError("not-checkable", phrase("eq-hessian-of-scalar"), node.span)
        ctx = self.ctx
        ident = f"second:{fname}@{at}"
        key = ctx.gradients.get(ident)
        if key is None:
            key = "d2" if "d2" not in ctx.gradients.values() else f"d2_{_plain(str(at))}"
            ctx.gradients[ident] = key
            ctx.aliases[key] = tuple(a for a in ("second", "d2", "dd", "hess", "hessian", f"d2{_plain(fname)}",
                                                 f"{_plain(fname)}pp") if a != key)
            ctx.readings.append((phrase("read-given-second-derivative", function=latex_of(fname), input=key),
                                 node.span))
        ctx.scalars.setdefault(key, latex_of(key))
        ctx.note(key)
        return sympy.Symbol(key, real=True)

    def _second_derivative_product(self, node: ir.Product, k: int) -> Any:
        """\\frac{d^2}{dw^2} g(v) (w − v)^2 of a function g the file does not define: its given second derivative
        d2 times what follows; of anything else, not computed (not checkable)."""
        factor = node.factors[k]
        call = node.factors[k + 1] if k + 1 < len(node.factors) else None
        after: list[ir.Node] = []
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Call) and len(call.args) == 1:
            call, after = call.func, [call.args[0]]
        if not isinstance(call, ir.Call) or self._defined(call) or function_key(call.func) is None \
                or len(call.args) != 1:
            raise LoweringError("not-checkable", phrase("eq-second-derivative"), factor.span)
        value = self._second_derivative_input(self.expr(call.args[0]), self._func_name(call.func) or "f",
                                              ir.Product([factor, call], [None, None],
                                                         span=(factor.span[0], call.span[1])))
        return self._in_place_of_pair(node, k, value, after)

    def _in_place_of_pair(self, node: ir.Product, k: int, value: Any, after: list[ir.Node] | None = None) -> Any:
        """The product with `value` in place of its factors k and k+1 (an operator and what it applies
        to): the factors before it times `value`, times `after` (a bracket the pair swallowed), times
        the factors after it."""
        if k > 0:
            head = node.factors[0] if k == 1 else ir.Product(node.factors[:k], node.ops[:k], span=node.span)
            value = self._times(self.expr(head), value, node)
        for extra in after or []:
            value = self._times(value, self.expr(extra), node)
        rest = node.factors[k + 2:]
        if rest:
            tail = rest[0] if len(rest) == 1 else ir.Product(rest, [None, *node.ops[k + 3:]], span=node.span)
            value = self._times(value, self.expr(tail), node)
        return value

    def _given_derivative(self, node: ir.Product, k: int) -> Any:
        """\\frac{d}{dw} g(w^0) (w - w^0) of a function g the file does not define: the derivative of g at that
        point is the given gradient (as ∇g(w^0) and g'(w^0) are), and it multiplies the factors after it —
        never the derivative of g's given values times the rest (that was a silent misreading)."""
        factor, call = node.factors[k], node.factors[k + 1]
        after: list[ir.Node] = []
        if isinstance(call, ir.Call) and isinstance(call.func, ir.Call):  # g(v)(w − v): the bracket multiplies
            call, after = call.func, [call.args[0]]
        fname = self._func_name(call.func)  # type: ignore[attr-defined]
        at = self._gradient_point(factor, call)
        if isinstance(at, MatrixExpr) and not isinstance(self._derivative_variable(factor), MatrixExpr):
            raise LoweringError("not-checkable", phrase("eq-partial-of-given"), factor.span)  # ∂/∂w_j g(𝐰)
        value = self._gradient_input(at, fname or "f", ir.Product([factor, call], [None, None], span=(
            factor.span[0], call.span[1])), "derivative")
        return self._in_place_of_pair(node, k, value, after)

    def _with_hessian(self, node: ir.Product, k: int) -> Any:
        """∇²g(𝐰) of a function the file does not define (Newton's step): the Hessian is given, an input
        `hess` that is a square matrix as wide as the point (never the gradient: ∇g beside it is `grad`)."""
        factor, nxt = node.factors[k], node.factors[k + 1]
        at = self._gradient_point(factor, nxt)
        if not isinstance(at, MatrixExpr) or at.shape[1] != 1:
            raise LoweringError("not-checkable", phrase("eq-hessian-of-scalar"), factor.span)
        fname = self._func_name(nxt.func) if isinstance(nxt, ir.Call) else symbol_key(nxt)
        ctx, rows = self.ctx, at.shape[0]
        ident = f"hessian:{fname}@{at}"
        key = ctx.gradients.get(ident)
        if key is None:
            key = "hess" if "hess" not in ctx.gradients.values() else f"hess_{_plain(str(at))}"
            ctx.gradients[ident] = key
            ctx.aliases[key] = tuple(a for a in ("hessian", "H", "hess", f"hess_{_plain(str(at))}") if a != key)
            ctx.readings.append((phrase("read-given-hessian", function=latex_of(fname or "f"), input=key),
                                 (factor.span[0], nxt.span[1])))
        if key not in ctx.arrays:
            ctx.arrays[key] = ArrayUse(key, [str(rows), str(rows)], latex_of(key))
        ctx.note(key)
        return self._in_place_of_pair(node, k, sympy.MatrixSymbol(key, rows, rows))

    def _iterate_point(self, var: ir.Node, at: Any) -> Any:
        """The variable of ∇_W 𝓛, ∂𝓛/∂W written as the bare letter of the iterate the file declares
        (W_t ∈ ℝ^{m×n}, the update's W_{t+1} = W_t − η∇_W 𝓛): the gradient is taken at that iterate
        and has its shape. A letter that is itself declared, defined or an index stays as written,
        as does one whose letter names no single declared array."""
        ctx = self.ctx
        if not isinstance(var, ir.Ident) or isinstance(at, MatrixExpr) or not isinstance(at, sympy.Symbol):
            return at
        key = var.key
        if key in ctx.decls or key in ctx.quantities or key in ctx.indices or key in ctx.arrays:
            return at
        iterates = [k for k, d in ctx.decls.items() if d.shape and k.startswith(key + "_")]
        if len({ctx.decls[k].shape for k in iterates}) != 1:
            return at
        return self.symbol(iterates[0], var, bare=True)

    def _sloped_relu(self, node: ir.Call) -> Any:
        """PReLU[γ, z], LeakyReLU(x, α): the slope given as one of two arguments — the one that is a
        bare Greek letter, the other being the input (said). One argument, or no such letter: the
        slope is not given, and the function stays undefined (None)."""
        if len(node.args) != 2:
            return None
        greek = [k for k, a in enumerate(node.args)
                 if isinstance(a, ir.Ident) and a.name in GREEK_SLOPES and not a.accents]
        if len(greek) != 1:
            return None
        slope_node, x_node = node.args[greek[0]], node.args[1 - greek[0]]
        slope = self.expr(slope_node)
        if isinstance(slope, MatrixExpr):
            return None
        self.ctx.readings.append((phrase("read-relu-slope", slope=latex_of(symbol_key(slope_node) or "")), node.span))
        return self._elementwise(lambda u: prelu(u, slope), self.expr(x_node))

    def _gradient_point(self, nabla: ir.Node, target: ir.Node) -> Any:
        """Where a gradient is taken: the call's argument (∇f(𝐱_n)), else the variable (∇_W 𝓛)."""
        if isinstance(target, ir.Call) and len(target.args) == 1:
            return self.expr(target.args[0])
        if isinstance(nabla, ir.Script) and nabla.sub is not None:
            return self._iterate_point(nabla.sub, self.expr(nabla.sub))
        if isinstance(target, ir.Call) and target.args:
            return self.expr(target.args[0])
        raise LoweringError("not-checkable", phrase("eq-gradient-needs-variable"), nabla.span)

    def _words(self, node: ir.Product) -> ir.Node | None:
        """TP, FN, MSE (capitals side by side, none of them used alone or known) and declared or
        defined words (`TP \\in …`, `acc = …`): one name each, not a product of letters."""
        factors, ops, changed = list(node.factors), list(node.ops), False
        k = 0
        while k < len(factors):
            end = k
            while end < len(factors) and _letter(factors[end]) and (end == k or ops[end] is None):
                end += 1
            applied = end < len(factors) and ops[end] is None and isinstance(factors[end], ir.Call) \
                and _letter(factors[end].func)  # type: ignore[attr-defined]
            if end - k >= 2 and end < len(factors) and ops[end] is None \
                    and _subscripted_word(factors[k:end + 1]):
                last = factors[end]  # err_m, acc_t: a small-letter word with an index, not e·r·r_m
                word = "".join(f.name for f in factors[k:end]) + last.base.name  # type: ignore[attr-defined]
                span = (factors[k].span[0], last.base.span[1])  # type: ignore[attr-defined]
                self.ctx.readings.append((phrase("read-word", word=word), span))
                factors[k:end + 1] = [ir.Script(ir.Ident(word, span=span), last.sub, last.sup,  # type: ignore[attr-defined]
                                                span=(span[0], last.span[1]))]
                ops[k:end + 1] = [ops[k]]
                changed = True
                k += 1
                continue
            if end - k >= 2 or (applied and end - k >= 1):
                letters = "".join(f.name for f in factors[k:end])  # type: ignore[attr-defined]
                function_word = applied and _applied_word(factors[k:end + 1])
                if applied and (_spelled_word(letters + factors[end].func.name)  # type: ignore[attr-defined]
                                or function_word):
                    call = factors[end]  # Error(Y - Ŷ): a word applied, not E·r·r·o·r(…)
                    word = letters + call.func.name  # type: ignore[attr-defined]
                    span = (factors[k].span[0], call.func.span[1])  # type: ignore[attr-defined]
                    # softmax(𝐳), avg(x): small letters run together before a bracket name a
                    # function, as \operatorname{softmax}(𝐳) does
                    self.ctx.readings.append((phrase("read-applied-word" if function_word else "read-word",
                                                     word=word), span))
                    factors[k:end + 1] = [ir.Call(ir.Ident(word, style="op" if function_word else "", span=span),
                                                  call.args, call.bracket,  # type: ignore[attr-defined]
                                                  span=(span[0], call.span[1]))]
                    ops[k:end + 1] = [ops[k]]
                    changed = True
                    k += 1
                    continue
                span = (factors[k].span[0], factors[end - 1].span[1])
                if end - k >= 2 and self._is_word(letters, span):
                    factors[k:end] = [ir.Ident(letters, span=span)]
                    ops[k:end] = [ops[k]]
                    changed = True
            k = max(end, k + 1) if end - k < 2 else k + 1
        if not changed:
            return None
        return factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)

    def _is_word(self, word: str, span: ir.Span) -> bool:
        ctx = self.ctx
        if word in ctx.decls or word in ctx.quantities:
            return True
        if _spelled_word(word):  # Loss, Cost, Error: no one writes L·o·s·s for L o s²
            ctx.readings.append((phrase("read-word", word=word), span))
            return True
        if _written_word(word, span, ctx.writes_words):  # gradapprox, grad, pad: small letters run together
            taken = (ctx.decls, ctx.indices, ctx.bindings, ctx.size_names)
            if not any(letter in k for letter in set(word) for k in taken):
                ctx.readings.append((phrase("read-word", word=word), span))
                return True
        if not (len(word) >= 2 and word.isupper()):
            return False
        known = (ctx.alone, ctx.decls, ctx.indices, ctx.bindings, ctx.quantities, ctx.functions, ctx.matrices)
        if any(letter in k for letter in word for k in known) or any(letter in ctx.size_names for letter in word):
            return False
        product = " \\cdot ".join(word)
        ctx.readings.append((phrase("read-acronym", word=word, product=product), span))
        return True

    def _labelled_application(self, node: ir.Product) -> ir.Node | None:
        """J^{old}(θ) among the factors: the function J^{old} applied (given values when the file
        does not define it), never J to the power o·l·d times θ."""
        for k, factor in enumerate(node.factors[:-1]):
            call = labelled_application(factor, node.factors[k + 1]) if node.ops[k + 1] is None else None
            if call is None or self.ctx.value_points is None or function_key(call.func) not in self.ctx.value_points:
                continue
            factors = [*node.factors[:k], call, *node.factors[k + 2:]]
            ops = [*node.ops[:k + 1], *node.ops[k + 2:]]
            return factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)
        for k, factor in enumerate(node.factors[:-1]):
            nxt = node.factors[k + 1]
            if node.ops[k + 1] is None and isinstance(factor, ir.Script) and isinstance(factor.base, ir.Ident) \
                    and factor.sup is not None and not isinstance(factor.sup, ir.Num) and factor.sub is None \
                    and not factor.primes \
                    and isinstance(nxt, ir.Group) and nxt.bracket == "(" and isinstance(nxt.body, ir.Ident) \
                    and nxt.body.key in self.ctx.head_params and factor.base.key not in self.ctx.head_params:
                # F(x) = Σ_m α_m h^m(x): h^m applied to F's own argument — the m-th function h, not h^m·x
                raise LoweringError("not-checkable", phrase("eq-function-undefined",
                                                            function=latex_of(symbol_key(factor) or factor.base.key)),
                                    factor.span)
        return None

    def _indicator_braces(self, node: ir.Product) -> ir.Node | None:
        """`1\\{y^{(i)} = j\\}`, `\\mathbb{1}\\{y_i = k\\}`: a one, then braces around one comparison — the
        indicator of the comparison (said); a set of one truth value would have no numeric value."""
        for k, factor in enumerate(node.factors[:-1]):
            nxt = node.factors[k + 1]
            one = isinstance(factor, ir.Num) and factor.text == "1"
            if not (one or isinstance(factor, ir.Ident)) or node.ops[k + 1] is not None \
                    or not (isinstance(nxt, ir.Tuple) and nxt.bracket == "\\{" and len(nxt.items) == 1):
                continue
            func = ir.Ident("1", "bb", span=factor.span) if one else factor
            if not _is_indicator(func, nxt.items[0]):
                continue
            self.ctx.readings.append((phrase("read-indicator-braces"), (factor.span[0], nxt.span[1])))
            call = ir.Call(func, [nxt.items[0]], "\\{", span=(factor.span[0], nxt.span[1]))
            factors = node.factors[:k] + [call] + node.factors[k + 2:]
            ops = node.ops[:k + 1] + node.ops[k + 2:]
            return factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)
        return None

    def _substitute_in_product(self, node: ir.Product) -> ir.Node | None:
        """α ∇_θ L(θ) with ∇_θ L(θ) := 𝐠 → α 𝐠: a pattern that is a run of factors."""
        for lhs, rhs in self.ctx.patterns:
            if not isinstance(lhs, ir.Product):
                continue
            n = len(lhs.factors)
            for k in range(len(node.factors) - n + 1):
                if node.factors[k:k + n] == lhs.factors and all(op is None for op in node.ops[k + 1:k + n]):
                    factors = node.factors[:k] + [rhs] + node.factors[k + n:]
                    ops = node.ops[:k + 1] + node.ops[k + n:]
                    return factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)
        return None

    def _divide(self, a: Any, b: Any, node: ir.Node) -> Any:
        if isinstance(b, MatrixExpr):
            # m_t / (√v_t + ε) in an optimizer: entry by entry (no matrix division is written so)
            u = sympy.Dummy("u", real=True)
            if not isinstance(a, MatrixExpr):
                return Apply(sympy.Lambda(u, a / u), b)
            a, b = self._same_shape(a, b, node)
            return sympy.HadamardProduct(a, Apply(sympy.Lambda(u, 1 / u), b))
        return a / b if not isinstance(a, MatrixExpr) else sympy.MatMul(1 / b, a)

    def _frac(self, node: ir.Frac) -> Any:
        if _second_derivative_written(node):  # \frac{d^2 f}{dx^2}: never d·f / x², a fraction of inputs
            raise LoweringError("not-checkable", phrase("eq-second-derivative"), node.span)
        var = _derivative_of(node)
        if var is not None:  # \frac{df}{dx}: f must be defined in this file
            fname = _derivative_numerator(node)
            target = _derivative_target(node)
            declared = derivative_key(node)
            if declared is not None and declared in self.ctx.decls:  # \\frac{dC}{dY} \\in ℝ^n: an input
                return self.symbol(declared, node, bare=True)
            if target is not None and self._standard_application(target):
                # \\frac{\\partial \\tanh(x)}{\\partial x}, \\frac{d σ(x)}{dx}: a standard function, differentiated
                return self._differentiate(self.expr(target), self.expr(var), node)
            if target is not None and (fname is None or not self._defined(target)) and \
                    not (fname is not None and fname in self.ctx.functions):
                at = self.expr(var)
                if isinstance(target, ir.Call) and len(target.args) == 1 and not isinstance(at, MatrixExpr):
                    at = self._try(target.args[0], at)
                at = self._iterate_point(var, at)
                return self._gradient_input(at, derivative_function(node) or "f", node, "derivative", declared)
            if fname is None:
                raise LoweringError("not-checkable", phrase("eq-derivative-needs-expression"), node.span)
            if fname in self.ctx.functions and fname not in self.ctx.inlining:  # df/dx of f(x) = …
                value = self.expr(ir.Call(ir.Ident(fname, span=node.span), [var], span=node.span))
            else:
                value = self.symbol(fname, node.num, bare=True)
            return self._differentiate(value, self.expr(var), node)
        return self._divide(self.expr(node.num), self.expr(node.den), node)

    def _try(self, node: ir.Node, default: Any) -> Any:
        try:
            return self.expr(node)
        except LoweringError:
            return default

    def _derivative_variable(self, factor: ir.Node) -> Any:
        """d/dx, ∂/∂x, ∇_x as an operator: the variable it differentiates by."""
        if isinstance(factor, ir.Frac) and _derivative_of(factor) is not None and _is_d(factor.num):
            return self.expr(_derivative_of(factor))  # type: ignore[arg-type]
        if isinstance(factor, ir.Script) and isinstance(factor.base, ir.Special) \
                and factor.base.name == "nabla" and factor.sub is not None:
            return self.expr(factor.sub)
        return None

    def _differentiate(self, value: Any, var: Any, node: ir.Node) -> Any:
        if isinstance(var, sympy.MatrixSymbol) and var.shape[1] == 1:
            gradient = self._vector_gradient(value, var, node)
            if gradient is not None:
                return gradient
        if isinstance(var, sympy.MatrixSymbol) and isinstance(value, Apply) and value.arg == var:
            # d/dx sigmoid(x) with x a vector: the function applies entry by entry, so does its derivative (said)
            u = value.func_.variables[0]
            if (phrase("read-entrywise-derivative"), node.span) not in self.ctx.readings:
                self.ctx.readings.append((phrase("read-entrywise-derivative"), node.span))
            return Apply(sympy.Lambda(u, sympy.diff(value.func_.expr, u)), var)
        if isinstance(var, sympy.Pow) and isinstance(var.base, sympy.Symbol) and var.exp == 2 \
                and not isinstance(value, MatrixExpr):
            return self._by_square(value, var, node)
        if not isinstance(var, (sympy.Symbol, sympy.Indexed)) or isinstance(value, MatrixExpr):
            raise LoweringError("not-checkable", phrase("eq-derivative-by-scalar-only"), node.span)
        if var not in getattr(value, "free_symbols", set()) and not (isinstance(var, sympy.Indexed)
                                                                     and value.has(var.base)):
            raise LoweringError("not-checkable", phrase("eq-does-not-depend", var=str(var)), node.span)
        derivative = sympy.diff(value, var)  # ∂/∂θ_0 of (y_i − θ_0 − θ_1 x_i)²: by one entry, as by a symbol
        if derivative.has(sympy.re, sympy.im):  # d/dθ |y_i − θ| with y_i an entry: every input is real
            derivative = derivative.replace(sympy.re, lambda a: a).replace(sympy.im, lambda a: sympy.Integer(0))
            derivative = sympy.simplify(derivative.doit())
        return derivative

    def _by_square(self, value: Any, var: sympy.Pow, node: ir.Node) -> Any:
        """∂/∂σ² of a formula in σ² (the variance of a Gaussian's likelihood): by v = σ², where the formula
        is written in σ² alone (σ², σ^{-2}, √σ², log σ²) — said; σ written by itself: not read."""
        v = sympy.Symbol("_square", positive=True)
        sigma = var.base
        rewritten = value.subs(sigma, sympy.sqrt(v))
        if not rewritten.has(v) or any(isinstance(p, sympy.Pow) and p.base == v and not p.exp.is_integer
                                       for p in rewritten.atoms(sympy.Pow)):
            raise LoweringError("not-checkable", phrase("eq-derivative-by-scalar-only"), node.span)
        self.ctx.readings.append((phrase("read-derivative-by-square", latex=latex_of(sigma.name)), node.span))
        return sympy.diff(rewritten, v).subs(v, sigma ** 2)

    def _root(self, node: ir.Root) -> Any:
        body = self.expr(node.body)
        if node.index is None:
            return self._elementwise(sympy.sqrt, body)
        n = self.expr(node.index)
        return self._elementwise(lambda u: u ** (1 / n), body)

    def _abs(self, node: ir.Abs) -> Any:
        size = _set_size_name(node.body)
        if size is not None and symbol_key(node.body) not in self.ctx.decls \
                and symbol_key(node.body) not in self.ctx.quantities:  # |𝓑|: how many items the set has
            self.ctx.readings.append((phrase("read-set-size", set=latex_of(symbol_key(node.body) or ""),
                                             size=size), node.span))
            return self._size_expr(ir.Ident(size, span=node.span))
        value = self.expr(node.body)
        if isinstance(value, MatrixExpr) and value.shape[1] == 1 and _vector_written(node.body):
            # |𝐚|, |\\vec{a} − \\vec{b}| of a vector: its length, as school mathematics writes it (said)
            self.ctx.readings.append((phrase("read-abs-of-vector"), node.span))
            return self._norm(ir.Norm(node.body, span=node.span))
        if isinstance(value, MatrixExpr) and value.shape[1] != 1 and isinstance(node.body, ir.Ident) \
                and node.body.key in self.ctx.matrices:
            # |Σ| of a covariance matrix (Σ^{-1} beside it): its determinant, as \det writes it (said)
            self.ctx.readings.append((phrase("read-abs-determinant", latex=latex_of(node.body.key)), node.span))
            self._unify_dims(value.shape[0], value.shape[1], node)
            return sympy.Determinant(self.canonical(value))
        return self._elementwise(sympy.Abs, value)

    def _norm(self, node: ir.Norm, sub: ir.Node | None = None) -> Any:
        """‖𝐯‖_p of a vector: (Σ_k |v_k|^p)^{1/p}; ‖𝐯‖ is the 2-norm."""
        p = key_text(sub) if sub is not None else "2"
        if p is None and isinstance(sub, ir.Script) and isinstance(sub.base, ir.Ident) \
                and sub.base.name in ("L", "l", "ell"):
            p = key_text(sub.sup) or key_text(sub.sub)  # ‖z‖_{L^1}
        if p in ("F", "Fro", "fro", "2,2", "22"):
            return self._frobenius(node)
        if p not in ("1", "2"):
            raise LoweringError("unsupported-notation", phrase("eq-norm-unsupported", p=str(p)), node.span,
                                f"\\|\\cdot\\|_{p}")
        self.ctx.norm_depth += 1
        try:
            value = self.expr(node.body)
        finally:
            self.ctx.norm_depth -= 1
        if not isinstance(value, MatrixExpr):
            return sympy.Abs(value)
        saved = dict(self.ctx.indices)
        try:
            size = self.ctx.sizes.fresh("n_norm", weak=True)
            self._unify_dims(value.shape[0], size_symbol(size), node)
            value = self.canonical(value)
            k = sympy.Symbol("_k", **INDEX_ASSUMPTIONS)
            entry = value[k - 1, 0]
            hi = value.shape[0]
            if p == "1":
                return sympy.Sum(sympy.Abs(entry), (k, 1, hi))
            return sympy.sqrt(sympy.Sum(entry ** 2, (k, 1, hi)))
        finally:
            self.ctx.indices = saved

    def _frobenius(self, node: ir.Norm) -> Any:
        value = self.expr(node.body)
        if not isinstance(value, MatrixExpr):
            return sympy.Abs(value)
        i = sympy.Symbol("_fi", **INDEX_ASSUMPTIONS)
        j = sympy.Symbol("_fj", **INDEX_ASSUMPTIONS)
        rows, cols = value.shape
        return sympy.sqrt(sympy.Sum(value[i - 1, j - 1] ** 2, (i, 1, rows), (j, 1, cols)))

    # -- big operators -----------------------------------------------------------------------
    def _summed_gradient(self, node: ir.BigOp) -> Any:
        """Σ_{i∈𝓑} ∂_𝐰 l^{(i)}(𝐰, b), Σ_i ∂l_i/∂𝐰: the per-example gradients summed over a batch — the
        gradient of the batch's summed loss, which is what code is given (autograd's `param.grad`): one
        input shaped like 𝐰, said. None when the body is anything else."""
        index = node.sub.items[0] if isinstance(node.sub, ir.Chain) and node.sub.items else node.sub
        if node.op != "sum" or not isinstance(index, ir.Ident) or self.ctx.upstream is not None:
            return None  # ∂loss/∂w = Σ_t ∂loss_t/∂w: a derivative on the left, an identity between derivatives
        letter = index.key
        labelled = [n for n in node.body.walk() if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident)
                    and (_label_is(n.sup, letter) or (n.sup is None and _label_is(n.sub, letter)))]
        derivative = any(isinstance(n, ir.Special) and n.name in ("nabla", "partial") for n in node.body.walk())
        if len(labelled) != 1 or not derivative:
            return None
        target = labelled[0]
        bare = ir.Ident(target.base.name, target.base.style, target.base.accents, span=target.span)  # type: ignore[attr-defined]
        body = _replaced(node.body, target, bare)
        if any(isinstance(n, ir.Ident) and n.key == letter for n in body.walk()):
            return None  # the index is used otherwise too: a sum of different terms
        before = len(self.ctx.gradients)
        try:
            value = self.expr(body)
        except LoweringError:
            return None
        if len(self.ctx.gradients) == before:
            return None
        self.ctx.readings.append((phrase("read-summed-gradient", function=target.base.name), node.span))  # type: ignore[attr-defined]
        return value

    def _bigop(self, node: ir.BigOp) -> Any:
        if node.extended:
            self.ctx.readings.append((phrase("read-bigop-reaches-over", op=node.op), node.span))
        if node.op in ("int", "lim", "sup", "inf"):
            what = {"int": "integral", "lim": "limit"}.get(node.op, "supremum")
            raise LoweringError("not-checkable", phrase(f"eq-not-finite-{what}"), node.span, "\\" + node.op)
        if node.op in ("max", "min") and node.sub is None:
            body = node.body
            args = body.items if isinstance(body, ir.Tuple) else [body]
            values = [self.expr(a) for a in args]
            fn = sympy.Max if node.op == "max" else sympy.Min
            arrays = [v for v in values if isinstance(v, MatrixExpr)]
            if len(arrays) == 1:  # \\max(0, 𝐱): entry by entry
                others = [v for v in values if not isinstance(v, MatrixExpr)]
                return self._elementwise(lambda u: fn(u, *others), arrays[0])
            if arrays:
                raise LoweringError("not-checkable", phrase("eq-bigop-several-arrays", op=node.op), node.span,
                                    "\\" + node.op)
            return fn(*values)
        node = _primed_index(node)  # \\sum_{k'=1}^{K} … z_{k'}: an index named k'
        summed = self._summed_gradient(node)
        if summed is not None:
            return summed
        node, kept = self._filtered(node)
        exclude = None
        if isinstance(node.sub, ir.Chain) and node.sub.rels == ["neq"] and isinstance(node.sub.items[0], ir.Ident):
            exclude = node.sub.items[1]  # \\sum_{j \\neq y_i}: every j but one
            node = ir.BigOp(node.op, node.sub.items[0], node.sup, node.body, span=node.span)
        elif isinstance(node.sub, ir.Chain) and node.sub.rels == ["in"] and isinstance(node.sub.items[0], ir.Ident) \
                and _named_set(node.sub.items[1]):
            items_of = _items_of_set(node.body, node.sub.items[0], self.ctx)
            if items_of is None and _used_as_value(_without_labels(node.body), node.sub.items[0].key):
                # \\sum_{\\mathbf{x} \\in \\mathcal{B}} (\\mathbf{x} - \\hat{\\mu})^2, members not readable as items:
                # the members themselves, not positions — had been the integers 1 … n, silently
                raise LoweringError("not-checkable", phrase("eq-bigop-over-members", op=node.op,
                                                            name=latex_of(node.sub.items[0].key)), node.span)
            # \\sum_{i \\in \\mathcal{V}}: over the whole named set (an axis)
            self.ctx.readings.append((phrase("read-bigop-named-set", op=node.op, name=node.sub.items[0].name),
                                      node.sub.span))
            sub = node.sub
            size = _set_size_name(sub.items[1])
            index = sub.items[0]
            assert isinstance(index, ir.Ident)
            items = _items_of_set(node.body, index, self.ctx)
            body = node.body
            if items is not None:  # Σ_{𝐱 ∈ 𝓑} 𝐱: the sum runs over the items, 𝐱 is item k (said)
                self.ctx.readings.append((phrase("read-set-items", item=latex_of(index.key)), sub.span))
                index = ir.Ident(_fresh_index(self.ctx), span=index.span)
                body = items(index)
            if size is not None and node.sup is None:  # Σ_{i ∈ 𝓑} … / |𝓑|: the axis has |𝓑| items
                start = ir.Chain([index, ir.Num("1", span=sub.span)], ["eq"], span=sub.span)
                node = ir.BigOp(node.op, start, ir.Ident(size, span=sub.span), body, span=node.span)
            else:
                node = ir.BigOp(node.op, index, node.sup, body, span=node.span)
        elif (node.sub is None or _says_all_entries(node.sub)) and node.op in ("sum", "prod"):
            node = self._rangeless(node)
        elif isinstance(node.sub, ir.Num) and node.sup is not None and node.op in ("sum", "prod") \
                and (implicit := self._implicit_index(node.body)) is not None:
            # \sum_1^n |w_i|: the limits are written, the index is the body's subscript
            self.ctx.readings.append((phrase("read-bigop-implicit-index", op=node.op, letter=implicit),
                                      node.sub.span))
            start = ir.Chain([ir.Ident(implicit, span=node.sub.span), node.sub], ["eq"], span=node.sub.span)
            node = ir.BigOp(node.op, start, node.sup, node.body, span=node.span)
        elif node.op in ("sum", "prod") and node.sup is None and isinstance(node.sub, ir.Ident) \
                and not node.sub.style and len(node.sub.name) == 1 and not _mentions_key(node.body, node.sub.key) \
                and (implicit := self._implicit_index(node.body)) is not None and implicit != node.sub.name:
            node = self._count_under_bigop(node, node.sub, implicit)
        letter, lo, hi = self._limits(node)
        symbol = sympy.Symbol(letter.name if isinstance(letter, ir.Ident) else "k", **INDEX_ASSUMPTIONS)
        saved = dict(self.ctx.indices)
        try:
            self.ctx.indices[letter.key] = (symbol, lo, hi)
            body = self.expr(node.body)
            if exclude is not None:
                but = self.expr(exclude) + (1 if self._class_index_from_zero(exclude) else 0)  # y_i counted from 0
                body = sympy.Piecewise((body, sympy.Ne(symbol, but)), (0, True))
            if kept is not None:  # \\sum_{i : z_i = j}: the terms where the condition holds
                body = self._kept_terms(node, kept, body)
        finally:
            self.ctx.indices = saved
        if node.op == "entries":  # (s_1, \\ldots, s_m): the vector of the entries (an ellipsis read)
            if isinstance(body, MatrixExpr) and body.shape == (1, 1):
                body = self.canonical(body)[0, 0]  # [𝐱^T 𝐰_0, …, 𝐱^T 𝐰_n]: a number per entry
            if isinstance(body, MatrixExpr) and not (isinstance(body, Entries) and body.shape[1] == 1):
                raise LoweringError("not-checkable", phrase("eq-ellipsis", command="\\ldots"), node.span)
            return Entries(body, sympy.Tuple(symbol, lo, hi))  # of a row's entries: the matrix of the rows
        if isinstance(body, MatrixExpr) and body.shape == (1, 1) and node.op != "sum":
            body = self.canonical(body)[0, 0]  # \argmax_i 𝐱·𝐲_i: a number per i (a dot product)
        if isinstance(body, MatrixExpr) and node.op == "sum" and exclude is None:
            return ArraySum(body, sympy.Tuple(symbol, lo, hi))  # Σ_n (y_n − μ_n) 𝐱_n: a sum of vectors
        if isinstance(body, MatrixExpr):  # the notation is read; its value over arrays is not computed
            raise LoweringError("not-checkable", phrase("eq-bigop-over-matrices", op=node.op), node.span,
                                "\\" + node.op)
        if node.op in ("argmax", "argmin") and lo != 0 and not self.position_compared:
            # \argmax_i z_i: a position counted from 1 in the notes and from 0 by np.argmax — never compared
            raise LoweringError("not-checkable", phrase("eq-argmax-position", op=node.op), node.span, "\\" + node.op)
        if node.op == "sum":
            return sympy.Sum(body, (symbol, lo, hi))
        if node.op == "prod":
            return sympy.Product(body, (symbol, lo, hi))
        return Reduce(sympy.Symbol(node.op), body, sympy.Tuple(symbol, lo, hi))

    def _filtered(self, node: ir.BigOp) -> tuple[ir.BigOp, ir.Node | None]:
        """`\\sum_{i : z_i = j}`, `\\sum_{j : \\hat{y}_j \\ne y_j}`, `\\sum_{\\theta < y_i}` (the index is the
        condition's subscript): a sum (product) over the index's whole range of the terms where the
        condition holds (said) — (the sum without the condition, the condition) or (node, None)."""
        sub = node.sub
        if node.op not in ("sum", "prod") or not isinstance(sub, ir.Chain):
            return node, None
        if len(sub.rels) == 2 and sub.rels[0] in (":", "colon", "mid") and isinstance(sub.items[0], ir.Ident) \
                and sub.rels[1] in COMPARISONS:
            index, condition = sub.items[0], ir.Chain(sub.items[1:], sub.rels[1:], span=sub.span)
        elif len(sub.rels) == 1 and sub.rels[0] in ("lt", "gt", "le", "ge") and node.sup is None \
                and (implied := self._implicit_index(sub)) is not None \
                and all(self._implicit_index(item) in (None, implied) for item in sub.items):
            index, condition = ir.Ident(implied, span=sub.span), sub  # \\sum_{\\theta < y_i}: over i
        else:
            return node, None
        if not _mentions_key(condition, index.key):
            return node, None  # \\sum_{i : a < b}: the condition names no item of the index
        self.ctx.readings.append((phrase("read-bigop-filter", op=node.op, letter=index.name), sub.span))
        return ir.BigOp(node.op, index, node.sup, node.body, span=node.span), condition

    def _kept_terms(self, node: ir.BigOp, condition: ir.Node, body: Any) -> Any:
        """The body where the condition holds, else 0 (a sum) or 1 (a product); an equality (or not) of a
        label and an index draws the label from the index's range, one of two values that are not
        indices is not read (random values are never equal)."""
        test = self._condition(condition)
        if isinstance(test, sympy.logic.boolalg.BooleanAtom) \
                or (isinstance(test, (sympy.Eq, sympy.Ne)) and not self._draw_labels(test)):
            raise LoweringError("not-checkable", phrase("eq-filter-values-equal", op=node.op), condition.span,
                                "\\" + node.op)
        if node.op == "sum":
            return sympy.Piecewise((sympy.Integer(1), test), (sympy.Integer(0), True)) * body
        return sympy.Piecewise((body, test), (sympy.Integer(1), True))

    def _count_under_bigop(self, node: ir.BigOp, sub: ir.Ident, implicit: str) -> ir.BigOp:
        """\\sum_N (y_i − ŷ_i)^2: N is not in what is summed, which runs over its subscript i — the
        capital is the count, read as \\sum_{i=1}^{N} (said); a small letter there is not read."""
        if not sub.name.isupper():
            raise LoweringError("not-checkable", phrase("eq-bigop-index-unused", op=node.op, letter=sub.name,
                                                        used=implicit), node.span, "\\" + node.op)
        self.ctx.readings.append((phrase("read-bigop-count", op=node.op, count=sub.name, letter=implicit),
                                  sub.span))
        start = ir.Chain([ir.Ident(implicit, span=sub.span), ir.Num("1", span=sub.span)], ["eq"], span=sub.span)
        return ir.BigOp(node.op, start, sub, node.body, span=node.span)

    def _implicit_index(self, body: ir.Node, rebound: bool = False) -> str | None:
        """\\prod d_i: the one-letter subscript of the body that names nothing else (with `rebound`, also
        the index of an enclosing sum: the inner sum's own index)."""
        for n in body.walk():
            if isinstance(n, ir.Script) and isinstance(n.sub, ir.Ident) and len(n.sub.name) == 1 \
                    and n.sub.name.islower() and (rebound or n.sub.key not in self.ctx.indices) \
                    and n.sub.key not in self.ctx.decls and n.sub.key not in self.ctx.size_names:
                return n.sub.name
        return None

    def _rangeless(self, node: ir.BigOp) -> ir.BigOp:
        """A sum written without a range: over its body's subscript (`\\sum x_i`); an inner one over its
        own copy of an enclosing sum's index (`\\sum x_i \\sum y_i` is a product of two sums); over both
        letters of `\\theta_{ij}`; over every entry of the data its body names (`\\sum (y - \\bar{y})^2`,
        `\\sum_{\\text{all entries}}`, said). Anything else names no index."""
        ctx, body, span = self.ctx, node.body, node.span
        implicit = self._implicit_index(body) if node.sub is None else None
        if implicit is not None:
            return ir.BigOp(node.op, ir.Ident(implicit, span=span), None, body, span=span)
        rebound = self._implicit_index(body, rebound=True) if node.sub is None else None
        if rebound is not None:  # Σ x_i Σ y_i: the inner Σ runs over its own i
            fresh = ir.Ident(_fresh_index(ctx), span=span)
            return ir.BigOp(node.op, fresh, None, _substitute(body, ir.Ident(rebound), fresh), span=span)
        pair = self._implicit_pair(body) if node.sub is None else None
        if pair is not None:  # Σ |θ_{ij}|: over every i and j
            first, second = (ir.Ident(letter, span=span) for letter in pair)
            return ir.BigOp(node.op, first, None, ir.BigOp(node.op, second, None, body, span=span), span=span)
        data = _data_letters(body, everything=node.sub is not None)
        if node.op == "sum" and data:
            index = ir.Ident(_fresh_index(ctx), span=span)
            body = _entries_of(body, data, index)
            keys = {symbol_key(dataclasses.replace(n, sub=None)) for n in body.walk()
                    if isinstance(n, ir.Script) and n.sub is index}
            names = ", ".join(sorted(latex_of(key) for key in keys if key is not None))
            ctx.data_vectors.update(key for key in keys if key is not None)
            ctx.data_vectors.update(key.replace("bar:", "", 1) for n in _value_letters(body)  # ȳ in Σ (ŷ − ȳ)²
                                    if "bar" in n.accents and (key := symbol_key(n)) is not None)
            ctx.readings.append((phrase("read-bigop-all-entries", op=node.op, names=names),
                                 node.sub.span if node.sub is not None else span))
            return ir.BigOp(node.op, index, None, body, span=span)
        raise LoweringError("not-checkable", phrase("eq-bigop-no-range", op=node.op), span, "\\" + node.op)

    def _implicit_pair(self, body: ir.Node) -> tuple[str, str] | None:
        """θ_{ij} in a sum with no range: its two one-letter subscripts, when neither names anything."""
        for n in body.walk():
            if isinstance(n, ir.Script) and isinstance(n.sub, ir.Product) and len(n.sub.factors) == 2:
                letters = [f for f in n.sub.factors if isinstance(f, ir.Ident) and len(f.name) == 1
                           and f.name.islower() and f.key not in self.ctx.indices and f.key not in self.ctx.decls
                           and f.key not in self.ctx.size_names]
                if len(letters) == 2 and letters[0].name != letters[1].name:
                    return letters[0].name, letters[1].name
        return None

    def _limits(self, node: ir.BigOp) -> tuple[ir.Ident, Any, Any]:
        sub = node.sub
        if isinstance(sub, ir.Chain) and sub.rels == ["eq"] and isinstance(sub.items[0], ir.Ident):
            letter = sub.items[0]
            lo = self._size_expr(sub.items[1])
            if node.sup is None:
                raise LoweringError("not-checkable", phrase("eq-bigop-upper-bound", op=node.op, letter=letter.name),
                                    node.span)
            return letter, lo, self._size_expr(node.sup)
        if isinstance(sub, ir.Ident):
            decl = self.ctx.decls.get(sub.key)
            if decl is not None and decl.space.kind == "categorical" and decl.space.size is not None:
                return sub, sympy.Integer(int(decl.space.low or 1)), self._size_expr(  # θ ∈ {1,…,K}
                    ir.Ident(str(decl.space.size), span=sub.span))
            sup = node.sup
            run = _integer_run(sup.items) if isinstance(sup, ir.Tuple) else None
            if run is not None and sup is not None:  # \\sum_{v}^{0,1}: over the values written above (said)
                self.ctx.readings.append((phrase("read-bigop-listed-values", op=node.op, letter=sub.name,
                                                 first=run[0], last=run[1]), sup.span))
                return sub, sympy.Integer(run[0]), sympy.Integer(run[1])
            if isinstance(node.sup, ir.Tuple):  # other values: not read
                raise LoweringError("unsupported-notation", phrase("eq-range-unsupported", op=node.op),
                                    node.sup.span, "\\" + node.op)
            if node.sup is not None and not isinstance(node.sup, ir.Empty):  # \\sum_i^N: i from 1 to N (said)
                self.ctx.readings.append((phrase("read-bigop-upper-only", op=node.op, letter=sub.name),
                                          node.sup.span))
                return sub, sympy.Integer(1), self._size_expr(node.sup)
            size = self.ctx.sizes.fresh(f"n_{sub.name}")
            self.ctx.size_names.add(size)
            return sub, sympy.Integer(1), size_symbol(size)
        listed = _listed_range(sub)
        if listed is not None and sub is not None:  # c \in \{1, \ldots, C\}, 1 \le i \le N: the range i = 1 … N
            letter, first, last = listed
            return self._limits(ir.BigOp(node.op, ir.Chain([letter, first], ["eq"], span=sub.span), last,
                                         node.body, span=node.span))
        reason = _range_reason(sub)
        if reason is None and node.op in ("argmax", "argmin", "max", "min") and isinstance(sub, (ir.Script, ir.Tuple)):
            reason = "eq-range-several-variables"  # \max_{\pi_\theta}: over a parameter, an optimisation
        if reason is None and node.op in ("argmax", "argmin") and sub is not None:
            reason = "eq-range-several-variables"  # \argmax_{I, |I| = N}: an optimisation, no index interval
        if reason is not None and sub is not None:
            raise LoweringError("not-checkable", phrase(reason, op=node.op), sub.span, "\\" + node.op)
        raise LoweringError("unsupported-notation", phrase("eq-range-unsupported", op=node.op),
                            sub.span if sub is not None else node.span, "\\" + node.op)

    def _size_expr(self, node: ir.Node) -> Any:
        """Bounds are sizes: an unknown name there becomes a size symbol."""
        for n in node.walk():
            if isinstance(n, ir.Ident) and n.key not in self.ctx.indices and n.key not in self.ctx.bindings:
                self.ctx.size_names.add(n.key)
                self.ctx.sizes.find(n.key)
            if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident) and key_text(n.sub):
                name = f"{n.base.key}_{key_text(n.sub)}"
                self.ctx.size_names.add(name)
                self.ctx.sizes.find(name)
        return self.expr(node)

    # -- structures --------------------------------------------------------------------------
    def _matrix(self, node: ir.Matrix) -> Any:
        rows = [[self.expr(c) if c is not None else sympy.Integer(0) for c in row] for row in node.rows]
        if len({len(r) for r in rows}) != 1:
            raise LoweringError("not-checkable", phrase("eq-ragged-rows"), node.span)
        return sympy.ImmutableMatrix(rows)

    def _cases(self, node: ir.Cases) -> Any:
        if self.entry is None:
            try:
                return self._pieces(node)
            except TypeError:
                pass  # x - λ if x > λ on a vector x: entry by entry
        saved, self.entry = self.entry, (sympy.Symbol("_e", **INDEX_ASSUMPTIONS), None)
        try:
            value = self._pieces(node)
            e, n = self.entry
        except TypeError:
            raise LoweringError("not-checkable", phrase("eq-cases-compare-matrices"),
                                node.span, "cases") from None
        finally:
            self.entry = saved
        if saved is not None or n is None:
            return value
        self.ctx.readings.append((phrase("read-cases-entrywise"), node.span))
        return Entries(value, sympy.Tuple(e, 1, n))

    def _pieces(self, node: ir.Cases) -> Any:
        pieces = []
        for value, cond in (_written_row(value, cond) for value, cond in _stacked_rows(node.rows)):
            pieces.append((self._at_entry(self.expr(value), node), self._condition(cond)))
        return sympy.Piecewise(*pieces)

    def _at_entry(self, value: Any, node: ir.Node) -> Any:
        """Inside cases on vectors: a vector's entry at the running index."""
        if self.entry is None or not isinstance(value, MatrixExpr):
            return value
        e, n = self.entry
        if value.shape[1] != 1:
            raise TypeError("a matrix in cases")
        if n is None:
            n = value.shape[0]
            self.entry = (e, n)
        else:
            self._unify_dims(value.shape[0], n, node)
        return self.canonical(value)[e - 1, 0]

    def _condition(self, cond: ir.Node | None) -> Any:
        """`\\text{if } |a| \\le \\delta`, `x > 0`, `\\text{otherwise}` → a SymPy condition."""
        if cond is None:
            return sympy.true
        if isinstance(cond, ir.Statement) and len(cond.clauses) == 1:  # a trailing comma
            return self._condition(cond.clauses[0])
        if isinstance(cond, ir.Group):  # (x > t)
            return self._condition(cond.body)
        if isinstance(cond, ir.Statement) and cond.clauses and _is_prose(cond.clauses[0]) and len(cond.clauses) == 2:
            return self._condition(cond.clauses[1])  # \\text{if}, x > 0
        if _random_condition(cond):  # \text{with probability } p: a random draw, not a condition on inputs
            raise LoweringError("not-checkable", phrase("eq-random-case"),
                                cond.span, "cases")
        if _is_prose(cond):
            if _prose(cond).strip(" .,;。、").lower() in OTHERWISE:
                return sympy.true
            raise LoweringError("unsupported-notation", phrase("eq-prose-condition", text=_prose(cond).strip()),
                                cond.span, "cases")
        if isinstance(cond, ir.Product) and _is_prose(cond.factors[0]):
            rest = cond.factors[1:]
            return self._condition(rest[0] if len(rest) == 1 else ir.Product(rest, [None, *cond.ops[2:]],
                                                                               span=cond.span))
        if isinstance(cond, ir.Chain) and len(cond.rels) == 2 and cond.rels[0] in ("lt", "le") \
                and cond.rels[1] in ("lt", "le"):  # a < x \\le b
            first = ir.Chain(cond.items[:2], cond.rels[:1], span=cond.span)
            second = ir.Chain(cond.items[1:], cond.rels[1:], span=cond.span)
            return sympy.And(self._condition(first), self._condition(second))
        if isinstance(cond, ir.Chain) and len(cond.rels) == 1:
            left, right = cond.items
            if isinstance(left, ir.Product) and _is_prose(left.factors[0]):
                rest = left.factors[1:]
                left = rest[0] if len(rest) == 1 else ir.Product(rest, [None, *left.ops[2:]], span=left.span)
            if isinstance(right, ir.Product) and _is_prose(right.factors[-1]):  # x \geq 0 \text{ のとき}
                rest = right.factors[:-1]
                right = rest[0] if len(rest) == 1 else ir.Product(rest, right.ops[:-1], span=right.span)
            rel = {"lt": sympy.Lt, "gt": sympy.Gt, "le": sympy.Le, "ge": sympy.Ge, "eq": sympy.Eq,
                   "neq": sympy.Ne}.get(cond.rels[0])
            position = self._compared_position(left, right) if rel in (sympy.Eq, sympy.Ne) else None
            if rel is not None and position is not None:
                return rel(*position)
            if rel is not None:
                return rel(self._at_entry(self.expr(left), cond), self._at_entry(self.expr(right), cond))
        raise LoweringError("unsupported-notation", phrase("eq-condition-unsupported"), cond.span,
                            "cases")

    def _primed_name(self, node: ir.Script) -> ir.Node:
        """`y'_i`, `y_i'`, `x'` not applied to an argument: the prime is part of the name, another
        quantity y' (said), as `y'^{(i)}` is; a function's letter (σ', f', one the file defines) stays
        a derivative, not read without its argument."""
        inner = node.base if isinstance(node.base, ir.Script) and not node.base.primes and node.sub is None \
            and node.sup is None else None
        letter = inner.base if inner is not None else node.base
        scripted = inner is not None or node.sub is not None or node.sup is not None
        if not isinstance(letter, ir.Ident) or letter.key in PRIMED_STANDARD or letter.key in self.ctx.functions \
                or (not scripted and letter.key in FUNCTION_LETTERS) or f"{letter.key}:domain" in self.ctx.decls:
            raise LoweringError("not-checkable", phrase("eq-prime-of-undefined"), node.span, "'")
        name = dataclasses.replace(letter, name=letter.name + "'" * node.primes)
        self.ctx.readings.append((phrase("read-prime-in-name", name=latex_of(name.key)), node.span))
        if inner is not None:
            return ir.Script(name, inner.sub, inner.sup, span=node.span)
        return ir.Script(name, node.sub, node.sup, span=node.span) if scripted else name

    def _compared_position(self, left: ir.Node, right: ir.Node) -> tuple[Any, Any] | None:
        """`k = \\argmin_j ‖𝐱_i − 𝛍_j‖²` with k an index: the position is compared with an index that runs over
        the same range (the result's k takes the argmin's range, said), so where it counts from cancels —
        (index, position), or None when neither side is such a pair."""
        for index, other in ((left, right), (right, left)):
            if isinstance(index, ir.Ident) and index.key in self.ctx.free and isinstance(other, ir.BigOp) \
                    and other.op in ("argmax", "argmin") and self.ctx.indices[index.key][2] is None:
                break  # an index of the result only: a sum's k could be used as a number (Σ_k k 𝟙(k = …))
        else:
            return None
        saved, self.position_compared = self.position_compared, True
        try:
            position = self.expr(other)
        finally:
            self.position_compared = saved
        symbol, lo, _ = self.ctx.indices[index.key]
        _, first, last = position.args[2] if isinstance(position, Reduce) else (None, None, None)
        if first != lo or not isinstance(last, sympy.Symbol):
            raise LoweringError("not-checkable", phrase("eq-argmax-position", op=other.op), other.span,
                                "\\" + other.op)
        seen = self.ctx.free[index.key]  # the result's k runs over the positions the argmin gives
        if seen is None:
            self.ctx.free[index.key] = last.name
        else:
            self.ctx.sizes.union(seen, last.name)
        self.ctx.readings.append((phrase("read-argmax-compared", op=other.op, letter=index.name), other.span))
        return symbol, position

    def _chain(self, node: ir.Chain) -> Any:
        raise LoweringError("not-checkable", phrase("eq-relation-inside"), node.span, node.rels[0])

    def _tuple(self, node: ir.Tuple) -> Any:
        if node.bracket == "<" and len(node.items) == 2:  # ⟨𝐮, 𝐯⟩: the inner product of two vectors
            a, b = (self.expr(item) for item in node.items)
            if _column(a) and _column(b):
                a, b = self._same_shape(a, b, node)
                return sympy.MatMul(a.T, b)
            if not isinstance(a, MatrixExpr) and not isinstance(b, MatrixExpr):
                self.ctx.readings.append((phrase("read-inner-product-of-scalars"), node.span))
                return a * b
            raise LoweringError("not-checkable", phrase("eq-inner-product-not-vectors"), node.span)
        grouped = _brace_group(node)
        if grouped is not None:  # \sum_i \{ y_i \ln a_i + (1 - y_i) … \}: braces as the outer bracket
            self.ctx.readings.append((phrase("read-braces-as-brackets"), node.span))
            return self.expr(grouped)
        raise LoweringError("not-checkable", phrase("eq-tuple-or-set-no-value"), node.span)

    def _statement(self, node: ir.Statement) -> Any:
        raise LoweringError("not-checkable", phrase("eq-list-no-value"), node.span)

    def _empty(self, node: ir.Empty) -> Any:
        raise LoweringError("latex-syntax", phrase("eq-empty-group"), node.span)


def _brace_group(node: ir.Node) -> ir.Group | None:
    """`\\{(a - y_i)\\}`, `\\{a + b\\}`: braces around one arithmetic expression (a bracket, a sum, a
    product — never a lone symbol, a list, or a condition) are the outer bracket of nested ones,
    as PRML-style notes write them; a set of one computed value has no use in a formula."""
    if not (isinstance(node, ir.Tuple) and node.bracket == "\\{" and len(node.items) == 1):
        return None
    item = node.items[0]
    if isinstance(item, (ir.Group, ir.Add, ir.Product, ir.Frac, ir.Func, ir.BigOp)):
        return ir.Group(item.body if isinstance(item, ir.Group) and item.bracket == "(" else item, "(",
                        span=node.span)
    return None


def _named(node: ir.Node, name: str) -> bool:
    return isinstance(node, ir.Ident) and node.name == name and not node.style and not node.accents


def _is_transpose_mark(sup: ir.Node | None) -> bool:
    """t, T, ⊤ (\\top, \\mathrm{T}) as a superscript: the mark of a transpose."""
    if isinstance(sup, ir.Special):
        return sup.name == "top"
    return isinstance(sup, ir.Ident) and sup.name in ("t", "T") and not sup.accents


def _integer_run(items: list[ir.Node]) -> tuple[int, int] | None:
    """0, 1 or 1, 2, 3: whole numbers written in order, each one more than the last → (first, last)."""
    values = [int(n.text) for n in items if isinstance(n, ir.Num) and n.text.isdigit()]
    if len(values) != len(items) or len(values) < 2 or any(b != a + 1 for a, b in itertools.pairwise(values)):
        return None
    return values[0], values[-1]


# ReLUs with a slope for negative inputs, given as an argument (PReLU[γ, z]); the Greek letters a slope is written with
SLOPED_RELUS = {"PReLU", "prelu", "LeakyReLU", "LReLU", "leakyrelu", "LeakyRelu"}
GREEK_SLOPES = {"alpha", "gamma", "beta", "lambda", "kappa", "rho", "epsilon", "varepsilon", "eta", "theta"}
# σ'(x), tanh'(x): standard functions whose primed application is their derivative
FUNCTION_LETTERS = {"f", "g", "h", "phi", "varphi", "psi"}  # f', g' alone: a function's derivative
PRIMED_STANDARD = {"sigma", "tanh", "exp", "log", "ReLU", "relu", "softplus", "sigmoid", "erf"}
FUNCTION_LETTERS = {"phi", "varphi", "psi", "f", "g", "h"}
# Letters ML writing uses for coefficients and variables: before a bracketed sum they multiply it
COEFFICIENT_LETTERS = {"lambda", "alpha", "beta", "gamma", "eta", "epsilon", "varepsilon", "rho", "kappa", "tau",
                       "a", "b", "c", "k", "m", "n", "t", "w", "x", "y", "z"}
ELEMENTWISE_NAMES = {
    "sigm": sigmoid, "sig": sigmoid, "sigmoid": sigmoid, "logistic": sigmoid, "Sigmoid": sigmoid,
    "sign": sympy.sign, "sgn": sympy.sign, "exp": sympy.exp, "log": sympy.log, "ln": sympy.log,
    "tanh": sympy.tanh, "Tanh": sympy.tanh, "sin": sympy.sin, "cos": sympy.cos, "abs": sympy.Abs,
    "softplus": lambda u: sympy.log(1 + sympy.exp(u)), "Softplus": lambda u: sympy.log(1 + sympy.exp(u)),
    "sqrt": sympy.sqrt,
    # x·σ(x); ELU with its usual α = 1 (x for x > 0, eˣ − 1 otherwise, written with max/min)
    "SiLU": lambda u: u * sigmoid(u), "silu": lambda u: u * sigmoid(u), "swish": lambda u: u * sigmoid(u),
    "Swish": lambda u: u * sigmoid(u),
    "ELU": lambda u: sympy.Max(0, u) + sympy.Min(0, sympy.exp(u) - 1),
    "elu": lambda u: sympy.Max(0, u) + sympy.Min(0, sympy.exp(u) - 1),
}


class DiagOf(sympy.MatrixExpr):
    """diag(𝐯): the square matrix with 𝐯 on its diagonal."""

    @property
    def shape(self):
        return (self.args[0].shape[0], self.args[0].shape[0])

    def _entry(self, i, j, **kwargs):
        return sympy.KroneckerDelta(i, j) * self.args[0][i, 0]


def _primed_index(node: ir.BigOp) -> ir.BigOp:
    """Σ_{k'=1}^{K} f(z_{k'}), Σ_{c' ∈ C} v_c': the primed letter becomes one index name, k', everywhere in
    the sum — also where the prime was written after a subscript that is that letter (`v_c'` is v_{c'})."""
    sub = node.sub
    letter = sub.items[0] if isinstance(sub, ir.Chain) and sub.rels in (["eq"], ["in"]) else sub
    if isinstance(letter, ir.Ident) and letter.name.endswith("'") and not letter.style:  # c' read as one name
        plain = letter.name.rstrip("'")
        return _primed_subscripts(node, ir.Ident(plain), len(letter.name) - len(plain), letter)
    if not (isinstance(letter, ir.Script) and isinstance(letter.base, ir.Ident) and letter.primes
            and letter.sub is None and letter.sup is None):
        return node
    name = ir.Ident(letter.base.name + "'" * letter.primes, span=letter.span)
    return _primed_subscripts(_substitute(node, letter, name), letter.base, letter.primes, name)


def _primed_subscripts(node: Any, letter: ir.Ident, primes: int, name: ir.Ident) -> Any:
    """`v_c'` (the parser's prime on v_c) as v_{c'} where c' is an index: the prime is the subscript's."""
    if isinstance(node, ir.Script) and node.primes == primes and node.sub is None and node.sup is None \
            and isinstance(node.base, ir.Script) and not node.base.primes and node.base.sup is None \
            and isinstance(node.base.sub, ir.Ident) and node.base.sub.key == letter.key:
        return ir.Script(node.base.base, name, None, span=node.span)
    return ir.map_children(node, lambda child: _primed_subscripts(child, letter, primes, name))


def _substitute(node: Any, old: ir.Node, new: ir.Node) -> Any:
    """`node` with every subtree equal to `old` (spans aside) replaced by `new`."""
    if isinstance(node, ir.Node) and node == old:
        return new
    return ir.map_children(node, lambda child: _substitute(child, old, new))


def _spelled_word(letters: str) -> bool:
    """Loss, Cost, Error, Gain: a capital then three or more small letters, side by side — a
    word, never a product of letters (which would be written with powers: L o s²)."""
    return len(letters) >= 4 and letters[0].isupper() and letters[1:].islower() and letters.isascii()


def _step_of_arguments(sub: ir.Node, args: list[ir.Node]) -> bool:
    """The function's subscript is one letter that every argument carries as its own subscript
    (g_t[𝐳_t, φ_t]): a step label shared with its inputs, not an index into the function's values."""
    if not (isinstance(sub, ir.Ident) and len(sub.name) == 1 and sub.name.islower()) or not args:
        return False
    return all(isinstance(a, ir.Script) and isinstance(a.sub, ir.Ident) and a.sub.name == sub.name for a in args)


def _written_word(letters: str, span: ir.Span, among_words: bool = False) -> bool:
    """grad, gradapprox: four or more small letters written with no space between them — a name
    (as on a left side), not a product of four letters (which notes space or write with powers);
    three (pad) in an equation that writes such a word elsewhere (`2 × pad / stride`)."""
    return len(letters) >= (3 if among_words else 4) and letters.isascii() and letters.isalpha() \
        and letters.islower() and span[1] - span[0] == len(letters) and len(set(letters)) > 1


def writes_words(node: ir.Node) -> bool:
    """Does the equation write four or more small letters run together somewhere (a word)?"""
    for n in node.walk():
        if isinstance(n, ir.Product):
            run: list[ir.Node] = []
            for factor, op in zip(n.factors, n.ops):
                run = run + [factor] if _letter(factor) and (op is None or not run) else \
                    ([factor] if _letter(factor) else [])
                if len(run) >= 4 and _adjacent_small_word(run):
                    return True
    return False


def _mentions_key(node: ir.Node, key: str) -> bool:
    return any(isinstance(n, ir.Ident) and n.key == key for n in node.walk())


def _subscripted_word(factors: list[ir.Node]) -> bool:
    """err_m, acc_t: three or more small letters written together, the last one subscripted (and
    not powered) — a word with an index."""
    last = factors[-1]
    if not (isinstance(last, ir.Script) and _letter(last.base) and not last.primes and (
            (last.sub is not None and last.sup is None) or (last.sub is None and bracket_label(last.sup)))):
        return False
    return _adjacent_small_word([*factors[:-1], last.base])




def scripted_word(node: ir.Node) -> ir.Script | None:
    """`err_m`, `context^{⟨t⟩}` written as letters side by side (the parser's product e·r·r_m):
    the word with its index or label, else None."""
    if not (isinstance(node, ir.Product) and len(node.factors) >= 3 and all(op is None for op in node.ops[1:])):
        return None
    if not all(_letter(f) for f in node.factors[:-1]) or not _subscripted_word(node.factors):
        return None
    last = node.factors[-1]
    assert isinstance(last, ir.Script)
    word = "".join(f.name for f in node.factors[:-1]) + last.base.name  # type: ignore[attr-defined]
    span = (node.factors[0].span[0], last.base.span[1])
    return ir.Script(ir.Ident(word, span=span), last.sub, last.sup, span=node.span)


def _applied_word(factors: list[ir.Node]) -> bool:
    """softmax(𝐳), relu(x), avg(t_n), cov(x, y): three or more small letters written together
    (no space between them) right before a round bracket — a function's name, never a·v·g(…), a
    product whose last letter would be a function."""
    call = factors[-1]
    if not (isinstance(call, ir.Call) and call.bracket == "(" and isinstance(call.func, ir.Ident)):
        return False
    return _adjacent_small_word([*factors[:-1], call.func]) or _adjacent_mixed_word([*factors[:-1], call.func])


def _adjacent_mixed_word(names: list[ir.Node]) -> bool:
    """ReLU(x), GELU(x), LeakyReLU(z): four or more ASCII letters of both cases or capitals, plain,
    written together right before a round bracket — an activation's or a metric's name."""
    if not all(_letter(n) for n in names):
        return False
    word = "".join(n.name for n in names)  # type: ignore[attr-defined]
    if len(word) < 4 or not (word.isascii() and word.isalpha()) or word.islower():
        return False
    spans = [n.span for n in names]
    return all(a is not None and b is not None and a[1] == b[0] for a, b in itertools.pairwise(spans))


def _adjacent_small_word(names: list[ir.Node]) -> bool:
    """Three or more small ASCII letters written with nothing between them (err, softmax)."""
    word = "".join(n.name for n in names)  # type: ignore[attr-defined]
    if len(word) < 3 or not (word.isascii() and word.isalpha() and word.islower()):
        return False
    spans = [n.span for n in names]
    return all(a is not None and b is not None and a[1] == b[0] for a, b in itertools.pairwise(spans))


def _letter(node: ir.Node) -> bool:
    """A plain one-letter name (T of TP), no font, accent or script."""
    return isinstance(node, ir.Ident) and len(node.name) == 1 and node.name.isalpha() and not node.style \
        and not node.accents


def _bare(node: ir.Node | None) -> bool:
    """A named symbol as written (𝐚, 𝐮_i, 𝐯^⊤) or a vector written out entry by entry
    (\\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix}), not a computed value."""
    if isinstance(node, ir.Matrix):
        return True
    if isinstance(node, ir.Group):
        return False
    if isinstance(node, ir.Script):
        return isinstance(node.base, ir.Ident)
    return isinstance(node, ir.Ident)


def _plain(text: str) -> str:
    out = "".join(c if c.isalnum() else "_" for c in text).strip("_")
    while "__" in out:
        out = out.replace("__", "_")
    return out or "x"


def _is_nabla(node: ir.Node) -> bool:
    return (isinstance(node, ir.Special) and node.name == "nabla") or (
        isinstance(node, ir.Script) and isinstance(node.base, ir.Special) and node.base.name == "nabla"
        and node.sup is None)


def _second_derivative(node: ir.Node) -> bool:
    """\\frac{d^2}{dw^2}, \\frac{\\partial^2}{\\partial w^2} as an operator (nothing after d² in the numerator)."""
    if not isinstance(node, ir.Frac) or not isinstance(node.num, ir.Script) or node.num.sub is not None:
        return False
    if not _is_d(node.num.base) or key_text(node.num.sup) != "2" if node.num.sup is not None else True:
        return False
    den = node.den
    first = den.factors[0] if isinstance(den, ir.Product) else den
    return _is_d(first)


def _second_derivative_written(node: ir.Frac) -> bool:
    """\\frac{d^2}{dx^2}, \\frac{d^2 f}{dx^2}, \\frac{\\partial^2 L}{\\partial w^2}: d² (∂²) opens the numerator and d
    (∂) the denominator."""
    num = node.num.factors[0] if isinstance(node.num, ir.Product) else node.num
    if not isinstance(node.den, ir.Product):  # \frac{d^2}{d}: a letter d squared over d
        return False
    return isinstance(num, ir.Script) and num.sub is None and num.sup is not None and _is_d(num.base) \
        and key_text(num.sup) == "2" and _is_d(node.den.factors[0])


def _identity_size(node: ir.Script) -> str | None:
    """𝐈_{N×N}, 𝐈_N, 𝐈_{d \\times d}: the identity matrix of that size (the letter); else None."""
    base, sub = node.base, node.sub
    if not (isinstance(base, ir.Ident) and base.style == "bf" and base.name == "I") or node.sup is not None \
            or node.primes or sub is None:
        return None
    if isinstance(sub, ir.Product) and len(sub.factors) == 2 and sub.ops[1] == "times" \
            and sub.factors[0] == sub.factors[1]:
        sub = sub.factors[0]
    if isinstance(sub, ir.Ident) and not sub.style and re.fullmatch(r"[A-Za-z]", sub.name):
        return sub.name
    return None


def _is_hessian(node: ir.Node) -> bool:
    """∇², ∇^2_𝐰: the Hessian (a squared ∇ is never the gradient)."""
    return isinstance(node, ir.Script) and isinstance(node.base, ir.Special) and node.base.name == "nabla" \
        and node.sup is not None and key_text(node.sup) == "2"


def _derivative_target(frac: ir.Frac) -> ir.Node | None:
    """What ∂L(S,w)/∂w, dC/dY, ∂{loss_t}/∂w differentiate: L(S,w), C, loss_t."""
    num = frac.num
    if isinstance(num, ir.Product) and _is_d(num.factors[0]) and len(num.factors) >= 2:
        rest = num.factors[1:]
        return rest[0] if len(rest) == 1 else ir.Product(rest, [None, *num.ops[2:]], span=num.span)
    return None


def derivative_function(frac: ir.Frac) -> str | None:
    """C of ∂C/∂X: the function a derivative differentiates, as the gradient inputs name it."""
    target = _derivative_target(frac)
    if target is None:
        return None
    if isinstance(target, ir.Call):
        return symbol_key(target.func)
    return symbol_key(target) or "f"


def derivative_key(frac: ir.Frac) -> str | None:
    """dC_dY for \\frac{dC}{dY}: the name a declared derivative goes by."""
    target = _derivative_target(frac)
    var = _derivative_of(frac)
    if target is None or var is None:
        return None
    f = symbol_key(target.func) if isinstance(target, ir.Call) else symbol_key(target) or key_text(target)
    x = symbol_key(var)
    if f is None or x is None:
        return None
    return f"d{_plain(f.split(':')[-1])}_d{_plain(x.split(':')[-1])}"


def _column(value: Any) -> bool:
    return isinstance(value, MatrixExpr) and value.shape[1] == 1 and value.shape[0] != 1


def app_key(node: ir.Node) -> str | None:
    """The identity of an application as written: p(D | θ) → 'p(cal:D|theta)'."""
    if not isinstance(node, ir.Call) or node.bracket != "(":
        return None
    func = symbol_key(node.func)
    if func is None:
        return None
    parts = []
    for a in node.args:
        items = a.items if isinstance(a, ir.Chain) and set(a.rels) <= {"mid"} else [a]
        keys = [symbol_key(x) for x in items]
        if any(k is None for k in keys):
            return None
        parts.append("|".join(keys))  # type: ignore[arg-type]
    return f"{func}({','.join(parts)})"


def application_variables(node: ir.Call) -> list[str]:
    """The plain symbols an application's arguments name (θ in p(D | θ))."""
    out = []
    for a in node.args:
        for x in (a.items if isinstance(a, ir.Chain) else [a]):
            if isinstance(x, ir.Ident) and not x.style:
                out.append(x.key)
    return out


def _written_row(value: ir.Node, cond: ir.Node | None) -> tuple[ir.Node, ir.Node | None]:
    """A row of cases as its writer meant it: `y - t \\quad \\text{if } t \\le y` without `&` (the value,
    a space, then a condition that starts with prose); `if`, `otherwise` typed as math letters (`& if
    |x| < d`, `& otherwise`) as those words."""
    if cond is None and isinstance(value, ir.Statement) and len(value.clauses) == 2 \
            and all(sep in ("quad", "qquad") for sep in value.seps) and _leads_with_prose(value.clauses[1]):
        value, cond = value.clauses
    spelled = _letters_word(cond) if cond is not None else None
    if spelled is not None and spelled in OTHERWISE and cond is not None:
        return value, ir.Text(spelled, span=cond.span)
    if isinstance(cond, ir.Chain) and isinstance(first := cond.items[0], ir.Product) and len(first.factors) > 2 \
            and _letters_word(ir.Product(first.factors[:2], first.ops[:2], span=first.span)) == "if":
        word = ir.Text("if ", span=(first.factors[0].span[0], first.factors[1].span[1]))
        rest = ir.Product([word, *first.factors[2:]], [None, *first.ops[2:]], span=first.span)
        return value, ir.Chain([rest, *cond.items[1:]], cond.rels, span=cond.span)
    return value, cond


def _stacked_rows(rows: list[tuple[ir.Node, ir.Node | None]]) -> list[tuple[ir.Node, ir.Node | None]]:
    """`\\begin{cases} \\begin{array}{c} 0 \\\\ 1 \\end{array} & \\begin{array}{c} x<s \\\\ x>s \\end{array}
    \\end{cases}`: one row whose value and condition are columns of the same length — a row per line."""
    if len(rows) != 1:
        return rows
    value, cond = rows[0]
    if isinstance(value, ir.Matrix) and isinstance(cond, ir.Matrix) and len(value.rows) == len(cond.rows) > 1 \
            and all(len(r) == 1 for r in value.rows + cond.rows) \
            and all(isinstance(r[0], ir.Chain) or (r[0] is not None and _is_prose(r[0])) for r in cond.rows) \
            and all(r[0] is not None for r in value.rows):
        return [(v[0], c[0]) for v, c in zip(value.rows, cond.rows)]  # type: ignore[misc]
    return rows


def _leads_with_prose(node: ir.Node) -> bool:
    """`\\text{if } x > 0`, `\\text{otherwise}`: a clause whose first thing is a word of a condition."""
    while isinstance(node, (ir.Chain, ir.Product)):
        node = node.items[0] if isinstance(node, ir.Chain) else node.factors[0]
    return _is_prose(node) and _prose(node).strip().lower().split()[:1] in (["if"], ["otherwise"], ["else"])


def _letters_word(node: ir.Node) -> str | None:
    """`o t h e r w i s e` as plain letters side by side: the word they spell."""
    if isinstance(node, ir.Product) and all(op is None for op in node.ops) and all(
            isinstance(f, ir.Ident) and not f.style and len(f.name) == 1 and not f.accents for f in node.factors):
        return "".join(f.name for f in node.factors)  # type: ignore[attr-defined]
    return None


def _is_prose(node: ir.Node) -> bool:
    return isinstance(node, ir.Text) or (isinstance(node, ir.Ident) and node.style == "text"
                                         and node.name.lower() in ("if", "otherwise", "else", "for", "when"))


def _prose(node: ir.Node) -> str:
    return node.content if isinstance(node, ir.Text) else node.name  # type: ignore[attr-defined]


def _literal_number(node: ir.Node) -> bool:
    """2, ½ written as \\frac12: a number written out."""
    if isinstance(node, ir.Frac):
        return _literal_number(node.num) and _literal_number(node.den)
    return isinstance(node, ir.Num)


def _vector_written(node: ir.Node) -> bool:
    """𝐚, \\vec{a}, 𝐚 − 𝐛: terms that are letters marked as vectors (bold or an arrow)."""
    terms = [t for _, t in node.terms] if isinstance(node, ir.Add) else [node]
    return all(_marked(t.base if isinstance(t, ir.Script) else t) for t in terms)


def _marked(node: ir.Node) -> bool:
    return isinstance(node, ir.Ident) and (node.style == "bf" or any(a in ("vec", "overrightarrow")
                                                                     for a in node.accents))


def _operator_call(node: ir.Node) -> tuple[ir.Frac, ir.Node] | None:
    """`\\frac{d}{dx}(…)` read as an application, or `\\frac{d}{dx}(…)^2`: (the operator, the term it
    differentiates: the bracket, with its power)."""
    if isinstance(node, ir.Call) and node.bracket == "(" and len(node.args) == 1 and isinstance(node.func, ir.Frac) \
            and _is_d(node.func.num) and _derivative_of(node.func) is not None:
        return node.func, ir.Group(node.args[0], "(", span=(node.func.span[1], node.span[1]))
    if isinstance(node, ir.Script) and node.sub is None and node.sup is not None and not node.primes:
        inner = _operator_call(node.base)
        if inner is not None:
            return inner[0], ir.Script(inner[1], None, node.sup, span=(inner[1].span[0], node.span[1]))
    if isinstance(node, ir.Call) and node.bracket == "(" and len(node.args) == 1:  # d/dx (x+1)(x+2)
        inner = _operator_call(node.func)
        if inner is not None:
            more = ir.Group(node.args[0], "(", span=(node.func.span[1], node.span[1]))
            return inner[0], ir.Product([inner[1], more], [None, None], span=(inner[1].span[0], node.span[1]))
    return None


def _is_d(node: ir.Node) -> bool:
    return (isinstance(node, ir.Ident) and node.name == "d" and node.style in ("", "rm", "text", "op")) or \
        (isinstance(node, ir.Special) and node.name == "partial")


def is_derivative(frac: ir.Frac) -> bool:
    """\\frac{d}{dx}, \\frac{\\partial L}{\\partial w}: a fraction that is a derivative."""
    return _derivative_of(frac) is not None


def _derivative_of(frac: ir.Frac) -> ir.Node | None:
    """The variable x of d/dx, df/dx, ∂f/∂x; None for an ordinary fraction."""
    den = frac.den
    if isinstance(den, ir.Product) and len(den.factors) == 2 and _is_d(den.factors[0]) \
            and den.ops[1] is None:
        num = frac.num
        if _is_d(num) or (isinstance(num, ir.Product) and _is_d(num.factors[0])):
            return den.factors[1]
    return None


def _derivative_numerator(frac: ir.Frac) -> str | None:
    num = frac.num
    if isinstance(num, ir.Product) and len(num.factors) == 2:
        f = num.factors[1]
        return f.key if isinstance(f, ir.Ident) else None
    return None


OPERATOR_LETTERS = {"bb:E", "bb:P", "bb:V"}  # expectation, probability, variance: operators, not symbols


def _is_expectation(func: ir.Node) -> bool:
    return isinstance(func, ir.Script) and isinstance(func.base, ir.Ident) and func.base.style == "bb" \
        and func.base.name == "E" and func.sub is not None


def _call_argument(body: ir.Node, dist: str) -> str | None:
    """The letter x of the first call dist(x) inside body."""
    for n in body.walk():
        if isinstance(n, ir.Call) and isinstance(n.func, ir.Ident) and n.func.key == dist and n.bracket == "(" \
                and len(n.args) == 1 and isinstance(n.args[0], ir.Ident):
            return n.args[0].name
    return None


def bare_keys(node: ir.Node) -> set[str]:
    """The keys of the symbols a node writes alone, not as the base of a sub- or superscript
    (x in `w x + b`, not in `x^{(i)}`)."""
    if isinstance(node, ir.Ident):
        return {node.key}
    out: set[str] = set()
    for child in node.children():
        if isinstance(node, ir.Script) and child is node.base and isinstance(child, ir.Ident):
            continue
        out |= bare_keys(child)
    return out


def _label_is(label: ir.Node | None, letter: str) -> bool:
    """(i) or i: the label of the i-th example."""
    if isinstance(label, ir.Group) and label.bracket == "(":
        label = label.body
    return isinstance(label, ir.Ident) and label.key == letter


def _replaced(node: Any, target: ir.Node, by: ir.Node) -> Any:
    """`node` with the node `target` (by identity) replaced by `by`."""
    if node is target:
        return by
    return ir.map_children(node, lambda n: _replaced(n, target, by)) if isinstance(node, (ir.Node, list, tuple)) \
        else node
