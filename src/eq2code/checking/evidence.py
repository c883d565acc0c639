"""What the checker can say about the code beyond its numbers: the static facts of the checked
function (libcst, imported only when needed), where a named mistake sits in it, and the
equation's and inputs' text that findings quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eq2code.base.log import get_logger
from eq2code.base.span import Range
from eq2code.checking.context import CheckContext
from eq2code.equation.model import Equation
from eq2code.findings.phrases import Phrase
from eq2code.reference.compare import short
from eq2code.reference.inputs import Trial, code_value

if TYPE_CHECKING:
    from eq2code.code.static import CodeFacts

# `code.static` (the static analysis) is imported by the first question asked of it: a passing
# check of code with no pattern to note asks none (docs/performance.md).

log = get_logger(__name__)


def facts(ctx: CheckContext) -> CodeFacts | None:
    """What static analysis sees in the function, or None when it cannot tell."""
    if ctx.function is None:
        return None
    from eq2code.code.static import analyze

    ndims: dict[str, int] = {}
    if ctx.equation is not None and ctx.mapping is not None:
        ndims = {p: len(spec.shape) for p, spec in ctx.mapping.keyword.items()}
    try:
        found = analyze(ctx.impl_path, ctx.function.name, ndims)
    except Exception:  # static analysis must never cost the verdict; --verbose shows why
        log.debug("static analysis of %s failed", ctx.impl_path, exc_info=True)
        return None
    return found if found.found else None


def where(ctx: CheckContext, name: str, part: str = "") -> Range:
    """The responsible expression in the code for a named finding, else the def line."""
    assert ctx.function is not None
    from eq2code.code.static import analyze, locate

    try:
        found = analyze(ctx.impl_path, ctx.function.name)
    except Exception:  # static analysis must never cost the verdict; --verbose shows why
        log.debug("static analysis of %s failed", ctx.impl_path, exc_info=True)
        return ctx.function.range
    return locate(name, found, part) or ctx.function.range


def part_latex(eq: Equation, op: str) -> str:
    """The LaTeX of the equation's first part doing `op` (e.g. its \\sum), or the bare operator."""
    return next((p["latex"] for p in eq.parts if p["op"] == op), "\\" + op)


def inputs_text(eq: Equation, trial: Trial) -> str:
    """The trial's inputs as the code received them, shortened: `z = [0.1, …]; T = 2`."""
    parts = []
    for spec in eq.inputs:
        if spec.role == "size":
            continue
        parts.append(f"{spec.name} = {short(code_value(spec, trial.values[spec.name]))}")
    return "; ".join(parts)


def form_text(trial: Trial) -> Phrase:
    sizes = ", ".join(f"{k}={v}" for k, v in trial.sizes.items())
    if trial.form == "core":
        return Phrase("form-core", {"sizes": sizes})
    return Phrase("form-batched", {"batch": str(trial.batch), "sizes": sizes})


def size_of(trial: Trial) -> int:
    return sum(trial.sizes.values())


def param_name(ctx: CheckContext, arg: str) -> str:
    """The parameter a sandbox argument name (`arg0`, or a keyword) stands for."""
    func = ctx.function
    params = [p for p in func.params if p.owner == "call"] if func is not None else []
    if arg.startswith("arg") and arg[3:].isdigit() and int(arg[3:]) < len(params):
        return params[int(arg[3:])].name
    return arg


def first(items: list[Any]) -> Any:
    return items[0] if items else None
