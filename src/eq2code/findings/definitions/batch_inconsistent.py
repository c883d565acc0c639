"""EQ403 batch-inconsistent: Inconsistent with batch dimensions."""

from __future__ import annotations

from eq2code.findings.registry import WARNING, Docs, Example, FindingDef, Text


def locate(w):
    """The `.T` or fixed axis the static pattern found."""
    hint = w.facts.hints_named("batch-inconsistent")
    return hint[0].range if hint else None

FINDING = FindingDef(
    code="EQ403",
    name="batch-inconsistent",
    severity=WARNING,
    group="robustness",
    en=Text(
        title="Inconsistent with batch dimensions",
        message=("the function is right on the equation's own shapes but wrong with leading batch "
                 "dimensions[[: {detail}]]"),
        help=("Count axes from the end (axis=-1) and use np.swapaxes(..., -1, -2) instead of .T, so "
              "batch dimensions pass through.")),
    ja=Text(
        title="バッチ次元での不一致",
        message="数式どおりの形状では正しいのですが、先頭にバッチ次元を付けると結果が一致しません[[: {detail}]]",
        help=("軸は末尾から数え（axis=-1）、.T の代わりに np.swapaxes(..., -1, -2) を使って、"
              "バッチ次元がそのまま通るようにしてください。")),
    docs_en=Docs(
        what=("The function is right on the equation's own shapes but wrong when the inputs carry "
              "leading batch dimensions."),
        why=("Models apply formulas to batches; .T reverses every axis and axis=0 counts from the "
             "front, so batch axes get mixed in."),
        fix=("Count axes from the end (axis=-1) and use np.swapaxes(x, -1, -2) or x.mT instead of "
             ".T.")),
    docs_ja=Docs(
        what="数式どおりの形状では正しいのですが、入力の先頭にバッチ次元があると結果が一致しません。",
        why=("モデルは式をバッチに適用します。.T はすべての軸を逆順にし、axis=0 は先頭から数えるため、"
             "バッチ軸が混ざります。"),
        fix="軸は末尾から数え（axis=-1）、.T の代わりに np.swapaxes(x, -1, -2) や x.mT を使ってください。"),
    snippet=("scores = Q @ K.T                        # ✗ .T also swaps a batch axis\nscores = Q @ "
             "np.swapaxes(K, -1, -2)     # ✓ only the last two axes"),
    valid=(
        Example(file="examples/l1-norm/correct_abs_sum.py"),
    ),
    invalid=(
        Example(file="examples/l1-norm/correct_linalg.py", line=6, column=5),
    ),
    locate=locate,
    raised_by="the batched form (checking/check.py)",
)
