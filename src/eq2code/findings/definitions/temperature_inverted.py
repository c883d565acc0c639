"""EQ311 temperature-inverted: Temperature inverted."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

# The names a temperature goes by, in the equation's inputs and in code.
NAMES = ("T", "temp", "temperature", "tau", "t")


def is_temperature(name):
    return name in NAMES


def mutate_whole(ctx):
    """x/T ↔ x·T for a positive scalar input named like a temperature that the equation divides by."""
    for spec, sym, divides in ctx.scalar_inputs():
        if divides and is_temperature(spec.name):
            yield ctx.expr.xreplace({sym: 1 / sym}), spec.latex


def locate(w):
    """A product with the temperature, else a division by it, else the first exp."""
    names = w.symbols or list(NAMES)
    mult = [o for o in w.kind("multiply") if any(w.mentions(a, names) for a in o.args)]
    if mult:
        return mult[0].range
    div = [o for o in w.kind("divide") if w.mentions(o.divisor, names)]
    if div:
        return div[0].range
    return w.first(w.kind("exp"))

FINDING = FindingDef(
    code="EQ311",
    name="temperature-inverted",
    severity=ERROR,
    group="named",
    en=Text(
        title="Temperature inverted",
        message=("the output equals the equation with the temperature in {part} inverted "
                 "(multiplied instead of divided)[[ ({detail})]]"),
        help="Divide by the temperature as {part} does: x / T, not x * T."),
    ja=Text(
        title="温度の逆転",
        message="出力は、{part} の温度を逆にした（割る代わりに掛けた）数式の値と一致します[[（{detail}）]]",
        help="{part} のとおり温度で割ってください: x * T ではなく x / T です。"),
    docs_en=Docs(
        what=("The output equals the equation with the temperature applied the other way round "
              "(multiplied instead of divided)."),
        why="A high temperature should flatten the distribution; inverted, it sharpens it.",
        fix="Divide the logits by the temperature: x / T."),
    docs_ja=Docs(
        what="出力は、温度を逆向きに（割る代わりに掛けて）適用した数式の値と一致します。",
        why="温度が高いほど分布は平らになるはずですが、逆にすると鋭くなります。",
        fix="ロジットを温度で割ってください: x / T。"),
    snippet="e = np.exp(x * T)   # ✗ multiplies by the temperature\ne = np.exp(x / T)   # ✓",
    valid=(
        Example(file="examples/softmax-temperature/correct_loop_list.py"),
    ),
    invalid=(
        Example(file="examples/softmax-temperature/wrong_multiply_by_T.py", line=7, column=16),
    ),
    priority=1,
    mutate_whole=mutate_whole,
    locate=locate,
)
