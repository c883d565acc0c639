"""EQ302 missing-keepdims: Missing keepdims."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def locate(w):
    """The reduction the static pattern found, else a reduction with an axis and no keepdims."""
    hint = w.facts.hints_named("missing-keepdims")
    if hint:
        return hint[0].range
    return w.first([o for o in w.reductions if o.axis_given and o.axis is not None and o.keepdims is False])

FINDING = FindingDef(
    code="EQ302",
    name="missing-keepdims",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing keepdims",
        message=("the reduction for {part} drops its axis, so the result does not broadcast against "
                 "the array it belongs to[[ ({detail})]]"),
        help="Pass keepdims=True to the reduction for {part}."),
    ja=Text(
        title="keepdims の付け忘れ",
        message="{part} の集約で軸が消えるため、結果が元の配列とブロードキャストできません[[（{detail}）]]",
        help="{part} の集約に keepdims=True を渡してください。"),
    docs_en=Docs(
        what=("A reduction drops its axis (no keepdims=True), so its result does not broadcast "
              "against the array it came from."),
        why=("With (n, K) / (n,) NumPy raises — or, worse, silently broadcasts along the wrong axis "
             "when n == K."),
        fix="Pass keepdims=True to the reduction, so (n, K) is divided by (n, 1)."),
    docs_ja=Docs(
        what="集約で軸が消えている（keepdims=True がない）ため、結果が元の配列とブロードキャストできません。",
        why=("(n, K) / (n,) は例外になります。さらに悪いことに n == K のときは、"
             "間違った軸で黙ってブロードキャストされます。"),
        fix="集約に keepdims=True を渡し、(n, K) を (n, 1) で割るようにしてください。"),
    snippet=("e = np.exp(z)                 # z: (n, K)\nreturn e / e.sum(axis=-1)     # ✗ (n, K) / "
             "(n,)\nreturn e / e.sum(axis=-1, keepdims=True)   # ✓ (n, K) / (n, 1)"),
    valid=(
        Example(file="examples/attention/correct_dk_parameter.py"),
    ),
    invalid=(
        Example(file="examples/attention/wrong_missing_keepdims.py", line=9, column=13),
    ),
    locate=locate,
    raised_by="static pattern (code/static.py) explaining a broadcast error",
)
