"""Symbol identity: the key under which a symbol as written (𝐳, \\hat{y}, d_k, W^Q) is known to
declarations, definitions and lowering."""

from __future__ import annotations

from eq2code.equation.latex import ir
from eq2code.equation.spaces import key_text


def symbol_key(node: ir.Node) -> str | None:
    """The identity of a symbol as written: 'z' for 𝐳 and z, 'hat:y', 'd_k', 'cal:L_CE'."""
    if isinstance(node, ir.Ident):
        return node.key
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and not node.primes:
        key = node.base.key
        if node.sub is not None:
            text = key_text(node.sub)
            if text is None:
                return None
            key = f"{key}_{text}"
        if node.sup is not None:
            text = key_text(node.sup)
            if text is None:
                return None
            key = f"{key}^{text}"
        return key
    return None
