"""Pairing without arguments: which function is checked against which equation.

`eq2code check [PATH ...]` finds its pairs here (docs/ci.md says it for users). A .py file
is paired by the first of these that gives anything:

1. Its own **tag comments** on the line above a `def` (or above its decorators):
   `# eq2code: eq=PATH` (relative to the .py file) or `# eq2code: rule=NAME` (a project
   rule from `rule-dirs` or a shipped rule, through `eq2code.rulebook`); its **docstrings
   holding LaTeX** — a `.. math::` directive (its indented body) or `$$ … $$` — each checked
   against its own function (a tagged function uses its tag); and the
   **`[[tool.eq2code.pairs]]` entries that name the file**.
2. **Folder pairing**: the only `.tex` file of its folder (not for files without a
   top-level function, `__init__.py`, `conftest.py`, `test_*.py`, `*_test.py`; off with
   `folder-pairing = false`). This is how an `examples/<name>/equation.tex` pairs with the
   examples beside it.
3. **`[[tool.eq2code.pairs]]` patterns** (a glob in `file`, `{folder}`/`{stem}` in `rule` or
   `equation`) that match it and whose rule or equation exists for it.

Paths that are equation files (`.tex`, or anything not `.py`) select the pairs that *use*
them: when pre-commit passes only a changed `eq.tex`, the implementations tagged with it,
the .py files beside it and the configured pairs that name it are checked. The project tree
searched for them is the configured root (or `paths`), else the enclosing git work tree,
else the equation file's folder.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from pathlib import Path

from eq2code.base.files import OUTSIDE, FileProblem, confine, read_python
from eq2code.project.config import SKIP_DIRS, Config
from eq2code.project.pairs import Pair, _abs, display, find_rule, tag_target_problem

_TAG_LINE = re.compile(r"#\s*eq2code:\s*(rule|eq)\s*=\s*(\S+)")
_MATH_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.\s+math::[ \t]*(?P<rest>.*)$")
_DOLLARS = re.compile(r"\$\$.*?\$\$", re.S)
SKIP_FILES = ("__init__.py", "conftest.py")


# ------------------------------------------------------------------------------- docstrings


def docstring_latex(text: str, node: ast.AST) -> tuple[str, int] | None:
    """The LaTeX of `node`'s docstring laid over a blank copy of `text` (same length, same
    line breaks), and the docstring's first line; None when the docstring holds no LaTeX."""
    body = getattr(node, "body", None)
    if not body or not isinstance(body[0], ast.Expr) or not isinstance(body[0].value, ast.Constant):
        return None
    const = body[0].value
    value = const.value
    if not isinstance(value, str):
        return None
    if "math::" not in value and "$$" not in value:
        return None
    lines = text.split("\n")
    first, last = const.lineno - 1, (const.end_lineno or const.lineno) - 1
    value_lines = value.split("\n")
    # Where each line of the docstring's value starts in the file. The value's lines line up
    # with the source lines when no escape sequence adds or removes a line break.
    starts = _line_starts(text)
    if len(value_lines) == last - first + 1:
        placed = []
        for k, vline in enumerate(value_lines):
            src = lines[first + k]
            if k == 0:
                col = _after_quote(src, const.col_offset)
            else:
                col = src.find(vline) if vline and src.find(vline) >= 0 else len(src) - len(src.lstrip())
            placed.append((starts[first + k] + col, vline))
    else:  # unusual escapes: keep the text, positions are approximate
        offset = starts[first] + _after_quote(lines[first], const.col_offset)
        placed = []
        for vline in value_lines:
            placed.append((offset, vline))
            offset += len(vline) + 1
    keep = _latex_spans(value_lines)
    if not keep:
        return None
    out = [ch if ch == "\n" else " " for ch in text]
    for k, (start, stop) in keep:
        where, vline = placed[k]
        segment = vline[start:stop]
        for i, ch in enumerate(segment):
            pos = where + start + i
            if 0 <= pos < len(out) and out[pos] != "\n" and ch != "\n":
                out[pos] = ch
    return "".join(out), first


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _after_quote(line: str, col: int) -> int:
    """The column just after the opening quotes of a string literal starting at `col`."""
    m = re.compile(r"[rRbBuUfF]*('''|\"\"\"|'|\")").match(line, col)
    return m.end() if m else col


def _latex_spans(lines: list[str]) -> list[tuple[int, tuple[int, int]]]:
    """(line index, (start, stop)) of the LaTeX in docstring lines: `.. math::` bodies, or
    `$$ … $$` blocks (delimiters kept, so the equation reader sees display blocks)."""
    joined = "\n".join(lines)
    spans: list[tuple[int, tuple[int, int]]] = []
    if "$$" in joined:
        starts = _line_starts(joined)
        for dollars in _DOLLARS.finditer(joined):
            a, b = dollars.start(), dollars.end()
            for k, s in enumerate(starts):
                e = s + len(lines[k])
                lo, hi = max(a, s), min(b, e)
                if lo < hi:
                    spans.append((k, (lo - s, hi - s)))
        return spans
    k = 0
    while k < len(lines):
        m = _MATH_DIRECTIVE.match(lines[k])
        if not m:
            k += 1
            continue
        indent = len(m.group("indent").expandtabs())
        if m.group("rest").strip():
            spans.append((k, (m.start("rest"), len(lines[k]))))
        k += 1
        while k < len(lines):
            line = lines[k]
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            if line.strip() and not line.strip().startswith(":"):  # skip options (:label:)
                spans.append((k, (0, len(line))))
            k += 1
    return spans


# ------------------------------------------------------------------------------- one module


@dataclass
class ModulePairs:
    pairs: list[Pair]
    tagged: bool  # any tag comment or LaTeX docstring: no folder pairing


def module_pairs(py: Path, config: Config, text: str | None = None) -> ModulePairs:
    """The pairs a .py file declares itself: tags and LaTeX docstrings (`text`: the file's
    content when it is not to be read from disk, e.g. an editor's unsaved buffer)."""
    shown = display(py)
    if text is None:
        try:
            text = read_python(py, "Python file")
        except FileProblem:
            return ModulePairs([], False)
    has_tag = bool(_TAG_LINE.search(text))
    has_math = "math::" in text or "$$" in text
    if not has_tag and not has_math:
        return ModulePairs([], False)
    try:
        tree = ast.parse(text, filename=str(py))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # the check itself reports the syntax error; tags are read line by line
        tag_pairs = []
        for i, source_line in enumerate(text.split("\n")):
            m = _TAG_LINE.search(source_line)
            if m:
                tag_pairs.append(_tag_pair(shown, py, None, m.group(1), m.group(2), i, config))
        return ModulePairs(tag_pairs, has_tag)
    from eq2code.code.loader import read_module

    info = read_module(str(py), text)
    nodes = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    text_lines = text.split("\n")
    pairs: list[Pair] = []
    tagged = False
    for func in info.functions:
        for kind_, value in sorted(func.tags.items()):
            tagged = True
            line = _tag_line(text_lines, func.def_line, kind_, value)
            pairs.append(_tag_pair(shown, py, func.name, kind_, value, line, config))
        if func.tags or func.name not in nodes:
            continue
        found = docstring_latex(text, nodes[func.name]) if has_math else None
        if found is not None:
            tagged = True
            blank, _ = found
            pairs.append(Pair(shown, func.name, shown, None, "docstring", func.def_line, blank))
    return ModulePairs(pairs, tagged or has_tag)


def _tag_line(lines: list[str], def_line: int, kind_: str, value: str) -> int:
    """The line of the tag comment above the def at `def_line` (above its decorators)."""
    for i in range(def_line - 1, max(def_line - 60, -1), -1):
        m = _TAG_LINE.search(lines[i]) if i < len(lines) else None
        if m and m.group(1) == kind_ and m.group(2) == value:
            return i
    return max(def_line - 1, 0)


def _tag_pair(shown: str, py: Path, function: str | None, kind_: str, value: str, line: int,
              config: Config) -> Pair:
    line = max(line, 0)
    if kind_ == "eq":
        target = Path(os.path.normpath(py.parent / value))
        why = tag_target_problem(target, py, config)
        if why is not None:  # the tag's file is not read, and its path not followed
            return Pair(shown, function, None, None, "tag", line,
                        problem=f"the tag names {value}, which is not read: {why}")
        return Pair(shown, function, display(target), None, "tag", line)
    ref = find_rule(value, config)
    if ref.path is None:
        return Pair(shown, function, None, value, "tag", line, problem=ref.error)
    return Pair(shown, function, display(ref.path), ref.name, "tag", line, aliases=ref.aliases)


def _has_function(py: Path) -> bool:
    try:
        text = read_python(py, "Python file")
    except FileProblem:
        return False
    try:
        tree = ast.parse(text, filename=str(py))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return bool(re.search(r"^\s*(async\s+)?def\s", text, re.M))  # let the check report it
    return any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in tree.body)


def folder_equation(py: Path, config: Config, cache: dict[str, Path | None] | None = None) -> Path | None:
    """The only .tex file in the folder of `py`, when folder pairing applies to the folder."""
    if not config.folder_pairing:
        return None
    folder = str(py.parent)
    if cache is not None and folder in cache:
        return cache[folder]
    try:
        tex = sorted(p for p in py.parent.iterdir() if p.suffix == ".tex" and p.is_file()
                     and not config.is_excluded(p))
    except OSError:
        tex = []
    result = tex[0] if len(tex) == 1 else None
    if cache is not None:
        cache[folder] = result
    return result


def _folder_candidate(py: Path) -> bool:
    name = py.name
    return not (name in SKIP_FILES or name.startswith("test_") or name.endswith("_test.py"))


# ------------------------------------------------------------------------------- a run


@dataclass
class Discovery:
    pairs: list[Pair]
    files: list[str]  # the .py files looked at


def walk(folder: Path, config: Config, suffixes: tuple[str, ...] = (".py",)) -> list[Path]:
    """Files under `folder` with one of `suffixes`, skipping SKIP_DIRS, hidden folders and
    excluded paths; sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")
                             and not d.endswith(".egg-info") and not config.is_excluded(Path(dirpath) / d))
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if p.suffix in suffixes and not config.is_excluded(p):
                found.append(p)
    return found


def discover(paths: list[str], config: Config) -> Discovery:
    """Every pair under `paths` (files or folders); no paths: the configured tree.

    Raises FileNotFoundError for a path that does not exist.
    """
    py_files: list[Path] = []
    eq_files: list[Path] = []
    missing: list = []
    document_found: list[Pair] = []
    if not paths:
        roots = config.paths or [config.root]
        for r in roots:
            if not r.exists():
                raise FileNotFoundError(display(r))
            py_files += walk(r, config) if r.is_dir() else [r]
        py_files += [cp.file for cp in config.pairs if not cp.is_pattern and cp.file.is_file()]
        missing = [cp for cp in config.pairs if not cp.is_pattern and not cp.file.is_file()]
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise FileNotFoundError(raw)
        if p.is_dir():
            py_files += walk(p, config)
        elif config.is_excluded(p):
            continue
        elif p.suffix == ".py":
            py_files.append(p)
        else:
            if p.suffix.lower() in (".md", ".markdown", ".ipynb"):  # its own code blocks (documents.py)
                from eq2code.project.documents import document_pairs

                document_found += document_pairs(p, config)
            eq_files.append(p)
    pairs: list[Pair] = list(document_found)
    seen_py: set[str] = set()
    folder_cache: dict[str, Path | None] = {}
    for py in py_files:
        if _abs(py) in seen_py:
            continue
        seen_py.add(_abs(py))
        pairs += pairs_of(py, config, folder_cache)
    if eq_files:
        pairs += _users_of(eq_files, config, seen_py, folder_cache)
    for cp in missing:
        pairs.append(Pair(display(cp.file), cp.function, None, cp.rule, "config",
                          problem=f"[tool.eq2code] pairs names {display(cp.file)}, which is not a file"))
    unique: dict[tuple, Pair] = {}
    for pair in pairs:
        unique.setdefault(pair.key(), pair)
    ordered = sorted(unique.values(), key=Pair.sort_key)
    return Discovery(ordered, sorted(display(p) for p in py_files))


def pairs_of(py: Path, config: Config, folder_cache: dict[str, Path | None] | None = None,
             text: str | None = None) -> list[Pair]:
    """The pairs of one .py file, by the first source that gives any: its own tags and
    LaTeX docstrings, then `[[tool.eq2code.pairs]]` that name the file, then the single
    .tex file of its folder, then `[[tool.eq2code.pairs]]` patterns that match it. (Tags and
    pairs naming the file both count; the later sources are fallbacks.) `text`: the file's
    content when not read from disk (eq2code lsp)."""
    own = module_pairs(py, config, text)
    literal = [cp for cp in config.pairs if not cp.is_pattern and _abs(cp.file) == _abs(py)]
    pairs = own.pairs + [p for cp in literal if (p := _config_pair(cp, py, config)) is not None]
    if own.tagged or pairs:
        return pairs
    if _folder_candidate(py):
        tex = folder_equation(py, config, folder_cache if folder_cache is not None else {})
        if tex is not None and _has_function(py):
            return [Pair(display(py), None, display(tex), None, "folder", 0)]
    for cp in config.pairs:
        if cp.is_pattern and cp.matches(py, config.root) and _folder_candidate(py):
            pair = _config_pair(cp, py, config, pattern=True)
            if pair is not None:
                pairs.append(pair)
    return pairs


def _config_pair(cp, py: Path, config: Config, pattern: bool = False) -> Pair | None:
    """The pair of a `[[tool.eq2code.pairs]]` entry for `py`. A pattern entry whose rule or
    equation does not exist for this file does not apply (None); a literal one is a problem."""
    shown = display(py)
    rule, equation = cp.expand(py, config.root) if pattern else (cp.rule, cp.equation)
    if rule:
        ref = find_rule(rule, config)
        if ref.path is None:
            return None if pattern else Pair(shown, cp.function, None, rule, "config", problem=ref.error)
        return Pair(shown, cp.function, display(ref.path), ref.name, "config", aliases=ref.aliases)
    if equation is not None and (outside := confine(equation, config.root)) == OUTSIDE:
        return Pair(shown, cp.function, None, None, "config",
                    problem=f"[tool.eq2code] pairs names {display(equation)}: {outside}")
    if equation is None or not equation.is_file():
        if pattern:
            return None
        return Pair(shown, cp.function, None, None, "config",
                    problem=f"[tool.eq2code] pairs names {display(equation) if equation else 'no equation'}, "
                            f"which is not a file")
    return Pair(shown, cp.function, display(equation), None, "config")


def search_root(eq_file: Path, config: Config) -> Path:
    """Where to look for the users of an equation file."""
    if config.path is not None:
        return config.root
    here = Path(os.path.abspath(eq_file)).parent
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _users_of(eq_files: list[Path], config: Config, seen_py: set[str],
              folder_cache: dict[str, Path | None]) -> list[Pair]:
    """The pairs, anywhere in the project, whose equation is one of `eq_files`."""
    targets = {_abs(p) for p in eq_files}
    roots = sorted({str(search_root(p, config)) for p in eq_files})
    candidates: dict[str, Path] = {}
    for r in roots:
        scan = config.paths if (config.path is not None and config.paths) else [Path(r)]
        for s in scan:
            for py in (walk(s, config) if s.is_dir() else [s]):
                candidates.setdefault(_abs(py), py)
    for cp in config.pairs:
        if not cp.is_pattern and cp.file.is_file():
            candidates.setdefault(_abs(cp.file), cp.file)
    pairs = []
    for key, py in sorted(candidates.items()):
        if key in seen_py:  # already checked in full
            continue
        for pair in pairs_of(py, config, folder_cache):
            if pair.equation and _abs(pair.equation) in targets:
                pairs.append(pair)
    return pairs
