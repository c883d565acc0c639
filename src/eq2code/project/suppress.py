"""Suppressions: `# eq2code: ignore[NAME, ...]` comments (spec §3).

A suppression names findings by name (`unstable-exp`) or code (`EQ401`), case-insensitive.

- On an ordinary line it silences those findings on that line.
- On a `def` line — or on a comment-only line in the block of comments directly above the
  `def` (and its decorators) — it silences them in the whole function. (Keep a
  `# eq2code: rule=` / `eq=` tag as the line right above the `def`, or put the suppression
  on the `def` line itself.)
- In an equation file, `% eq2code: ignore[NAME]` silences findings on its line.

A suppression that silenced nothing is reported as `unused-suppression` (a warning), once
per unused name, when every check of its file ran to a verdict (not with `--no-exec`, and
not when the check stopped early).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field

from eq2code.base.files import FileProblem, read_python, read_text
from eq2code.base.span import Range
from eq2code.findings.model import Finding, kind

_IGNORE = re.compile(r"(?:#|%)\s*eq2code:\s*ignore\[(?P<names>[^\]]*)\]")


@dataclass
class Suppression:
    """One `# eq2code: ignore[...]` comment: the names it lists and the lines it covers."""

    path: str
    line: int  # 0-based line of the comment
    names: list[tuple[str, int, int]]  # (name as written, start col, end col)
    first: int  # lines covered, inclusive
    last: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> str | None:
        """The written name that silences `finding`, or None."""
        if not self.first <= finding.range.start.line <= self.last:
            return None
        for name, _, _ in self.names:
            k = kind(name)
            if k is not None and k.name == finding.name:
                return name
        return None


def function_spans(path: str) -> dict[str, tuple[int, int]]:
    """0-based (first, last) line of each top-level function of a .py file, by name."""
    try:
        tree = ast.parse(read_python(path, "Python file"))
    except (FileProblem, SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    spans = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            spans[node.name] = (first, (node.end_lineno or node.lineno) - 1)
    return spans


def read_suppressions(path: str) -> list[Suppression]:
    """The suppression comments of a .py or equation file (none if it cannot be read)."""
    if "#cell=" in path:  # a notebook cell (documents.py)
        from eq2code.base.cells import cell_source_lines

        cell = cell_source_lines(path)
        if cell is None:
            return []
        text = "\n".join(cell)
    else:
        try:
            text = read_python(path, "Python file") if path.endswith(".py") else read_text(path, "file", newlines=True)
        except FileProblem:
            return []
    if "eq2code:" not in text or "ignore[" not in text:
        return []
    lines = text.split("\n")
    if path.endswith(".py"):
        comments = _python_comments(text, lines)
        scopes = _function_scopes(text)
    elif path.lower().endswith((".md", ".markdown")) or "#cell=" in path:
        # a document (documents.py): `#` comments in its code, `%` comments in its math
        comments = [(i, min(c for c in (line.find("#"), line.find("%")) if c >= 0))
                    for i, line in enumerate(lines) if "#" in line or "%" in line]
        scopes = {}
    else:
        comments = [(i, line.find("%")) for i, line in enumerate(lines) if "%" in line]
        scopes = {}
    out = []
    for line_no, col in comments:
        line = lines[line_no]
        m = _IGNORE.search(line, col)
        if not m:
            continue
        names = []
        start = m.start("names")
        for part in re.finditer(r"[^,\s]+", m.group("names")):
            names.append((part.group(0), start + part.start(), start + part.end()))
        if not names:
            continue
        first, last = line_no, line_no
        target = scopes.get(line_no)
        if target is None and line[:col].strip() == "":  # a comment-only line: above a def?
            j = line_no + 1
            while j < len(lines) and lines[j].strip().startswith("#"):
                j += 1
            target = scopes.get(j) if j < len(lines) else None
        if target is not None:
            first, last = target
        out.append(Suppression(path, line_no, names, min(first, line_no), max(last, line_no)))
    return out


def _python_comments(text: str, lines: list[str]) -> list[tuple[int, int]]:
    try:
        return [(tok.start[0] - 1, tok.start[1])
                for tok in tokenize.generate_tokens(io.StringIO(text).readline)
                if tok.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return [(i, line.find("#")) for i, line in enumerate(lines) if "#" in line]


def _function_scopes(text: str) -> dict[int, tuple[int, int]]:
    """0-based first line of each function (its first decorator, or its def line) and its
    def line → the function's line span."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    scopes: dict[int, tuple[int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            last = (node.end_lineno or node.lineno) - 1
            scopes.setdefault(first, (first, last))
            scopes.setdefault(node.lineno - 1, (first, last))
    return scopes


@dataclass
class Outcome:
    """Findings split by the suppressions: kept and suppressed."""

    kept: list[Finding]
    suppressed: list[Finding]


def apply(findings: list[Finding], suppressions: dict[str, list[Suppression]]) -> Outcome:
    """Split `findings` into kept and suppressed; marks the suppressions that were used.

    `suppressions` maps a normalised path (see `key`) to the file's suppressions.
    """
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for f in findings:
        hit = None
        if f.name != "unused-suppression":
            for s in suppressions.get(key(f.path), ()):
                name = s.covers(f)
                if name is not None:
                    s.used.add(name)
                    hit = s
        (dropped if hit is not None else kept).append(f)
    return Outcome(kept, dropped)


def unused(suppressions: list[Suppression]) -> list[Finding]:
    """An `unused-suppression` finding for each name no finding used."""
    out = []
    for s in suppressions:
        for name, start, end in s.names:
            if name in s.used:
                continue
            k = kind(name)
            shown = k.name if k is not None else name
            out.append(Finding("unused-suppression", s.path, Range.of(s.line, start, s.line, end),
                               {"suppressed": shown}, expression=f"ignore[{name}]"))
    return out


def key(path: str) -> str:
    import os

    return os.path.normcase(os.path.abspath(path))
