"""EQ402 log-of-zero: Log of zero."""

from __future__ import annotations

from eq2code.findings.registry import WARNING, Docs, Example, FindingDef, Text


def locate(w):
    """The first log not guarded by an ε or a clip."""
    logs = w.kind("log")
    guarded = {o.range for o in w.kind("epsilon") + w.kind("clip")}
    plain = [o for o in logs if not any(w.contains(o.range, g) for g in guarded)]
    return w.first(plain) or w.first(logs)

FINDING = FindingDef(
    code="EQ402",
    name="log-of-zero",
    severity=WARNING,
    group="robustness",
    en=Text(
        title="Log of zero",
        message=("log in {part} gives -inf or nan when a probability is exactly 0 (on the boundary "
                 "of the simplex), where the equation's value is finite[[ ({detail})]]"),
        help=("Treat 0·log 0 as 0, e.g. with scipy.special.xlogy or np.where(p > 0, p * np.log(p), "
              "0).")),
    ja=Text(
        title="0 の対数",
        message=("{part} の log は、確率がちょうど 0 のとき（確率単体の境界）に -inf や nan になりますが、"
                 "数式の値は有限です[[（{detail}）]]"),
        help="0·log 0 を 0 として扱ってください（scipy.special.xlogy や np.where(p > 0, p * np.log(p), 0) など）。"),
    docs_en=Docs(
        what=("log of an exact 0 (a probability on the boundary of the simplex) gives -inf or nan "
              "where the equation's value is finite (0 · log 0 = 0 by convention)."),
        why="One-hot targets and saturated probabilities contain exact zeros.",
        fix="Treat 0 · log 0 as 0: scipy.special.xlogy, or np.where(p > 0, p * np.log(p), 0)."),
    docs_ja=Docs(
        what=("ちょうど 0 の値（確率単体の境界にある確率）の log が -inf や nan になりますが、"
              "数式の値は有限です（慣習として 0 · log 0 = 0）。"),
        why="one-hot の正解ラベルや飽和した確率にはちょうど 0 が含まれます。",
        fix="0 · log 0 を 0 として扱ってください: scipy.special.xlogy、または np.where(p > 0, p * np.log(p), 0)。"),
    snippet=("H = -np.sum(p * np.log(p))                           # ✗ 0 · log 0 = nan\nH = "
             "-np.sum(np.where(p > 0, p * np.log(p), 0.0))     # ✓ 0 · log 0 = 0"),
    valid=(
        Example(file="examples/cross-entropy/correct_index_target.py"),
    ),
    invalid=(
        Example(file="examples/cross-entropy/correct_sum.py", line=7, column=24),
    ),
    locate=locate,
    raised_by="stress inputs (checking/check.py)",
)
