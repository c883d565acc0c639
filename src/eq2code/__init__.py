"""eq2code: checks that NumPy code computes what a LaTeX equation says.

The public API is small; everything else is internal and may change::

    import eq2code

    eq = eq2code.read_equation("softmax.tex")           # or eq2code.rule("softmax")
    result = eq2code.check(eq, "impl.py")               # a CheckResult: record + findings
    print(result.record.verdict, [f.name for f in result.findings])
    print(eq2code.render(result, "text", lang="ja"))

The pipeline is a package per stage (docs/architecture.md): equation reading (`equation`) →
reference (`reference`) → running the code (`code`) → judging (`checking`) → diagnosis
(`diagnosis`) → findings (`findings`) → reports (`report`) → front ends (`cli`, `lsp`);
`project` runs many pairs; `notebook` is the IPython front end (`%load_ext eq2code`). Names
are imported lazily, so `import eq2code` stays cheap.
"""

from __future__ import annotations

from eq2code.base.version import __version__

TYPE_CHECKING = False  # not `typing`'s: `import eq2code` must not import typing (cli/head_start.py)
if TYPE_CHECKING:
    from typing import Any

    from eq2code.checking.options import CheckResult, Options
    from eq2code.equation.model import EquationFile
    from eq2code.findings.model import Finding, Severity

__all__ = ["CheckResult", "EquationFile", "Finding", "Options", "Severity", "__version__", "check",
           "load_ipython_extension", "read_equation", "render", "rule"]

_LAZY = {
    "CheckResult": "eq2code.checking.options",
    "Options": "eq2code.checking.options",
    "EquationFile": "eq2code.equation.model",
    "Finding": "eq2code.findings.model",
    "Severity": "eq2code.findings.model",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'eq2code' has no attribute {name!r}")


def read_equation(path: str) -> EquationFile:
    """The equation file at `path`, read (from the cache when it is unchanged)."""
    from eq2code.equation.cache import load_equation

    return load_equation(path)


def rule(name: str, rules_dirs: list[str] | None = None) -> EquationFile:
    """A shipped rule (or one in `rules_dirs`) by name or alias, e.g. `rule("softmax")`."""
    from eq2code.equation.cache import load_equation
    from eq2code.equation.rulebook import find_rule

    return load_equation(str(find_rule(name, list(rules_dirs or [])).path))


def check(equation: EquationFile | str, implementation: str, **options: Any) -> CheckResult:
    """Check the function in the file `implementation` against `equation` (a read equation
    file or a path). `options` are those of `Options`: function, maps, seed, timeout,
    memory_mb, no_exec, rule, aliases. The function runs in a sandboxed child process."""
    from eq2code.checking.check import run_check
    from eq2code.checking.options import Options

    eq = read_equation(equation) if isinstance(equation, str) else equation
    return run_check(eq, implementation, Options(**options))


def render(result: CheckResult, format: str = "text", lang: str | None = None) -> str:
    """A check's report as text, json, sarif, github or concise output."""
    from eq2code.findings.messages import detect_lang
    from eq2code.report.formats import render as render_report
    from eq2code.report.model import Report

    report = Report([result.record], list(result.findings), detect_lang(lang))
    return render_report(report, format)


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext eq2code` in a notebook: registers the `%%eq2code` cell magic (IPython is
    imported only by the notebook package; docs/editors.md)."""
    from eq2code.notebook import load_ipython_extension as load

    load(ipython)
