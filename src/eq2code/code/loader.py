"""Implementation files: find the function that implements the equation and map the
equation's inputs to its parameters (spec §1). Reads the source with `ast` — the code is
parsed here, never run (running is `sandbox/`'s job).
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass, field, replace
from typing import Any

from eq2code.base.span import Range
from eq2code.equation.model import Equation, InputSpec

_TAG = re.compile(r"#\s*eq2code:\s*(rule|eq)\s*=\s*(\S+)")
GREEK_SPELLED = {"α": "alpha", "θ": "theta", "σ": "sigma", "μ": "mu", "λ": "lambda", "ε": "epsilon"}
ALIASES: dict[str, tuple[str, ...]] = {
    "epsilon": ("eps", "epsilon"), "varepsilon": ("eps", "epsilon"),
    "eta": ("lr", "learning_rate", "eta", "alpha", "step_size"),
    "alpha": ("alpha",),
    "T": ("T", "t", "temp", "temperature", "tau"), "tau": ("tau", "temp", "temperature", "T"),
    "y": ("y", "y_true", "target", "targets", "label", "labels", "t", "onehot", "one_hot"),
    "y_hat": ("y_hat", "yhat", "y_pred", "pred", "preds", "prediction", "predictions", "probs"),
    "z": ("z", "logits", "x", "scores", "inputs", "a"), "x": ("x", "logits", "z", "inputs", "v", "vec", "a"),
    "Q": ("q", "query", "queries"), "K": ("k", "key", "keys"), "V": ("v", "value", "values"),
    "theta": ("theta", "params", "parameters", "w", "weights"), "g": ("g", "grad", "grads", "gradient"),
    "W": ("w", "weight", "weights"), "b": ("b", "bias"),
    "Sigma": ("cov", "covariance", "cov_matrix"), "mu": ("mu", "mean", "means", "loc"),
    "pi": ("pi", "prior", "priors", "class_priors"),
    "lambda": ("lam", "lmbda", "lambd", "lamda",  # `lambda` is a Python keyword: code must respell it
               "wd", "weight_decay", "decay", "reg", "l2", "l2_reg"),  # λ, λ' of a penalty or a decay
    "Lambda": ("prec", "precision"),
}
# What code calls a size: |𝓑|, the number of items of a minibatch 𝓑 (n_B), is its batch size.
SIZE_ALIASES: dict[str, tuple[str, ...]] = {"n_B": ("batch_size", "bs", "n_batch")}
# What code calls the quantity an update rule updates (φ ← (1−λ')φ − α ∂L/∂φ, w_{t+1} = w_t − …),
# whatever its letter: the parameters being trained.
STATE_NAMES: tuple[str, ...] = ("params", "parameters", "param", "weights")
# Names an input takes only after every input has taken its own names and ALIASES: α is the
# learning rate in Adam-like notes, but the momentum beside an η (v ← αv − η∇L: ゼロから作る), so η
# claims `lr` first and α then takes `lr` only if it is still free.
WEAK_ALIASES: dict[str, tuple[str, ...]] = {
    "alpha": ("lr", "learning_rate", "eta", "step_size", "momentum"),
}
# How code spells a Greek letter with a subscript: α_1, β_2 → a1, b2 (scipy's Beta(a, b)); Λ_a → prec_a;
# λ_1 → lam1. Used with the subscript only, and only after the inputs' own names and ALIASES.
SUBSCRIPT_STEMS: dict[str, tuple[str, ...]] = {
    "alpha": ("a",), "beta": ("b",), "lambda": ("lam", "lmbda", "lambd"), "Lambda": ("prec", "precision"),
    "Sigma": ("cov",), "mu": ("mean",),
}


@dataclass
class Param:
    """A parameter of a checked function (or of its class's constructor)."""

    name: str
    has_default: bool
    kind: str  # positional | keyword | var
    owner: str = "call"  # "call": the function's (or method's) own; "ctor": the class's __init__
    bundle: str | None = None  # a dict of arrays (`params`, `grads`): the key the code reads, or "" for any


@dataclass
class FunctionInfo:
    """A function or method of the checked module: parameters, where it is, its tags."""

    name: str  # `softmax`, or `Affine.forward` for a method (called on a fresh instance)
    params: list[Param]
    range: Range  # the function's name in the def line
    def_line: int  # 0-based
    tags: dict[str, str] = field(default_factory=dict)  # rule=…, eq=… from a comment above
    end_line: int = 0  # 0-based last line
    static: bool = False  # a @staticmethod: called on the class, not on an instance
    # how find_function chose it: flag, tag, name, acronym, class, method, only-function, only-class
    picked: str = field(default="", compare=False)

    @property
    def owner(self) -> str | None:
        """The class of a method, else None."""
        return self.name.rpartition(".")[0] or None


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class ModuleInfo:
    """The checked module as read statically: its text, functions and methods."""

    path: str
    text: str
    functions: list[FunctionInfo]  # top-level functions
    methods: list[FunctionInfo] = field(default_factory=list)  # `Class.method` of top-level classes

    def named(self, name: str) -> FunctionInfo | None:
        """A function or method by its name (`softmax`, `Affine.forward`), or a class by its
        name (its `forward`, else `__call__`)."""
        found = next((f for f in self.functions + self.methods if f.name == name), None)
        if found is None and "." not in name:
            found = next((m for entry in CALL_METHODS for m in self.methods if m.name == f"{name}.{entry}"), None)
        return found


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
    functions: list[FunctionInfo] = []
    methods: list[FunctionInfo] = []
    for node in tree.body:  # a name defined twice is the last definition, as Python binds it
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions = [f for f in functions if f.name != node.name] + [_function_info(node, lines)]
        elif isinstance(node, ast.ClassDef):
            methods = [m for m in methods if m.owner != node.name] + _methods(node, lines)
    return ModuleInfo(path, text, functions, methods)


CALL_METHODS = ("forward", "__call__", "update", "step")  # what calling a layer or an optimizer means


def _methods(cls: ast.ClassDef, lines: list[str]) -> list[FunctionInfo]:
    """The public methods of a class (and `__call__`), each with the constructor's parameters
    first (owner "ctor") and its own after them, `self` left out."""
    defs = [n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    init = next((n for n in defs if n.name == "__init__"), None)
    ctor = [] if init is None else [Param(p.name, p.has_default, p.kind, "ctor", p.bundle)
                                    for p in _function_info(init, lines).params[1:]]
    out = []
    for node in defs:
        if node.name.startswith("_") and node.name != "__call__":
            continue
        decorators = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
        if decorators & {"classmethod", "property"}:
            continue
        info = _function_info(node, lines)
        info.name = f"{cls.name}.{node.name}"
        if "staticmethod" in decorators:  # called on the class, no instance: its own parameters only
            info.static = True
        else:
            info.params = ctor + info.params[1:]
        if not info.tags:
            info.tags = _tags(cls, lines)
        out.append(info)
    return out


def _tags(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> dict[str, str]:
    """`# eq2code: rule=NAME` or `eq=PATH` on the line above a definition (or its decorators)."""
    first = min([node.lineno - 1] + [d.lineno - 1 for d in node.decorator_list])
    if first > 0:
        m = _TAG.search(lines[first - 1])
        if m:
            return {m.group(1): m.group(2)}
    return {}


def _bundles(node: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, str]:
    """Parameters the body uses as dicts of arrays (`params[key]` in a loop over `params`,
    `grads.items()`): name → the one constant key it reads, or "" for keys it iterates."""
    names = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
    found: dict[str, set[str]] = {}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id in names \
                and sub.attr in ("keys", "items", "values"):
            found.setdefault(sub.value.id, set()).add("")
        elif isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Name) and sub.value.id in names:
            key = sub.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                found.setdefault(sub.value.id, set()).add(key.value)
            elif isinstance(key, ast.Name) and _iterates(node, key.id, sub.value.id):
                found.setdefault(sub.value.id, set()).add("")
    return {name: (next(iter(keys)) if len(keys) == 1 else "") for name, keys in found.items()}


def _iterates(node: ast.AST, var: str, mapping: str) -> bool:
    """Is `var` the key of a loop over the dict `mapping` (`for key in params:`, `params.keys()`)?"""
    for s in ast.walk(node):
        if not (isinstance(s, ast.For) and isinstance(s.target, ast.Name) and s.target.id == var):
            continue
        it = s.iter
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr == "keys":
            it = it.func.value
        if isinstance(it, ast.Name):  # over a dict: this one, or another keyed alike (grads over params)
            return True
    return False


def _function_info(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> FunctionInfo:
    args = node.args
    positional = args.posonlyargs + args.args
    n_defaults = len(args.defaults)
    params = [Param(a.arg, i >= len(positional) - n_defaults, "positional") for i, a in enumerate(positional)]
    params += [Param(a.arg, d is not None, "keyword") for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.vararg is not None:
        params.append(Param(args.vararg.arg, True, "var"))
    bundles = _bundles(node)
    for p in params:
        p.bundle = bundles.get(p.name)
    def_line = node.lineno - 1
    line_text = lines[def_line] if def_line < len(lines) else ""
    col = line_text.find(node.name, node.col_offset)
    col = col if col >= 0 else node.col_offset
    return FunctionInfo(node.name, params, Range.of(def_line, col, def_line, col + len(node.name)),
                        def_line, _tags(node, lines), (node.end_lineno or node.lineno) - 1)


def _initials(name: str) -> str:
    """The first letters of a snake_case or CamelCase name: mean_squared_error → mse."""
    words = re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)
    return "".join(w[0].lower() for w in words) if len(words) > 1 else ""


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def find_function(module: ModuleInfo, eq: Equation, wanted: str | None, rule: str | None = None,
                  eq_path: str | None = None, aliases: tuple[str, ...] = ()) -> tuple[FunctionInfo | None, list[str]]:
    """The implementing function and the names that were tried (for the finding): `wanted`
    (`softmax`, `Affine.forward`, or a class), a tag, the equation's or rule's names and
    aliases (a class of that name means its `forward`/`__call__`), the only public function."""
    funcs = module.functions
    if wanted:
        return _picked(module.named(wanted), "flag"), [wanted]
    tagged = [f for f in funcs + module.methods if (rule and f.tags.get("rule") == rule)
              or (eq_path and f.tags.get("eq") and _same_file(f.tags["eq"], eq_path, module.path))]
    if tagged:
        calls = [f for f in tagged if f.name.rpartition(".")[2] in CALL_METHODS] or tagged
        return _picked(calls[0], "tag"), [f"# eq2code: {'rule=' + rule if rule else 'eq=' + str(eq_path)}"]
    names = [n for n in (eq.name, *aliases, rule or "") if n]
    for n in names:
        exact = [f for f in funcs if f.name == n]  # case matters first (H is not h) …
        close = [f for f in funcs if _norm(f.name) == _norm(n)]  # … then spelling variants
        if exact or len(close) == 1:
            return _picked((exact or close)[0], "name"), names
    for n in names:  # an acronym: mse for mean_squared_error, ce for cross_entropy
        short = [f for f in funcs if len(_norm(n)) >= 2 and _initials(f.name) == _norm(n)]
        if len(short) == 1:
            return _picked(short[0], "acronym"), names
    for n in names:  # a class named like the equation: its forward / __call__
        classes = {m.owner for m in module.methods if _norm(m.owner or "") == _norm(n)}
        if len(classes) == 1:
            found = module.named(classes.pop() or "")
            if found is not None:
                return _picked(found, "class"), names
    for n in names:  # a method named like the equation (an optimizer's `update`), when only one is
        methods = [m for m in module.methods if _norm(m.name.rpartition(".")[2]) == _norm(n)]
        if len(methods) == 1:
            return _picked(methods[0], "method"), names
    public = [f for f in funcs if not f.name.startswith("_")]
    if len(public) == 1:
        return _picked(public[0], "only-function"), names
    if not public:
        layers = {m.owner for m in module.methods if m.name.rpartition(".")[2] in CALL_METHODS}
        if len(layers) == 1:
            return _picked(module.named(layers.pop() or ""), "only-class"), names
    return None, names


# picks that no name supports: the file's only public function or only class may be a helper
# (a `softmax` beside the `SoftmaxWithLoss` layer) — when it fails, the others are tried by behaviour
UNNAMED_PICKS = ("only-function", "only-class")


def _picked(func: FunctionInfo | None, how: str) -> FunctionInfo | None:
    """A copy of the chosen function that remembers how it was chosen."""
    return None if func is None else replace(func, picked=how)


def candidates(module: ModuleInfo) -> list[FunctionInfo]:
    """The functions a file may mean when names do not say: its public functions, the call
    methods (`forward`, `__call__`, `update`) of its classes, then their other public methods."""
    public = [f for f in module.functions if not f.name.startswith("_")]
    calls = [m for m in module.methods if m.name.rpartition(".")[2] in CALL_METHODS]
    return public + calls + [m for m in module.methods if m not in calls]


def swappable(eq: Equation, found: Mapping) -> list[tuple[str, str]]:
    """Pairs of the equation's inputs that could trade parameters: same shape and role, at
    least one of them placed by a guess (position, a loose alias) rather than by its name, and
    neither held by a name that states its role (`--map`, a convention, `grad` for the gradient
    g_t): moving `grad` to m_{t-1} would explain away the learner's swapped β and 1 - β."""
    inputs = [s for s in eq.inputs if s.role != "size" and s.name in found.how]
    pairs = []
    for i, a in enumerate(inputs):
        for b in inputs[i + 1:]:
            if a.shape == b.shape and a.role == b.role and not (found.claimed(a.name) and found.claimed(b.name)) \
                    and not (found.role_stated(a.name) or found.role_stated(b.name)):
                pairs.append((a.name, b.name))
    return pairs


def _same_file(tag: str, eq_path: str, impl_path: str) -> bool:
    from pathlib import Path

    base = Path(impl_path).resolve().parent
    return (base / tag).resolve() == Path(eq_path).resolve()


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Mapping:
    """Which parameter receives each equation input."""

    keyword: dict[str, InputSpec]  # parameter name → input
    unmapped_inputs: list[InputSpec]
    unmapped_params: list[str]
    how: dict[str, str]  # input name → parameter name
    inferred: dict[str, Any] = field(default_factory=dict)  # parameter → a value it is given (axis=-1)
    conventions: list[str] = field(default_factory=list)  # conventions the mapping assumed (keys)
    by: dict[str, str] = field(default_factory=dict)  # input name → explicit | convention | name | alias | position
    scalar_arrays: bool = False  # pass scalar inputs as 0-d arrays (code written for arrays: x.copy())
    representations: dict[str, str] = field(default_factory=dict)  # input name → representation key
    callables: dict[str, Equation] = field(default_factory=dict)  # parameter → a function the file defines
    packed: dict[str, list[str]] = field(default_factory=dict)  # parameter → numbered inputs it takes as a vector
    front: dict[str, str] = field(default_factory=dict)  # parameter → the intercept θ_0 it takes as entry 0 before θ

    def claimed(self, name: str) -> bool:
        """Do the code's names claim this input's role (not a guess by position or a loose alias)?"""
        how_found = self.by.get(name)
        return how_found in ("explicit", "convention", "name") or (
            how_found == "alias" and _norm(self.how.get(name, "")) in ROLE_NAMES)

    def role_stated(self, name: str) -> bool:
        """Is this input held by a name that states what it is (`--map`, a convention, a role
        name such as `grad` or `target` among its aliases), not merely spelled like its symbol?
        The equation's `y` and the code's `y` may still mean prediction and label the other way
        round; `grad` given m_{t-1} cannot be the gradient."""
        how_found = self.by.get(name)
        return how_found in ("explicit", "convention", "packed") or (
            how_found == "alias" and _norm(self.how.get(name, "")) in ROLE_NAMES)

    def with_swapped(self, a: str, b: str) -> Mapping:
        """The same mapping with inputs a and b trading parameters."""
        pa, pb = self.how[a], self.how[b]
        keyword = dict(self.keyword)
        keyword[pa], keyword[pb] = self.keyword[pb], self.keyword[pa]
        how = dict(self.how, **{a: pb, b: pa})
        return Mapping(keyword, list(self.unmapped_inputs), list(self.unmapped_params), how, dict(self.inferred),
                       list(self.conventions), dict(self.by, **{a: "evidence", b: "evidence"}), self.scalar_arrays,
                       dict(self.representations), dict(self.callables), dict(self.packed), dict(self.front))

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


_SUBSCRIPTED = re.compile(r"^(?P<stem>[A-Za-z]+)_(?P<rest>[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*)$")
ACCENTS = ("hat", "bar", "tilde")


def letter_stem(name: str) -> str | None:
    """The letter a subscripted or accented input is named after: g_t → g, m_{t-1} (m_t_prev)
    → m, Σ_x (Sigma_x) → Sigma, π̂ (pi_hat) → pi."""
    m = _SUBSCRIPTED.match(name)
    return m.group("stem") if m is not None else None


def _stem_names(spec: InputSpec) -> list[str]:
    """What code calls an input by its letter: the letter and its aliases (g_t → g, grad;
    m_{t-1} → m_prev, m; Σ_x → cov). An estimate of a target (ŷ) is not a target: an accented
    letter does not take the target names. Used only when no other input shares the letter
    (see map_arguments)."""
    m = _SUBSCRIPTED.match(spec.name)
    if m is None:
        return []
    stem, parts = m.group("stem"), m.group("rest").split("_")
    when = [f"{stem}_{parts[-1]}"] if parts[-1] in ("prev", "next") else []
    names = [stem, *ALIASES.get(stem, ())]
    if any(p in ACCENTS for p in parts):
        names = [n for n in names if _norm(n) not in {_norm(t) for t in TARGET_NAMES}]
    return when + names


def _weak_names(spec: InputSpec) -> list[str]:
    """The names an input takes only when no input claims them first: WEAK_ALIASES of its symbol
    (α → lr), and its subscript after the code's spelling of its letter (α_1 → a1, Λ_a → prec_a)."""
    names = list(WEAK_ALIASES.get(spec.name, ()))
    m = _SUBSCRIPTED.match(spec.name)
    if m is not None:
        names += [f"{short}_{m.group('rest')}" for short in SUBSCRIPT_STEMS.get(m.group("stem"), ())]
    return names


_LABELLED = re.compile(r"^([A-Za-z]+)__([0-9]+|[A-Za-z])$")


def _updated_state(spec: InputSpec, eq: Equation | None) -> bool:
    """Is `spec` the quantity `eq` updates — the defined name itself (φ ← … φ …) or its value at
    the previous step (w_t of w_{t+1} = w_t − …)? Only for an array: a scalar update (a count, a
    step size) is not the parameters."""
    if eq is None or spec.role != "array" or not eq.name:
        return False
    updated = letter_stem(eq.name) or eq.name
    return spec.name == eq.name or (letter_stem(spec.name) or spec.name) == updated


def _candidates(spec: InputSpec, extra: dict[str, tuple[str, ...]] | None = None,
                by_stem: bool = False, weak: bool = False, eq: Equation | None = None) -> list[str]:
    base = spec.name
    names = [base, base.lower(), spec.sympy_name, *spec.aliases, *_extra_aliases(spec, extra),
             *ALIASES.get(base, ()), *(_stem_names(spec) if by_stem else ()),
             *(STATE_NAMES if _updated_state(spec, eq) else ()),
             *SPACE_ALIASES.get(spec.space.kind, ()), *(_weak_names(spec) if weak else ())]
    labelled = _LABELLED.match(base)
    if labelled is not None:  # W^{(1)}, b^{[2]}: code writes the layer's label after the letter (W1, b_2)
        names += [f"{labelled.group(1)}{labelled.group(2)}", f"{labelled.group(1)}_{labelled.group(2)}"]
    if base.endswith("_hat"):
        stem = base[:-4]
        names += [stem + "hat", stem + "_pred", stem + "pred", "pred", "predicted"]
    return [_norm(n) for n in names if n]


def map_arguments(func: FunctionInfo, eq: Equation, explicit: dict[str, str],
                  aliases: dict[str, tuple[str, ...]] | None = None,
                  functions: list[Equation] | None = None) -> Mapping:
    """By explicit --map, then by name (the symbol's own, then `aliases` — symbol → parameter
    names, from the `params=` metadata — then the common ALIASES), then by position. Sizes
    only where asked by name. `functions`: the functions the equation file defines and the
    equation applies (`f` of `d/dx f(x)`), given to parameters that take a function."""
    params = [p for p in func.params if p.kind != "var"]
    free = list(params)
    how: dict[str, str] = {}
    keyword: dict[str, InputSpec] = {}
    remaining: list[InputSpec] = []
    inputs = [s for s in eq.inputs if s.role != "size"]
    sizes = [s for s in eq.inputs if s.role == "size"]

    by: dict[str, str] = {}

    def take(spec: InputSpec, pname: str, how_found: str) -> None:
        param = next(p for p in free if p.name == pname)
        free.remove(param)
        keyword[pname] = spec
        how[spec.name] = pname
        by[spec.name] = how_found

    for spec in inputs + sizes:
        target = explicit.get(spec.name) or explicit.get(spec.latex) or explicit.get(spec.sympy_name)
        if target and any(p.name == target for p in free):
            take(spec, target, "explicit")
    conventions: list[str] = []
    for spec, pname in textbook_labels(inputs, free, how):
        take(spec, pname, "convention")
        if "textbook-labels" not in conventions:
            conventions.append("textbook-labels")
    for spec in inputs:  # the symbol's own name, letter case included (H is not h)
        match = next((p for p in free if p.name in (spec.name, spec.sympy_name, *spec.spellings)), None)
        if spec.name not in how and match is not None:
            take(spec, match.name, "name")
    callables = function_parameters(free, functions or [], explicit)
    free = [p for p in free if p.name not in callables]
    folded = [_norm(s.name) for s in inputs]
    stems = [letter_stem(s.name) or s.name for s in inputs]
    for weak in (False, True):  # every input's own names and aliases before any weak alias
        for spec in inputs:
            if spec.name in how:
                continue
            cands = _candidates(spec, aliases, by_stem=stems.count(letter_stem(spec.name) or spec.name) == 1,
                                weak=weak, eq=eq)
            if folded.count(_norm(spec.name)) > 1:  # H and h both inputs: no case-folded guesses
                cands = [c for c in cands if c != _norm(spec.name)]
            # the name first, then aliases in order
            match = next((p for c in cands for p in free if _norm(p.name) == c), None)
            if match is not None:
                take(spec, match.name, "name" if _norm(match.name) == _norm(spec.name) else "alias")
            elif weak:
                remaining.append(spec)
    for spec in sizes:
        if spec.name in how:
            continue
        names = {_norm(spec.name), *(_norm(n) for n in SIZE_ALIASES.get(spec.name, ()))}
        match = next((p for p in free if _norm(p.name) in names), None)
        if match is not None:
            take(spec, match.name, "name")
    packed = numbered_entries(remaining, free)
    for pname, specs in packed.items():  # x_1, x_2, x_3 → x[0], x[1], x[2]: one vector parameter x
        param = next(p for p in free if p.name == pname)
        free.remove(param)
        keyword[pname] = specs[0]
        for spec in specs:
            how[spec.name] = pname
            by[spec.name] = "packed"
            remaining.remove(spec)
    if packed:
        conventions.append("entries-as-vector")
    unmapped_inputs = []
    for spec in remaining:  # by position: parameters without defaults first, in order
        open_params = [p for p in free if p.kind == "positional"]
        open_params.sort(key=lambda p: p.has_default)
        if not open_params:
            unmapped_inputs.append(spec)
            continue
        take(spec, open_params[0].name, "position")
    front = _intercepts_in_front(unmapped_inputs, inputs, how)
    for spec_name, pname in front.items():  # θ_0 + Σ_{j=1}^d θ_j x_j as theta[0] + theta[1:] @ x
        unmapped_inputs = [s for s in unmapped_inputs if s.name != spec_name]
        how[spec_name] = pname
        by[spec_name] = "packed"
    if front:
        conventions.append("intercept-in-front")
    extras = list(getattr(eq, "extras", []))  # β of the block's m_{t+1} row, taken by a function of the whole block
    for extra in extras:
        match = next((p for p in free if p.name in (extra.name, extra.sympy_name, *extra.spellings)), None)
        if match is not None and extra.name not in how:
            take(extra, match.name, "name")
    every = stems + [letter_stem(e.name) or e.name for e in extras]
    for extra in extras:  # then by the names code gives them (μ_x of the block's other row as `mean`)
        if extra.name in how:
            continue
        cands = _candidates(extra, aliases, by_stem=every.count(letter_stem(extra.name) or extra.name) == 1,
                            weak=True)
        match = next((p for c in cands for p in free if _norm(p.name) == c), None)
        if match is not None:
            take(extra, match.name, "alias")
    inferred = infer_values(free, eq)
    if inferred:
        conventions.append("inferred-parameter")
    unmapped_params = [p.name for p in free if not p.has_default and p.kind != "var" and p.name not in inferred]
    if callables:
        conventions.append("function-argument")
    return Mapping(keyword, unmapped_inputs, unmapped_params, how, inferred, conventions, by, callables=callables,
                   packed={k: [s.name for s in v] for k, v in packed.items()},
                   front={pname: spec_name for spec_name, pname in front.items()})


def _intercepts_in_front(unmapped: list[InputSpec], inputs: list[InputSpec], how: dict[str, str]) -> dict[str, str]:
    """The intercept θ_0 of θ_0 + Σ_{j=1}^d θ_j x_j that no parameter takes, beside the vector θ that one
    does: that parameter holds both, θ_0 first (`theta[0] + theta[1:] @ x`). Input name → parameter."""
    vectors = {s.name: s for s in inputs if len(s.shape) == 1}
    out: dict[str, str] = {}
    for spec in unmapped:
        m = _SUBSCRIPTED.match(spec.name)
        if m is None or m.group("rest") != "0" or spec.shape or spec.role != "scalar":
            continue
        stem = m.group("stem")
        if stem in vectors and stem in how and how[stem] not in out.values():
            out[spec.name] = how[stem]
    return out


def numbered_entries(specs: list[InputSpec], free: list[Param]) -> dict[str, list[InputSpec]]:
    """Scalars numbered by their subscript (x_1, x_2, x_3 or β_0 … β_3) that no parameter takes
    by name, and a parameter named by their letter (or its aliases, `x`, `inputs`): the code takes
    them as one vector, entry k the k-th of them (`np.dot(w, x)` for 2x_1 + 3x_2 + 4x_3). The
    numbers must run consecutively from 0 or 1, and every input of that letter must be among them."""
    groups: dict[str, list[tuple[int, InputSpec]]] = {}
    for spec in specs:
        m = _SUBSCRIPTED.match(spec.name)
        if m is not None and m.group("rest").isdigit() and not spec.shape and spec.role == "scalar":
            groups.setdefault(m.group("stem"), []).append((int(m.group("rest")), spec))
    out: dict[str, list[InputSpec]] = {}
    for stem, entries in groups.items():
        numbers = sorted(n for n, _ in entries)
        consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        if len(entries) < 2 or numbers[0] not in (0, 1) or not consecutive:
            continue
        if any(letter_stem(s.name) == stem for s in specs if all(s is not e for _, e in entries)):
            continue
        names = {_norm(n) for n in (stem, *ALIASES.get(stem, ()))}
        param = next((p for p in free if _norm(p.name) in names and p.kind == "positional"), None)
        if param is not None:
            out[param.name] = [spec for _, spec in sorted(entries, key=lambda e: e[0])]
    return out


FUNCTION_PARAM_NAMES = ("f", "func", "fn", "fun", "function", "loss_function", "loss_fn", "objective", "callback")


def function_parameters(free: list[Param], functions: list[Equation], explicit: dict[str, str]) -> dict[str, Equation]:
    """Parameters that take a function the equation file defines: named like it (`f`, `--map
    f=loss`), or a conventional name for a function argument (`f`, `func`) when the equation
    applies exactly one."""
    out: dict[str, Equation] = {}
    for fn in functions:
        wanted = explicit.get(fn.name) or explicit.get(fn.key)
        match = next((p for p in free if p.name == wanted or (not wanted and _norm(p.name) == _norm(fn.name))), None)
        if match is not None and match.name not in out:
            out[match.name] = fn
    if len(functions) == 1 and not out:
        match = next((p for p in free if p.name in FUNCTION_PARAM_NAMES and not p.has_default), None)
        if match is not None:
            out[match.name] = functions[0]
    return out


TARGET_NAMES = ("t", "target", "targets", "label", "labels", "y_true", "onehot", "one_hot", "teacher")
# names that say which role an argument plays (a swap between them is the learner's mistake)
ROLE_NAMES = {_norm(n) for n in TARGET_NAMES + (
    "y_pred", "pred", "preds", "prediction", "predictions", "y_hat", "yhat", "logits", "probs", "scores",
    "query", "queries", "key", "keys", "value", "values", "mu", "sigma", "mean", "std", "var", "variance",
    "grad", "grads", "gradient", "weights", "weight", "bias", "lr", "learning_rate", "temperature", "prior",
    "likelihood", "posterior")}
TARGET_SPACES = ("onehot", "categorical")


def textbook_labels(inputs: list[InputSpec], free: list[Param], how: dict[str, str]) -> list[tuple[InputSpec, str]]:
    """The textbook's convention (『ゼロから作るDeep Learning』): in `f(y, t)`, `t` is the teacher
    label and `y` the network's output. Applies when the function has a parameter `t` and the
    equation one target input (one-hot, categorical) and one prediction of the same shape."""
    names = {p.name for p in free}
    if "t" not in names:
        return []
    open_inputs = [s for s in inputs if s.name not in how]
    targets = [s for s in open_inputs if s.space.kind in TARGET_SPACES
               and (s.space.kind != "categorical" or s.one_based)]  # a count t ∈ {1,…,20} is no label
    if len(targets) != 1:
        return []
    target = targets[0]
    predictions = [s for s in open_inputs if s is not target and s.role == "array"
                   and (len(s.shape) == len(target.shape) or target.space.kind == "categorical")]
    if len(predictions) != 1:
        return []
    pairs = [(target, "t")]
    output = next((n for n in ("y", "x", "out", "output", "pred") if n in names), None)
    if output is not None:
        pairs.append((predictions[0], output))
    return pairs


# Parameters the equation does not supply but whose value is evident from it (issue: extra parameters).
ONES = ("ones",)  # an all-ones 0-d array: broadcasts as a keep-everything mask, additive or boolean,
# and as an upstream gradient of 1 (a backward pass then gives the derivative itself)
EVIDENT_VALUES: dict[str, Any] = {"axis": -1, "dim": -1, "keepdims": False, "keepdim": False,
                                  "mask": ONES, "attn_mask": ONES, "attention_mask": ONES,
                                  "dout": ONES, "dA": ONES, "dy": ONES, "grad_output": ONES, "upstream": ONES,
                                  "training": False, "train": False, "train_flg": False, "verbose": False}
HEAD_COUNT_NAMES = ("num_heads", "n_heads", "heads", "n_head", "num_head", "h")


def infer_values(free: list[Param], eq: Equation) -> dict[str, Any]:
    """Values for required parameters left without an input: the reduction axis (the last:
    the equation's index runs there), keepdims=False, no mask, the number of heads h."""
    out: dict[str, Any] = {}
    sizes = {s.name for s in eq.inputs if s.role == "size"}
    for p in free:
        if p.has_default or p.kind == "var":
            continue
        if p.name in EVIDENT_VALUES:
            out[p.name] = EVIDENT_VALUES[p.name]
        elif p.name in HEAD_COUNT_NAMES and "h" in sizes:
            out[p.name] = ("size", "h")
    return out
