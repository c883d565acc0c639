"""Median parse-and-compile time per lecture block (warm process), for the closing notes.

    python scripts/time_lecture.py [tests/data/lecture-equations.tex]
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from eq2code.equation.latex.parser import parse_math
from eq2code.equation.semantics import read_equation_file


def blocks(path: Path) -> dict[int, str]:
    parts = re.split(r"^% block (\d+)\n", path.read_text(encoding="utf-8"), flags=re.M)
    return {int(parts[i]): parts[i + 1].strip() for i in range(1, len(parts), 2)}


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/lecture-equations.tex")
    b = blocks(path)
    for text in b.values():  # warm up: imports, grammar tables
        read_equation_file("warm.tex", text)
    parse_ms, full_ms = [], []
    for n, text in b.items():
        runs_p, runs_f = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            try:
                parse_math(text)
            except Exception:
                pass
            t1 = time.perf_counter()
            read_equation_file(f"block{n}.tex", text)
            t2 = time.perf_counter()
            runs_p.append((t1 - t0) * 1000)
            runs_f.append((t2 - t1) * 1000)
        parse_ms.append(statistics.median(runs_p))
        full_ms.append(statistics.median(runs_f))
    print(f"{len(b)} blocks; median per block: parse {statistics.median(parse_ms):.2f} ms, "
          f"parse+meaning+SymPy+compile {statistics.median(full_ms):.2f} ms; "
          f"slowest block {max(full_ms):.1f} ms")


if __name__ == "__main__":
    main()
