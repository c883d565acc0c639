"""Time `eq2code check examples/` in one run against one `eq2code` run per pair (issue 7).

Usage: python scripts/time_batch.py [--jobs N ...] [--repeat R]

The per-pair runs use the pairs the one run found (`eq2code check --rule RULE FILE`, or
`EQ_FILE FILE`), one process each, one after another — what a shell loop or a naive CI
script does. The equation cache is warmed first, so both sides read equations from it.
Prints wall-clock seconds; the exit status of every run is ignored (wrong examples fail).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQ2CODE = [sys.executable, "-m", "eq2code.cli.main"]


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(EQ2CODE + args, cwd=ROOT, capture_output=True, text=True)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, os.cpu_count() or 1])
    ap.add_argument("--repeat", type=int, default=1)
    opts = ap.parse_args()
    doc = json.loads(run(["check", "examples", "--format", "json"]).stdout)  # also warms the cache
    checks = doc["checks"]
    print(f"{len(checks)} pairs under examples/, {os.cpu_count()} CPUs")
    for jobs in opts.jobs:
        times = [timed(["check", "examples", "--format", "json", "--jobs", str(jobs)]) for _ in range(opts.repeat)]
        print(f"one run, --jobs {jobs}: {statistics.median(times):.1f} s")
    per_pair = []
    for _ in range(opts.repeat):
        total = 0.0
        for c in checks:
            args = ["check", "--rule", c["rule"], c["implementation"]] if c["rule"] else \
                ["check", c["equation"], c["implementation"]]
            total += timed(args + ["--format", "json"])
        per_pair.append(total)
    print(f"one run per pair ({len(checks)} runs): {statistics.median(per_pair):.1f} s")


if __name__ == "__main__":
    main()
