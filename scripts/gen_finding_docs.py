"""Write docs/findings/<name>.md for every finding (one page each: what, why, example, fix).

Usage: python scripts/gen_finding_docs.py [OUT_DIR]   (default: docs/findings next to this script)

The pages come from the finding definitions (`src/eq2code/findings/definitions/`, through
`eq2code.findings.docs`; English and Japanese) and the example gallery
(`examples/`); rerun after changing either. An index page lists every finding by group.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eq2code.findings.docs import render_markdown  # noqa: E402
from eq2code.findings.messages import title  # noqa: E402
from eq2code.findings.model import KINDS  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "findings"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in KINDS:
        path = out / f"{name}.md"
        path.write_text(render_markdown(name), encoding="utf-8")
        written.append(path)
    index = ["# Findings", "", "Every finding eq2code reports, one page each (`eq2code docs NAME_OR_CODE` prints "
             "the same text; add `--lang ja` for Japanese).", ""]
    groups: dict[str, list] = {}
    for k in sorted(KINDS.values(), key=lambda k: k.code):
        groups.setdefault(k.group, []).append(k)
    for group, kinds in groups.items():
        index += [f"## {group}", "", "| code | name | severity | title | 日本語 |", "|---|---|---|---|---|"]
        index += [f"| {k.code} | [{k.name}]({k.name}.md) | {k.severity.label} | {title(k.name, 'en')} | "
                  f"{title(k.name, 'ja')} |" for k in kinds]
        index.append("")
    (out / "README.md").write_text("\n".join(index), encoding="utf-8")
    print(f"wrote {len(written)} pages and README.md to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
