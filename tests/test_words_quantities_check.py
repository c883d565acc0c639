"""Quantities said in words (D31), end to end: code of a metric written in words passes, wrong code fails."""

from __future__ import annotations

from check_helpers import passes_and_wrongs_fail

RATE = r"\text{Recall} = \frac{\text{number of true positives}}{\text{number of actual positives}}"


def test_code_of_a_metric_in_words_passes_and_wrong_code_fails(tmp_path, capsys):
    right = "def recall(tp, actual):\n    return tp / actual\n"
    wrongs = ["def recall(tp, actual):\n    return tp / (actual + 1)\n",
              "def recall(tp, actual):\n    return tp * actual\n"]
    passes_and_wrongs_fail(tmp_path, capsys, RATE, right, wrongs)
