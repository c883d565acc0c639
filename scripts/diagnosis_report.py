"""Precision and recall of the named diagnoses on examples/ (issue 5, item 7).

Each example's header says what it is: `verdict=pass|fail`, `findings=` (what eq2code must
report) and, for wrong ones, `mistake=` (the mistake the author made, when eq2code's name for
it differs). This script checks every example in one run and prints, per finding name, how
often eq2code named it when it was the intended mistake (recall) and how often a name it gave
was the intended one (precision).

    python scripts/diagnosis_report.py [--markdown]
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path

from eq2code.cli.main import main as eq2code_main
from eq2code.findings.docs import example_header
from eq2code.findings.model import KINDS

ROOT = Path(__file__).resolve().parent.parent
NAMED = {k.name for k in KINDS.values() if k.group in ("named", "robustness", "variant")} | {
    "missing-operation", "missing-keepdims"}


def header(path: Path) -> dict[str, str]:
    return example_header(path)


def intended(h: dict[str, str]) -> set[str]:
    names = set(filter(None, h.get("mistake", "").split(","))) or set(filter(None, h.get("findings", "").split(",")))
    return {n for n in names if n in NAMED}


def run_all() -> dict[str, set[str]]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        eq2code_main(["check", str(ROOT / "examples"), "--format", "json"])
    doc = json.loads(buf.getvalue())
    reported: dict[str, set[str]] = {}
    for d in doc["diagnostics"]:
        path = str(Path(d["path"]).resolve())
        reported.setdefault(path, set()).add(d["data"]["name"])
    errors = {str(Path(d["path"]).resolve()) for d in doc["diagnostics"] if d["severity"] == 1}
    reported["__errors__"] = errors
    return reported


def main() -> int:
    reported = run_all()
    errors = reported.pop("__errors__")
    tp, fp, fn = Counter(), Counter(), Counter()
    wrong_total = wrong_named = 0
    correct_with_error = []
    for path in sorted((ROOT / "examples").glob("*/*.py")):
        h = header(path)
        if not h:
            continue
        got = reported.get(str(path.resolve()), set()) & NAMED
        want = intended(h)
        if h.get("verdict") == "pass" and str(path.resolve()) in errors:
            correct_with_error.append(path.relative_to(ROOT))
        if h.get("verdict") == "fail" and want:
            wrong_total += 1
            wrong_named += bool(want & got)
        for name in want | got:
            if name in want and name in got:
                tp[name] += 1
            elif name in got:
                fp[name] += 1
            else:
                fn[name] += 1
    rows = []
    for name in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else float("nan")
        r = tp[name] / (tp[name] + fn[name]) if tp[name] + fn[name] else float("nan")
        rows.append((name, tp[name], fp[name], fn[name], p, r))
    markdown = "--markdown" in sys.argv
    if markdown:
        print("| finding | right | extra | missed | precision | recall |\n|---|---|---|---|---|---|")
        for name, t, f, m, p, r in rows:
            print(f"| `{name}` | {t} | {f} | {m} | {p:.2f} | {r:.2f} |")
    else:
        print(f"{'finding':28} {'right':>5} {'extra':>5} {'missed':>6} {'precision':>9} {'recall':>6}")
        for name, t, f, m, p, r in rows:
            print(f"{name:28} {t:5} {f:5} {m:6} {p:9.2f} {r:6.2f}")
    share = wrong_named / wrong_total if wrong_total else 1.0
    print(f"\nwrong examples with a named cause: {wrong_total}; given their intended name: {wrong_named} "
          f"({share:.0%})")
    print(f"correct examples with an error finding: {len(correct_with_error)}"
          + "".join(f"\n  {p}" for p in correct_with_error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
