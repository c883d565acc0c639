"""EQ308 wrong-log-base: Wrong logarithm base."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_whole(ctx):
    """Every log taken to base 2, or to base 10."""
    import sympy

    from eq2code.findings.phrases import Phrase

    expr = ctx.expr
    if expr.atoms(sympy.log):
        for base in (2, 10):
            yield (expr.replace(sympy.log, lambda x, *b, base=base: sympy.log(x) / sympy.log(base)),
                   "\\log", Phrase("log-base", {"base": base}))


def locate(w):
    """A log with a base other than e, else the first log."""
    odd = [o for o in w.kind("log") if o.base not in ("e",)]
    return w.first(odd) or w.first(w.kind("log"))

FINDING = FindingDef(
    code="EQ308",
    name="wrong-log-base",
    severity=ERROR,
    group="named",
    en=Text(
        title="Wrong logarithm base",
        message=("the output equals the equation with the logarithm in {part} taken to another "
                 "base[[ ({detail})]]"),
        help=("Use the equation's base in {part}: \\log is the natural logarithm (np.log), \\log_2 "
              "is np.log2.")),
    ja=Text(
        title="対数の底の誤り",
        message="出力は、{part} の対数を別の底でとった数式の値と一致します[[（{detail}）]]",
        help="{part} では数式の底を使ってください。\\log は自然対数（np.log）、\\log_2 は np.log2 です。"),
    docs_en=Docs(
        what=("The output equals the equation with the logarithm taken to another base (log2 or "
              "log10 instead of the natural log, or the reverse)."),
        why=("Entropies and losses then come out in bits or digits instead of nats: off by a "
             "constant factor."),
        fix="\\log is the natural logarithm: np.log. Use np.log2 only for \\log_2."),
    docs_ja=Docs(
        what="出力は、対数を別の底（自然対数の代わりに log2 や log10、またはその逆）でとった数式の値と一致します。",
        why="エントロピーや損失が nat ではなく bit や桁の単位になり、定数倍ずれます。",
        fix="\\log は自然対数で np.log です。np.log2 は \\log_2 のときだけ使ってください。"),
    snippet=("H = -np.sum(p * np.log2(p))   # ✗ \\log is the natural logarithm\nH = -np.sum(p * "
             "np.log(p))    # ✓"),
    valid=(
        Example(file="examples/negative-log-likelihood/correct_loop.py"),
    ),
    invalid=(
        Example(file="examples/negative-log-likelihood/wrong_log10.py", line=7, column=20),
    ),
    priority=9,
    mutate_whole=mutate_whole,
    locate=locate,
)
