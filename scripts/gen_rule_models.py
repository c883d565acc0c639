"""Write rules/models.json: every shipped rule read as eq2code reads it, in the equation cache's
JSON form, with the digest of eq2code's source it was read with (equation/shipped.py).

    python scripts/gen_rule_models.py

Run it after a change of the reading code (tests/test_shipped_models.py says when); until then
the shipped rules are simply read at the first check, as any other equation file.
"""

from __future__ import annotations

import json
from pathlib import Path

from eq2code.equation.cache import _to_json
from eq2code.equation.semantics import read_equation_file
from eq2code.equation.shipped import MODELS_FILE, source_digest, text_key
from eq2code.equation.source import normalise

RULES = Path(__file__).resolve().parent.parent / "rules"


def models() -> dict[str, object]:
    out: dict[str, object] = {}
    for path in sorted(RULES.glob("*.tex")):
        text = normalise(path.read_text(encoding="utf-8"))
        out[text_key(text)] = _to_json(read_equation_file(str(path), text))
    return out


def main() -> None:
    data = {"digest": source_digest(), "models": models()}
    target = RULES / MODELS_FILE
    target.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(data['models'])} rules)")


if __name__ == "__main__":
    main()
