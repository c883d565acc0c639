"""What eq2code understood of each equation, for people: the reading as readable math
(SymPy's Unicode pretty printer) and every symbol with the role the analysis gave it.

It runs where the equation is read (the SymPy values exist only there; a guarded read happens
in a child and the model comes back as JSON), right after the whole file is read, and stores
plain data in `Equation.reading` and `Equation.symbols`, which the cache keeps and
`eq2code parse` prints. Roles come from the analysis' own results, never guessed again:

- `input`, `size`: `Equation.inputs` (their role, shape and space, as the lowering made them);
- `index`: the output indices (`Equation.free_indices`) and the bound variables of the sums,
  products and max/min in the SymPy value;
- `function`: the functions the SymPy value applies (exp, log, σ, softmax, inverse, …);
- `constant`: SymPy's number symbols in the value (π, e, ∞);
- `defined`: auxiliary definitions the equation uses (`Equation.uses`), with the number and
  line of the equation of the file that defines them.

Details are `Phrase`s (findings/phrases.py), so that they print in English or Japanese.
"""

from __future__ import annotations

from typing import Any

from eq2code.base.log import get_logger
from eq2code.equation.model import Equation, EquationFile, SymbolRole
from eq2code.findings.phrases import phrase

log = get_logger(__name__)

MAX_READING_CHARS = 4000  # a pretty form larger than this is replaced by the one-line form


# The Unicode pretty form is drawn only when asked (`eq2code parse` sets it before reading):
# SymPy's pretty printer imports sympy.physics.units on its first product (~80 ms of every cold
# check otherwise); a check needs only the one-line form.
PRETTY = False


def describe_file(eq_file: EquationFile) -> None:
    """Fill `reading` and `symbols` of every computed equation of the file (in place); the
    reading in the pretty form when `PRETTY`, else the one-line SymPy form."""
    defined = {e.key: (k + 1, e) for k, e in enumerate(eq_file.equations) if e.key and e.checkable}
    for eq in eq_file.equations:
        if eq.sympy is None:
            continue
        try:
            eq.reading = [reading_of(eq)] if PRETTY else list(eq.sympy_text[:1])
            eq.symbols = symbols_of(eq, defined)
        except Exception:  # describing is a courtesy: never a reason not to read the file
            log.debug("cannot describe %r", eq.latex, exc_info=True)
            eq.reading = list(eq.sympy_text[:1])


# -- the reading ------------------------------------------------------------------------------

def reading_of(eq: Equation) -> str:
    """`name = value` in SymPy's Unicode pretty form (entries written as subscripts)."""
    value = _displayable(eq.sympy)
    left = eq.name or "value"
    if eq.params:
        left += "(" + ", ".join(_param_name(p) for p in eq.params) + ")"
    free = [str(i) for i, _, _ in eq.free_indices]
    if free:
        left += "[" + ", ".join(free) + "]"
    form = _printer()._print(value)
    lines = form.render(wrap_line=False).splitlines() or [""]
    base = min(max(int(form.baseline), 0), len(lines) - 1)
    pad = " " * (len(left) + 3)
    text = "\n".join(((left + " = " if k == base else pad) + line).rstrip() for k, line in enumerate(lines))
    if len(text) > MAX_READING_CHARS:
        return f"{left} = {eq.sympy_text[0] if eq.sympy_text else value}"
    return text


def _param_name(key: str) -> str:
    """'hat:x' → x̂, 'bf:W' → W: a parameter's symbol key as the letter."""
    *accents, base = key.split(":")
    marks = [a for a in accents if a in _COMBINING]
    return display_name("_".join([base, *marks])) if marks else _GREEK_LETTERS.get(base, base)


def _printer() -> Any:
    """SymPy's Unicode pretty printer, taught eq2code's own operations (sympy_ext)."""
    from sympy.printing.pretty.pretty import PrettyPrinter
    from sympy.printing.pretty.stringpict import prettyForm

    class Printer(PrettyPrinter):
        def _applied(self, name: str, *args: Any) -> Any:
            inner = self._print(args[0])
            for a in args[1:]:
                inner = prettyForm(*inner.right(", ", self._print(a)))
            return prettyForm(*prettyForm(*inner.parens()).left(name))

        def _print_MatAdd(self, e: Any) -> Any:
            # SymPy's own drops the "+" before a term whose coefficient could lose a minus sign without
            # being negative ((1 - β)⋅grad printed as " (1 - β)⋅grad"): a sign is taken from numbers only
            from sympy.printing.pretty.stringpict import stringPict

            out = None
            for term in e.args:
                form = self._print(term)
                if out is None:
                    out = form
                    continue
                coeff = term.as_coeff_mmul()[0]
                negative = bool(getattr(coeff, "is_number", False) and coeff.is_negative)
                out = prettyForm(*stringPict.next(out, " " if negative else " + "))
                out = prettyForm(*stringPict.next(out, form))
            return out

        def _print_Softmax(self, e: Any) -> Any:
            return self._applied("softmax", e.arg)

        def _print_SoftmaxFirstAxis(self, e: Any) -> Any:
            return self._applied("softmax₀", e.arg)

        def _print_Apply(self, e: Any) -> Any:
            lam = e.args[0]
            return self._print(lam.expr.xreplace({lam.variables[0]: e.arg}))

        def _print_Reduce(self, e: Any) -> Any:
            op, body, (i, lo, hi) = e.args
            return self._applied(f"{op}[{i}={lo}…{hi}]", body)

        def _print_ArraySlice(self, e: Any) -> Any:
            return prettyForm(f"{e.args[0]}[{', '.join(str(i) for i in e.args[1])}]")

        def _print_Concat(self, e: Any) -> Any:
            body, (i, lo, hi) = e.args
            return self._applied(f"concat[{i}={lo}…{hi}]", body)

    return Printer({"use_unicode": True, "wrap_line": False})


def _displayable(value: Any) -> Any:
    """The value as notes write it: array entries as subscripted names (x[i] → xᵢ, a column
    vector's entry x[k-1, 0] → x_k), accents on the letter (mu_hat → μ̂), summation dummies
    without their underscore."""
    import sympy
    from sympy.matrices.expressions.matexpr import MatrixElement

    shown: dict[Any, Any] = {}
    for node in sympy.preorder_traversal(value):
        if isinstance(node, sympy.Indexed):
            # x[i + 1] → x₍ᵢ₊₁₎: a compound index in brackets, never x_i + 1 (which reads as a sum)
            parts = [_plain(str(i)).replace(" ", "") for i in node.indices]
            index = ",".join(f"({p})" if not p.isalnum() and len(parts) == 1 else p for p in parts)
            shown[node] = sympy.Symbol(display_name(str(node.base.label)) + (f"_{{{index}}}" if "," in index
                                                                             else f"_{index}"))
        elif isinstance(node, MatrixElement) and node.args[0].shape[1] == 1 and node.args[2] == 0 \
                and isinstance(node.args[0], sympy.MatrixSymbol):
            shown[node] = sympy.Symbol(f"{display_name(node.args[0].name)}_{_plain(str(node.args[1] + 1))}")
        elif isinstance(node, sympy.Symbol) and node not in shown:
            name = display_name(node.name)
            if name != node.name:
                shown[node] = sympy.Symbol(name)
        elif isinstance(node, sympy.MatrixSymbol):
            name = display_name(node.name)
            if name != node.name:
                shown[node] = sympy.MatrixSymbol(name, *node.shape)
    if not shown:
        return value
    try:
        return value.xreplace(shown)
    except Exception:
        return value


_COMBINING = {"hat": "\u0302", "tilde": "\u0303", "bar": "\u0304", "dot": "\u0307", "check": "\u030c"}
_GREEK_LETTERS = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
                  "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
                  "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ",
                  "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
                  "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ"}


def display_name(name: str) -> str:
    """mu_hat → μ̂, x_tilde → x̃, Sigma → Σ: a code-facing name as the letter notes write."""
    import unicodedata

    parts = name.split("_")
    accents: list[str] = []
    while len(parts) > 1 and parts[-1] in _COMBINING:
        accents.insert(0, parts.pop())
    if not accents:
        return _plain(name)
    head = _GREEK_LETTERS.get(parts[0], parts[0])
    if len(head) == 1:
        head += "".join(_COMBINING[a] for a in accents)
        rest = "_".join(parts[1:])
        return unicodedata.normalize("NFC", head + ("_" + rest if rest else ""))
    return _plain(name)


def _plain(text: str) -> str:
    """`_k` (a summation dummy SymPy made) → `k`."""
    import re

    return re.sub(r"(?<![A-Za-z0-9])_(?=[A-Za-z])", "", text)


# -- the symbols ------------------------------------------------------------------------------

_FUNCTION_NAMES = {"exp": "exp", "log": "log", "sigmoid": "σ", "tanh": "tanh", "sin": "sin", "cos": "cos",
                   "tan": "tan", "sinh": "sinh", "cosh": "cosh", "sign": "sign", "Abs": "|·|", "Max": "max",
                   "Min": "min", "sqrt": "√", "Piecewise": "cases", "Heaviside": "step", "atan": "arctan",
                   "asin": "arcsin", "acos": "arccos"}
_MATRIX_FUNCTIONS = {"Softmax": "softmax", "SoftmaxFirstAxis": "softmax", "Inverse": "inverse",
                     "Transpose": "transpose", "Trace": "trace", "DiagMatrix": "diag", "DiagonalMatrix": "diag",
                     "HadamardProduct": "⊙", "Concat": "concat", "Determinant": "det"}


def symbols_of(eq: Equation, defined: dict[str, tuple[int, Equation]]) -> list[SymbolRole]:
    """Every symbol of the equation with its role (see the module's docstring)."""
    out: list[SymbolRole] = []
    for spec in eq.inputs:
        if spec.role == "size":
            out.append(SymbolRole(latex=spec.latex, name=spec.name, role="size",
                                  detail=phrase("detail-size")))
            continue
        shape = "()" if not spec.shape else "(" + ", ".join(str(d) for d in spec.shape) + \
            ("," if len(spec.shape) == 1 else "") + ")"
        key = "detail-input-inferred" if spec.inferred else "detail-input"
        if spec.aliases and ("gradient" in spec.aliases or "grad" in spec.aliases):
            key = "detail-gradient"
        if spec.values_of:
            out.append(SymbolRole(latex=spec.latex, name=spec.name, role="input",
                                  detail=phrase("detail-function-values", shape=shape, function=spec.values_of)))
            continue
        out.append(SymbolRole(latex=spec.latex, name=spec.name, role="input",
                              detail=phrase(key, shape=shape, space=spec.space.describe())))
    out.extend(_indices(eq))
    out.extend(_functions(eq.sympy))
    out.extend(_constants(eq.sympy))
    for key in sorted(eq.uses):
        if key in defined and defined[key][1] is not eq:
            number, other = defined[key]
            out.append(SymbolRole(latex=other.head_latex or key, name=other.name or key, role="defined",
                                  detail=phrase("detail-defined", number=number, line=other.range.start.line + 1)))
    return out


def _indices(eq: Equation) -> list[SymbolRole]:
    import sympy

    from eq2code.equation.sympy_ext import Reduce

    out: list[SymbolRole] = []
    seen: set[str] = set()
    for letter, _lo, _hi in eq.free_indices:
        seen.add(str(letter))
        out.append(SymbolRole(latex=str(letter), name=str(letter), role="index",
                              detail=phrase("detail-index-output")))
    for node in sympy.preorder_traversal(eq.sympy):
        limits: list = []
        op = ""
        if isinstance(node, (sympy.Sum, sympy.Product)):
            limits, op = list(node.limits), "sum" if isinstance(node, sympy.Sum) else "prod"
        elif isinstance(node, Reduce):
            limits, op = [tuple(node.args[2])], str(node.args[0])
        for lim in limits:
            name = str(lim[0])
            if name in seen:
                continue
            seen.add(name)
            out.append(SymbolRole(latex=name, name=name, role="index",
                                  detail=phrase("detail-index-bound", op=phrase(f"op-{op}"), low=str(lim[1]),
                                                high=str(lim[2]))))
    return out


def _functions(value: Any) -> list[SymbolRole]:
    import sympy

    names: list[str] = []
    for node in sympy.preorder_traversal(value):
        cls = type(node).__name__
        name = None
        if isinstance(node, sympy.Pow) and node.exp == sympy.Rational(1, 2):
            name = "√"
        elif isinstance(node, sympy.Function) and cls in _FUNCTION_NAMES:
            name = _FUNCTION_NAMES[cls]
        elif cls in _MATRIX_FUNCTIONS:
            name = _MATRIX_FUNCTIONS[cls]
        if name and name not in names:
            names.append(name)
    return [SymbolRole(latex=n, name=n, role="function", detail=phrase("detail-function")) for n in names]


def _constants(value: Any) -> list[SymbolRole]:
    import sympy

    found: list[str] = []
    for node in sympy.preorder_traversal(value):
        if isinstance(node, sympy.NumberSymbol) or node in (sympy.E, sympy.oo, -sympy.oo):
            text = {"pi": "π", "E": "e", "oo": "∞", "-oo": "-∞"}.get(str(node), str(node))
            if text not in found:
                found.append(text)
        elif isinstance(node, sympy.exp) and node.args == (1,) and "e" not in found:
            found.append("e")
    return [SymbolRole(latex=c, name=c, role="constant", detail=phrase("detail-constant")) for c in found]
