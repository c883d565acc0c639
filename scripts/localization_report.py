"""How often the first error finding starts on the line a teacher marked (tests/localization/).

Each case's header says what it is checked against (`rule=NAME` or `equation=DIR` under
tests/equations/) and the marked line (`line=N`). Prints one row per case and the rate;
`--json` prints the rows as JSON.
"""

from __future__ import annotations

import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "localization"
HEADER = re.compile(r"^# eq2code-localize: (.*)$", re.M)
FIELD = re.compile(r"(\w+)=(\S+)")


def header(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in HEADER.findall(path.read_text(encoding="utf-8")):
        if line.startswith("mistake="):
            out["mistake"] = line[len("mistake="):].strip()
        else:
            out.update(FIELD.findall(line))
    return out


def run_case(path: Path) -> dict:
    import eq2code
    from eq2code.findings.model import Severity

    h = header(path)
    if "rule" in h:
        eq, rule = eq2code.rule(h["rule"]), h["rule"]
    else:
        eq, rule = eq2code.read_equation(str(ROOT / "tests" / "equations" / h["equation"] / "equation.tex")), None
    result = eq2code.check(eq, str(path), rule=rule)
    errors = sorted((f for f in result.findings if f.effective_severity == Severity.ERROR and f.path == str(path)),
                    key=lambda f: (f.range.start.line, f.range.start.character))
    first = errors[0] if errors else None
    return {"case": path.stem, "marked": int(h["line"]), "line": first.range.start.line + 1 if first else None,
            "name": first.name if first else None, "hit": bool(first and first.range.start.line + 1 == int(h["line"]))}


def measure(jobs: int = 2) -> list[dict]:
    cases = sorted(CASES.glob("*.py"))
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(run_case, cases))


def main() -> None:
    rows = measure()
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=1))
        return
    for r in rows:
        mark = "✓" if r["hit"] else "✗"
        print(f"{mark} {r['case']:<28} marked {r['marked']:>3}  first error {r['line']}  {r['name']}")
    hits = sum(r["hit"] for r in rows)
    print(f"\nfirst error on the marked line: {hits}/{len(rows)} ({100 * hits / max(len(rows), 1):.0f}%)")


if __name__ == "__main__":
    main()
