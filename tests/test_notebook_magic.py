"""`%load_ext eq2code` and `%%eq2code` (issue 17), run in a real kernel: a notebook is executed
with nbclient + ipykernel, as Jupyter runs it, and the outputs of its cells are read.

The kernel is told the notebook's path the way JupyterLab tells it (`JPY_SESSION_NAME` →
`__session__`), so a bare `%%eq2code` finds the math of the Markdown cell above.
"""

from __future__ import annotations

import json
import os
import sys
import time

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("IPython")

SOFTMAX = r"\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}"
WRONG = """%%eq2code --lang ja
def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    s = np.mean(e, axis=-1, keepdims=True)
    return e / s"""
RIGHT = """%%eq2code softmax --lang en
def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)"""


def _run(tmp_path, cells):
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
                for kind, src in cells]
    path = tmp_path / "lecture.ipynb"
    nbformat.write(nb, path)  # saved, as Jupyter saves it: the magic reads the Markdown cell from it
    spec = tmp_path / "kernels" / "eq2code-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "eq2code test", "language": "python"}), encoding="utf-8")
    km = KernelManager(kernel_name="eq2code-test",
                       kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")]))
    client = NotebookClient(nb, km=km, timeout=120, resources={"metadata": {"path": str(tmp_path)}})
    env = {**os.environ, "JPY_SESSION_NAME": str(path), "LANG": "C.UTF-8"}
    started = time.monotonic()
    client.execute(env=env)
    print(f"\nnotebook with {len(cells)} cells executed in {time.monotonic() - started:.1f} s")
    return nb


def _outputs(cell, mime):
    return [o["data"][mime] for o in cell.outputs if o.get("output_type") in ("display_data", "execute_result")
            and mime in o.get("data", {})]


def test_magic_in_a_real_kernel(tmp_path):
    nb = _run(tmp_path, [
        ("code", "%load_ext eq2code"),
        ("code", "import numpy as np"),
        ("md", f"ソフトマックス関数:\n\n$$\n{SOFTMAX}\n$$"),
        ("code", WRONG),
        ("code", RIGHT),
        ("code", "round(float(softmax(np.array([1.0, 2.0, 3.0])).sum()), 6)"),
        ("code", "%%eq2code --eq '\\sigma(x) = \\frac{1}{1 + e^{-x}}'\n"
                 "def sigmoid(x):\n    return 1 / (1 + np.exp(x))"),
    ])
    wrong, right, used, sigmoid = nb.cells[3], nb.cells[4], nb.cells[5], nb.cells[6]
    # the wrong cell: the equation (from the Markdown cell above) for the notebook's math display,
    # then the verdict with the faulty line of the cell highlighted, in Japanese
    (math,) = _outputs(wrong, "text/markdown")
    assert math.startswith("$$") and SOFTMAX in math
    (page,) = _outputs(wrong, "text/html")
    assert 'data-verdict="fail"' in page and 'data-name="sum-vs-mean"' in page
    hit = page.split('eq2code-hit" data-line="')[1]
    assert hit.startswith("4\"") and "np.mean" in hit.split("</tr>")[0]  # line 4 of the cell
    assert page.count("eq2code-hit") == 1
    text = "".join(_outputs(wrong, "text/plain"))
    assert "不合格" in text and "セルの 4 行目" in text and "Markdown セル 3" in text
    # the right cell passes, against the rule named on the magic's line
    (page,) = _outputs(right, "text/html")
    assert 'data-verdict="pass"' in page and "rule softmax" in page
    assert "eq2code-hit" not in page
    # the cells ran as usual: the function is defined in the kernel
    assert _outputs(used, "text/plain") == ["1.0"]
    # --eq: the sign error of sigmoid on its line
    (page,) = _outputs(sigmoid, "text/html")
    assert 'data-verdict="fail"' in page and 'eq2code-hit" data-line="3"' in page


def test_magic_without_a_notebook_file_uses_the_latex_cell_before(tmp_path):
    """Front ends that do not tell the kernel the notebook (Colab): a `%%latex` cell run before."""
    nb = _run(tmp_path, [
        ("code", "%load_ext eq2code.notebook"),
        ("code", "import numpy as np"),
        ("code", "get_ipython().user_ns.pop('__session__', None)"),
        ("code", f"%%latex\n$${SOFTMAX}$$"),
        ("code", WRONG.replace(" --lang ja", "")),
        ("code", "%%eq2code --function nothing_here softmax\nx = 1"),
        ("code", "%%eq2code --bogus\nx = 1"),
    ])
    (page,) = _outputs(nb.cells[4], "text/html")
    assert 'data-verdict="fail"' in page and "%%latex cell" in page
    (page,) = _outputs(nb.cells[5], "text/html")  # no such function: an error, said in the output
    assert 'data-verdict="error"' in page
    (text,) = _outputs(nb.cells[6], "text/plain")
    assert text.startswith("%%eq2code: unknown options: --bogus")
