"""End to end (issue 12, helper en15): learners' NumPy code for equations written in the generic
notation classes of English teaching material — a sum without a range over the data and its mean,
the indicator written with braces — passes when right and fails when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import passes_and_wrongs_fail


def test_total_sum_of_squares_without_a_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    right = "import numpy as np\n\ndef sst(y):\n    return np.sum((y - np.mean(y)) ** 2)\n"
    wrongs = ["import numpy as np\n\ndef sst(y):\n    return np.sum((y - np.mean(y)) ** 2) / len(y)\n",
              "import numpy as np\n\ndef sst(y):\n    return np.sum(y - np.mean(y)) ** 2\n"]
    passes_and_wrongs_fail(tmp_path, capsys, r"SST = \sum (y - \bar{y})^2", right, wrongs)


def test_softmax_loss_with_the_indicator_in_braces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{K} 1\{y^{(i)} = j\} \log p^{(i)}_j"
    right = ("import numpy as np\n\ndef loss(y, p):\n"  # labels as code counts them, from 0
             "    m = len(y)\n    return -np.mean(np.log(p[np.arange(m), y.astype(int)]))\n")
    wrongs = ["import numpy as np\n\ndef loss(y, p):\n    return -np.mean(np.log(p).sum(axis=1))\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_a_model_named_then_its_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"\hat{y} = f(\mathbf{x}) = \mathbf{w}^\top \mathbf{x} + b"
    right = "import numpy as np\n\ndef predict(w, x, b):\n    return w @ x + b\n"
    wrongs = ["import numpy as np\n\ndef predict(w, x, b):\n    return w @ x - b\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)
