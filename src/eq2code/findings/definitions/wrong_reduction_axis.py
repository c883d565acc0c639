"""EQ301 wrong-reduction-axis: Wrong reduction axis."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """softmax over the first axis instead of the last."""
    from eq2code.equation.sympy_ext import Softmax, SoftmaxFirstAxis

    if isinstance(node, Softmax) and not isinstance(node, SoftmaxFirstAxis):
        yield ctx.replace(node, SoftmaxFirstAxis(node.arg)), ctx.latex(node)


def locate(w):
    """The first reduction with an axis (a sum first), else a softmax, else any reduction."""
    with_axis = [o for o in w.reductions if o.axis_given]
    for group in ([o for o in with_axis if o.fn in ("sum", "logsumexp", "mean", "norm")], with_axis,
                  [o for o in w.kind("softmax") if o.axis_given], w.kind("softmax"),
                  [o for o in w.reductions if o.fn in ("sum", "mean")], w.reductions):
        if group:
            return group[0].range
    return None

FINDING = FindingDef(
    code="EQ301",
    name="wrong-reduction-axis",
    severity=ERROR,
    group="named",
    en=Text(
        title="Wrong reduction axis",
        message=("the output equals the equation with {part} taken along a different axis[[ "
                 "({detail})]]"),
        help=("Reduce along the axis that the index of {part} runs over (for a softmax over the "
              "last axis: axis=-1, keepdims=True).")),
    ja=Text(
        title="集約の軸の誤り",
        message="出力は、{part} を別の軸に沿ってとった数式の値と一致します[[（{detail}）]]",
        help="{part} の添字が動く軸に沿って集約してください（最後の軸に沿った softmax なら axis=-1, keepdims=True）。"),
    docs_en=Docs(
        what=("The output equals the equation with a sum, max or softmax taken along a different "
              "axis."),
        why=("Normalising over the wrong axis gives numbers that look plausible (they still sum to "
             "1 somewhere) but mean something else — e.g. attention weights over queries instead of "
             "keys."),
        fix=("Reduce along the axis that the equation's index runs over. For a softmax over the "
             "last axis: axis=-1 with keepdims=True.")),
    docs_ja=Docs(
        what="出力は、総和・最大値・softmax を別の軸に沿ってとった数式の値と一致します。",
        why=("間違った軸で正規化すると、それらしい数（どこかの軸では和が 1）になりますが意味が変わります。"
             "たとえばアテンションの重みがキーではなくクエリについての分布になります。"),
        fix="数式の添字が動く軸に沿って集約してください。最後の軸に沿った softmax なら axis=-1, keepdims=True です。"),
    snippet=("w = np.exp(scores)\nw = w / w.sum(axis=0, keepdims=True)    # ✗ normalises over the "
             "queries\nw = w / w.sum(axis=-1, keepdims=True)   # ✓ over the keys (the last axis)"),
    valid=(
        Example(file="examples/multihead-attention/correct_einsum.py"),
    ),
    invalid=(
        Example(file="examples/multihead-attention/wrong_softmax_axis0.py", line=11, column=26),
    ),
    priority=4,
    mutate_node=mutate_node,
    locate=locate,
)
