"""Issue 12: the sample and step labels of Andrew Ng's notes (𝐱^{(i)}, a^{⟨t⟩}) and a model named
with its parameters (f_{𝐰,b}) — read with their ordinary meaning, each reading said."""

from __future__ import annotations

import numpy as np

from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate

rng = np.random.default_rng(14)

COST = "$$J(w,b) = \\frac{1}{2m} \\sum\\limits_{i = 0}^{m-1} (w x^{(i)} + b - y^{(i)})^2$$\n"
MODEL = "$$ f_{\\mathbf{w},b}(\\mathbf{x}) = \\mathbf{w} \\cdot \\mathbf{x} + b $$\n\n"
VECTOR_COST = "$$J(\\mathbf{w},b) = \\frac{1}{2m} \\sum\\limits_{i = 0}^{m-1} " \
              "(f_{\\mathbf{w},b}(\\mathbf{x}^{(i)}) - y^{(i)})^2$$\n"


def read(text: str):
    return read_equation_file("eq.tex", text)


def readings(f) -> list[str]:
    """The keys of the readings said (ambiguous-notation infos)."""
    out = []
    for d in f.diagnostics:
        if d.name == "ambiguous-notation":
            reading = d.params.get("reading")
            out.append(getattr(reading, "phrase", str(reading)))
    return out


def test_undeclared_samples_under_a_sum_are_entries_of_vectors():
    f = read(COST)
    eq = f.main
    assert eq is not None and eq.checkable
    shapes = {s.name: len(s.shape) for s in eq.inputs}
    assert {k: shapes[k] for k in ("w", "x", "b", "y")} == {"w": 0, "x": 1, "b": 0, "y": 1}
    x, y = rng.normal(size=5), rng.normal(size=5)
    got = evaluate(eq, {"w": 0.7, "x": x, "b": -0.2, "y": y}, {"m": 5})
    assert np.isclose(float(got), np.sum((0.7 * x - 0.2 - y) ** 2) / 10)
    assert readings(f).count("read-sample-entry-inferred") == 2  # said, for x and y


def test_a_symbol_also_written_alone_keeps_its_label():
    # y also appears by itself: y^{(i)} is not read as its entry (stays a value of its own)
    f = read("$$ z = y + \\sum_{i=1}^{n} y^{(i)} $$")
    assert "read-sample-entry-inferred" not in readings(f)


def test_model_named_with_its_parameters_is_a_function_the_cost_applies():
    f = read(MODEL + VECTOR_COST)
    model, cost = f.equations
    assert model.checkable and model.key == "f_wb"
    assert cost.checkable and f.main is cost
    shapes = {s.name: len(s.shape) for s in cost.inputs}
    # 𝐱^{(i)}: row i of the samples x
    assert {k: shapes[k] for k in ("w", "b", "x", "y")} == {"w": 1, "b": 0, "x": 2, "y": 1}
    x, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
    sizes = {"m": 6, "n_w2": 3}
    got = evaluate(cost, {"w": w, "b": 0.4, "x": x, "y": y}, sizes)
    assert np.isclose(float(got), np.sum((x @ w + 0.4 - y) ** 2) / 12)
    assert "read-bold-item-row" in readings(f)


def test_scalar_model_with_parameter_subscripts():
    f = read("$$f_{w,b}(x^{(i)}) = wx^{(i)} + b$$\n\n" + COST.replace("w x^{(i)} + b", "f_{w,b}(x^{(i)})"))
    assert [e.checkable for e in f.equations] == [True, True]


def test_time_step_in_angle_brackets_is_a_label():
    for latex in ("a^{\\langle t \\rangle} = \\tanh(W_{ax} x^{\\langle t \\rangle} "
                  "+ W_{aa} a^{\\langle t-1 \\rangle} + b_a)",
                  "a^{<t>} = \\tanh(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a)"):
        f = read(f"$${latex}$$\n")
        eq = f.main
        assert eq is not None and eq.checkable, [d.params for d in f.diagnostics]
        assert eq.key == "a^(t)"
        assert {s.name for s in eq.inputs} >= {"a__t_prev", "x__t"}


def test_angle_brackets_alone_stay_an_average():
    f = read("$$ m = \\langle x \\rangle $$\n")
    assert f.main is None or not f.main.checkable
