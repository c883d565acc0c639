"""`eq2code check notes.ipynb`: a markdown cell's `$$ … $$` and the code cells after it,
checked like Markdown; positions are a cell (1-based, all cells counted) and a line in it."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook  # noqa: E402

from eq2code.base.cells import shown_path, split_cell_path  # noqa: E402
from eq2code.project.documents import read_notebook  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "examples" / "documents"


def _write(path: Path, cells: list) -> Path:
    nb = new_notebook()
    nb.cells = cells
    nbformat.write(nb, str(path))
    return path


def test_correct_notebook_passes(run_json):
    code, doc = run_json("check", DOCS / "softmax-correct.ipynb")
    assert code == 0
    (check,) = doc["checks"]
    assert check["verdict"] == "pass" and check["function"] == "<script probs>"
    assert check["equation"].endswith("softmax-correct.ipynb#cell=1")


def test_wrong_notebook_fails_with_cell_positions(run_json, run_cli):
    path = DOCS / "softmax-wrong.ipynb"
    code, doc = run_json("check", path)
    assert code == 1
    errors = [d for d in doc["diagnostics"] if d["severity"] == 1]
    assert errors
    d = errors[0]
    assert d["path"].endswith("softmax-wrong.ipynb") and d["uri"].endswith("softmax-wrong.ipynb")
    assert d["data"]["cell"] == 4 and d["range"]["start"]["line"] == 0  # `probs = …` opens cell 4
    related = d["relatedInformation"][0]
    assert related["cell"] == 1 and related["location"]["range"]["start"]["line"] == 5  # the $$ body
    code, out, _ = run_cli("check", path)
    assert "softmax-wrong.ipynb:cell 4:1:26: EQ202" in out  # at `np.sum(logits)`
    assert "probs = np.exp(logits) / np.sum(logits)" in out  # the cell's line is shown
    code, out, _ = run_cli("check", path, "--format", "concise")
    assert "softmax-wrong.ipynb:cell 4:1:26: EQ202 [error] numeric-mismatch" in out


@pytest.mark.parametrize("name", ["softmax-correct", "softmax-wrong"])
def test_notebook_and_markdown_agree(run_json, name):
    _, md = run_json("check", DOCS / f"{name}.md")
    _, nb = run_json("check", DOCS / f"{name}.ipynb")
    assert [c["verdict"] for c in md["checks"]] == [c["verdict"] for c in nb["checks"]]
    assert sorted(d["data"]["name"] for d in md["diagnostics"]) == sorted(d["data"]["name"] for d in nb["diagnostics"])


def test_function_cells_magics_and_equation_errors(run_json, tmp_path):
    path = _write(tmp_path / "nb.ipynb", [
        new_markdown_cell("# Sigmoid\n\n$$\n\\sigma(x) = \\frac{1}{1 + e^{-x}}\n$$"),
        new_code_cell("%matplotlib inline\nimport numpy as np\n!echo hi"),
        new_code_cell("def sigmoid(x):\n    return 1 / (1 + np.exp(x))"),
        new_markdown_cell("Broken:\n\n$$\nf(x) = \\frac{x}{\n$$"),
        new_code_cell("def f(x):\n    return x"),
        new_code_cell("%%bash\necho not python"),
    ])
    code, doc = run_json("check", path)
    assert code == 1
    by_name = {d["data"]["name"]: d for d in doc["diagnostics"]}
    sign = by_name["sign-error"]
    assert sign["data"]["cell"] == 3 and sign["range"]["start"]["line"] == 1
    latex = by_name["latex-syntax"]
    assert latex["data"]["cell"] == 4 and latex["range"]["start"]["line"] == 3


def test_suppression_in_a_cell(run_json, tmp_path):
    path = _write(tmp_path / "s.ipynb", [
        new_markdown_cell("$$\n\\sigma(x) = \\frac{1}{1 + e^{-x}}\n$$"),
        new_code_cell("import numpy as np"),
        new_code_cell("def sigmoid(x):\n    return 1 / (1 + np.exp(x))  # eq2code: ignore[sign-error]"),
    ])
    code, doc = run_json("check", path)
    assert code == 0, doc["diagnostics"]
    assert not [d for d in doc["diagnostics"] if d["data"]["name"] == "sign-error"]


def test_virtual_text_and_paths():
    text = (DOCS / "softmax-wrong.ipynb").read_text(encoding="utf-8")
    doc = read_notebook("n.ipynb", text)
    assert [c[2] for c in doc.cells] == [1, 2, 3, 4, 5]
    first, _count, _number = doc.cells[3]
    assert doc.locate(first) == ("n.ipynb#cell=4", 0)
    assert split_cell_path("a/n.ipynb#cell=12") == ("a/n.ipynb", 12)
    assert shown_path("a/n.ipynb#cell=12") == "a/n.ipynb:cell 12"


def test_unreadable_notebook_is_a_finding(run_json, tmp_path):
    path = tmp_path / "bad.ipynb"
    path.write_text("{not json", encoding="utf-8")
    code, doc = run_json("check", path)
    assert code == 1
    assert doc["diagnostics"][0]["data"]["name"] == "equation-file"
