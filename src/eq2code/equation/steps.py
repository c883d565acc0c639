"""A value at a time step written as an argument: `w(t+1) = w(t) - \\eta g`, `\\vec{p}(t+1) = M \\vec{p}(t)`.

The parser reads `w(t+1)` as an application of a function w (or, by D16's coefficient rule, as w
times t+1). When the left side of a definition is `X(t+1)` and its right side uses `X(t)`, the
notes describe one step of an iteration, as `X_{t+1} = … X_t …` does: both are rewritten to that
subscript form, which the reading already knows (`x_next` from `x_t`). The caller says so.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eq2code.equation.latex import ir
from eq2code.equation.symbols import symbol_key

DEFINING = {"eq", "defeq", "leftarrow"}


def stepped_arguments(chain: ir.Chain) -> ir.Chain | None:
    """The chain with `X(t+1)` on the left and `X(t)` on the right as `X_{t+1}`, `X_t`; None when
    the left side is not such a step or the right side never uses the value at step t."""
    if not chain.rels or chain.rels[0] not in DEFINING:
        return None
    lhs = chain.items[0]
    if not (isinstance(lhs, ir.Call) and lhs.bracket == "(" and len(lhs.args) == 1):
        return None
    letter = _next_step_letter(lhs.args[0])
    key = symbol_key(lhs.func)
    func = lhs.func
    if letter is None or key is None:
        return None
    family = None
    if isinstance(func, ir.Script) and isinstance(func.base, ir.Ident) and func.sup is None and not func.primes \
            and isinstance(func.sub, (ir.Ident, ir.Num)):
        # w_h(k+1) = w_h(k) − Δw_h(k+1): a labelled name at a step (the label h stays part of the name);
        # p_0(t+1) = p_0(t) + ½ p_1(t): component 0 of a state at the next step, from its components at t
        if isinstance(func.sub, ir.Num):
            family = func.base.key
        func = ir.Ident(key, func.base.style, func.base.accents, span=func.span)
    elif not isinstance(func, ir.Ident):
        return None
    sides = [_at_step(side, key, letter, family) for side in chain.items[1:]]
    if all(new is old for new, old in zip(sides, chain.items[1:])):
        return None
    left = ir.Script(func, lhs.args[0], None, span=lhs.span)
    return ir.Chain([left, *sides], list(chain.rels), span=chain.span)


def _next_step_letter(arg: ir.Node) -> ir.Ident | None:
    """t of `t+1` (one small letter plus one)."""
    if not (isinstance(arg, ir.Add) and len(arg.terms) == 2):
        return None
    (sign1, first), (sign2, second) = arg.terms
    if sign1 == "+" and sign2 == "+" and isinstance(first, ir.Ident) and len(first.name) == 1 \
            and first.name.islower() and not first.style and isinstance(second, ir.Num) and second.text == "1":
        return first
    return None


def _at_step(node: Any, key: str, letter: ir.Ident, family: str | None = None) -> Any:
    """`node` with every `X(t)` (X of key `key`, t the step letter) as `X_t`; `Δw(t)` and `Δw(t+1)` too;
    with a `family` letter p, every numbered component `p_j(t)` as well."""
    if isinstance(node, ir.Call) and node.bracket == "(" and len(node.args) == 1:
        func_key = symbol_key(node.func)
        at = node.args[0] == letter or _next_step_letter(node.args[0]) == letter
        sibling = family is not None and node.args[0] == letter and isinstance(node.func, ir.Script) \
            and isinstance(node.func.base, ir.Ident) and node.func.base.key == family \
            and isinstance(node.func.sub, ir.Num) and node.func.sup is None
        if at and ((func_key == key and node.args[0] == letter) or func_key == f"Delta_{key}" or sibling):
            func = node.func
            if isinstance(func, ir.Script) and func.sub is not None and func_key is not None:
                base = func.base
                style = base.style if isinstance(base, ir.Ident) else ""
                func = ir.Ident(func_key, style, span=func.span)  # w_h(k) → (w_h)_k
            return ir.Script(func, node.args[0], None, span=node.span)
    return ir.map_children(node, lambda child: _at_step(child, key, letter, family))


def layer_superscripts(chain: ir.Chain) -> ir.Chain | None:
    """`\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l)`: the left side is labelled with the
    layer letter l and the right side uses the neighbouring label l+1 or l−1, so every
    superscript l, l+1, l−1 in the chain is a layer label, as `^{(l)}` writes it (never a power).
    None when the chain is not such a recursion."""
    if not chain.rels or chain.rels[0] not in DEFINING:
        return None
    lhs = chain.items[0]
    if not (isinstance(lhs, ir.Script) and isinstance(lhs.sup, ir.Ident) and lhs.sup.name in ("l", "ell")
            and not lhs.sup.style and isinstance(lhs.base, ir.Ident)):
        return None  # (w^k = w^{k-1} − …, 𝐱^t: a step of an iteration, lowering._step_label, D21)
    letter = lhs.sup
    if not any(isinstance(n, ir.Script) and _neighbour(n.sup, letter) for side in chain.items[1:] for n in side.walk()):
        return None
    bare = {id(n.base) for side in chain.items[1:] for n in side.walk() if isinstance(n, ir.Script)}
    if any(n == lhs.base and id(n) not in bare for side in chain.items[1:] for n in side.walk()):
        return None  # x^n = x \cdot x^{n-1}: x itself beside its powers, so these are powers
    labelled = _labelled(chain, letter)
    return labelled if isinstance(labelled, ir.Chain) else None


def _neighbour(sup: ir.Node | None, letter: ir.Ident) -> bool:
    """l+1 or l−1 of the letter l."""
    if not (isinstance(sup, ir.Add) and len(sup.terms) == 2):
        return False
    (sign1, first), (_, second) = sup.terms
    return sign1 == "+" and first == letter and isinstance(second, ir.Num) and second.text == "1"


def _labelled(node: Any, letter: ir.Ident) -> Any:
    """`node` with every superscript l, l+1, l−1 written in parentheses (a label)."""
    if isinstance(node, ir.Script) and (node.sup == letter or _neighbour(node.sup, letter)) and node.sup is not None:
        base = _labelled(node.base, letter)
        return dataclasses.replace(node, base=base, sup=ir.Group(node.sup, "(", span=node.sup.span))
    return ir.map_children(node, lambda child: _labelled(child, letter))


def role_superscripts(chain: ir.Chain) -> list[ir.Script]:
    """`Q = X W^q`, `\\mathbf{W}^Q`, `(W^q q)^\\top W^k k`: a superscript letter on a capital that says
    which matrix it is (query, key, value) — a capital letter (W^Q), the left side's own letter
    (Q = X W^q), or the vector the matrix multiplies (W^q q) — is a label, as `W^{(q)}` writes it,
    never a power. The scripts that are such labels (their key, `W^q`, stays the symbol's name)."""
    if not chain.rels or any(r not in DEFINING for r in chain.rels):
        return []
    lhs = chain.items[0]
    head = lhs.base if isinstance(lhs, ir.Script) else lhs
    own = head.name.lower() if isinstance(head, ir.Ident) and len(head.name) == 1 else None
    found: list[ir.Script] = []
    for item in chain.items:
        for node in item.walk():
            if isinstance(node, ir.Product):
                for k, f in enumerate(node.factors):
                    after = node.factors[k + 1] if k + 1 < len(node.factors) else None
                    if isinstance(f, ir.Script) and f.sup is not None and _role_superscript(f, own, after) \
                            and f not in found:
                        found.append(f)
            elif isinstance(node, ir.Script) and node.sup is not None and _role_superscript(node, own, None) \
                    and node not in found:
                found.append(node)
    return found


def _role_superscript(node: ir.Script, own: str | None, after: Any) -> bool:
    base, sup = node.base, node.sup
    if not (isinstance(base, ir.Ident) and len(base.name) == 1 and base.name.isupper() and base.style in ("", "bf")
            and not base.accents and isinstance(sup, ir.Ident) and len(sup.name) == 1 and sup.name.isalpha()
            and not sup.style and not node.primes and sup.name != "T"):
        return False
    if sup.name.isupper():
        return True  # W^Q, W^K, W^O: a power of a matrix by a matrix means nothing
    if own is not None and sup.name == own and own != base.name.lower():
        return True  # Q = X W^q: the matrix that makes q
    return isinstance(after, ir.Ident) and after.name == sup.name  # W^q q: the matrix applied to q


def role_key(script: ir.Script) -> str:
    """W^q: the name a role superscript gives its matrix."""
    base, sup = script.base, script.sup
    return f"{base.key if isinstance(base, ir.Ident) else ''}^{sup.name if isinstance(sup, ir.Ident) else ''}"


def iterate_superscripts(chain: ir.Chain) -> tuple[ir.Chain, ir.Script] | None:
    """`h^k = \\frac{w^1 + w^2 + \\cdots + w^k}{k}`: the left side is a value at step k and a sum up to k
    raises a letter to the sum's index — the iterates w^{(1)} … w^{(k)}, written as a sample's
    superscript (`lowering._sample_item` reads them), never the powers w, w², …. The chain with each
    such `w^i` as `w^{(i)}` and the first of them; None when there is none."""
    if not chain.rels or chain.rels[0] not in DEFINING:
        return None
    lhs = chain.items[0]
    if not (isinstance(lhs, ir.Script) and isinstance(lhs.base, ir.Ident) and isinstance(lhs.sup, ir.Ident)
            and len(lhs.sup.name) == 1 and lhs.sup.name.islower() and not lhs.sup.style and lhs.sub is None):
        return None
    step = lhs.sup
    found: list[ir.Script] = []

    def rewrite(node: Any, indices: frozenset[str]) -> Any:
        if isinstance(node, ir.BigOp) and node.op == "sum" and node.sup == step and isinstance(node.sub, ir.Chain) \
                and node.sub.items and isinstance(node.sub.items[0], ir.Ident):
            inner = indices | {node.sub.items[0].key}
            return ir.map_children(node, lambda child: rewrite(child, inner))
        if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.sub is None \
                and isinstance(node.sup, ir.Ident) and node.sup.key in indices and not node.primes:
            found.append(node)
            label = ir.Group(node.sup, "(", span=node.sup.span)
            return ir.Script(node.base, None, label, span=node.span)
        return ir.map_children(node, lambda child: rewrite(child, indices))

    sides = [rewrite(side, frozenset()) for side in chain.items[1:]]
    if not found:
        return None
    return ir.Chain([lhs, *sides], list(chain.rels), span=chain.span), found[0]
