"""The finding registry: every finding is defined once, in `findings/definitions/<snake_name>.py`,
as one `FINDING = FindingDef(...)` — its stable code, kebab-case name, default severity and
group; its words in English and Japanese (title, message, help: `str.format` fields and
optional `[[…]]` parts, see `messages.py`); its documentation in both languages (what, why,
fix, an example snippet); valid and invalid examples that the tests run (Fixit style); and
the hooks that raise and place it: mutation hooks and a priority for the named mistakes
(`diagnosis/mutants.py` drives them), a locator over the static `CodeFacts`
(`code/static.py` drives it), or the detector that raises it elsewhere (`raised_by`), or
`reserved=True` for a finding that is documented but not raised yet.

A new finding is one new file in `definitions/`: the package is discovered with pkgutil, so
nothing else needs an edit (codes are stable: never renumber, never reuse).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eq2code.findings.kind import Kind, Severity

__all__ = [
    "ERROR",
    "INFO",
    "WARNING",
    "Docs",
    "Example",
    "FindingDef",
    "Kind",
    "Severity",
    "Text",
    "definitions",
    "get",
    "kinds",
    "named_mistakes",
]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Text:
    """A finding's words in one language: a noun-phrase title, the message (what the code
    computes, what the equation says) and the help (imperative: how to fix it)."""

    title: str
    message: str
    help: str


@dataclass(frozen=True)
class Docs:
    """The long form (`eq2code docs NAME`, docs/findings/NAME.md) in one language."""

    what: str
    why: str
    fix: str
    caption: str = ""  # one line above the inline example


@dataclass(frozen=True)
class Example:
    """A valid or invalid example (Fixit style), run by tests/test_registry.py.

    Either `file` — a path in the repository (examples/…, tests/equations/…) that the project
    configuration pairs — or inline `code` with a shipped `rule` or an inline `equation`
    (the code is tagged with it). `line`/`column` (1-based, as the text report prints them)
    give where an invalid example must report the finding; `in_equation` when the finding
    points into the equation file. `column=None` checks the line only.
    """

    file: str = ""
    code: str = ""
    rule: str = ""
    equation: str = ""
    line: int | None = None
    column: int | None = None
    in_equation: bool = False


# A mutation hook at a node: (node, ctx) → (mutated tree, part LaTeX) pairs.
NodeHook = Callable[[Any, Any], Iterator[tuple[Any, str]]]
# A whole-expression hook: (ctx) → (mutated tree, part LaTeX) pairs.
WholeHook = Callable[[Any], Iterator[tuple[Any, str]]]


@dataclass(frozen=True)
class FindingDef:
    code: str
    name: str
    severity: Severity
    group: str
    en: Text
    ja: Text
    docs_en: Docs
    docs_ja: Docs
    snippet: str = ""  # the inline example of the docs (language-neutral code; ✗ the mistake, ✓ the fix)
    valid: tuple[Example, ...] = ()
    invalid: tuple[Example, ...] = ()
    # named mistakes (mutated references, diagnosis/mutants.py)
    priority: int | None = None  # when several mutants explain the output, the lowest wins
    mutate_node: NodeHook | None = None  # called at every node of the equation's SymPy tree
    mutate_whole: WholeHook | None = None  # called once with the whole expression
    mutate_values: Callable[[Any], Iterator[dict]] | None = None  # value mutants (inputs swapped)
    variants: Callable[[Any], list[dict]] | None = None  # accepted variants (plans the code may match)
    finish_plan: Callable[[Any], Any] | None = None  # post-process a compiled mutant plan
    # where the finding points in the code: (code.static.Where) → Range | None
    locate: Callable[[Any], Any] | None = None
    raised_by: str = ""  # the detector that raises it, when not a mutation hook
    reserved: bool = False  # documented, never raised (yet)

    @property
    def kind(self) -> Kind:
        return Kind(self.code, self.name, self.severity, self.group)

    def text(self, lang: str) -> Text:
        return self.ja if lang == "ja" else self.en

    def docs(self, lang: str) -> Docs:
        return self.docs_ja if lang == "ja" else self.docs_en

    @property
    def detectors(self) -> list[str]:
        """What raises this finding (empty: nothing — then it must be `reserved`)."""
        found = []
        if self.mutate_node or self.mutate_whole or self.mutate_values:
            found.append("mutation")
        if self.variants:
            found.append("variant")
        if self.raised_by:
            found.append(self.raised_by)
        return found


@lru_cache(maxsize=1)
def definitions() -> tuple[FindingDef, ...]:
    """Every finding, in code order (discovered from the `definitions` package)."""
    from eq2code.findings import definitions as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        definition = getattr(module, "FINDING", None)
        if isinstance(definition, FindingDef):
            found.append(definition)
    found.sort(key=lambda d: d.code)
    names = [d.name for d in found]
    codes = [d.code for d in found]
    if len(set(names)) != len(names) or len(set(codes)) != len(codes):
        raise RuntimeError("finding definitions: duplicate name or code")
    return tuple(found)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, FindingDef]:
    return {d.name: d for d in definitions()}


def get(name: str) -> FindingDef | None:
    return _by_name().get(name)


def kinds() -> dict[str, Kind]:
    return {d.name: d.kind for d in definitions()}


def named_mistakes() -> list[FindingDef]:
    """The findings with a priority, most specific first (PRIORITY order of diagnosis)."""
    return sorted((d for d in definitions() if d.priority is not None), key=lambda d: d.priority or 0)
