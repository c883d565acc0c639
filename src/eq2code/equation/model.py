"""The equation model: what an equation file means, independent of any implementation.

`semantics.py` builds it from the IR; `evaluate.py` computes references from it; `inputs.py`
draws inputs from its spaces; `eq2code parse` prints it. Shapes are tuples of size names
(`("n", "d_k")`) or integers; `()` is a scalar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypedDict

from eq2code.base.span import Range

Shape = tuple[Any, ...]  # size names (str) or ints

# A compiled plan (plan.py), what the reference evaluator runs and the cache stores as JSON: a
# node `[op, *operands]` whose operands are numbers, names, nested nodes or lists of them.
PlanItem: TypeAlias = "str | int | float | bool | list[PlanItem] | None"
Plan: TypeAlias = list[PlanItem]


class Part(TypedDict):
    """One operation of an equation with its LaTeX (parts.py), for `explain` and messages."""

    op: str  # exp, log, sqrt, power, sum, prod, max, min, matmul, transpose, softmax, divide, …
    latex: str
    detail: str  # "over the last axis", "base 2", "X times Y", or ""


class SymbolRole(TypedDict):
    """One symbol of an equation and the role the analysis gave it (describe.py)."""

    latex: str  # as written, or as SymPy names it (an index, a function)
    name: str  # the code-facing name
    role: str  # input | size | index | function | constant | defined
    detail: Any  # a findings.phrases.Phrase (its JSON form once cached): shape and space, range, …


@dataclass(frozen=True)
class Space:
    """Where a symbol's values live; fixes which values are tried."""

    kind: str  # real | positive | nonnegative | interval | simplex | binary | onehot | categorical | size
    #          | symmetric | psd | spd (square matrices: 𝕊^d, 𝕊_+^d, 𝕊_{++}^d) | sign ({-1, 1})
    low: float | None = None
    high: float | None = None
    closed: tuple[bool, bool] = (True, True)
    latex: str = ""
    size: Any = None  # categorical {1..V}: the size name of the upper end ("V")

    def describe(self) -> str:
        return self.latex or self.kind


REAL = Space("real", latex="\\mathbb{R}")


@dataclass
class InputSpec:
    """One input of an equation: an array, a scalar parameter, or a size symbol."""

    name: str  # Python-facing name: "z", "y_hat", "d_k", "theta"
    latex: str  # as written: "\\mathbf{z}", "\\hat{y}"
    shape: Shape
    space: Space
    role: str = "array"  # array | scalar | size
    sympy_name: str = ""  # the SymPy symbol's name
    inferred: bool = False  # shape or space inferred rather than declared
    aliases: tuple[str, ...] = ()  # names code may give it (a guess: grad for a gradient)
    spellings: tuple[str, ...] = ()  # its own name spelled as code must (lam for λ, v_prev for v_{t-1})
    one_based: bool = False  # categorical values: the math counts from 1, code from 0
    values_of: str = ""  # the values of a function the file does not define (f of f(x_i)), as LaTeX


@dataclass
class Equation:
    """One clause of an equation file: a definition, an identity, a declaration or a statement."""

    kind: str  # definition | identity | declaration | statement | annotation | example (a worked example)
    latex: str
    range: Range
    checkable: bool = False
    reason: str = ""  # why not checkable, in English (logs, rulebook, tests)
    why: Any = None  # the same as a keyed Phrase (findings/phrases.py), what findings show in en/ja
    name: str = ""  # the defined quantity/function (LaTeX-free), e.g. "softmax"
    key: str = ""  # its symbol key ("sigma^2", "cal:L_CE"), what other equations' `uses` name
    head_latex: str = ""  # its left side as written
    params: list[str] = field(default_factory=list)  # parameter names in the head, in order
    inputs: list[InputSpec] = field(default_factory=list)
    # inputs of the file's other definitions that this one does not use (β of m_{t+1} beside the main
    # w_{t+1}): a function implementing the whole block may take them by name; never required
    extras: list[InputSpec] = field(default_factory=list)
    output_shape: Shape = ()
    sympy: Any = None  # the SymPy expression of the first computed side (None when cached)
    sympy_text: list[str] = field(default_factory=list)  # every computed side, as SymPy prints it
    plans: list[Plan] = field(default_factory=list)  # every computed side, compiled (plan.py)
    free_indices: list[tuple[str, Plan, Plan]] = field(default_factory=list)  # (index, lo plan, hi plan)
    uses: set[str] = field(default_factory=set)  # auxiliary definitions it refers to
    mentions: set[str] = field(default_factory=set)  # symbol keys its right side names (as written)
    parts: list[Part] = field(default_factory=list)  # operations with their LaTeX (parts.py)
    mutants: list[dict] = field(default_factory=list)  # named mistakes as plans (mutants.py)
    variants: list[dict] = field(default_factory=list)  # accepted variants as plans (ε in a log)
    reading: list[str] = field(default_factory=list)  # the computed side as readable math (describe.py)
    symbols: list[SymbolRole] = field(default_factory=list)  # every symbol and its role (describe.py)


@dataclass
class Diagnostic:
    """A problem found while reading the equation file (becomes a Finding)."""

    name: str  # latex-syntax | unsupported-notation | not-checkable | equation-file | argument-mapping
    range: Range
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class EquationFile:
    """An equation file as read: its text, `% eq2code:` metadata, equations and the reading's
    diagnostics."""

    path: str
    text: str
    metadata: dict[str, str]
    equations: list[Equation]
    diagnostics: list[Diagnostic]

    @property
    def main(self) -> Equation | None:
        """The definition nothing else uses (spec §1), the last one if several — and only if it
        is checkable: a file whose main equation cannot be checked is not checked through one
        of its auxiliary definitions. `% eq2code: equation=NAME` picks one by name."""
        wanted = self.metadata.get("equation")
        if wanted:
            return next((e for e in self.equations if e.name == wanted and e.checkable
                         and e.kind in ("definition", "identity")), None)
        candidate = self.main_candidate
        return candidate if candidate is not None and candidate.checkable else None

    @property
    def main_candidate(self) -> Equation | None:
        """The main equation even when it is not checkable (for its reason)."""
        defs = [e for e in self.equations if e.kind in ("definition", "identity")]
        top = [e for e in defs if not e.key or not any(e.key in o.mentions for o in defs if o is not e)]
        return top[-1] if top else None
