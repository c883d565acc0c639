"""A class's report as a table: learners × exercises (the html and csv formats render it).

The learner is the implementation file's folder (relative to the folders all learners
share), the exercise the file's stem (a notebook's too); a cell holds the verdict (the
worst when a file has several checks) and the names of the findings on that file. Per
exercise: how many pass, fail and error, and which learners got each error or warning
(most common first). `project/classroom.py` pairs `<learner>/<exercise>.py` submissions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from eq2code.base.cells import split_cell_path
from eq2code.findings.model import Severity

_WORST = {"pass": 0, "fail": 1, "error": 2}


@dataclass
class Cell:
    verdict: str  # pass | fail | error
    findings: list[str] = field(default_factory=list)  # finding names (errors and warnings first), once each
    severities: dict[str, str] = field(default_factory=dict)  # name → error | warning | info
    files: list[str] = field(default_factory=list)


@dataclass
class Exercise:
    name: str
    total: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    by_finding: dict[str, list[str]] = field(default_factory=dict)  # name → learners, most common first


@dataclass
class ClassTable:
    learners: list[str]
    exercises: list[Exercise]
    cells: dict[tuple[str, str], Cell]  # (learner, exercise) → cell
    findings: list[str]  # every finding name that occurs, sorted

    def cell(self, learner: str, exercise: str) -> Cell | None:
        return self.cells.get((learner, exercise))


def _file(path: str) -> str:
    return os.path.normcase(os.path.abspath(split_cell_path(path)[0]))


def table(report: Any) -> ClassTable:
    """Learners × exercises of a run's report (see the module's docstring)."""
    files = sorted({_file(c.implementation) for c in report.checks})
    parents = [os.path.dirname(f) for f in files]
    common = os.path.commonpath(parents) if parents else ""
    learner_of: dict[str, str] = {}
    for f, parent in zip(files, parents):
        rel = os.path.relpath(parent, common) if common else parent
        learner_of[f] = PurePosixPath(Path(rel)).as_posix() if rel != "." else os.path.basename(parent)
    cells: dict[tuple[str, str], Cell] = {}
    for c in report.checks:
        f = _file(c.implementation)
        key = (learner_of[f], Path(split_cell_path(c.implementation)[0]).stem)
        cell = cells.setdefault(key, Cell(c.verdict))
        if _WORST.get(c.verdict, 2) > _WORST.get(cell.verdict, 2):
            cell.verdict = c.verdict
        if c.implementation not in cell.files:
            cell.files.append(c.implementation)
    by_file: dict[str, list] = {}
    for finding in report.sorted_findings():
        by_file.setdefault(_file(finding.path), []).append(finding)
    for cell in cells.values():
        found = [f for path in {_file(p) for p in cell.files} for f in by_file.get(path, [])]
        found.sort(key=lambda f: (int(f.effective_severity), f.sort_key()))
        for f in found:
            if f.name not in cell.severities:
                cell.findings.append(f.name)
                cell.severities[f.name] = _severity(f.effective_severity)
    learners = sorted({k[0] for k in cells})
    exercises = []
    for name in sorted({k[1] for k in cells}):
        ex = Exercise(name)
        for learner in learners:
            found_cell = cells.get((learner, name))
            if found_cell is None:
                continue
            cell = found_cell
            ex.total += 1
            ex.passed += cell.verdict == "pass"
            ex.failed += cell.verdict == "fail"
            ex.errors += cell.verdict == "error"
            for finding in cell.findings:
                if cell.severities[finding] in ("error", "warning"):
                    ex.by_finding.setdefault(finding, []).append(learner)
        ex.by_finding = dict(sorted(ex.by_finding.items(), key=lambda kv: (-len(kv[1]), kv[0])))
        exercises.append(ex)
    names = sorted({n for cell in cells.values() for n in cell.findings})
    return ClassTable(learners, exercises, cells, names)


def _severity(severity: Severity) -> str:
    if severity == Severity.ERROR:
        return "error"
    if severity == Severity.WARNING:
        return "warning"
    return "info"
