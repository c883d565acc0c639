"""EQ310 kl-direction-swapped: KL direction swapped."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_values(ctx):
    """The two distributions of a KL divergence exchanged."""
    for x, y in ctx.swap_pairs():
        if ctx.is_kl and x.space.kind == y.space.kind == "simplex":
            yield {"part": f"D_{{\\mathrm{{KL}}}}({x.latex} \\| {y.latex})", "detail": f"{x.name} ↔ {y.name}",
                   "swap": [x.sympy_name, y.sympy_name]}


def locate(w):
    """A log of a quotient, else the first log, else the return."""
    logs = [o for o in w.kind("log") if "/" in o.operand] or w.kind("log")
    return logs[0].range if logs else w.ret

FINDING = FindingDef(
    code="EQ310",
    name="kl-direction-swapped",
    severity=ERROR,
    group="named",
    en=Text(
        title="KL direction swapped",
        message=("the output equals {part} with its two distributions swapped; the KL divergence is "
                 "not symmetric[[ ({detail})]]"),
        help=("Keep the order of {part}: D_KL(p‖q) = Σ p log(p/q), weighted by the first "
              "distribution.")),
    ja=Text(
        title="KL ダイバージェンスの向きの誤り",
        message=("出力は、{part} の 2 つの分布を入れ替えた値と一致します。KL "
                 "ダイバージェンスは対称ではありません[[（{detail}）]]"),
        help="{part} の順序を守ってください: D_KL(p‖q) = Σ p log(p/q) で、重みは最初の分布です。"),
    docs_en=Docs(
        what=("The output equals the KL divergence with its two distributions swapped: D_KL(q‖p) "
              "instead of D_KL(p‖q)."),
        why=("The KL divergence is not symmetric; the two directions behave very differently "
             "(mode-seeking vs mass-covering)."),
        fix="Weight by the first distribution: np.sum(p * np.log(p / q)) for D_KL(p‖q)."),
    docs_ja=Docs(
        what="出力は、2 つの分布を入れ替えた KL ダイバージェンス（D_KL(p‖q) ではなく D_KL(q‖p)）と一致します。",
        why="KL ダイバージェンスは対称ではなく、2 つの向きはまったく違う振る舞いをします。",
        fix="最初の分布で重み付けしてください。D_KL(p‖q) なら np.sum(p * np.log(p / q)) です。"),
    snippet=("kl = np.sum(q * np.log(q / p))   # ✗ D_KL(q‖p)\nkl = np.sum(p * np.log(p / q))   # ✓ "
             "D_KL(p‖q)"),
    valid=(
        Example(file="examples/kl-divergence/correct_loop.py"),
    ),
    invalid=(
        Example(file="examples/kl-divergence/wrong_direction.py", line=7, column=23),
    ),
    priority=0,
    mutate_values=mutate_values,
    locate=locate,
)
