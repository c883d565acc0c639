"""EQ404 input-mutated: Input mutated."""

from __future__ import annotations

from eq2code.findings.registry import WARNING, Docs, Example, FindingDef, Text


def locate(w):
    """The first in-place operation on a parameter."""
    return w.first(w.kind("inplace"))

FINDING = FindingDef(
    code="EQ404",
    name="input-mutated",
    severity=WARNING,
    group="robustness",
    en=Text(
        title="Input mutated",
        message="the function changes its argument {argument} in place",
        help=("Compute on a copy so the caller's array stays unchanged ({argument} = {argument} - m "
              "instead of {argument} -= m, or np.copy).")),
    ja=Text(
        title="引数の書き換え",
        message="関数が引数 {argument} をその場で書き換えています",
        help=("呼び出し元の配列が変わらないよう、コピーに対して計算してください（{argument} -= m ではなく {argument} "
              "= {argument} - "
              "m、または np.copy）。")),
    docs_en=Docs(
        what=("The function changes its argument in place (x -= …, x /= …, np.exp(x, out=x), x[...] "
              "= …)."),
        why=("The caller's array changes behind its back; code that reuses it later computes with "
             "wrong values."),
        fix=("Compute on a new array: x = x - m instead of x -= m, or start with x = np.array(x, "
             "dtype=float).")),
    docs_ja=Docs(
        what="関数が引数をその場で書き換えています（x -= …、x /= …、np.exp(x, out=x)、x[...] = … など）。",
        why="呼び出し元の配列が知らないうちに変わり、後でそれを使うコードが誤った値で計算します。",
        fix="新しい配列で計算してください。x -= m ではなく x = x - m、または最初に x = np.array(x, dtype=float)。"),
    snippet=("z -= z.max()            # ✗ changes the caller's array\nz = z - z.max()         # ✓ a "
             "new array"),
    valid=(
        Example(file="examples/gradient-descent-step/correct_local_copy.py"),
    ),
    invalid=(
        Example(file="examples/gradient-descent-step/correct_inplace_mutates.py", line=4, column=5),
    ),
    locate=locate,
    raised_by="sandbox: arguments compared before and after the call",
)
