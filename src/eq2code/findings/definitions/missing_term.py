"""EQ315 missing-term: Missing term."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """One term of a sum left out."""
    import sympy

    if isinstance(node, sympy.Add) and len(node.args) >= 2:
        for term in node.args:
            rest = [t for t in node.args if t is not term]
            yield ctx.replace(node, sympy.Add(*rest)), ctx.latex(term)


def locate(w):
    """The return."""
    return w.ret

FINDING = FindingDef(
    code="EQ315",
    name="missing-term",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing term",
        message="the output equals the equation without the term {part}[[ ({detail})]]",
        help="Add the term {part} to the computation."),
    ja=Text(
        title="項の欠落",
        message="出力は、項 {part} を除いた数式の値と一致します[[（{detail}）]]",
        help="項 {part} を計算に加えてください。"),
    docs_en=Docs(
        what=("The output equals the equation without one of its terms (a '1 +', a bias, a "
              "regulariser)."),
        why=("A missing term changes the value everywhere, often by a constant that is easy to "
             "overlook."),
        fix="Add the missing term; compare the code with the equation term by term."),
    docs_ja=Docs(
        what="出力は、項の 1 つ（「1 +」、バイアス、正則化項など）を除いた数式の値と一致します。",
        why="項が欠けると値がどこでも変わり、見落としやすい定数だけずれることがよくあります。",
        fix="欠けている項を加えてください。コードと数式を項ごとに見比べてください。"),
    snippet=("return 1 / np.exp(-x)          # ✗ the '1 +' term is missing\nreturn 1 / (1 + "
             "np.exp(-x))    # ✓"),
    valid=(
        Example(file="examples/gradient-descent-step/correct_local_copy.py"),
    ),
    invalid=(
        Example(file="examples/gradient-descent-step/wrong_returns_step.py", line=4, column=12),
    ),
    priority=15,
    mutate_node=mutate_node,
    locate=locate,
)
