"""`eq2code explain`: equation parts beside the code that implements them, shapes per line."""

from __future__ import annotations

import shutil
import textwrap

import pytest
from conftest import EXAMPLES, ROOT

RULE = ROOT / "rules" / "attention.tex"
CORRECT = EXAMPLES / "attention" / "correct_matmul.py"


@pytest.fixture
def attention_pair(tmp_path):
    """The attention equation file and the textbook implementation, copied to a tmp dir."""
    eq = tmp_path / "equation.tex"
    shutil.copy(RULE, eq)
    impl = tmp_path / "impl.py"
    shutil.copy(CORRECT, impl)
    return eq, impl


def by_op(doc: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for c in doc["correspondence"]:
        out.setdefault(c["op"], []).append(c)
    return out


def line_of(c: dict) -> int:
    return c["code"]["range"]["start"]["line"] + 1


def test_attention_acceptance_json(run_json, attention_pair):
    eq, impl = attention_pair
    code, doc = run_json("explain", eq, impl)
    assert code == 0
    assert doc["version"] == 1 and doc["function"] == "attention"
    ops = by_op(doc)
    # \sqrt{d_k} ↔ np.sqrt(d_k), K^T ↔ K.T (line 8)
    (sqrt,) = ops["sqrt"]
    assert sqrt["part"] == "\\sqrt{d_{k}}" and sqrt["status"] == "found"
    assert line_of(sqrt) == 8 and sqrt["code"]["text"] == "np.sqrt(d_k)"
    (transpose,) = ops["transpose"]
    assert transpose["part"] == "K^{T}" and line_of(transpose) == 8 and transpose["code"]["text"] == "K.T"
    # the softmax ↔ the exp (line 10) followed by the division by the sum (line 11)
    (softmax,) = ops["softmax"]
    assert softmax["status"] == "found"
    assert softmax["code"]["range"]["start"]["line"] + 1 == 10 and softmax["code"]["range"]["end"]["line"] + 1 == 11
    # QK^T ↔ Q @ K.T, the product with V ↔ the last product
    products = {c["detail"].rsplit(" times ", 1)[1]: c for c in ops["matmul"]}
    assert products["K^{T}"]["code"]["text"] == "Q @ K.T" and line_of(products["K^{T}"]) == 8
    assert products["V"]["code"]["text"] == "weights @ V" and line_of(products["V"]) == 12
    assert all(set(c) >= {"part", "op", "code", "status"} for c in doc["correspondence"])
    assert doc["correspondence"][0]["code"]["path"] == str(impl)
    # shapes in the equation's size names
    shapes = {(s["line"], s["name"]): s["shape"] for s in doc["shapes"]}
    assert shapes[(8, "scores")] == ["n", "m"]
    assert shapes[(10, "weights")] == ["n", "m"]
    assert shapes[(12, "return")] == ["n", "d_v"]
    assert shapes[(7, "d_k")] == []
    assert set(doc["sizes"]) == {"n", "m", "d_k", "d_v"}
    assert len(set(doc["sizes"].values())) == 4


def test_attention_acceptance_text(run_cli, attention_pair):
    eq, impl = attention_pair
    code, out, err = run_cli("explain", eq, impl)
    assert code == 0, err
    lines = out.splitlines()
    row = lambda op, needle: next(line for line in lines if f" {op} " in line and needle in line)  # noqa: E731
    assert "line 8: np.sqrt(d_k)" in row("sqrt", "sqrt{d_{k}}")
    assert "line 8: K.T" in row("transpose", "K^{T}")
    assert "lines 10–11" in row("softmax", "softmax")
    assert "line 12: weights @ V" in row("matmul", ") V")
    assert "  line 8: scores (n, m)" in lines
    assert "  line 12: return (n, d_v)" in lines


def test_explain_with_rule(run_json):
    code, doc = run_json("explain", "--rule", "attention", CORRECT)
    assert code == 0 and doc["rule"] == "attention"
    assert all(c["status"] == "found" for c in doc["correspondence"])
    assert {"line": 12, "name": "return", "shape": ["n", "d_v"]} in doc["shapes"]


@pytest.mark.parametrize("example, missing", [
    ("wrong_missing_scale.py", {"sqrt"}),
    ("wrong_no_value_product.py", {"matmul"}),
    ("correct_einsum_batched.py", set()),
    ("correct_prescaled_query.py", set()),
    ("correct_softmax_helper.py", set()),
])
def test_attention_variants(run_json, example, missing):
    code, doc = run_json("explain", RULE, EXAMPLES / "attention" / example)
    assert code == 0
    assert {c["op"] for c in doc["correspondence"] if c["status"] == "missing"} == missing
    for c in doc["correspondence"]:
        assert (c["code"] is None) == (c["status"] == "missing")


def test_no_value_product_keeps_QK_and_reports_weights_shape(run_json):
    _code, doc = run_json("explain", RULE, EXAMPLES / "attention" / "wrong_no_value_product.py")
    products = {c["detail"].rsplit(" times ", 1)[1]: c for c in by_op(doc)["matmul"]}
    assert products["K^{T}"]["code"]["text"] == "Q @ K.T"
    assert products["V"]["status"] == "missing"
    assert {"line": 9, "name": "return", "shape": ["n", "m"]} in doc["shapes"]


def test_einsum_transpose_is_found_in_the_subscripts(run_json):
    _code, doc = run_json("explain", RULE, EXAMPLES / "attention" / "correct_einsum_batched.py")
    (transpose,) = by_op(doc)["transpose"]
    assert transpose["code"]["note"] == "in the einsum subscripts"


def test_a_crash_keeps_the_correspondence_and_says_where(run_cli):
    code, out, _ = run_cli("explain", RULE, EXAMPLES / "attention" / "wrong_missing_transpose.py")
    assert code == 0
    assert "K^{T}" in out and "— missing" in out
    assert "the run stopped: ValueError" in out and "(line 7)" in out


def test_no_exec_and_japanese(run_cli, attention_pair):
    eq, impl = attention_pair
    code, out, _ = run_cli("explain", eq, impl, "--no-exec", "--lang", "ja")
    assert code == 0
    assert "数式" in out and "コード" in out and "8 行目: np.sqrt(d_k)" in out
    assert "実行していません" in out


def test_usage_errors(run_cli, tmp_path, attention_pair):
    eq, impl = attention_pair
    assert run_cli("explain", impl)[0] == 2
    assert run_cli("explain", eq, tmp_path / "missing.py")[0] == 2
    assert run_cli("explain", "--rule", "no-such-rule", impl)[0] == 2
    code, out, _ = run_cli("explain", eq, impl, "--function", "nope")
    assert code == 1 and "function-not-found" in out


def test_unmapped_function_still_gets_a_correspondence(run_json, tmp_path):
    impl = tmp_path / "impl.py"
    impl.write_text(textwrap.dedent("""
        import numpy as np

        def attention(a, b):
            return np.exp(a @ b.T)
    """), encoding="utf-8")
    code, doc = run_json("explain", RULE, impl)
    assert code == 1
    assert doc["shapes"] == [] and doc["run"]["ran"] is False
    assert any(d["data"]["name"] == "argument-mapping" for d in doc["diagnostics"])
    assert by_op(doc)["transpose"][0]["status"] == "found"
