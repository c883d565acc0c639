"""EQ501 epsilon-variant: Epsilon variant."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

EPSILONS = (1e-15, 1e-12, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4)


def variants(expr):
    """A small ε inside every log, or the log's argument clipped at ε — the textbook's
    np.log(y + 1e-7) and np.log(np.clip(p, eps, 1)); a small ε under every square root —
    batch normalisation's np.sqrt(var + 1e-6). Numbers decide."""
    import sympy

    from eq2code.equation.plan import CompileError, compile_expr

    def roots(e):
        return [p for p in e.atoms(sympy.Pow) if p.exp in (sympy.Rational(1, 2), sympy.Rational(-1, 2))]

    def in_logs(x, e):
        return x.replace(sympy.log, lambda a, *b: sympy.log(a + e, *b))

    def clipped_logs(x, e):
        return x.replace(sympy.log, lambda a, *b: sympy.log(sympy.Max(a, e), *b))

    def in_roots(x, e):
        return x.xreplace({p: sympy.Pow(p.base + e, p.exp, evaluate=False) for p in roots(x)})

    has_log, has_root = bool(expr.atoms(sympy.log)), bool(roots(expr))
    out = []
    for eps in EPSILONS:
        e = sympy.Float(eps)
        changes = []
        if has_log:
            changes += [(f"log(x + {eps:g})", "\\log", in_logs), (f"log(max(x, {eps:g}))", "\\log", clipped_logs)]
        if has_root:
            changes.append((f"sqrt(x + {eps:g})", "\\sqrt", in_roots))
        for detail, part, change in changes:
            try:
                plan = compile_expr(change(expr, e))
            except (CompileError, TypeError, ValueError):
                continue
            out.append({"name": "epsilon-variant", "part": part, "detail": detail, "plan": plan, "swap": None})
    return out


def locate(w):
    """The ε or the clip."""
    return w.first(w.kind("epsilon")) or w.first(w.kind("clip"))

FINDING = FindingDef(
    code="EQ501",
    name="epsilon-variant",
    severity=INFO,
    group="variant",
    en=Text(
        title="Epsilon variant",
        message=("accepted: the code adds a small constant in {part} that the equation does not "
                 "have (as in log(y + 1e-7) or sqrt(v + 1e-5)); the results agree[[ ({detail})]]"),
        help="Nothing to fix: guarding against log(0) or a division by zero this way is an accepted variant."),
    ja=Text(
        title="ε を加えた変形",
        message=("許容: {part} に数式にない小さな定数を加えています（log(y + 1e-7) や sqrt(v + 1e-5) など）が、"
                 "結果は一致します[[（{detail}）]]"),
        help="修正は不要です。このように log(0) やゼロ除算を防ぐ書き方は許容される変形です。"),
    docs_en=Docs(
        what=("The code adds a small constant the equation does not have (log(y + 1e-7), a clip) "
              "and the results agree within tolerance."),
        why="This is an accepted variant: it guards against log(0) (or, under a square root, a division by zero).",
        fix="Nothing to fix."),
    docs_ja=Docs(
        what="コードが数式にない小さな定数を加えていますが（log(y + 1e-7)、clip）、結果は許容誤差内で一致します。",
        why="許容される変形です。log(0)（平方根の中ではゼロ除算）を防ぐための書き方です。",
        fix="修正は不要です。"),
    snippet=("loss = -np.sum(y * np.log(y_hat + 1e-7))   # accepted: the textbook's guard against "
             "log(0)"),
    valid=(
        Example(file="examples/cross-entropy/correct_index_target.py"),
    ),
    invalid=(
        Example(file="examples/cross-entropy/correct_textbook_eps.py", line=8, column=31),
    ),
    variants=variants,
    locate=locate,
    raised_by="static pattern (code/static.py) when the numbers already agree",
)
