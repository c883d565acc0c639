"""Implementation files: find the function that implements the equation and map the
equation's inputs to its parameters (spec §1). Reads the source with `ast` — the code is
parsed here, never run (running is `sandbox/`'s job).
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass, field

from eq2code.base.span import Range
from eq2code.equation.model import Equation, InputSpec

_TAG = re.compile(r"#\s*eq2code:\s*(rule|eq)\s*=\s*(\S+)")
GREEK_SPELLED = {"α": "alpha", "θ": "theta", "σ": "sigma", "μ": "mu", "λ": "lambda", "ε": "epsilon"}
ALIASES: dict[str, tuple[str, ...]] = {
    "epsilon": ("eps", "epsilon"), "varepsilon": ("eps", "epsilon"),
    "eta": ("lr", "learning_rate", "eta", "alpha", "step_size"),
    "alpha": ("lr", "learning_rate", "alpha", "eta", "step_size"),
    "T": ("T", "t", "temp", "temperature", "tau"), "tau": ("tau", "temp", "temperature", "T"),
    "y": ("y", "y_true", "target", "targets", "label", "labels", "t", "onehot", "one_hot"),
    "y_hat": ("y_hat", "yhat", "y_pred", "pred", "preds", "prediction", "predictions", "probs"),
    "z": ("z", "logits", "x", "scores", "inputs", "a"), "x": ("x", "logits", "z", "inputs", "v", "vec", "a"),
    "Q": ("q", "query", "queries"), "K": ("k", "key", "keys"), "V": ("v", "value", "values"),
    "theta": ("theta", "params", "parameters", "w", "weights"), "g": ("g", "grad", "grads", "gradient"),
    "W": ("w", "weight", "weights"), "b": ("b", "bias"),
}


@dataclass
class Param:
    name: str
    has_default: bool
    kind: str  # positional | keyword | var


@dataclass
class FunctionInfo:
    name: str
    params: list[Param]
    range: Range  # the function's name in the def line
    def_line: int  # 0-based
    tags: dict[str, str] = field(default_factory=dict)  # rule=…, eq=… from a comment above


@dataclass
class ModuleInfo:
    path: str
    text: str
    functions: list[FunctionInfo]


class PythonSyntaxError(Exception):
    def __init__(self, detail: str, range_: Range):
        super().__init__(detail)
        self.detail = detail
        self.range = range_


def read_module(path: str, text: str) -> ModuleInfo:
    """Top-level functions of a module. Raises PythonSyntaxError with a range."""
    try:
        with warnings.catch_warnings():  # SyntaxWarning/DeprecationWarning are the user's (and
            warnings.simplefilter("ignore")  # would be errors under -W error): not ours to show
            tree = ast.parse(text, filename=path)
    except SyntaxError as e:
        line = max((e.lineno or 1) - 1, 0)
        col = max((e.offset or 1) - 1, 0)
        end_col = max((e.end_offset or (col + 2)) - 1, col + 1) if (e.end_lineno or e.lineno) == e.lineno else col + 1
        raise PythonSyntaxError(e.msg, Range.of(line, col, line, end_col)) from None
    except (ValueError, RecursionError, MemoryError) as e:
        raise PythonSyntaxError(str(e) or type(e).__name__, Range.of(0, 0, 0, 1)) from None
    lines = text.splitlines()
    functions = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(_function_info(node, lines))
    return ModuleInfo(path, text, functions)


def _function_info(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> FunctionInfo:
    args = node.args
    positional = args.posonlyargs + args.args
    n_defaults = len(args.defaults)
    params = [Param(a.arg, i >= len(positional) - n_defaults, "positional") for i, a in enumerate(positional)]
    params += [Param(a.arg, d is not None, "keyword") for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.vararg is not None:
        params.append(Param(args.vararg.arg, True, "var"))
    def_line = node.lineno - 1
    line_text = lines[def_line] if def_line < len(lines) else ""
    col = line_text.find(node.name, node.col_offset)
    col = col if col >= 0 else node.col_offset
    tags: dict[str, str] = {}
    first = min([def_line] + [d.lineno - 1 for d in node.decorator_list])
    if first > 0:
        m = _TAG.search(lines[first - 1])
        if m:
            tags[m.group(1)] = m.group(2)
    return FunctionInfo(node.name, params, Range.of(def_line, col, def_line, col + len(node.name)),
                        def_line, tags)


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def find_function(module: ModuleInfo, eq: Equation, wanted: str | None, rule: str | None = None,
                  eq_path: str | None = None, aliases: tuple[str, ...] = ()) -> tuple[FunctionInfo | None, list[str]]:
    """The implementing function and the names that were tried (for the finding)."""
    funcs = module.functions
    if wanted:
        return next((f for f in funcs if f.name == wanted), None), [wanted]
    tagged = [f for f in funcs if (rule and f.tags.get("rule") == rule)
              or (eq_path and f.tags.get("eq") and _same_file(f.tags["eq"], eq_path, module.path))]
    if tagged:
        return tagged[0], [f"# eq2code: {'rule=' + rule if rule else 'eq=' + str(eq_path)}"]
    names = [n for n in (eq.name, *aliases, rule or "") if n]
    for n in names:
        for f in funcs:
            if _norm(f.name) == _norm(n):
                return f, names
    public = [f for f in funcs if not f.name.startswith("_")]
    if len(public) == 1:
        return public[0], names
    return None, names


def _same_file(tag: str, eq_path: str, impl_path: str) -> bool:
    from pathlib import Path

    base = Path(impl_path).resolve().parent
    return (base / tag).resolve() == Path(eq_path).resolve()


@dataclass
class Mapping:
    """Which parameter receives each equation input."""

    keyword: dict[str, InputSpec]  # parameter name → input
    unmapped_inputs: list[InputSpec]
    unmapped_params: list[str]
    how: dict[str, str]  # input name → parameter name

    @property
    def ok(self) -> bool:
        return not self.unmapped_inputs and not self.unmapped_params


def param_aliases(text: str) -> dict[str, tuple[str, ...]]:
    """The `% eq2code: params=` metadata of an equation file: `g:grad|gradient,alpha:lr|eta`
    → {"g": ("grad", "gradient"), "alpha": ("lr", "eta")}. A symbol is named as `eq2code
    parse` shows it (code name, SymPy name or LaTeX). See docs/rules.md."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in text.split(","):
        symbol, sep, names = entry.partition(":")
        symbol = symbol.strip()
        found = tuple(n.strip() for n in names.split("|") if n.strip())
        if sep and symbol and found:
            out[symbol] = out.get(symbol, ()) + found
    return out


def _extra_aliases(spec: InputSpec, extra: dict[str, tuple[str, ...]] | None) -> tuple[str, ...]:
    if not extra:
        return ()
    keys = {symbol_key(spec.name), symbol_key(spec.sympy_name), symbol_key(spec.latex)}
    return tuple(a for k, v in extra.items() if symbol_key(k) in keys for a in v)


def symbol_key(text: str) -> str:
    """How a `params=` entry names a symbol: `W^Q`, `W^{Q}`, `\\hat{y}`, `y_hat`, `\\alpha` and
    `alpha` all work; spacing, backslashes, braces and font macros do not matter."""
    t = re.sub(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathcal|mathit|text)\b", "", text)
    return re.sub(r"[\s\\{}]", "", t)


SPACE_ALIASES: dict[str, tuple[str, ...]] = {
    "categorical": ("tokens", "token", "targets", "target", "labels", "label", "ids", "indices", "idx",
                    "classes", "class_ids"),
    "onehot": ("onehot", "one_hot", "targets", "target", "labels", "y_true"),
    "simplex": ("probs", "probabilities", "prob", "dist", "distribution"),
}


def _candidates(spec: InputSpec, extra: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    base = spec.name
    names = [base, base.lower(), spec.sympy_name, *spec.aliases, *_extra_aliases(spec, extra),
             *ALIASES.get(base, ()), *SPACE_ALIASES.get(spec.space.kind, ())]
    if base.endswith("_hat"):
        stem = base[:-4]
        names += [stem + "hat", stem + "_pred", stem + "pred", "pred", "predicted"]
    return [_norm(n) for n in names if n]


def map_arguments(func: FunctionInfo, eq: Equation, explicit: dict[str, str],
                  aliases: dict[str, tuple[str, ...]] | None = None) -> Mapping:
    """By explicit --map, then by name (the symbol's own, then `aliases` — symbol → parameter
    names, from the `params=` metadata — then the common ALIASES), then by position. Sizes
    only where asked by name."""
    params = [p for p in func.params if p.kind != "var"]
    free = list(params)
    how: dict[str, str] = {}
    keyword: dict[str, InputSpec] = {}
    remaining: list[InputSpec] = []
    inputs = [s for s in eq.inputs if s.role != "size"]
    sizes = [s for s in eq.inputs if s.role == "size"]

    def take(spec: InputSpec, pname: str) -> None:
        param = next(p for p in free if p.name == pname)
        free.remove(param)
        keyword[pname] = spec
        how[spec.name] = pname

    for spec in inputs + sizes:
        target = explicit.get(spec.name) or explicit.get(spec.latex) or explicit.get(spec.sympy_name)
        if target and any(p.name == target for p in free):
            take(spec, target)
    for spec in inputs:
        if spec.name in how:
            continue
        cands = _candidates(spec, aliases)
        # exact name first, then aliases in order
        match = next((p for c in cands for p in free if _norm(p.name) == c), None)
        if match is not None:
            take(spec, match.name)
        else:
            remaining.append(spec)
    for spec in sizes:
        if spec.name in how:
            continue
        match = next((p for p in free if _norm(p.name) == _norm(spec.name)), None)
        if match is not None:
            take(spec, match.name)
    unmapped_inputs = []
    for spec in remaining:  # by position: parameters without defaults first, in order
        open_params = [p for p in free if p.kind == "positional"]
        open_params.sort(key=lambda p: p.has_default)
        if not open_params:
            unmapped_inputs.append(spec)
            continue
        take(spec, open_params[0].name)
    unmapped_params = [p.name for p in free if not p.has_default and p.kind != "var"]
    return Mapping(keyword, unmapped_inputs, unmapped_params, how)
