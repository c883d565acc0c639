"""Notation of real course notes (issue 12): readings of the impl corpus's classes of problem,
each on a small equation written here (not the corpus's quotes)."""

from __future__ import annotations

from unit_support import lower


def _spec(eq, name):
    return next(s for s in eq.inputs if s.name == name)


def test_a_primed_size_name_is_a_size():
    eq = lower(r"Y = X W" "\n\n" r"X \in \mathbb{R}^{n \times d}, \quad W \in \mathbb{R}^{d \times d'}")
    assert _spec(eq, "W").shape == ("d", "d'")
    assert eq.output_shape == ("n", "d'")


def test_a_labelled_capital_beside_declared_arrays_is_a_matrix():
    """S h^{(ℓ)} W^{(ℓ)}: W^{(ℓ)} is undeclared, but a product with declared matrices makes it one."""
    eq = lower(r"h^{(\ell+1)} = S h^{(\ell)} W^{(\ell)}" "\n\n"
               r"S \in \mathbb{R}^{n \times n}, \quad h^{(\ell)} \in \mathbb{R}^{n \times d}")
    w = next(s for s in eq.inputs if s.name.startswith("W"))
    assert w.role == "array" and len(w.shape) == 2 and w.shape[0] == "d"


def test_an_undeclared_capital_beside_a_declared_matrix_is_a_matrix():
    eq = lower(r"Y = A B" "\n\n" r"A \in \mathbb{R}^{n \times n}")
    assert _spec(eq, "B").role == "array"


def test_two_undeclared_capitals_used_alone_too_stay_scalars():
    eq = lower(r"F = \frac{2 P R}{P + R}")
    assert _spec(eq, "P").role == "scalar" and _spec(eq, "R").role == "scalar"


def test_symmetric_spaces_give_square_matrices_drawn_positive_definite():
    import numpy as np

    from eq2code.reference.inputs import make_trials

    eq = lower(r"t = \mathrm{tr}\left(A^{-1}\right)" "\n\n" r"A \in \mathbb{S}_{++}^{d}")
    a = _spec(eq, "A")
    assert a.shape == ("d", "d") and a.space.kind == "spd"
    for t in make_trials(eq, 0):
        m = np.asarray(t.values["A"])
        assert np.allclose(m, np.swapaxes(m, -1, -2)) and np.all(np.linalg.eigvalsh(m) > 0.1)


def test_half_power_of_a_matrix_is_the_matrix_square_root():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"R = \left(A B\right)^{1/2}" "\n\n" r"A, B \in \mathbb{S}_{++}^{d}")
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(2, 3, 3))
    a, b = x @ x.T + np.eye(3), y @ y.T + np.eye(3)
    r = np.asarray(evaluate(eq, {"A": a, "B": b}, {"d": 3}), dtype=float)
    assert np.allclose(r @ r, a @ b)


def test_unreadable_declaration_lines_are_reported_not_dropped():
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("u.tex", "A \\in \\mathbb{Q}_{+++}^{d}\n\n$$ y = A x $$\n")
    assert any(d.name == "latex-syntax" for d in f.diagnostics)
    prose = read_equation_file("u.tex", "where the thing x lives: x \\in \\mathbb{Q}_{+++}\n\n$$ y = A x $$\n")
    assert not prose.diagnostics


def test_a_function_of_an_entry_defines_the_vector_function():
    """Softmin(x_i) = exp(-x_i)/Σ_j exp(-x_j): the input is the vector x, the result has an entry per i."""
    eq = lower(r"\text{Softmin}(x_i) = \frac{\exp(-x_i)}{\sum_j \exp(-x_j)}" "\n\n" r"x \in \mathbb{R}^{n}")
    assert [s.name for s in eq.inputs if s.role != "size"] == ["x"]
    assert eq.output_shape == ("n",)


def test_a_subscripted_function_name_whose_letter_indexes_the_argument_is_an_entry():
    """φ_i(x) = exp(x_i)/Σ_j exp(x_j): i is the entry of φ(x), not part of the name."""
    eq = lower(r"\phi_i(x) = \frac{\exp(x_i)}{\sum_{j} \exp(x_j)}" "\n\n" r"x \in \mathbb{R}^{n}")
    assert eq.key == "phi" and eq.output_shape == ("n",)


def test_division_by_a_vector_is_entry_by_entry():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"w_{t+1} = w_t - \gamma \frac{m_t}{\sqrt{v_t} + \epsilon}" "\n\n"
               r"w_t, m_t \in \mathbb{R}^{d}, \quad v_t \in \mathbb{R}_{>0}^{d}, \quad "
               r"\gamma, \epsilon \in \mathbb{R}_{>0}")
    w, m, v = np.array([1.0, 2.0]), np.array([0.5, -1.0]), np.array([4.0, 9.0])
    got = evaluate(eq, {"w_t": w, "m_t": m, "v_t": v, "gamma": 0.1, "epsilon": 1.0}, {"d": 2})
    assert np.allclose(np.asarray(got, dtype=float).ravel(), w - 0.1 * m / (np.sqrt(v) + 1.0))


def test_the_square_of_a_given_gradient():
    eq = lower(r"v_{t+1} = \alpha v_t + (1 - \alpha) \nabla f(w_t)^2" "\n\n"
               r"w_t, v_t \in \mathbb{R}^{d}, \quad \alpha \in (0,1)")
    assert "grad" in {s.name for s in eq.inputs}
    assert "grad**2" in eq.sympy_text[0]


def test_step_names_and_python_keywords_have_the_spellings_code_uses():
    eq = lower(r"v_t = \eta \nabla_{\theta_{t-1}} J(\theta_{t-1}) + \lambda v_{t-1}" "\n\n"
               r"v_{t-1} \in \mathbb{R}^{d}, \quad \eta, \lambda \in \mathbb{R}_{>0}")
    assert "v_prev" in _spec(eq, "v_t_prev").spellings
    assert "lam" in _spec(eq, "lambda").spellings
    # θ_{t-1} only names where the given gradient is taken: not an input
    assert "theta_t_prev" not in {s.name for s in eq.inputs}


def test_acronyms_are_names_and_the_declared_form_of_a_chain_is_checked():
    eq = lower(r"acc = \frac{\#\text{correct}}{\#\text{all}} = \frac{TP+TN}{TP+TN+FP+FN}" "\n\n"
               r"TP, TN, FP, FN \in \{1, \ldots, 100\}")
    assert eq.key == "acc"
    assert [s.name for s in eq.inputs] == ["TP", "TN", "FP", "FN"]


def test_undeclared_capitals_side_by_side_are_one_name_unless_a_letter_is_used_alone():
    assert {s.name for s in lower(r"r = \frac{TP}{TP + FN}").inputs} == {"TP", "FN"}
    eq = lower(r"r = \frac{1}{NK} \sum_{n=1}^{N} \sum_{k=1}^{K} x_{nk}")
    assert {s.name for s in eq.inputs if s.role != "size"} == {"x"} and "NK" not in {s.name for s in eq.inputs}


def test_a_word_on_the_left_side_names_the_definition():
    eq = lower(r"loss = \sum_t (w x_t - y_t)^2" "\n\n" r"x, y \in \mathbb{R}^{T}, \quad w \in \mathbb{R}")
    assert eq.kind == "definition" and eq.key == "loss"
    assert {s.name for s in eq.inputs if s.role != "size"} == {"w", "x", "y"}


def test_a_primed_left_side_is_a_new_value():
    eq = lower(r"x' = \frac{x - \mu}{\sigma}" "\n\n"
               r"x \in \mathbb{R}^{n}, \quad \mu \in \mathbb{R}, \quad \sigma \in \mathbb{R}_{>0}")
    assert eq.kind == "definition" and [s.name for s in eq.inputs if s.role != "size"] == ["x", "mu", "sigma"]


def test_a_function_of_an_expression_of_an_entry_on_the_left():
    eq = lower(r"\text{softmax}(s_i / \tau) = \frac{\exp(s_i/\tau)}{\sum_j \exp(s_j/\tau)}" "\n\n"
               r"s \in \mathbb{R}^{n}, \quad \tau \in \mathbb{R}_{>0}")
    assert eq.output_shape == ("n",) and {s.name for s in eq.inputs if s.role != "size"} == {"s", "tau"}


def test_a_declared_distribution_with_a_condition_is_its_entry():
    eq = lower(r"H[p] = -\sum_x p(x | \theta)\log p(x |\theta)" "\n\n" r"p \in \Delta^{K-1}")
    assert [s.name for s in eq.inputs if s.role != "size"] == ["p"]


def test_the_probability_of_an_event_is_a_named_value():
    eq = lower(r"\mathbb{P}(D=1\mid w_c, w_o) = \sigma(\boldsymbol{u}_o^\top \boldsymbol{v}_c)" "\n\n"
               r"\boldsymbol{u}_o, \boldsymbol{v}_c \in \mathbb{R}^{d}")
    assert eq.kind == "definition" and {s.name for s in eq.inputs if s.role != "size"} == {"u_o", "v_c"}


def test_one_index_on_a_declared_matrix_is_its_row_and_vectors_sum():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"\theta' = \theta + \rho \sum_n (y_n - \mu_n) x_n" "\n\n"
               r"\theta \in \mathbb{R}^{d}, \quad \rho \in \mathbb{R}_{>0}, \quad y, \mu \in \mathbb{R}^{N}, "
               r"\quad x \in \mathbb{R}^{N \times d}")
    rng = np.random.default_rng(0)
    th, y, mu, x = rng.normal(size=3), rng.normal(size=5), rng.normal(size=5), rng.normal(size=(5, 3))
    got = evaluate(eq, {"theta": th, "rho": 0.5, "y": y, "mu": mu, "x": x}, {"N": 5, "d": 3})
    assert np.allclose(np.asarray(got, dtype=float).ravel(), th + 0.5 * x.T @ (y - mu))


def test_a_small_letter_with_an_index_is_a_row_of_its_declared_capital():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"P = \frac{\exp(\mathbf{u}_c^\top \mathbf{v})}{\sum_{i=1}^{V} \exp(\mathbf{u}_i^\top \mathbf{v})}"
               "\n\n" r"U \in \mathbb{R}^{V \times d}, \quad \mathbf{v} \in \mathbb{R}^{d}, "
               r"\quad c \in \{1, \ldots, V\}")
    assert {s.name for s in eq.inputs if s.role != "size"} == {"U", "v", "c"}
    assert _spec(eq, "c").one_based
    rng = np.random.default_rng(0)
    u, v = rng.normal(size=(4, 3)), rng.normal(size=3)
    got = float(np.asarray(evaluate(eq, {"U": u, "v": v, "c": 2.0}, {"V": 4, "d": 3}), dtype=float))
    e = np.exp(u @ v)
    assert np.isclose(got, e[1] / e.sum())


def test_a_labelled_symbol_is_spelled_without_its_label():
    eq = lower(r"\theta^{(t+1)} = \theta^{(t)} - \eta g" "\n\n" r"\theta^{(t)}, g \in \mathbb{R}^{d}")
    assert "theta" in _spec(eq, "theta__t").spellings


def test_a_note_after_a_space_and_declarations_on_separate_lines():
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("u.tex", "x \\in \\{0,1\\}^{K} \\text{ (one-hot)}, \\quad \\theta \\in \\Delta^{K-1}\n"
                           "b \\in \\mathbb{R}^{K}\n\n$$ L = \\sum_k (x_k \\log \\theta_k + b_k) $$\n")
    eq = f.main
    assert eq is not None and not [d for d in f.diagnostics if d.name != "ambiguous-notation"]
    assert _spec(eq, "x").space.kind == "onehot" and _spec(eq, "b").shape == ("K",)


def test_entries_of_declared_indexed_vectors_and_gates():
    eq = lower(r"p(z_t|z_{t-1}) = \prod_{k=1}^K \prod_{j=1}^K a_{jk}^{z_{t-1,j}\cdot z_{tk}}" "\n\n"
               r"a \in \mathbb{R}_{>0}^{K \times K}, \quad z_{t-1}, z_t \in \{0,1\}^{K}")
    assert {s.name for s in eq.inputs if s.role != "size"} == {"a", "z_t_prev", "z_t"}
    gate = lower(r"f_t = \sigma_g(W x_t + b)" "\n\n" r"W \in \mathbb{R}^{h \times d}, \quad x_t \in \mathbb{R}^{d}, "
                 r"\quad b \in \mathbb{R}^{h}")
    assert "sigmoid" in gate.sympy_text[0]


def test_a_constraint_after_subject_to_is_not_the_main_equation():
    eq = lower(r"p(x|\theta) = \prod_k \theta_k^{x_k} \quad \text{subject to} \quad \sum_k \theta_k = 1" "\n\n"
               r"x \in \{0,1\}^{K}, \quad \theta \in \Delta^{K-1}")
    assert eq.kind == "definition" and eq.output_shape == ()


def test_sign_labels_signed_intervals_and_cosine_similarity():
    import numpy as np

    from eq2code.reference.evaluate import evaluate
    from eq2code.reference.inputs import make_trials

    eq = lower(r"l = \begin{cases} 1-\cos(x_1,x_2) & y=1 \\ \max(0,\cos(x_1,x_2)-m) & y=-1 \end{cases}" "\n\n"
               r"x_1, x_2 \in \mathbb{R}^{d}, \quad y \in \{-1, 1\}, \quad m \in (-1,1)")
    assert _spec(eq, "y").space.kind == "sign" and _spec(eq, "m").space.low == -1.0
    assert {t.values["y"] for t in make_trials(eq, 0) if t.form == "core"} == {-1.0, 1.0}
    a, b = np.array([1.0, 0.0]), np.array([1.0, 1.0])
    got = float(np.asarray(evaluate(eq, {"x_1": a, "x_2": b, "y": 1.0, "m": 0.1}, {"d": 2}), dtype=float))
    assert np.isclose(got, 1 - 1 / np.sqrt(2))


def test_a_size_plus_a_number():
    from eq2code.reference.inputs import make_trials

    eq = lower(r"A = \text{softmax}\left(\frac{Q^\top K}{\sqrt{d_k}}\right)" "\n\n"
               r"Q, K \in \mathbb{R}^{d_k \times (N+1)}")
    assert _spec(eq, "Q").shape == ("d_k", "N+1")
    for t in make_trials(eq, 0):
        q = t.values["Q"]
        assert q.shape[-1] == t.sizes["N"] + 1


def test_a_function_of_the_whole_block_may_take_the_other_rows_inputs():
    from eq2code.code.loader import map_arguments, read_module
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("u.tex", "m, w, g \\in \\mathbb{R}^{d}, \\quad \\beta, \\gamma \\in (0,1)\n\n"
                           "$$ m' = \\beta m + (1 - \\beta) g $$\n\n$$ w' = w - \\gamma m $$\n")
    eq = f.main
    assert eq is not None and eq.key == "w'" and "beta" in {s.name for s in eq.extras}
    module = read_module("impl.py", "def step(w, m, g, beta, gamma):\n    return w - gamma * m\n")
    found = map_arguments(module.functions[0], eq, {})
    assert found.ok and found.how["beta"] == "beta"


def test_cases_on_vectors_apply_entry_by_entry():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"S(x) = \begin{cases} x - \lambda, & \text{if } x > \lambda \\ x + \lambda, & \text{if } x < -\lambda"
               r" \\ 0, & \text{それ以外} \end{cases}" "\n\n"
               r"x \in \mathbb{R}^{n}, \quad \lambda \in \mathbb{R}_{>0}")
    assert eq.output_shape == ("n",)
    x = np.array([-2.0, 0.1, 3.0])
    got = np.asarray(evaluate(eq, {"x": x, "lambda": 1.0}, {"n": 3}), dtype=float).ravel()
    assert np.allclose(got, [-1.0, 0.0, 2.0])


def test_numbered_entries_count_from_zero_when_zero_is_written():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"y = \beta_1 + \omega_1 \sin(\beta_0 + \omega_0 x)" "\n\n"
               r"x \in \mathbb{R}, \quad \beta, \omega \in \mathbb{R}^{2}")
    b, w = np.array([0.5, 1.0]), np.array([2.0, 3.0])
    got = float(np.asarray(evaluate(eq, {"x": 0.3, "beta": b, "omega": w}, {}), dtype=float))
    assert np.isclose(got, b[1] + w[1] * np.sin(b[0] + w[0] * 0.3))


def test_a_bold_i_is_the_identity_matrix():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"W = (H^T H + \lambda \mathbf{I})^{-1} H^T X" "\n\n"
               r"H \in \mathbb{R}^{N \times M}, \quad X \in \mathbb{R}^{N \times D}, \quad \lambda \in \mathbb{R}_{>0}")
    rng = np.random.default_rng(0)
    h, x = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    got = np.asarray(evaluate(eq, {"H": h, "X": x, "lambda": 0.7}, {"N": 5, "M": 3, "D": 2}), dtype=float)
    assert np.allclose(got, np.linalg.solve(h.T @ h + 0.7 * np.eye(3), h.T @ x))


def test_square_bracket_application_and_a_primed_summation_index():
    eq = lower(r"\mbox{softmax}_{k}[\mathbf{z}] = \frac{\exp[z_{k}]}{\sum_{k'=1}^{K}\exp[z_{k'}]}" "\n\n"
               r"\mathbf{z} \in \mathbb{R}^{K}")
    assert eq.output_shape == ("K",) and [s.name for s in eq.inputs if s.role != "size"] == ["z"]
    reg = lower(r"L'[\boldsymbol\phi] = L[\boldsymbol\phi] + \lambda \phi_1^2" "\n\n"
                r"L \in \mathbb{R}, \quad \boldsymbol\phi \in \mathbb{R}^{2}, \quad \lambda \in \mathbb{R}_{>0}")
    assert reg.output_shape == () and {s.name for s in reg.inputs if s.role != "size"} == {"L", "lambda", "phi"}


def test_a_chain_is_checked_in_the_forms_that_read_with_samples_and_a_mean():
    eq = lower(r"R^2 = 1 - \frac{SSE}{SST} = 1 - \frac{\sum_{i=1}^{n} (y^{(i)} - \hat{y}^{(i)})^{2}}"
               r"{\sum_{i=1}^{n} (y^{(i)} - \mu_{y})^{2}} = 1 - \frac{MSE}{Var(y)}" "\n\n"
               r"y, \hat{y} \in \mathbb{R}^{n}")
    assert {s.name for s in eq.inputs if s.role != "size"} == {"y", "y_hat"}


def test_a_head_whose_parameters_only_name_positions():
    eq = lower(r"a[\mathbf{x}_{m},\mathbf{x}_{n}] = \frac{\exp[\mathbf{k}_{m}^{T}\mathbf{q}_{n}]}"
               r"{\sum_{m'=1}^{N}\exp[\mathbf{k}_{m'}^{T}\mathbf{q}_{n}]}" "\n\n"
               r"K \in \mathbb{R}^{N \times D}, \quad \mathbf{q}_{n} \in \mathbb{R}^{D}")
    assert eq.output_shape == ("N",) and {s.name for s in eq.inputs if s.role != "size"} == {"K", "q_n"}


def test_a_jacobian_entry_named_on_the_left_with_a_kronecker_delta():
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"\frac{\partial \phi_k}{\partial a_j} = \frac{(\sum_j e^{a_j})e^{a_k}\delta_{kj}-e^{a_j}e^{a_k}}"
               r"{(\sum_j e^{a_j})^2}" "\n\n" r"a \in \mathbb{R}^{K}")
    assert eq.output_shape == ("K", "K")
    a = np.array([0.1, -0.4, 0.7])
    p = np.exp(a) / np.exp(a).sum()
    got = np.asarray(evaluate(eq, {"a": a}, {"K": 3}), dtype=float)
    assert np.allclose(got, np.diag(p) - np.outer(p, p))


def test_a_chain_whose_first_form_is_unread_is_not_checked():
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("u.tex", r"$$ \mu[x] = \mathbb{E}_{y}[y[x]] = \int y[x] Pr(y|x) dy $$")
    assert f.main is None
    f = read_equation_file("u.tex", r"$$ L = \mathbb{E}_{t} [ \| \epsilon - \epsilon_\theta(x_t, t)\|^2 ] = L_s $$")
    assert f.main is None


def test_a_probability_of_a_vector_parameter_has_no_output_index():
    eq = lower(r"p(x|\theta) = \prod_k \theta_k^{x_{k}}")
    assert eq.output_shape == ()


def test_a_product_of_sizes_in_parentheses():
    eq = lower(r"Y = X W" "\n\n" r"X \in \mathbb{R}^{(HW) \times d}, \quad W \in \mathbb{R}^{d \times e}")
    assert _spec(eq, "X").shape == ("H*W", "d")


def test_a_transposed_small_letter_is_a_vector_not_a_matrix():
    eq = lower(r"y = \mathbf{w}^\top \mathbf{x}")
    assert _spec(eq, "w").shape == _spec(eq, "x").shape and len(_spec(eq, "w").shape) == 1
    assert eq.output_shape == ()
    plain = lower(r"y = w^\top x")
    assert len(_spec(plain, "w").shape) == 1 and len(_spec(plain, "x").shape) == 1
    jac = lower(r"J = \text{diag}(\mathbf{s}) - \mathbf{s} \mathbf{s}^\top")
    assert len(_spec(jac, "s").shape) == 1 and len(jac.output_shape) == 2


def test_a_bold_symbol_with_a_name_subscript_is_a_vector():
    eq = lower(r"P = \sigma(\boldsymbol{u}_o^\top \boldsymbol{v}_c)")
    assert len(_spec(eq, "u_o").shape) == 1 and eq.output_shape == ()


def test_a_distribution_given_a_condition_under_a_sum_is_its_entry():
    eq = lower(r"H[p] = -\sum_x p(x | \theta)\log p(x |\theta)")
    assert [s.name for s in eq.inputs if s.role != "size"] == ["p"]


def test_a_coloured_bracket_after_a_name_is_still_its_argument():
    """`\\color{black}{(x_i)}` is presentation: f followed by it is f(x_i), an application of an
    undefined function (its values f(x_i) given, said), never the product f·x_i."""
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("unit.tex", r"L = \sum_{i=1}^{n} (y_i - \color{red}{\underline{f}} \color{black}{(x_i)})^2")
    assert f.main is not None
    assert str(f.main.sympy) == "Sum((-f[i] + y[i])**2, (i, 1, n))"
    assert [d.params["reading"].phrase for d in f.diagnostics] == ["read-function-values"]


def test_a_decoration_around_a_sum_keeps_its_grouping():
    eq = lower(r"y = \underline{a+b} c")
    assert str(eq.sympy) == "c*(a + b)"


def test_a_bias_vector_is_added_to_every_row():
    """Y = XW + b with XW N×M and b of M entries: the bias row of ML notes, reported."""
    eq = lower(r"X \in \mathbb{R}^{N \times D}, \quad W \in \mathbb{R}^{D \times M}, "
               r"\quad \mathbf{b} \in \mathbb{R}^{M}" "\n\n" r"Y = XW + \mathbf{b}")
    assert eq.checkable and eq.output_shape == ("N", "M")


def test_a_vector_that_fits_neither_way_is_still_a_shape_error():
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("unit.tex", r"X \in \mathbb{R}^{N \times D}, \quad \mathbf{b} \in \mathbb{R}^{M}"
                           "\n\n" r"Y = X + \mathbf{b}")
    assert f.main is None


def test_an_input_defined_by_an_unreadable_clause_is_said():
    """α_i defined with an undefined f_attn, then out = Σ_i α_i v_i: α is taken as an input, with a note."""
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("unit.tex", r"\alpha_i = \frac{\exp(f(k_i - q))}{\sum_j \exp(f(k_j - q))}"
                           "\n\n" r"o = \sum_i \alpha_i v_i")
    assert f.main is not None and f.main.checkable
    from eq2code.equation.lowering import english

    readings = [english(d.params.get("reading", "")) for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert any("taken here as a given input alpha" in r for r in readings), readings


def test_numbered_entries_with_spaces_between_are_a_listing_not_a_product():
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("unit.tex", r"\mathbf{x} = \left[ x_1 \, x_2 \, x_3 \right]")
    from eq2code.equation.lowering import english

    assert f.main is None and "listed by its entries" in english(f.diagnostics[0].params.get("reason"))
    eq = lower(r"y = x_1 x_2 x_3")  # no spacing: a product, as written
    assert str(eq.sympy).count("*") == 2


def test_silu_and_elu_by_name_are_their_usual_functions():
    assert str(lower(r"y = \mathrm{SiLU}(x)").sympy) == "x*sigmoid(x)"
    assert str(lower(r"y = \mathrm{ELU}(x)").sympy) == "Max(0, x) + Min(0, exp(x) - 1)"


def test_definitions_in_terms_of_each_other_are_said():
    """x₀ from ε and ε from x₀ (a change of variables): the substitution is reported, never silent."""
    from eq2code.equation.lowering import english
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("unit.tex", r"a = 2 b + c" "\n\n" r"b = \frac{a - c}{2}" "\n\n" r"v = a + b")
    readings = [english(d.params.get("reading", "")) for d in f.diagnostics if d.name == "ambiguous-notation"]
    assert sum("defined in terms of each other" in r for r in readings) == 2, readings


def test_a_relu_with_its_slope_as_an_argument():
    """PReLU[γ, z] (the slope written as an argument): max(0, z) + γ·min(0, z), said; without a
    slope it stays a function the file does not define (impl14)."""
    import numpy as np

    from eq2code.reference.evaluate import evaluate

    eq = lower(r"y = \mbox{PReLU}[\gamma, z]" "\n\n" r"z \in \mathbb{R}, \quad \gamma \in (0, 1)")
    assert eq.checkable
    for z, want in ((2.0, 2.0), (-2.0, -0.5)):
        assert float(evaluate(eq, {"z": np.float64(z), "gamma": np.float64(0.25)}, {})) == want
    from eq2code.equation.semantics import read_equation_file

    f = read_equation_file("unit.tex", r"y = \mathrm{PReLU}(z)" "\n\n" r"z \in \mathbb{R}")
    assert f.main is None and any(d.name == "not-checkable" for d in f.diagnostics)


def test_the_gradient_by_the_letter_of_a_declared_iterate_has_its_shape():
    """W_{t+1} = W_t − η∇_W 𝓛 with W_t a matrix: the given gradient is a matrix too, never a scalar."""
    eq = lower(r"W_{t+1} = W_t - \eta \nabla_W \mathcal{L}" "\n\n"
               r"W_t \in \mathbb{R}^{m \times n}, \quad \eta \in \mathbb{R}_{>0}")
    assert _spec(eq, "grad").shape == ("m", "n")
    w = lower(r"w_{t+1} = w_t - \eta \frac{\partial L}{\partial w}" "\n\n"
              r"w_t \in \mathbb{R}^{d}, \quad \eta \in \mathbb{R}_{>0}")
    assert next(s for s in w.inputs if s.name not in ("w_t", "eta")).shape == ("d",)
