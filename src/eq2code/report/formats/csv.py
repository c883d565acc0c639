"""Class report for grade books (`--format csv`): one row per learner, one column per exercise.

A cell reads `pass`, `fail: NAME, NAME` or `error: NAME` — the verdict and the names of the
findings on that learner's file (errors first); an exercise a learner did not hand in is
empty. A last column counts the passes. Learners and exercises as in report/classtable.py.
"""

from __future__ import annotations

import csv
import io

from eq2code.report.model import Report


def render(report: Report, *, color: bool = False) -> str:
    from eq2code.report.classtable import table

    t = table(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["learner", *[e.name for e in t.exercises], "passed"])
    for learner in t.learners:
        row = [learner]
        passed = 0
        for e in t.exercises:
            cell = t.cell(learner, e.name)
            if cell is None:
                row.append("")
                continue
            passed += cell.verdict == "pass"
            row.append(cell.verdict + (": " + ", ".join(cell.findings) if cell.findings else ""))
        row.append(str(passed))
        writer.writerow(row)
    return out.getvalue().rstrip("\n")
