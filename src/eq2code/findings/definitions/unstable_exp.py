"""EQ401 unstable-exp: Numerically unstable exp."""

from __future__ import annotations

from eq2code.findings.registry import WARNING, Docs, Example, FindingDef, Text


def locate(w):
    """The exp the static pattern found (no max subtracted), else the first exp."""
    hint = w.facts.hints_named("unstable-exp")
    return hint[0].range if hint else w.first(w.kind("exp"))

FINDING = FindingDef(
    code="EQ401",
    name="unstable-exp",
    severity=WARNING,
    group="robustness",
    en=Text(
        title="Numerically unstable exp",
        message=("exp in {part} overflows for inputs of magnitude {magnitude}, where the equation's "
                 "value is finite"),
        help=("Subtract the maximum before exponentiating (x - x.max(axis=-1, keepdims=True)); the "
              "result does not change.")),
    ja=Text(
        title="数値的に不安定な exp",
        message=("{part} の exp は数値的に不安定です。大きさ {magnitude} 程度の入力でオーバーフローしますが、"
                 "数式の値は有限です"),
        help="exp の前に最大値を引いてください（x - x.max(axis=-1, keepdims=True)）。結果は変わりません。"),
    docs_en=Docs(
        what=("exp of large inputs overflows to inf (and inf/inf = nan) although the equation's "
              "value is finite; found with large-magnitude stress inputs. The values on ordinary "
              "inputs are right."),
        why=("Real logits can be large; the naive formula is numerically unstable and breaks "
             "training at random."),
        fix=("Subtract the maximum before exponentiating: np.exp(x - x.max(axis=-1, "
             "keepdims=True)); the result does not change.")),
    docs_ja=Docs(
        what=("数式の値は有限なのに、大きな入力で exp が inf にオーバーフローします（inf/inf = "
              "nan）。大きさの大きいストレス入力で見つかります。通常の入力での値は正しいです。"),
        why="実際のロジットは大きくなりえます。素朴な式は数値的に不安定で、学習が不意に壊れます。",
        fix="exp の前に最大値を引いてください: np.exp(x - x.max(axis=-1, keepdims=True))。結果は変わりません。"),
    snippet=("e = np.exp(z)                                   # ✗ overflows for z = 1000\ne = "
             "np.exp(z - z.max(axis=-1, keepdims=True))   # ✓ same result, no overflow"),
    valid=(
        Example(file="examples/dense-layer/correct_einsum_batched.py"),
    ),
    invalid=(
        Example(file="examples/dense-layer/correct_loop.py", line=12, column=33),
    ),
    locate=locate,
    raised_by="stress inputs (checking/check.py)",
)
