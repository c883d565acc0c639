"""The report: what a run of eq2code hands to a reporter — the checks made and the findings.

Plain data plus the two numbers every front end needs: the summary counts and the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from eq2code.findings.model import Finding, Severity

Verdict = Literal["pass", "fail", "error", "excused"]  # excused: a failure the project's own
# suppressions or baseline account for (project runs only; the exit status is then 0)


@dataclass
class CheckRecord:
    """One equation checked against one implementation."""

    equation: str
    implementation: str
    function: str | None
    verdict: Verdict
    forms: list[str] = field(default_factory=list)
    seed: int = 0
    rule: str | None = None
    pairing: str | None = None  # how a document pair was made when it is not the usual: "code-before-math"


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Report:
    """One run's report: the checks made, their findings, and the language of the messages."""

    checks: list[CheckRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    lang: str = "en"

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def summary(self) -> dict[str, int]:
        """Counts by severity; hints count as infos."""
        severities = [f.effective_severity for f in self.findings]
        errors = severities.count(Severity.ERROR)
        warnings = severities.count(Severity.WARNING)
        return {"errors": errors, "warnings": warnings,
                "infos": len(severities) - errors - warnings}

    def exit_code(self) -> int:
        """1 when any finding is an error or any check did not pass, else 0."""
        failed = any(c.verdict in ("fail", "error") for c in self.checks)
        return 1 if failed or self.summary()["errors"] else 0

    def all_passed(self) -> bool:
        """Nothing to say: no findings at all and every check passed."""
        return not self.findings and all(c.verdict == "pass" for c in self.checks)
