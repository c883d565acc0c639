"""Measure eq2code on the real-code corpus through its command line only.

    python tests/corpus/code/measure.py [--eq2code CMD] [--jobs N] [--only SUBSTRING]

For every case (a folder with impl.py and case.toml) runs

    eq2code check (--rule R | <case>/equation.tex) <case>/impl.py [flags] --format json

twice: with the case's flags (what a user would naturally type) and with no flags (rule or
equation only).  Prints a table and writes tests/corpus/code/measured.json.

Outcome of one run, from the case's label:
* correct code (buggy = false): ``ok`` or ``false-error`` (an error-severity finding);
* buggy code labelled verdict = "fail": ``named`` (the expected finding is reported at error
  severity), ``misnamed`` (an error, another name), ``missed`` (no error);
* a robustness bug (buggy = true, verdict = "pass", e.g. unstable-exp): ``named`` (the finding
  is reported at any severity), ``missed`` (not reported), ``false-error`` (an error finding);
* ``internal`` when eq2code exits 2, prints no JSON, or reports internal-error/crashed.

This is a script, not a test: eq2code is expected to fail on some cases — the table is the
input to the engine work.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}


def command(case_dir: Path, case: dict, eq2code: list[str], with_flags: bool) -> list[str]:
    chk = case["check"]
    cmd = list(eq2code) + ["check"]
    if "rule" in chk:
        cmd += ["--rule", chk["rule"], str(case_dir / "impl.py")]
    else:
        cmd += [str(case_dir / chk["equation"]), str(case_dir / "impl.py")]
    if with_flags:
        cmd += list(chk.get("flags", []))
    return cmd + ["--format", "json", "--jobs", "1"]


def run_one(cmd: list[str]) -> dict:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        return {"exit": None, "verdict": None, "findings": [], "stderr": "timeout"}
    out = {"exit": proc.returncode, "verdict": None, "findings": [], "stderr": proc.stderr[-800:]}
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError:
        out["stdout"] = proc.stdout[-800:]
        return out
    checks = doc.get("checks", [])
    out["verdict"] = checks[0].get("verdict") if checks else None
    out["function"] = checks[0].get("function") if checks else None
    for d in doc.get("diagnostics", []):
        data = d.get("data", {}) or {}
        out["findings"].append(
            {
                "name": data.get("name"),
                "severity": SEVERITY.get(d.get("severity"), str(d.get("severity"))),
                "line": d.get("range", {}).get("start", {}).get("line", -1) + 1,
                "message": d.get("message", "")[:300],
            }
        )
    return out


def classify(case: dict, res: dict) -> str:
    names = {f["name"] for f in res["findings"]}
    errors = {f["name"] for f in res["findings"] if f["severity"] == "error"}
    if res["exit"] not in (0, 1) or res["verdict"] is None or names & {"internal-error", "crashed"}:
        return "internal"
    exp = case["expected"]
    buggy = exp.get("buggy", exp["verdict"] == "fail")
    finding = exp.get("finding")
    if not buggy:
        return "false-error" if errors else "ok"
    if exp["verdict"] == "fail":
        if not errors:
            return "missed"
        return "named" if finding in errors else "misnamed"
    # robustness bug: expected as a warning on code whose values are right
    if errors:
        return "false-error"
    return "named" if finding in names else "missed"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    script = Path(sys.executable).with_name("eq2code")
    default = shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m eq2code"
    ap.add_argument("--eq2code", default=default, help=f"the eq2code command (default: {default})")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--only", default="")
    ap.add_argument("--out", default=str(HERE / "measured.json"))
    args = ap.parse_args()
    eq2code = shlex.split(args.eq2code)

    cases = []
    for folder in sorted(p for p in HERE.iterdir() if (p / "case.toml").exists()):
        if args.only and args.only not in folder.name:
            continue
        if not (folder / "impl.py").exists():
            print(f"SKIP {folder.name}: no impl.py", file=sys.stderr)
            continue
        with open(folder / "case.toml", "rb") as fh:
            cases.append((folder, tomllib.load(fh)))

    jobs = []
    for folder, case in cases:
        jobs.append((folder, case, "flags", command(folder, case, eq2code, True)))
        if case["check"].get("flags"):
            jobs.append((folder, case, "noflags", command(folder, case, eq2code, False)))
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda j: run_one(j[3]), jobs))

    per_case: dict[str, dict] = {}
    for (folder, case, mode, cmd), res in zip(jobs, results):
        entry = per_case.setdefault(
            folder.name,
            {
                "buggy": case["expected"].get("buggy", case["expected"]["verdict"] == "fail"),
                "expected_verdict": case["expected"]["verdict"],
                "expected_finding": case["expected"].get("finding"),
                "world": case["source"].get("world"),
                "target": case["check"]["function"],
                "flags": case["check"].get("flags", []),
            },
        )
        res["outcome"] = classify(case, res)
        res["command"] = " ".join(shlex.quote(c) for c in cmd[len(eq2code):])
        entry[mode] = res
    for entry in per_case.values():  # no flags given: the no-flag run is the flag run
        entry.setdefault("noflags", entry["flags"])

    table = defaultdict(Counter)
    for entry in per_case.values():
        kind = "correct" if not entry["buggy"] else ("bug" if entry["expected_verdict"] == "fail" else "robustness-bug")
        for mode in ("flags", "noflags"):
            table[(kind, mode)][entry[mode]["outcome"]] += 1

    print(f"{len(per_case)} cases ({sum(not e['buggy'] for e in per_case.values())} correct, "
          f"{sum(e['buggy'] for e in per_case.values())} buggy)\n")
    outcomes = ("ok", "false-error", "named", "misnamed", "missed", "internal")
    header = f"{'cases':<16}{'run':<9}" + "".join(f"{o:>13}" for o in outcomes)
    print(header)
    print("-" * len(header))
    for kind in ("correct", "bug", "robustness-bug"):
        for mode in ("flags", "noflags"):
            c = table[(kind, mode)]
            print(f"{kind:<16}{mode:<9}" + "".join(f"{c.get(o, 0):>13}" for o in outcomes))
    print()
    for mode in ("flags", "noflags"):
        print(f"== not as labelled ({mode}):")
        for name, entry in sorted(per_case.items()):
            res = entry[mode]
            if res["outcome"] in ("ok", "named"):
                continue
            shown = "; ".join(f"{f['severity']} {f['name']}" for f in res["findings"]
                              if f["severity"] in ("error", "warning")) or "no error/warning"
            print(f"  {res['outcome']:<12} {name}: {shown}")
        print()
    try:
        head = subprocess.run(["git", "-C", str(HERE), "rev-parse", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        head = None
    meta = {"eq2code_command": args.eq2code, "project_commit": head}
    Path(args.out).write_text(json.dumps({"meta": meta, "cases": per_case}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
