"""Symbol identity: the key under which a symbol as written (𝐳, \\hat{y}, d_k, W^Q) is known to
declarations, definitions and lowering."""

from __future__ import annotations

from eq2code.equation.latex import ir
from eq2code.equation.spaces import key_text

SMALL_GREEK = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
                         "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "tau", "upsilon",
                         "phi", "varphi", "chi", "psi", "omega"})  # small Greek letters, as symbol names

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


def bracket_label(sup: ir.Node | None) -> bool:
    """`^{(l)}`, `^{[l]}`, `^{(i)}`: a layer, sample or step label on a symbol, never a power."""
    return isinstance(sup, ir.Group) and sup.bracket in ("(", "[")


def parameter_subscript_key(node: ir.Node) -> str | None:
    """`f_{w,b}`, `f_{\\mathbf{w},b}`: a function's name with its parameters as a subscript list,
    keyed as the one name f_wb (symbol_key reads no list); None for anything else."""
    if not (isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and not node.primes
            and node.sup is None and isinstance(node.sub, ir.Tuple) and node.sub.bracket == "{"):
        return None
    parts = [key_text(item) for item in node.sub.items]
    if len(parts) < 2 or not all(p is not None and p.isidentifier() for p in parts):
        return None
    return f"{node.base.key}_{''.join(parts)}"  # type: ignore[arg-type]


def word_key(node: ir.Node) -> str | None:
    """A run of plain letters written side by side (`TP`, `loss`): the word, else None. Whether
    it is a name or a product is for the reader to decide (declarations, the other letters)."""
    if not isinstance(node, ir.Product) or len(node.factors) < 2 or any(op is not None for op in node.ops[1:]):
        return None
    letters = [f for f in node.factors if isinstance(f, ir.Ident) and len(f.name) == 1 and f.name.isalpha()
               and not f.style and not f.accents]
    if len(letters) != len(node.factors):
        return None
    return "".join(f.name for f in letters)


def name_like_word(word: str) -> bool:
    """Is a word an acronym (TP, MSE: two or more capitals) or a word (loss, acc: three or more
    small letters; Loss, Cost, Error: a capital and three or more small letters) rather than a
    product of letters?"""
    return (len(word) >= 2 and word.isupper()) or (len(word) >= 3 and word.islower()) or \
        (len(word) >= 4 and word[0].isupper() and word[1:].islower())
