"""`eq2code check notes.md`: math blocks paired with the Python that follows them, scripts
turned into functions, findings on the lines of the .md file (documents.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eq2code.equation.semantics import read_equation_file
from eq2code.project.config import Config
from eq2code.project.documents import SCRIPT_FUNCTION, document_pairs, generate, read_markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "examples" / "documents"


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if needle in line)


def test_lecture_style_script_passes(run_json):
    code, doc = run_json("check", DOCS / "softmax-correct.md")
    assert code == 0, doc
    (check,) = doc["checks"]
    assert check["verdict"] == "pass" and check["function"] == "<script probs>"
    assert check["implementation"].endswith("softmax-correct.md")
    assert not [d for d in doc["diagnostics"] if d["severity"] == 1]


def test_wrong_denominator_fails_on_its_line(run_json, run_cli):
    path = DOCS / "softmax-wrong.md"
    text = path.read_text(encoding="utf-8")
    code, doc = run_json("check", path)
    assert code == 1
    (check,) = doc["checks"]
    assert check["verdict"] == "fail"
    errors = [d for d in doc["diagnostics"] if d["severity"] == 1]
    assert errors and all(d["path"].endswith("softmax-wrong.md") for d in errors)
    line = _line_of(text, "np.sum(logits)")
    assert errors[0]["range"]["start"]["line"] == line
    # the related location is the math block, in the same file
    related = errors[0]["relatedInformation"][0]["location"]
    assert related["uri"].endswith("softmax-wrong.md") and related["range"]["start"]["line"] == _line_of(
        text, r"\mathrm{softmax}")
    code, out, _ = run_cli("check", path)
    assert f"softmax-wrong.md:{line + 1}:26: EQ202" in out  # at `np.sum(logits)`
    assert "probs = np.exp(logits) / np.sum(logits)" in out  # the source line is shown


def test_script_becomes_a_function_on_the_same_lines():
    text = "# T\n\n```math\n\\mathrm{softmax}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}\n```\n\n" \
           "```python\nimport numpy as np\nscores = np.array([1.0, 2.0]); n = 3\nscale = 2.0\n" \
           "probs = np.exp(scores) / np.exp(scores).sum()\n```\n"
    doc = read_markdown("t.md", text)
    (pair,) = document_pairs_from(doc, text)
    eq = read_equation_file("t.md", pair.docstring_text).main
    gen = generate(pair.snippet, eq, {}, {}, None, None, ())
    lines = gen.text.split("\n")
    assert lines[6] == f"def {SCRIPT_FUNCTION}(scores):"  # the ```python fence line
    assert lines[8].startswith("    pass") and "n = 3" in lines[8]  # the constant gave way to the parameter
    assert lines[9] == "    scale = 2.0"  # a constant that is no input stays
    assert lines[11] == "    return probs"  # on the closing fence
    assert gen.output_range.start.line == 10


def document_pairs_from(doc, text):
    import tempfile

    folder = Path(tempfile.mkdtemp())
    path = folder / doc.path
    path.write_text(text, encoding="utf-8")
    return document_pairs(path, Config(root=folder))


def test_equation_error_points_into_the_markdown(run_json, tmp_path):
    text = "Broken:\n\n$$\nf(x) = \\frac{x}{\n$$\n\n```python\ndef f(x):\n    return x\n```\n"
    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")
    code, doc = run_json("check", path)
    assert code == 1
    (d,) = [d for d in doc["diagnostics"] if d["data"]["name"] == "latex-syntax"]
    assert d["path"].endswith("broken.md") and d["range"]["start"]["line"] == 3


MIXED = r"""# Notes

```python
import numpy as np

def helper(v):
    return v - v.max()
```

1. The equation

   ```math {#temp}
   \mathrm{softmax}(\mathbf{z}; T)_i = \frac{\exp(z_i / T)}{\sum_{j=1}^{K}\exp(z_j / T)}
   ```

2. Inputs, then the output in another block:

   ```python
   z = np.array([1.0, 2.0, 3.0]); T = 0.5
   ```

```python
e = np.exp(helper(z) / T)
p = e / np.mean(e)
```

A function checked against a shipped rule:

```python
# eq2code: rule=sigmoid
def sig(x):
    return 1 / (1 + np.exp(x))
```

One that names the math block above:

```python
# eq2code: eq=temp
def softmax_t(z, T):
    return np.exp(z / T) / np.sum(np.exp(z / T))
```

```python
# eq2code: eq=nowhere
def lost(x):
    return x
```

$$
% eq2code: skip
a^2 + b^2 = c^2
$$

```python
c = 5
```
"""


def test_functions_scripts_tags_and_labels(run_json, tmp_path):
    path = tmp_path / "mixed.md"
    path.write_text(MIXED, encoding="utf-8")
    code, doc = run_json("check", path)
    assert code == 1
    verdicts = {(c["function"], c["rule"]): c["verdict"] for c in doc["checks"]}
    assert verdicts == {("<script p>", None): "fail", ("sig", "sigmoid"): "fail", ("softmax_t", None): "pass",
                        (None, None): "error"}
    by_name = {d["data"]["name"]: d for d in doc["diagnostics"]}
    # the script spans two blocks; its mistake is on the line of the second block
    mean = by_name["sum-vs-mean"]
    line = _line_of(MIXED, "p = e / np.mean(e)")
    assert mean["range"]["start"]["line"] == line
    assert mean["range"]["start"]["character"] == MIXED.split("\n")[line].index("np.mean")
    sign = by_name["sign-error"]
    assert sign["range"]["start"]["line"] == _line_of(MIXED, "return 1 / (1 + np.exp(x))")
    assert sign["relatedInformation"][0]["location"]["uri"].endswith("rules/sigmoid.tex")
    assert by_name["equation-file"]["range"]["start"]["line"] == _line_of(MIXED, "eq=nowhere")


def test_indented_fence_columns(run_json, tmp_path):
    text = ("- item\n\n  ```math\n  \\|\\mathbf{x}\\|_1 = \\sum_{i=1}^{n} |x_i|\n  ```\n\n"
            "  ```python\n  x = [1.0, -2.0]\n  norm = np.sum(x)\n  ```\n")
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    code, doc = run_json("check", path)
    assert code == 1
    errors = [d for d in doc["diagnostics"] if d["severity"] == 1]
    line = _line_of(text, "norm = np.sum(x)")
    assert errors and errors[0]["range"]["start"]["line"] == line
    assert errors[0]["range"]["start"]["character"] >= 2  # the fence's indentation is kept


def test_suppression_in_markdown(run_json, tmp_path):
    text = (DOCS / "softmax-wrong.md").read_text(encoding="utf-8").replace(
        "np.sum(logits)\n", "np.sum(logits)  # eq2code: ignore[numeric-mismatch, sign-error]\n")
    path = tmp_path / "s.md"
    path.write_text(text, encoding="utf-8")
    code, doc = run_json("check", path)
    names = [d["data"]["name"] for d in doc["diagnostics"]]
    assert "numeric-mismatch" not in names
    unused = [d for d in doc["diagnostics"] if d["data"]["name"] == "unused-suppression"]
    assert len(unused) == 1 and "sign-error" in unused[0]["message"]
    assert code == 0  # the check failed, but its only error is suppressed; the unused one is a warning


def test_two_documents_on_the_command_line(run_json):
    code, doc = run_json("check", DOCS / "softmax-wrong.md", DOCS / "softmax-correct.md")
    assert code == 1
    assert sorted(c["verdict"] for c in doc["checks"]) == ["fail", "pass"]


def test_markdown_without_pairs(run_cli, tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Just prose\n\n$$x = 1$$\n\nNo code.\n", encoding="utf-8")
    code, _out, err = run_cli("check", path)
    assert code == 0 and "no equation" in err


@pytest.mark.parametrize("info", ["python", "py", "{python}", "{.python}", "python title=\"x.py\""])
def test_fence_languages(info):
    text = f"```math\nx = y\n```\n\n```{info}\nx = 1\n```\n"
    doc = read_markdown("t.md", text)
    assert [type(i).__name__ for i in doc.items] == ["MathUnit", "CodeBlock"]


# ----------------------------------------------------------------------------- code first, then the formula


def test_code_before_the_math_is_paired_with_it(run_json, run_cli):
    code, doc = run_json("check", DOCS / "softmax-code-first.md")
    assert code == 0, doc
    (check,) = doc["checks"]
    assert check["verdict"] == "pass" and check["function"] == "<script probs>"
    assert check["pairing"] == "code-before-math"  # the report says which pairing was made
    path = DOCS / "softmax-code-first-wrong.md"
    text = path.read_text(encoding="utf-8")
    code, doc = run_json("check", path)
    assert code == 1 and doc["checks"][0]["verdict"] == "fail"
    errors = [d for d in doc["diagnostics"] if d["severity"] == 1]
    assert errors[0]["range"]["start"]["line"] == _line_of(text, "np.sum(logits)")
    related = errors[0]["relatedInformation"][0]["location"]
    assert related["range"]["start"]["line"] == _line_of(text, r"\mathrm{softmax}")
    _, out, _ = run_cli("check", path, "--lang", "en")
    assert "paired with the math after it" in out


def test_math_before_code_keeps_priority(tmp_path):
    math = "```math\n\\mathrm{softmax}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}\n```\n\n"
    code_a = "```python\nimport numpy as np\nz = np.array([1.0, 2.0])\nfirst = np.exp(z) / np.exp(z).sum()\n```\n\n"
    code_b = "```python\nimport numpy as np\nz = np.array([1.0, 2.0])\nsecond = np.exp(z) / np.exp(z).sum()\n```\n\n"
    # code, math, code: the math takes the code after it; the code before it pairs with nothing
    text = code_a + math + code_b
    (path := tmp_path / "a.md").write_text(text, encoding="utf-8")
    (pair,) = document_pairs(path, Config(root=tmp_path))
    assert pair.snippet.pairing is None and "second" in "\n".join(pair.snippet.blocks[0].lines)
    # code, math: paired, code first
    (path := tmp_path / "b.md").write_text(code_a + "この裏にある数式:\n\n" + math, encoding="utf-8")
    (pair,) = document_pairs(path, Config(root=tmp_path))
    assert pair.snippet.pairing == "code-before-math"
    # a skipped math unit's code still pairs with nothing, also not with the math after it
    skipped = "```math\n% eq2code: skip\nx = 1\n```\n\n"
    (path := tmp_path / "c.md").write_text(skipped + code_a + math, encoding="utf-8")
    assert document_pairs(path, Config(root=tmp_path)) == []
