"""What one check is asked to do (`Options`) and what it gives back (`CheckResult`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eq2code.findings.model import Finding
from eq2code.report.model import CheckRecord


@dataclass
class Options:
    """What one check is asked to do: function, mappings, seed, limits, rule."""

    function: str | None = None
    maps: dict[str, str] = field(default_factory=dict)
    seed: int = 0
    timeout: float = 10.0
    memory_mb: int = 2048  # the child's address-space limit (spec §5)
    no_exec: bool = False
    rule: str | None = None  # the rule's name when checking against a shipped rule
    aliases: tuple[str, ...] = ()
    fixes: bool = False  # build verified fixes for fixable findings (check --fix/--diff, the language server)


@dataclass
class CheckResult:
    """One check's outcome: its record (verdict, forms, …) and its findings."""

    record: CheckRecord
    findings: list[Finding]
