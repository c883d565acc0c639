"""The state one check accumulates as it goes: the equation, function and mapping it settled
on, the forms that passed, and the findings so far (`CheckContext.add` builds each finding
with the check's rule, function and a related location in the equation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eq2code.base.span import Range
from eq2code.checking.options import CheckResult, Options
from eq2code.code.loader import FunctionInfo, Mapping
from eq2code.equation.model import Equation, EquationFile
from eq2code.findings.model import Finding, Related
from eq2code.report.model import CheckRecord, Verdict


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class CheckContext:
    """Everything one check knows so far: inputs, the chosen function and mapping, findings."""

    eq_file: EquationFile
    impl_path: str
    options: Options
    findings: list[Finding] = field(default_factory=list)
    equation: Equation | None = None
    function: FunctionInfo | None = None
    mapping: Mapping | None = None
    forms: list[str] = field(default_factory=list)

    @property
    def eq_path(self) -> str:
        return self.eq_file.path

    def add(self, name: str, path: str, range_: Range, expression: str = "", **params: Any) -> Finding:
        related = []
        if self.equation is not None and path != self.eq_path:
            related.append(Related(self.eq_path, self.equation.range, self.equation.latex.strip()))
        rule = self.options.rule or (self.equation.name if self.equation else None)
        finding = Finding(name, path, range_, params, related, rule=rule,
                          function=self.function.name if self.function else None, expression=expression)
        self.findings.append(finding)
        return finding

    def has(self, name: str) -> bool:
        return any(f.name == name for f in self.findings)

    def result(self, verdict: Verdict) -> CheckResult:
        record = CheckRecord(self.eq_path, self.impl_path, self.function.name if self.function else None,
                             verdict, self.forms, self.options.seed, self.options.rule)
        return CheckResult(record, self.findings)

    def source(self) -> str:
        from eq2code.base.files import FileProblem, read_python

        try:
            return read_python(self.impl_path)
        except FileProblem:
            return ""

    def line(self, line: int) -> str:
        lines = self.source().splitlines()
        return lines[line] if 0 <= line < len(lines) else ""

    def user_range(self, lineno: int | None, col: int | None, end_col: int | None) -> Range:
        """A range in the user's file from a line/column the child reported (the def line without one)."""
        assert self.function is not None
        if not lineno:
            return self.function.range
        line = lineno - 1
        start = col or 0
        end = end_col if end_col and end_col > start else start + 1
        if col is None:
            text = self.line(line)
            start = len(text) - len(text.lstrip())
            end = max(len(text.rstrip()), start + 1)
        return Range.of(line, start, line, end)
