"""EQ309 swapped-arguments: Swapped arguments."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_values(ctx):
    """Two inputs of the same shape exchanged (when the equation is not symmetric in them)."""
    for x, y in ctx.swap_pairs():
        if not (ctx.is_kl and x.space.kind == y.space.kind == "simplex"):
            yield {"part": f"{x.latex}, {y.latex}", "detail": f"{x.name} ↔ {y.name}",
                   "swap": [x.sympy_name, y.sympy_name]}


def locate(w):
    """A log of a quotient, else the first log, else the return."""
    logs = [o for o in w.kind("log") if "/" in o.operand] or w.kind("log")
    return logs[0].range if logs else w.ret

FINDING = FindingDef(
    code="EQ309",
    name="swapped-arguments",
    severity=ERROR,
    group="named",
    en=Text(
        title="Swapped arguments",
        message="the output equals the equation with the inputs of {part} swapped[[ ({detail})]]",
        help=("Use the inputs in the order {part} uses them, and check the order of the function's "
              "parameters.")),
    ja=Text(
        title="引数の入れ替え",
        message="出力は、{part} の入力を入れ替えた数式の値と一致します[[（{detail}）]]",
        help="{part} と同じ順序で入力を使い、関数の引数の順序も確認してください。"),
    docs_en=Docs(
        what=("The output equals the equation with two inputs exchanged, e.g. the target and the "
              "prediction."),
        why="Many formulas are not symmetric: -Σ y log ŷ is not -Σ ŷ log y.",
        fix=("Use each input where the equation uses it, and check the order of the function's "
             "parameters.")),
    docs_ja=Docs(
        what="出力は、2 つの入力（正解ラベルと予測など）を入れ替えた数式の値と一致します。",
        why="多くの式は対称ではありません。-Σ y log ŷ と -Σ ŷ log y は別物です。",
        fix="各入力を数式と同じ場所で使い、関数の引数の順序も確認してください。"),
    snippet=("loss = -np.sum(y_hat * np.log(y))   # ✗ target and prediction swapped\nloss = "
             "-np.sum(y * np.log(y_hat))   # ✓"),
    valid=(
        Example(file="examples/cross-entropy/correct_index_target.py"),
    ),
    invalid=(
        Example(file="examples/cross-entropy/wrong_swapped.py", line=7, column=28),
    ),
    priority=16,
    mutate_values=mutate_values,
    locate=locate,
)
