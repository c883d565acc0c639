"""End to end (issue 12, helper en16a): learners' NumPy code for equations written in notation
classes of English teaching material — sums over the items that satisfy a condition, a position
compared with an argmin's, primed names, arithmetic of acronyms, cases without `&` — passes when
right and fails when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import passes_and_wrongs_fail


def test_class_means_over_the_items_with_each_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"\mathbf{c}_k = \frac{1}{m_k} \sum_{i : t_i = k} \mathbf{a}_i"
    right = ("import numpy as np\n\ndef centres(a, t, m):\n"  # labels as code counts them, from 0
             "    return np.stack([a[t == k].sum(axis=0) / m[k] for k in range(len(m))])\n")
    wrongs = ["import numpy as np\n\ndef centres(a, t, m):\n"
              "    return np.stack([a.sum(axis=0) / m[k] for k in range(len(m))])\n",
              "import numpy as np\n\ndef centres(a, t, m):\n"
              "    return np.stack([a[t != k].sum(axis=0) / m[k] for k in range(len(m))])\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_a_sum_over_the_items_above_a_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"e = \sum_{b < v_i} (v_i - b)"
    right = "import numpy as np\n\ndef excess(b, v):\n    return np.sum(np.where(v > b, v - b, 0.0))\n"
    wrongs = ["import numpy as np\n\ndef excess(b, v):\n    return np.sum(v - b)\n",
              "import numpy as np\n\ndef excess(b, v):\n    return np.sum(np.where(v < b, v - b, 0.0))\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_nearest_centre_assignment_as_one_hot_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = (r"a_{ik} = \begin{cases} 1 & \text{if } k = \arg\min_j \|\mathbf{p}_i - \mathbf{c}_j\|^2 \\"
             r" 0 & \text{otherwise} \end{cases}")
    right = ("import numpy as np\n\ndef assign(p, c):\n"
             "    d = ((p[:, None, :] - c[None, :, :]) ** 2).sum(axis=-1)\n"
             "    return np.eye(len(c))[d.argmin(axis=1)]\n")
    wrongs = ["import numpy as np\n\ndef assign(p, c):\n"
              "    d = ((p[:, None, :] - c[None, :, :]) ** 2).sum(axis=-1)\n"
              "    return np.eye(len(c))[d.argmax(axis=1)]\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_cross_entropy_with_a_primed_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"H = -\sum_j t'_j \log(q_j)"
    right = "import numpy as np\n\ndef xent(t_prime, q):\n    return -np.sum(t_prime * np.log(q))\n"
    wrongs = ["import numpy as np\n\ndef xent(t_prime, q):\n    return -np.sum(q * np.log(t_prime))\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_softmax_of_dot_products_over_a_primed_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"P_{ab} = \frac{\exp(u_a \cdot u_b)}{\sum_{a'} \exp(u_a' \cdot u_b)}"
    right = ("import numpy as np\n\ndef prob(u):\n    e = np.exp(u @ u.T)\n"
             "    return e / e.sum(axis=0, keepdims=True)\n")
    wrongs = ["import numpy as np\n\ndef prob(u):\n    e = np.exp(u @ u.T)\n"
              "    return e / e.sum(axis=1, keepdims=True)\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_a_rate_of_counts_written_as_acronyms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"\text{recall} = \frac{\text{TP}}{\text{TP + FN}}"
    right = "def recall(TP, FN):\n    return TP / (TP + FN)\n"
    wrongs = ["def recall(TP, FN):\n    return TP / (TP - FN)\n", "def recall(TP, FN):\n    return FN / (TP + FN)\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_a_smooth_loss_written_with_math_letter_conditions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = (r"\ell = \left\{\begin{matrix} \frac{1}{2} r^2 & if |r| \le c \\ c (|r| - \frac{1}{2} c) & otherwise"
             r" \end{matrix}\right.")
    right = ("import numpy as np\n\ndef loss(r, c):\n"
             "    return np.where(np.abs(r) <= c, 0.5 * r ** 2, c * (np.abs(r) - 0.5 * c))\n")
    wrongs = ["import numpy as np\n\ndef loss(r, c):\n    return 0.5 * r ** 2\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


def test_a_margin_loss_written_as_a_positive_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latex = r"J = \sum_{i=1}^{m} \left[ d_i - e_i + \alpha \right]_+"
    right = "import numpy as np\n\ndef margin(d, e, alpha):\n    return np.sum(np.maximum(d - e + alpha, 0.0))\n"
    wrongs = ["import numpy as np\n\ndef margin(d, e, alpha):\n    return np.sum(d - e + alpha)\n"]
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)
