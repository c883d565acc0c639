"""Documents: the lecture's Markdown and notebooks, checked like equation + implementation pairs.

A Markdown file (`.md`) or a notebook (`.ipynb`) holds **math units** and **code blocks**:

- a math unit is a ```` ```math ```` fence, or the `$$ … $$` (and `\\begin{equation|align}`)
  blocks of one stretch of prose (in a notebook: of one markdown cell);
- a code block is a ```` ```python ```` fence (also `py`, `python3`, `ipython`, `{python}`),
  or a notebook code cell.

**Pairing.** A math unit is paired with the code blocks that follow it, up to the next math
unit; together they are one *snippet* (a script may assign `logits` in one block and compute
`probs` in the next). A code block that carries `# eq2code: eq=LABEL` (a math unit labelled
```` ```math {#LABEL} ```` or with `% eq2code: label=LABEL`, else an equation file relative to
the document) or `# eq2code: rule=NAME` is a snippet of its own, paired with what it names.
Code shown *before* the formula it illustrates (code blocks that no math unit before them
claims, then a math unit that has no code after it) is paired with that math unit; the
check record says so (`pairing: "code-before-math"`). Math before code keeps priority.

**Functions and scripts.** A snippet that defines a top-level function is checked like a
.py file (the function found by name or as the only public one). A snippet without one is
a *script*: it is turned into a function —

    def _eq2code_script(<inputs>):
        <the snippet without the constant assignments of the inputs>
        return <the last name it assigns>            (or `# eq2code: output=NAME`)

where `<inputs>` are the top-level names assigned from constant expressions (`np.array([...])`,
lists, numbers, `np.random.randn(3)` — anything that reads no variable) whose names map to
the equation's inputs by the same rules as function parameters (`loader.map_arguments`:
`z`/`logits`/`x`, `--map`, the rule's `params=`). The check then substitutes generated
inputs for those constants.

**Positions.** The function is written to a temporary .py file laid out like the document:
line N of the temporary file is line N of the document (of the *virtual text* of a notebook:
its cells one after another, each after one header line), code outside the snippet is blank,
earlier code blocks contribute their imports, function and class definitions (a notebook's
state), the `def` takes the fence (or cell header) line and the `return` the closing fence
line. The math unit is read as an equation file whose text is the document with everything
but the unit's LaTeX blanked out. So every finding's range maps straight back: in a .md
file to its own lines; in a notebook to `NOTEBOOK#cell=N` (N counts all cells from 1) and
the line within the cell. Findings that point at the generated `def` point at the line that
assigns the script's output.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from eq2code.base.cells import cell_path
from eq2code.base.log import get_logger
from eq2code.base.span import Position, Range

if TYPE_CHECKING:
    from eq2code.equation.model import EquationFile
    from eq2code.project.pairs import Pair, PairResult

log = get_logger(__name__)


class CheckSettings(Protocol):
    """What `check_pair` reads of a run's settings (batch.Settings has these and more)."""

    @property
    def maps(self) -> dict[str, str]: ...
    @property
    def seed(self) -> int: ...
    @property
    def timeout(self) -> float: ...
    @property
    def no_exec(self) -> bool: ...
    @property
    def memory_mb(self) -> int | None: ...

DOCUMENT_SUFFIXES = (".md", ".markdown", ".ipynb")
SCRIPT_FUNCTION = "_eq2code_script"
CODE_BEFORE_MATH = "code-before-math"  # CheckRecord.pairing of a snippet paired with the math after it
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_PYTHON_LANGS = {"python", "py", "python3", "ipython", "ipython3"}
_MATH_LANGS = {"math"}
_TAG = re.compile(r"#\s*eq2code:\s*(?P<body>.*)$")
_TAG_PAIR = re.compile(r"([A-Za-z_][\w-]*)\s*=\s*(\S+)")
_LABEL_META = re.compile(r"%\s*eq2code:.*?\b(?:label|name)\s*=\s*([^\s,]+)")
_DISPLAY = re.compile(r"\$\$.*?\$\$|\\begin\{(equation\*?|align\*?|gather\*?|multline\*?)\}.*?\\end\{\1\}", re.S)
_SKIP_MATH = re.compile(r"%\s*eq2code:\s*skip\b")
_SKIP_CODE = re.compile(r"^\s*#\s*eq2code:\s*skip\b")
# names a constant expression may read: modules and pure builtins
_CONSTANT_NAMES = {"np", "numpy", "math", "float", "int", "complex", "bool", "range", "list", "tuple", "abs",
                   "round", "pow", "min", "max", "len", "sum", "True", "False", "None"}


# ----------------------------------------------------------------------------- the document model


@dataclass
class CodeBlock:
    first: int  # virtual line of the first content line
    lines: list[str]  # content lines, without the fence's indentation
    indent: int  # columns of fence indentation removed from each content line
    header: int | None  # a virtual line that holds no code right before the content (fence, cell header)
    after: int  # the virtual line right after the content (closing fence, next cell's header)
    tags: dict[str, str] = field(default_factory=dict)  # `# eq2code: key=value` in the block
    tag_line: int = 0  # virtual line of the first tag
    skip: bool = False  # `# eq2code: skip`: not part of any snippet

    @property
    def last(self) -> int:
        return self.first + len(self.lines) - 1


@dataclass
class MathUnit:
    spans: list[tuple[int, int]]  # (start, end) offsets in the virtual text of the LaTeX kept
    first: int  # virtual line where it starts
    label: str | None = None
    skip: bool = False  # `% eq2code: skip`: not checked (its code blocks pair with nothing)


@dataclass
class Document:
    """A .md file or a notebook as one *virtual text* (a .md file: its own text)."""

    path: str  # as shown in reports
    text: str
    items: list[CodeBlock | MathUnit]
    cells: list[tuple[int, int, int]] | None = None  # notebooks: (first virtual line, lines, cell number)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def locate(self, line: int) -> tuple[str, int]:
        """The path (a notebook cell: `NB#cell=N`) and 0-based line of a virtual line."""
        if self.cells is None:
            return self.path, line
        for first, count, number in self.cells:
            if line < first + max(count, 1):
                return cell_path(self.path, number), max(0, line - first)
        first, count, number = self.cells[-1]
        return cell_path(self.path, number), max(0, min(line - first, max(count - 1, 0)))

    def map_range(self, rng: Range) -> tuple[str, Range]:
        path, start = self.locate(rng.start.line)
        end_path, end = self.locate(rng.end.line)
        if end_path != path:  # a range running into the next cell stops at the end of the line
            return path, Range.of(start, rng.start.character, start, max(rng.start.character + 1, 1))
        return path, Range(Position(start, rng.start.character), Position(end, rng.end.character))


def is_document(path: str | Path) -> bool:
    return str(path).lower().endswith(DOCUMENT_SUFFIXES)


# ----------------------------------------------------------------------------- reading


def read_document(path: str | Path, text: str | None = None) -> Document:
    """A Markdown file or notebook (`text`: its content, when not read from disk).
    Raises OSError / ValueError for a file that cannot be read."""
    from eq2code.base.files import MAX_NOTEBOOK, MAX_TEXT, FileProblem, read_text
    from eq2code.project.pairs import display

    shown = display(path)
    notebook = str(path).lower().endswith(".ipynb")
    if text is None:
        try:
            text = read_text(path, "notebook" if notebook else "document", MAX_NOTEBOOK if notebook else MAX_TEXT)
        except FileProblem as e:
            raise ValueError(str(e)) from None
    if notebook:
        return read_notebook(shown, text)
    return read_markdown(shown, text)


def read_markdown(path: str, text: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return Document(path, text, _markdown_items(lines, 0, _line_offsets(lines, 0)))


def notebook_cells(text: str) -> list[tuple[str, str]]:
    """(cell type, source) of each cell of a notebook's JSON text (nbformat, imported here)."""
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    out = []
    for cell in nb.cells:
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        out.append((cell.get("cell_type", ""), source.replace("\r\n", "\n")))
    return out


def read_notebook(path: str, text: str) -> Document:
    """The notebook's cells one after another, each after one header line (its own virtual
    line, where a script's `def` can go)."""
    vlines: list[str] = []
    cells: list[tuple[int, int, int]] = []
    items: list[CodeBlock | MathUnit] = []
    parsed = notebook_cells(text)
    for number, (kind, source) in enumerate(parsed, start=1):
        header = len(vlines)
        vlines.append("")
        first = len(vlines)
        src_lines = source.split("\n") if source else [""]
        cells.append((first, len(src_lines), number))
        vlines.extend(src_lines)
        if kind == "markdown":
            pending = (first, src_lines)
            items.append(pending)  # type: ignore[arg-type]  # resolved below, once offsets are known
        elif kind == "code":
            code = _strip_magics(src_lines)
            if code is not None:
                items.append(CodeBlock(first, code, 0, header, first + len(src_lines), *_tags(code, first)))
    offsets = _line_offsets(vlines, 0)
    resolved: list[CodeBlock | MathUnit] = []
    for item in items:
        if isinstance(item, tuple):
            first, src_lines = item
            resolved += _markdown_items(src_lines, first, offsets, whole_cell=True)
        else:
            resolved.append(item)
    return Document(path, "\n".join(vlines), resolved, cells)


def _strip_magics(lines: list[str]) -> list[str] | None:
    """A code cell's lines with IPython magics and shell escapes blanked; None for a cell
    that is not Python (`%%bash`, …)."""
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split()[0] if lines[0].lstrip()[2:].split() else ""
        if magic not in ("time", "timeit", "capture"):
            return None
        lines = [""] + lines[1:]
    return ["" if ln.lstrip().startswith(("%", "!")) else ln for ln in lines]


def _line_offsets(lines: list[str], base: int) -> list[int]:
    out, pos = [], base
    for ln in lines:
        out.append(pos)
        pos += len(ln) + 1
    return out


def _markdown_items(lines: list[str], base: int, offsets: list[int], whole_cell: bool = False) -> list:
    """Math units and Python code blocks of Markdown `lines` (virtual lines from `base`;
    `offsets`: the virtual text offset of every virtual line)."""
    items: list = []
    prose: list[int] = []  # relative line numbers of the current stretch of prose
    i = 0

    def flush_prose() -> None:
        unit = _prose_math(lines, prose, base, offsets)
        if unit is not None:
            items.append(unit)
        prose.clear()

    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            prose.append(i)
            i += 1
            continue
        fence, info = m.group("fence"), m.group("info").strip()
        if fence[0] == "`" and "`" in info:  # not a fence: an inline code span
            prose.append(i)
            i += 1
            continue
        indent = len(m.group("indent").expandtabs())
        j = i + 1
        while j < len(lines):
            c = re.match(r"^[ \t]*(`{3,}|~{3,})[ \t]*$", lines[j])
            if c and c.group(1)[0] == fence[0] and len(c.group(1)) >= len(fence):
                break
            j += 1
        body = [_dedent(ln, indent) for ln in lines[i + 1:j]]
        lang, label = _info(info)
        if not whole_cell:
            flush_prose()
        if lang in _MATH_LANGS:
            spans = [(offsets[base + k], offsets[base + k] + len(lines[k])) for k in range(i + 1, j)]
            label = label or _meta_label("\n".join(body))
            items.append(MathUnit(spans, base + i + 1, label, bool(_SKIP_MATH.search("\n".join(body)))))
        elif lang in _PYTHON_LANGS:
            first = base + i + 1
            items.append(CodeBlock(first, body, indent, base + i, base + j, *_tags(body, first)))
        i = j + 1
    if whole_cell or prose:
        flush_prose()
    return _ordered(items)


def _ordered(items: list) -> list:
    def start(item) -> int:
        return item.first

    return sorted(items, key=start)


def _prose_math(lines: list[str], rows: list[int], base: int, offsets: list[int]) -> MathUnit | None:
    """The `$$ … $$` / `\\begin{equation}` blocks of a stretch of prose, as one math unit."""
    if not rows:
        return None
    # contiguous pieces of prose (fences split them)
    text_rows = sorted(rows)
    joined = "\n".join(lines[r] for r in text_rows)
    if "$$" not in joined and "\\begin{" not in joined:
        return None
    starts = []  # offset in `joined` of each row
    pos = 0
    for r in text_rows:
        starts.append(pos)
        pos += len(lines[r]) + 1
    spans = []
    first_line = None
    for m in _DISPLAY.finditer(joined):
        for k, r in enumerate(text_rows):
            s, e = starts[k], starts[k] + len(lines[r])
            lo, hi = max(m.start(), s), min(m.end(), e)
            if lo < hi:
                spans.append((offsets[base + r] + lo - s, offsets[base + r] + hi - s))
                if first_line is None:
                    first_line = base + r
    if not spans:
        return None
    latex = "".join(_slice_spans(lines, text_rows, base, offsets, spans))
    label, skip = _meta_label(latex), bool(_SKIP_MATH.search(latex))
    return MathUnit(spans, first_line if first_line is not None else base + text_rows[0], label, skip)


def _slice_spans(lines: list[str], rows: list[int], base: int, offsets: list[int],
                 spans: list[tuple[int, int]]) -> list[str]:
    """The text of `spans` (virtual offsets) within `rows`."""
    out = []
    for r in rows:
        start = offsets[base + r]
        for a, b in spans:
            if start <= a <= start + len(lines[r]):
                out.append(lines[r][a - start:b - start] + "\n")
    return out


def _dedent(line: str, indent: int) -> str:
    k = 0
    while k < len(line) and k < indent and line[k] == " ":
        k += 1
    return line[k:]


def _info(info: str) -> tuple[str, str | None]:
    """The language and `{#label}` of a fence's info string: `math {#softmax}`, `{python}`,
    `{.python}`, `python title="x"`."""
    label = None
    m = re.search(r"#([\w:.-]+)", info)
    if m and "{" in info:
        label = m.group(1)
    word = info.strip().split()[0] if info.strip() else ""
    word = word.strip("{}").lstrip(".").lower()
    if not word and "{" in info:  # `{.python #label}`
        m2 = re.search(r"\.(\w+)", info)
        word = m2.group(1).lower() if m2 else ""
    return word, label


def _meta_label(latex: str) -> str | None:
    m = _LABEL_META.search(latex)
    return m.group(1) if m else None


def _tags(lines: list[str], first: int) -> tuple[dict[str, str], int, bool]:
    """`# eq2code: key=value` comments of a code block, the line of the first, and whether
    the block says `# eq2code: skip`."""
    tags: dict[str, str] = {}
    where = first
    skip = any(_SKIP_CODE.match(ln) for ln in lines)
    for k, ln in enumerate(lines):
        m = _TAG.search(ln)
        if not m or not ln.lstrip().startswith("#"):
            continue
        for key, value in _TAG_PAIR.findall(m.group("body")):
            if key in ("eq", "rule", "output", "function") and key not in tags:
                if not tags:
                    where = first + k
                tags[key] = value
    return tags, where, skip


# ----------------------------------------------------------------------------- pairing


@dataclass
class Snippet:
    """What a document pair checks: code blocks against a math unit (or an equation file)."""

    document: Document = field(repr=False)
    blocks: list[CodeBlock]
    math: MathUnit | None
    index: int  # of the first block among the document's items
    pairing: str | None = None  # CODE_BEFORE_MATH: the code precedes the math it was paired with

    @property
    def key(self) -> tuple:
        return ("snippet", self.document.path, self.blocks[0].first)


def blank_except(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character outside `spans` a space (line breaks kept)."""
    out = [ch if ch == "\n" else " " for ch in text]
    for a, b in spans:
        out[a:b] = text[a:b]
    return "".join(out)


def document_pairs(path: str | Path, config: Any, text: str | None = None) -> list:
    """The pairs of a Markdown file or notebook (`discovery.Pair`, origin "document")."""
    from eq2code.project.pairs import Pair, display, find_rule

    try:
        doc = read_document(path, text)
    except (OSError, UnicodeDecodeError, ValueError, ImportError) as e:
        shown = display(path)
        detail = f"the document cannot be read: {type(e).__name__}: {e}"
        return [Pair(shown, None, None, None, "document", 0, problem=detail)]
    except Exception as e:  # nbformat's validation errors and the like
        log.debug("reading %s failed", path, exc_info=True)
        shown = display(path)
        return [Pair(shown, None, None, None, "document", 0,
                     problem=f"the document cannot be read: {type(e).__name__}: {e}")]
    labels = {u.label: u for u in doc.items if isinstance(u, MathUnit) and u.label}
    pairs = []
    current: tuple[MathUnit, list[CodeBlock], int] | None = None
    groups: list[tuple[MathUnit, list[CodeBlock], int]] = []
    tagged: list[tuple[CodeBlock, int]] = []
    orphans: list[CodeBlock] = []  # code no math unit before it claims (not after a skipped unit)
    after_skip = False
    code_first: dict[int, list[CodeBlock]] = {}  # id(math unit) → the orphan code right before it
    for index, item in enumerate(doc.items):
        if isinstance(item, MathUnit):
            if orphans and not item.skip:
                code_first[id(item)] = orphans
            orphans = []
            after_skip = item.skip
            current = None if item.skip else (item, [], index)
            if current is not None:
                groups.append(current)
        elif item.skip:
            continue
        elif item.tags.get("eq") or item.tags.get("rule"):
            tagged.append((item, index))
        elif current is not None:
            current[1].append(item)
        elif not after_skip:
            orphans.append(item)
    for math, blocks, _ in groups:
        if blocks:
            snippet = Snippet(doc, blocks, math, doc.items.index(blocks[0]))
            pairs.append(_math_pair(doc, snippet, math))
        elif id(math) in code_first:  # code first, then the formula it illustrates (nothing else pairs them)
            before = code_first[id(math)]
            snippet = Snippet(doc, before, math, doc.items.index(before[0]), CODE_BEFORE_MATH)
            pairs.append(_math_pair(doc, snippet, math))
    for block, index in tagged:
        impl, line = doc.locate(block.tag_line)
        snippet = Snippet(doc, [block], None, index)
        function = block.tags.get("function")
        if block.tags.get("rule"):
            ref = find_rule(block.tags["rule"], config)
            if ref.path is None:
                pairs.append(Pair(impl, function, None, block.tags["rule"], "document", line, problem=ref.error,
                                  snippet=snippet))
            else:
                pairs.append(Pair(impl, function, display(ref.path), ref.name, "document", line,
                                  aliases=ref.aliases, snippet=snippet))
            continue
        target = block.tags["eq"]
        if target.lstrip("#") in labels:
            math = labels[target.lstrip("#")]
            snippet.math = math
            pairs.append(_math_pair(doc, snippet, math))
            continue
        from eq2code.project.pairs import tag_target_problem

        base = Path(str(path)).parent
        eq_path = Path(os.path.normpath(base / target))
        why = tag_target_problem(eq_path, Path(str(path)), config) if os.path.lexists(eq_path) else "it is not a file"
        if why is None:
            pairs.append(Pair(impl, function, display(eq_path), None, "document", line, snippet=snippet))
        elif why != "it is not a file":
            pairs.append(Pair(impl, function, None, None, "document", line, snippet=snippet,
                              problem=f"the tag names {target}, which is not read: {why}"))
        else:
            pairs.append(Pair(impl, function, None, None, "document", line, snippet=snippet,
                              problem=f"the tag names {target}, which is neither a math block of this document "
                                      f"(```math {{#{target.lstrip('#')}}}) nor a file"))
    return pairs


def _math_pair(doc: Document, snippet: Snippet, math: MathUnit):
    from eq2code.project.pairs import Pair

    impl, _ = doc.locate(snippet.blocks[0].first)
    eq_path, _ = doc.locate(math.first)
    function = snippet.blocks[0].tags.get("function")
    return Pair(impl, function, eq_path, None, "document", 0, blank_except(doc.text, math.spans),
                snippet=snippet)


# ----------------------------------------------------------------------------- the generated module


@dataclass
class Generated:
    """The temporary module for a snippet and how to map its positions back."""

    text: str
    function: str | None  # the function to check (None: let the check find it)
    shown_function: str | None  # as reports name it
    shift: dict[int, int]  # temp line → columns to add to get virtual columns
    def_line: int | None = None  # the generated def's line (scripts)
    output_range: Range | None = None  # virtual range of the statement that assigns the output
    script: bool = False
    anchor: Range | None = None  # virtual range of the snippet's first statement


def _is_constant(node: ast.AST, modules: set[str]) -> bool:
    """An expression that reads no variable: literals, numpy calls on literals, …"""
    allowed = _CONSTANT_NAMES | modules
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id not in allowed:
            return False
        if isinstance(sub, (ast.Lambda, ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom, ast.ListComp,
                            ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            return False
    return True


def _module_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _parse(text: str) -> ast.Module | None:
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _stmt_lines(node: ast.stmt) -> tuple[int, int]:
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
    return first, (node.end_lineno or node.lineno) - 1


def generate(snippet: Snippet, eq: Any, maps: dict[str, str], aliases: dict[str, tuple[str, ...]],
             wanted: str | None, rule: str | None, rule_aliases: tuple[str, ...]) -> Generated:
    """The module text for `snippet`, laid out on the document's virtual lines."""
    from eq2code.code.loader import FunctionInfo, ModuleInfo, find_function

    doc = snippet.document
    n = len(doc.lines)
    blocks = snippet.blocks
    out = [""] * (n + 2)
    shift: dict[int, int] = {}
    own_lines = [""] * (n + 2)
    for b in blocks:
        for k, ln in enumerate(b.lines):
            own_lines[b.first + k] = ln
    own_text = "\n".join(own_lines)
    tree = _parse(own_text)
    # earlier code: imports, functions and classes (what running the notebook so far defined)
    context_modules: set[str] = set()
    earlier = [item for item in doc.items[:snippet.index] if isinstance(item, CodeBlock)]
    for b in earlier:
        text = "\n".join([""] * b.first + b.lines)
        ctx = _parse(text)
        if ctx is None:
            continue
        context_modules |= _module_names(ctx)
        for node in ctx.body:
            if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                a, z = _stmt_lines(node)
                for line in range(a, z + 1):
                    out[line] = b.lines[line - b.first]
                    shift[line] = b.indent
    for b in blocks:
        for k in range(len(b.lines)):
            shift[b.first + k] = b.indent
    if tree is None:  # a syntax error: the check reports it where it is
        for b in blocks:
            for k, ln in enumerate(b.lines):
                out[b.first + k] = ln
        return Generated(_join(out), wanted, wanted, shift)
    defs = [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    modules = context_modules | _module_names(tree)
    if defs:
        found = None
        if eq is not None:
            infos = [FunctionInfo(d.name, [], Range.of(d.lineno - 1, 0), d.lineno - 1) for d in defs]
            found, _ = find_function(ModuleInfo("", own_text, infos), eq, wanted, rule, None, rule_aliases)
        keep = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        for node in tree.body:
            if isinstance(node, keep) or (isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
                                          and _is_constant(node.value, modules)):
                a, z = _stmt_lines(node)
                for line in range(a, z + 1):
                    out[line] = own_lines[line]
        if found is not None or not _has_script(tree):
            name = found.name if found is not None else wanted
            return Generated(_join(_with_numpy(out, modules, own_text, defs[0].lineno - 1)), name, name, shift)
        out = [ln if k < blocks[0].first else "" for k, ln in enumerate(out)]  # a script after all
    return _script(snippet, tree, own_lines, out, shift, modules, eq, maps, aliases)


def _has_script(tree: ast.Module) -> bool:
    return any(not isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef,
                                     ast.ClassDef, ast.Expr)) for node in tree.body)


def _script(snippet: Snippet, tree: ast.Module, own_lines: list[str], out: list[str], shift: dict[int, int],
            modules: set[str], eq: Any, maps: dict[str, str], aliases: dict[str, tuple[str, ...]]) -> Generated:
    from eq2code.code.loader import FunctionInfo, Param, map_arguments

    blocks = snippet.blocks
    constants: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and _is_constant(node.value, modules):
            constants.setdefault(node.targets[0].id, node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None \
                and _is_constant(node.value, modules):
            constants.setdefault(node.target.id, node)
    inputs: list[str] = []
    if eq is not None and constants:
        info = FunctionInfo(SCRIPT_FUNCTION, [Param(name, True, "keyword") for name in constants],
                            Range.of(0, 0), 0)
        mapping = map_arguments(info, eq, maps, aliases)
        order = {spec.name: k for k, spec in enumerate(eq.inputs)}
        inputs = sorted(mapping.keyword, key=lambda p: order.get(mapping.keyword[p].name, 99))
    removed = {id(constants[name]) for name in inputs}
    output_name, output_node = _output(snippet, tree, removed)
    def_line = blocks[0].header if blocks[0].header is not None else blocks[0].first - 1
    def_line = max(def_line, 0)
    body: dict[int, str] = {}  # line → text of the function's body
    for node in tree.body:
        a, z = _stmt_lines(node)
        for line in range(a, z + 1):
            body.setdefault(line, own_lines[line])
    for node in tree.body:  # the inputs' constant assignments give way to the parameters
        if id(node) not in removed:
            continue
        a, z = _stmt_lines(node)
        if a == z:
            text = body[a]
            start, end = _char_col(text, node.col_offset), _char_col(text, node.end_col_offset or len(text))
            body[a] = text[:start] + "pass".ljust(end - start) + text[end:]
        else:
            for line in range(a, z + 1):
                body[line] = ""
    for line, text in body.items():
        out[line] = ("    " + text) if text.strip() else ""
        shift[line] = shift.get(line, 0) - 4
    params = ", ".join(inputs)
    uses_np = "np" in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    extra = ""
    if uses_np and "np" not in modules:
        free = next((k for k in range(def_line - 1, -1, -1) if not out[k].strip()), None)
        if free is not None:
            out[free] = "import numpy as np"
        else:
            extra = (", " if params else "") + "*, np=__import__('numpy')"
    out[def_line] = f"def {SCRIPT_FUNCTION}({params}{extra}):"
    shift.pop(def_line, None)
    ret = max(b.after for b in blocks)
    while len(out) <= ret:
        out.append("")
    if out[ret].strip():  # not free (should not happen): put it after everything
        ret = len(out)
        out.append("")
    out[ret] = f"    return {output_name}" if output_name else "    return None"
    output_range = None
    if output_node is not None:
        a, _ = _stmt_lines(output_node)
        text = own_lines[a]
        col = len(text) - len(text.lstrip())
        indent = next((b.indent for b in blocks if b.first <= a <= b.last), 0)
        output_range = Range.of(a, col + indent, a, len(text.rstrip()) + indent)
    anchor = None
    if tree.body:
        a, _ = _stmt_lines(tree.body[0])
        text = own_lines[a]
        indent = next((b.indent for b in blocks if b.first <= a <= b.last), 0)
        anchor = Range.of(a, len(text) - len(text.lstrip()) + indent, a, len(text.rstrip()) + indent)
    shown = f"<script {output_name}>" if output_name else "<script>"
    return Generated(_join(out), SCRIPT_FUNCTION, shown, shift, def_line, output_range, True, anchor)


def _output(snippet: Snippet, tree: ast.Module, removed: set[int]) -> tuple[str | None, ast.stmt | None]:
    """The name a script computes: `# eq2code: output=NAME`, else the last name it assigns."""
    wanted = next((b.tags["output"] for b in snippet.blocks if "output" in b.tags), None)
    last: tuple[str | None, ast.stmt | None] = (None, None)
    for node in tree.body:
        if id(node) in removed:
            continue
        names: list[str] = []
        if isinstance(node, ast.Assign):
            for t in node.targets:
                names += _target_names(t)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None:
            names += _target_names(node.target)
        for name in names:
            if wanted is None or name == wanted:
                last = (name, node)
    if wanted is not None and last[0] is None:
        return wanted, None
    return last


def _char_col(text: str, byte_col: int) -> int:
    """ast's UTF-8 byte column → a character column of `text`."""
    return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)) and target.elts and isinstance(target.elts[-1], ast.Name):
        return [target.elts[-1].id]
    return []


def _with_numpy(out: list[str], modules: set[str], text: str, before: int) -> list[str]:
    """Functions that use `np` without importing it get `import numpy as np` on a free line."""
    if "np" in modules or not re.search(r"\bnp\.", text):
        return out
    free = next((k for k in range(before - 1, -1, -1) if not out[k].strip()), None)
    if free is not None:
        out = list(out)
        out[free] = "import numpy as np"
    return out


def _join(lines: list[str]) -> str:
    return "\n".join(lines).rstrip("\n") + "\n"


# ----------------------------------------------------------------------------- checking a pair


def check_pair(pair: Pair, eq_file: EquationFile, settings: CheckSettings) -> PairResult:
    """Check one document pair (batch.py calls this for `pair.snippet`); returns a PairResult
    whose findings and record point into the document."""
    from eq2code.checking.check import Options, run_check
    from eq2code.code.loader import param_aliases
    from eq2code.findings.model import Finding
    from eq2code.project.pairs import PairResult
    from eq2code.report.model import CheckRecord

    snippet: Snippet = pair.snippet
    doc = snippet.document
    eq = getattr(eq_file, "main", None)
    metadata = getattr(eq_file, "metadata", {}) or {}
    aliases = tuple(pair.aliases) + tuple(a for a in metadata.get("aliases", "").split(",") if a)
    wanted = pair.function or metadata.get("function")
    try:
        gen = generate(snippet, eq, dict(settings.maps), param_aliases(metadata.get("params", "")), wanted,
                       pair.rule, aliases)
    except Exception as e:  # a fault of eq2code on this snippet: reported, the run goes on
        log.debug("generating the function of %s failed", pair.impl, exc_info=True)
        f = Finding("internal-error", pair.impl, Range.of(pair.line, 0, pair.line, 0),
                    {"detail": f"{type(e).__name__}: {e}"}, rule=pair.rule, function=pair.function)
        rec = CheckRecord(pair.equation or "", pair.impl, pair.function, "error", [], settings.seed, pair.rule)
        return PairResult(pair, rec, [f])
    folder = Path(tempfile.mkdtemp(prefix="eq2code-doc-"))
    try:
        tmp = folder / "snippet.py"
        tmp.write_text(gen.text, encoding="utf-8")
        options = Options(function=gen.function, maps=dict(settings.maps), seed=settings.seed,
                          timeout=settings.timeout, no_exec=settings.no_exec, rule=pair.rule, aliases=aliases)
        if settings.memory_mb is not None:
            options.memory_mb = settings.memory_mb
        result = run_check(eq_file, str(tmp), options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    own_eq = eq_file.path if pair.docstring_text is not None else None
    findings = [_map_finding(f, str(tmp), own_eq, doc, gen, pair) for f in result.findings]
    rec = result.record
    record = replace(rec, implementation=pair.impl, equation=pair.equation or rec.equation,
                     function=gen.shown_function if rec.function == gen.function else rec.function,
                     pairing=snippet.pairing)
    return PairResult(pair, record, findings)


def _map_finding(f: Any, tmp: str, own_eq: str | None, doc: Document, gen: Generated, pair: Any) -> Any:
    from eq2code.findings.model import Related

    if f.path == tmp:
        f.path, f.range = _map_code(f.range, doc, gen)
    elif own_eq is not None and f.path == own_eq:
        f.path, f.range = doc.map_range(f.range)
    related = []
    for r in f.related:
        if own_eq is not None and r.path == own_eq:
            path, rng = doc.map_range(r.range)
            related.append(Related(path, rng, r.message))
        elif r.path == tmp:
            path, rng = _map_code(r.range, doc, gen)
            related.append(Related(path, rng, r.message))
        else:
            related.append(r)
    f.related = related
    if f.function == gen.function and gen.shown_function:
        f.function = gen.shown_function
    return f


def _map_code(rng: Range, doc: Document, gen: Generated) -> tuple[str, Range]:
    """A range in the generated module → the document (path, range)."""
    n = len(doc.lines)
    line = rng.start.line
    if gen.script and (line == gen.def_line or line >= n or line not in gen.shift):
        target = gen.output_range or gen.anchor  # no output: the snippet's first statement
        if target is None:
            target = Range.of(min(line, n - 1), 0)
        return doc.map_range(target)

    def col(pos: Position) -> int:
        return max(0, pos.character + gen.shift.get(pos.line, 0))

    end = rng.end
    if end.line != line and (end.line not in gen.shift or end.line >= n):
        end = Position(line, rng.start.character + 1)
    mapped = Range(Position(line, col(rng.start)), Position(end.line, col(end)))
    if mapped.end.line == mapped.start.line and mapped.end.character < mapped.start.character:
        mapped = Range(mapped.start, mapped.start)
    return doc.map_range(mapped)


# ----------------------------------------------------------------------------- for reporters


