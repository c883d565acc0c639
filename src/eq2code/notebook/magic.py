"""`%%eq2code`: run the cell, then check its function against an equation (IPython magic).

    %%eq2code softmax                      a rule (eq2code rules lists them)
    %%eq2code --eq '\\sigma(x) = \\frac{1}{1 + e^{-x}}'
    %%eq2code                              the math of the nearest Markdown cell above
    options: --lang en|ja  --function NAME  --map SYMBOL=PARAM  --timeout S  --seed N  --no-run

Where the equation of a bare `%%eq2code` comes from — a kernel does not see Markdown cells,
so the magic looks, in order:

1. in the **notebook file**, when the kernel knows it: `--notebook PATH`, else
   `EQ2CODE_NOTEBOOK`, else what the front end tells the kernel (`__vsc_ipynb_file__` in VS
   Code, `__session__` — the notebook's path — in JupyterLab / Notebook 7); the cell is found
   in the *saved* file by its text, and the nearest Markdown cell above it that holds math
   (`$$ … $$`, ```` ```math ````) is the equation;
2. in this kernel's **history** (`In`): the latest `%%latex` / `%%markdown` cell that ran
   before, with `$$ … $$` in it (works in every front end, Colab too);
3. else a message says how to name the equation.

The check is the engine's (`project.batch.run_pairs` on one pair): the cell's code goes to a
temporary .py in which line N is line N of the cell (the `%%eq2code` line is blank, or
`import numpy as np` when the cell uses `np` without importing it), followed by the imports
and functions of earlier cells that the cell uses; the function runs in the sandboxed child
process, never in the kernel.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shlex
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from IPython.core.magic import Magics, cell_magic, magics_class, no_var_expand

_DOLLARS = re.compile(r"\$\$(.+?)\$\$", re.S)
_MATH_FENCE = re.compile(r"^```+\s*\{?\.?math\b.*?\n(.*?)^```+", re.S | re.M)
_CELL_MAGIC_CALL = re.compile(r"run_cell_magic\(\s*['\"](latex|markdown)['\"]")


_WHERE = {
    "en": {"rule": "rule {name}", "eq": "--eq", "markdown": "the Markdown cell {cell} of {notebook}",
           "history": "the %%{magic} cell run before"},
    "ja": {"rule": "ルール {name}", "eq": "--eq の数式", "markdown": "{notebook} の Markdown セル {cell}",
           "history": "先に実行した %%{magic} セル"},
}


def _where(args: argparse.Namespace, key: str, **params: Any) -> str:
    from eq2code.findings.messages import detect_lang

    return _WHERE[detect_lang(args.lang)][key].format(**params)


class UsageProblem(Exception):
    """A problem with how the magic was called: shown as a message, not a traceback."""


@dataclass
class EquationSource:
    latex: str  # the equation file's text (display blocks; declarations and metadata allowed)
    where: str  # for people: "rule softmax", "the Markdown cell 3 of nb.ipynb", "--eq"
    rule: Any = None  # rulebook.Rule


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="%%eq2code", add_help=False, exit_on_error=False)
    p.add_argument("rule", nargs="?", help="a rule's name")
    p.add_argument("--rule", dest="rule_option")
    p.add_argument("--eq", help="the equation in LaTeX")
    p.add_argument("--notebook", help="the notebook file to read the Markdown cell above from")
    p.add_argument("--lang", choices=("en", "ja"))
    p.add_argument("--function")
    p.add_argument("--map", action="append", default=[])
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rules-dir", action="append", default=[])
    p.add_argument("--no-run", action="store_true", help="check only; do not run the cell in the kernel")
    return p


def parse_line(line: str) -> argparse.Namespace:
    try:
        words = shlex.split(line, posix=True)
    except ValueError as e:
        raise UsageProblem(f"cannot read the options: {e}") from None
    try:
        args, extra = _parser().parse_known_args(words)
    except (argparse.ArgumentError, SystemExit) as e:
        raise UsageProblem(str(e) or "bad options") from None
    if extra:
        raise UsageProblem(f"unknown options: {' '.join(extra)}")
    if args.rule and args.rule_option:
        raise UsageProblem("name the rule once")
    args.rule = args.rule or args.rule_option
    if args.rule and args.eq:
        raise UsageProblem("give a rule or --eq, not both")
    return args


@magics_class
class Eq2codeMagics(Magics):
    @no_var_expand  # LaTeX braces and dollars stay as written
    @cell_magic
    def eq2code(self, line: str, cell: str) -> Any:
        """Run the cell, then check its function against an equation (eq2code)."""
        from IPython.display import display

        from eq2code.notebook.display import Message

        try:
            args = parse_line(line)
        except UsageProblem as e:
            display(Message(f"%%eq2code: {e}", "error"))
            return None
        shell = self.shell
        if shell is None:  # not inside IPython: nothing to run the cell in
            return None
        if not args.no_run:
            result = shell.run_cell(cell, store_history=False)
            if getattr(result, "error_before_exec", None) is not None:
                return None  # a syntax error: IPython has shown it
        try:
            source = find_equation(args, self.shell, cell)
            outcome = check_cell(cell, source, args, history_of(self.shell))
        except UsageProblem as e:
            display(Message(f"%%eq2code: {e}", "error"))
            return None
        shell.user_ns["_eq2code"] = outcome
        outcome.show()
        return None


# ----------------------------------------------------------------------------- the equation


def find_equation(args: argparse.Namespace, shell: Any, cell: str) -> EquationSource:
    if args.rule:
        from eq2code.equation.rulebook import RuleError, find_rule

        try:
            rule = find_rule(args.rule, args.rules_dir)
        except RuleError as e:
            raise UsageProblem(str(e)) from None
        return EquationSource(rule.path.read_text(encoding="utf-8"), _where(args, "rule", name=rule.name), rule)
    if args.eq:
        text = args.eq.strip()
        if "$$" not in text and "\\[" not in text and "\\begin{" not in text:
            text = f"$$\n{text}\n$$"
        return EquationSource(text, _where(args, "eq"))
    notebook = notebook_path(args, shell)
    if notebook is not None:
        found = markdown_above(notebook, cell)
        if found is not None:
            return EquationSource(found[0], _where(args, "markdown", cell=found[1], notebook=notebook.name))
    in_history = latex_in_history(history_of(shell))
    if in_history is not None:
        return EquationSource(in_history[0], _where(args, "history", magic=in_history[1]))
    where = f" (the cell was not found in the saved {notebook.name}: save the notebook)" if notebook else ""
    raise UsageProblem("no equation: name a rule (%%eq2code softmax), give one (%%eq2code --eq '…'), or put "
                       "the math in a Markdown cell above and tell the magic the notebook "
                       f"(%%eq2code --notebook NAME.ipynb){where}")


def notebook_path(args: argparse.Namespace, shell: Any) -> Path | None:
    ns = getattr(shell, "user_ns", {}) or {}
    for candidate in (args.notebook, os.environ.get("EQ2CODE_NOTEBOOK"), ns.get("__vsc_ipynb_file__"),
                      ns.get("__session__")):
        if candidate and str(candidate).lower().endswith(".ipynb"):
            path = Path(str(candidate)).expanduser()
            if path.is_file():
                return path
            if Path(path.name).is_file():  # a path relative to the server's root: the kernel runs beside it
                return Path(path.name)
    return None


def markdown_above(notebook: Path, cell: str) -> tuple[str, int] | None:
    """The math of the nearest Markdown cell above the cell whose text is `cell` (the body
    of the magic) in the saved notebook, and that cell's number (from 1)."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    cells = nb.get("cells", [])
    body = _normalise(cell)
    index = None
    for k, c in enumerate(cells):
        source = "".join(c.get("source", "")) if isinstance(c.get("source"), list) else c.get("source", "")
        if c.get("cell_type") == "code" and source.lstrip().startswith("%%eq2code") \
                and _normalise(source.split("\n", 1)[1] if "\n" in source else "") == body:
            index = k  # the last one with this text wins: the cell just run is usually the newest
    if index is None:
        return None
    for k in range(index - 1, -1, -1):
        c = cells[k]
        if c.get("cell_type") != "markdown":
            continue
        source = "".join(c.get("source", "")) if isinstance(c.get("source"), list) else c.get("source", "")
        math = math_of(source)
        if math:
            return math, k + 1
    return None


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n"))


def math_of(markdown: str) -> str | None:
    """The display math of a Markdown text as an equation file (`$$ … $$` blocks and
    ```` ```math ```` fences, one after another); None when it has none."""
    blocks = [f"$${m.group(1)}$$" for m in _DOLLARS.finditer(markdown)]
    blocks += [f"$$\n{m.group(1).strip()}\n$$" for m in _MATH_FENCE.finditer(markdown)]
    return "\n\n".join(blocks) if blocks else None


def history_of(shell: Any) -> list[str]:
    """The inputs this kernel ran, oldest first (IPython's `In`, transformed to Python)."""
    ns = getattr(shell, "user_ns", {}) or {}
    history = ns.get("In") or getattr(getattr(shell, "history_manager", None), "input_hist_parsed", [])
    return [h for h in history if isinstance(h, str)]


def latex_in_history(history: list[str]) -> tuple[str, str] | None:
    """The math of the latest `%%latex` / `%%markdown` cell that ran in this kernel, and
    which magic it was."""
    for entry in reversed(history):
        if not _CELL_MAGIC_CALL.search(entry):
            continue
        try:
            tree = ast.parse(entry)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "run_cell_magic"):
                continue
            values = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if len(values) == 3 == len(node.args) and values[0] in ("latex", "markdown") and isinstance(values[2], str):
                math = math_of(values[2])
                if math:
                    return math, str(values[0])
    return None


# ----------------------------------------------------------------------------- the code


def module_text(cell: str, history: list[str]) -> tuple[str, int]:
    """The temporary module: line N is line N of the cell (line 0, the magic's own line, is
    blank or `import numpy as np`), then what earlier cells defined that the cell uses.
    Returns the text and the number of the cell's lines."""
    lines = ["" if ln.lstrip().startswith(("%", "!")) else ln for ln in cell.replace("\r\n", "\n").split("\n")]
    code = "\n".join(lines)
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return "\n" + code + "\n", len(lines) + 1
    defined = _defined(tree)
    wanted = _used(tree) - defined
    context = _context(history, wanted, defined)
    head = ""
    if "np" in wanted and not any(_binds(node, "np") for node in context):
        head = "import numpy as np"
    tail = [ast.unparse(node) for node in context]
    text = "\n".join([head, *lines])
    if tail:
        text += "\n\n\n# eq2code: from earlier cells\n" + "\n\n".join(tail)
    return text + "\n", len(lines) + 1


def _defined(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _used(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _binds(node: ast.stmt, name: str) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return any((a.asname or a.name).split(".")[0] == name for a in node.names)
    return False


def _context(history: list[str], wanted: set[str], defined: set[str]) -> list[ast.stmt]:
    """The latest import or def/class of earlier cells for each name in `wanted`, and
    theirs in turn."""
    latest: dict[str, ast.stmt] = {}
    for entry in history:
        if "run_cell_magic('eq2code'" in entry or 'run_cell_magic("eq2code"' in entry:
            continue
        try:
            tree = ast.parse(entry)
        except (SyntaxError, ValueError):
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for a in node.names:
                    name = (a.asname or a.name).split(".")[0]
                    latest[name] = ast.Import(names=[a]) if isinstance(node, ast.Import) else \
                        ast.ImportFrom(module=node.module, names=[a], level=node.level)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                latest[node.name] = node
    chosen: list[ast.stmt] = []
    seen: set[str] = set(defined)
    todo = sorted(wanted)
    while todo:
        name = todo.pop()
        if name in seen or name not in latest:
            continue
        seen.add(name)
        node = latest[name]
        chosen.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            todo += sorted(_used(node) - seen)
    imports = [n for n in chosen if isinstance(n, (ast.Import, ast.ImportFrom))]
    return imports + [n for n in chosen if n not in imports]


# ----------------------------------------------------------------------------- checking


def check_cell(cell: str, source: EquationSource, args: argparse.Namespace, history: list[str]) -> Any:
    """Check the cell's function against `source` through the engine; the outcome to show."""
    from eq2code.equation.cache import load_equation
    from eq2code.findings.messages import detect_lang
    from eq2code.notebook.display import Outcome
    from eq2code.project.batch import Settings, run_pairs
    from eq2code.project.pairs import Pair

    maps = {}
    for item in args.map:
        if "=" not in item:
            raise UsageProblem(f"--map expects SYMBOL=PARAM, got {item!r}")
        k, v = item.split("=", 1)
        maps[k.strip()] = v.strip()
    lang = detect_lang(args.lang)
    folder = Path(tempfile.mkdtemp(prefix="eq2code-cell-"))
    try:
        text, cell_lines = module_text(cell, history)
        impl = folder / "cell.py"
        impl.write_text(text, encoding="utf-8")
        if source.rule is not None:
            eq_path, rule, aliases = str(source.rule.path), source.rule.name, tuple(source.rule.aliases)
        else:
            eq = folder / "equation.tex"
            eq.write_text(source.latex, encoding="utf-8")
            eq_path, rule, aliases = str(eq), None, ()
        settings = Settings(lang=lang, timeout=args.timeout, seed=args.seed, jobs=1, maps=maps,
                            function=args.function)
        pair = Pair(str(impl), args.function, eq_path, rule, "notebook", 0, aliases=aliases)
        result = run_pairs([pair], settings, load_equation)
        equation = _main_latex(eq_path, source)
        return Outcome(result.report, str(impl), text.split("\n")[:cell_lines], equation, source.where, lang)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _main_latex(eq_path: str, source: EquationSource) -> str:
    """The LaTeX to display: the equation file's main equation, else its display blocks."""
    from eq2code.equation.cache import load_equation

    try:
        main = load_equation(eq_path).main_candidate
    except Exception:
        main = None
    if main is not None:
        return main.latex.strip()
    return "\n".join(m.group(1).strip() for m in _DOLLARS.finditer(source.latex)) or source.latex.strip()
