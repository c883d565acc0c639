"""Applications of a function the file does not define, read as given values (issue 12).

`f[x_i, φ]` in a loss, `f(x_0)` and `f(x_1)` in a contrastive loss: the model or the embedding
network is not defined in the file, and code that implements the equation takes its outputs as an
array (logits, predictions, embeddings). Such an application is read as an input — the function's
values, one per item of the indices its arguments vary with (a vector inside a norm) — and the
reading is said (`read-function-values`).

Not read so; these stay not checkable, as before:

* a function named by a word (LayerNorm, Attention, sim, PReLU): an operator whose definition is
  missing, which code computes rather than receives;
* densities, probabilities, expectations and big-O (p, q, r, P, Pr, N, E, O, \\mathcal{N},
  \\mathbb{E}, \\mathbb{P}): a density at a point is not a model output;
* a function applied to a computed expression (`h(\\mathbf{w}^\\top\\mathbf{z} + b)`, `f(x - 1)`):
  its values at a computed point are what code computes by calling h, not an array it is given;
* a function the equation also differentiates or writes with a prime (`φ'(x) = φ(x)(1 − φ(x))` is
  an identity about φ, not a computation);
* an equation without a left side that it defines, and one whose value is only the application
  (`ŝ_{t+1} = g(s_t, a_t, z_t)` computes nothing: semantics checks that after lowering).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eq2code.equation.latex import ir
from eq2code.equation.symbols import symbol_key

# Greek letters that name a function (a basis function, a network ε_θ, a mean function μ_t);
# σ is the logistic function, π a policy or a number: neither is read as given values
GREEK_FUNCTIONS = {"phi", "varphi", "psi", "epsilon", "varepsilon", "mu", "chi", "xi", "eta", "zeta"}
# letters that name densities, probabilities, expectations and big-O, not model outputs
NOT_VALUES = {"p", "q", "r", "P", "N", "E", "O"}
# a subscript that is one letter is an item index (x_i, x_n): f(x_i) and f(x_j) are one array
ITEM_LETTERS = set("abcdefghijklmnopqrstuvwxyz")
# names code gives a model's or a network's outputs
VALUE_NAMES = ("f", "fx", "f_x", "y_pred", "ypred", "pred", "preds", "prediction", "predictions", "output",
               "outputs", "out", "logits", "logit", "scores", "emb", "embedding", "embeddings", "values")


@dataclass
class GivenValues:
    """One function's values taken as an input."""

    key: str  # the input's symbol key (f, or f_x0 when f is met at several points)
    function: str  # the function as LaTeX (f, \\epsilon_\\theta)
    application: str  # the application as LaTeX (f(x_i, \\phi))
    point: tuple[str, ...]  # the keys of the arguments (x, phi): what the input takes the place of


def function_key(func: ir.Node) -> str | None:
    """The key of a function named by one letter (f, \\mathbf{f}, \\mbox{f}, φ_j, ε_θ, J^{old}),
    None for a word, a density or an expectation."""
    base = func.base if isinstance(func, ir.Script) and not func.primes else func
    if not isinstance(base, ir.Ident) or base.style in ("cal", "bb", "frak") or base.accents:
        return None
    if not ((len(base.name) == 1 and base.name.isalpha()) or base.name in GREEK_FUNCTIONS):
        return None
    if base.name in NOT_VALUES:
        return None
    if isinstance(func, ir.Script) and func.sup is None and _item_subscript(func.sub):
        return base.name  # φ_j(x_n): entry j of φ(x_n) (lowering checks that j is an index)
    return symbol_key(func) if isinstance(func, ir.Script) else base.name


def point_of(node: ir.Call, keep_items: bool = False) -> tuple[str, ...] | None:
    """The arguments' keys with item subscripts dropped (x_i → x, x_0 stays x_0; kept with
    `keep_items`), None when an argument is not a symbol (a computed expression, a number, a condition)."""
    out = []
    for arg in node.args:
        if isinstance(arg, ir.Script) and arg.sup is None and not arg.primes and isinstance(arg.base, ir.Ident) \
                and _item_subscript(arg.sub) and not keep_items:
            out.append(arg.base.key)
            continue
        if not isinstance(arg, (ir.Ident, ir.Script)):
            return None
        key = symbol_key(arg)
        if key is None or (isinstance(arg, ir.Ident) and not arg.name.isalpha()):
            return None
        out.append(key)
    return tuple(out)


def _item_subscript(sub: ir.Node | None) -> bool:
    if isinstance(sub, ir.Ident):
        return sub.name in ITEM_LETTERS and not sub.style
    if isinstance(sub, ir.Tuple):
        return all(_item_subscript(s) for s in sub.items)
    return False


def labelled_application(factor: ir.Node, nxt: ir.Node | None) -> ir.Call | None:
    """`J^{old}(\\theta)`: a letter with a word as its superscript (old, new, prev, true — a label,
    never the power o·l·d) followed by a bracket is that function applied; None otherwise."""
    if not (isinstance(factor, ir.Script) and isinstance(factor.base, ir.Ident) and factor.sub is None
            and not factor.primes and isinstance(nxt, ir.Group) and nxt.bracket == "("):
        return None
    label = factor.sup
    letters = label.factors if isinstance(label, ir.Product) and all(op is None for op in label.ops[1:]) else []
    word = "".join(f.name for f in letters if isinstance(f, ir.Ident) and len(f.name) == 1 and f.name.isalpha())
    if len(letters) < 3 or len(word) != len(letters) or not word.islower():
        return None
    body = nxt.body
    args = list(body.items) if isinstance(body, ir.Tuple) else [body]
    return ir.Call(factor, args, bracket="(", span=(factor.span[0], nxt.span[1]))


def value_points(chain: ir.Node, is_derivative: Callable[[ir.Frac], bool]) -> dict[str, list[tuple[str, ...]]]:
    """For every one-letter function applied in the equation to symbols only: the distinct points
    it is applied at, in order. A function the equation differentiates is left out
    (`is_derivative`: is a fraction a derivative, from the lowering)."""
    differentiated: set[str] = set()
    points: dict[str, list[tuple[str, ...]]] = {}
    sides = chain.items[1:] if isinstance(chain, ir.Chain) else [chain]  # L'[φ] = L[φ] + …: a new name on the left
    for node in (n for side in sides for n in side.walk()):
        if isinstance(node, ir.Script) and node.primes and isinstance(node.base, ir.Ident):
            differentiated.add(node.base.name)
        if isinstance(node, ir.Frac) and is_derivative(node):
            differentiated.update(n.name for n in node.num.walk() if isinstance(n, ir.Ident))
    for node in chain.walk():
        if isinstance(node, ir.Product):  # J^{old}(θ) inside a product
            for k, factor in enumerate(node.factors[:-1]):
                call = labelled_application(factor, node.factors[k + 1]) if node.ops[k + 1] is None else None
                if call is not None:
                    _add_point(points, call)
            continue
        if not isinstance(node, ir.Call) or not node.args:
            continue
        _add_point(points, node)
    _points_by_item(chain, points)
    return {k: v for k, v in points.items() if k.split("_")[0].split("^")[0] not in differentiated}


def _add_point(points: dict[str, list[tuple[str, ...]]], node: ir.Call) -> None:
    key = function_key(node.func)
    point = point_of(node)
    if key is None or point is None:
        return
    met = points.setdefault(key, [])
    if point not in met:
        met.append(point)


def _points_by_item(chain: ir.Node, points: dict[str, list[tuple[str, ...]]]) -> None:
    """φ(x_n) at one point x (the values per item), but φ(x_i) beside φ(x_j) — two items in one
    equation, k(x_i, x_j) = φ(x_i)^T φ(x_j) — at two points x_i and x_j (never one input)."""
    for key in points:
        calls = [n for n in chain.walk() if isinstance(n, ir.Call) and function_key(n.func) == key]
        full: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for call in calls:
            point, kept = point_of(call), point_of(call, keep_items=True)
            if point is not None and kept is not None and kept not in full.setdefault(point, []):
                full[point].append(kept)
        split = {p for p, kept in full.items() if len(kept) > 1}
        if split:
            points[key] = [k for p in points[key] for k in (full[p] if p in split else [p])]


def values_key(function: str, point: tuple[str, ...], points: list[tuple[str, ...]]) -> str:
    """f when f is met at one point; f_x0, f_x1 when at several (f(x_0) and f(x_1))."""
    if len(points) <= 1:
        return function
    return f"{function}_" + "".join(_plain(k) for k in point)


def value_aliases(own: str, name: str, point: tuple[str, ...], several: bool) -> tuple[str, ...]:
    """The names code gives the values (`own`: the input's name, `name`: the function's, both as
    Python names): logits, pred, emb… for one point; emb0, out1… for several."""
    if not several:
        short = name.split("_")[0][:3]  # eps_pred, phi_x
        names: tuple[str, ...] = (name, f"{name}_pred", f"{name}_hat", f"{short}_pred", f"{short}_hat", *VALUE_NAMES)
    else:
        suffix = "".join(_plain(k) for k in point)
        digits = "".join(ch for ch in suffix if ch.isdigit())
        names = (f"{name}{suffix}", f"{name}_{suffix}", f"{name}_{digits}", f"{name}{digits}", f"emb{digits}",
                 f"emb_{digits}", f"out{digits}", f"out_{digits}", f"z{digits}", f"z_{digits}",
                 f"output{digits}", f"embedding{digits}") if digits else (f"{name}{suffix}", f"{name}_{suffix}")
    return tuple(dict.fromkeys(n for n in names if n != own))


def _plain(key: str) -> str:
    return "".join(ch for ch in key.split(":")[-1] if ch.isalnum())
