"""Pairs of an equation and an implementation, as a project run finds and checks them:
`Pair` (what to check), `PairResult` (what came out), and how paths and rules are named.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eq2code.base.files import confine
from eq2code.findings.model import Finding
from eq2code.project.config import Config
from eq2code.report.model import CheckRecord


@dataclass(eq=False)  # never compared (its `key`): one generated method fewer (docs/performance.md)
class Pair:
    """One function (or one file, when `function` is None) against one equation.

    `equation` is the equation file; for a docstring pair it is the .py file itself and
    `docstring_text` holds the file's text with everything but the LaTeX blanked out, so
    that positions in the equation are positions in the .py file. A pair that cannot be
    checked carries a `problem` (reported as `equation-file` at `line` of `impl`).
    """

    impl: str
    function: str | None = None
    equation: str | None = None
    rule: str | None = None
    origin: str = ""  # tag | docstring | config | folder | explicit
    line: int = 0  # 0-based line of the tag / def, for problems
    docstring_text: str | None = field(default=None, repr=False)
    problem: str | None = None
    aliases: tuple[str, ...] = ()  # a rule's names for the implementing function
    snippet: Any = field(default=None, repr=False)  # documents.Snippet: code in a .md/.ipynb (origin "document")

    def key(self) -> tuple:
        eq = _abs(self.equation) if self.equation else ""
        return (_abs(self.impl), self.function or "", eq, self.rule or "", self.docstring_text is not None,
                self.snippet.key if self.snippet is not None else None)

    def sort_key(self) -> tuple:
        return (self.impl, self.function or "", self.equation or "", self.rule or "", self.origin)


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class RuleRef:
    """A rule a pair names: found (its path and aliases) or not (the error to report)."""

    name: str
    path: str | None  # None: no such rule (see `error`)
    aliases: tuple[str, ...] = ()
    error: str = ""


def _abs(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def display(path: str | Path) -> str:
    """A path as shown in reports: relative to the working directory when inside it."""
    p = os.path.abspath(path)
    cwd = os.getcwd()
    try:
        if os.path.commonpath([p, cwd]) == cwd:
            return Path(os.path.relpath(p, cwd)).as_posix()
    except ValueError:  # another drive on Windows
        pass
    return Path(p).as_posix()


def find_rule(name: str, config: Config, extra_dirs: tuple[str, ...] = ()) -> RuleRef:
    """The equation file of a rule (`eq2code.rulebook`): a project rule from `rule-dirs` (and
    `--rules-dir`) wins over a shipped rule of the same name."""
    from eq2code.equation.rulebook import RuleError
    from eq2code.equation.rulebook import find_rule as lookup

    dirs = [str(d) for d in config.rule_dirs] + list(extra_dirs)
    try:
        rule = lookup(name, dirs)
    except RuleError as e:
        return RuleRef(name, None, error=str(e))
    return RuleRef(rule.name, str(rule.path), tuple(rule.aliases))


def project_root(path: Path, config: Config) -> Path:
    """The folder a path named by a file's tag must stay in: the configured root, else the
    enclosing git work tree, else the working directory (when the file is inside it), else
    the file's own folder."""
    if config.path is not None:
        return config.root
    here = Path(os.path.abspath(path)).parent
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    cwd = Path.cwd()
    try:
        here.relative_to(cwd)
        return cwd
    except ValueError:
        return here


def tag_target_problem(target: Path, tagged_file: Path, config: Config) -> str | None:
    """Why the file a tag names may not be read (outside the project, a pseudo-file, a FIFO,
    a device, a directory, missing), or None (files.confine)."""
    return confine(target, project_root(tagged_file, config))


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class PairResult:
    """A checked pair: the record of its check and its findings."""

    pair: Pair
    record: CheckRecord
    findings: list[Finding]
