"""EQ503 convention-assumed: Convention assumed."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ503",
    name="convention-assumed",
    severity=INFO,
    group="variant",
    en=Text(
        title="Convention assumed",
        message="passed, reading the function by {convention}[[: {detail}]]",
        help="Nothing to fix.[[ To say so explicitly (and silence this note): {pin}]]"),
    ja=Text(
        title="慣習を仮定",
        message="{convention}と読んで合格としました[[: {detail}]]",
        help="修正は不要です。[[明示するには（この注記も消えます）: {pin}]]"),
    docs_en=Docs(
        what=("The function is right when read by a common convention its names or signature do not state "
              "outright: the textbook's y (prediction) and t (teacher label), another order of same-shaped "
              "arguments, one part of a returned tuple or dict, an in-place update, a column (N, 1) for a "
              "vector, a layer class constructed and then called, an input in another form (a class index for a "
              "one-hot vector, logits for probabilities, the log-variance for σ). eq2code tried the convention and the "
              "numbers agreed."),
        why=("A correct function is never flagged for a convention; the note says what was assumed so that a "
             "reader (or a grader) can see it, and how to state it so that nothing is left to guess."),
        fix=("Nothing to fix. To state the reading, pass what the help shows (--map SYMBOL=PARAM, --function "
             "Class.method), or rename the parameters as the equation names them.")),
    docs_ja=Docs(
        what=("名前やシグネチャからははっきりしない一般的な慣習で読むと、関数は正しく計算しています（教科書の "
              "y（予測）と "
              "t（教師ラベル）、同じ形の引数の別の順序、戻り値のタプルや辞書の要素、引数のその場での更新、"
              "ベクトルの代わりの"
              "列 (N, 1)、生成してから呼び出す層のクラス、"
              "別の形の入力（one-hot ベクトルの代わりのクラス番号、確率の代わりのロジット、"
              "σ の代わりの対数分散））。eq2code はその慣習で試し、値が一致しました。"),
        why=("正しい関数を慣習の違いで誤りとはしません。何を仮定したかを注記で示すので、"
             "読み手（採点者）も確認できます。"),
        fix=("修正は不要です。読み方を明示するには、help に示した指定（--map SYMBOL=PARAM、--function Class.method）を"
             "渡すか、引数の名前を数式と同じにしてください。")),
    snippet=("def cross_entropy_error(y, t):          # the textbook: y predicted, t the label\n"
             "    return -np.sum(t * np.log(y + 1e-7))   # passes; the note says how it was read"),
    valid=(
        Example(file="examples/squared-error/correct_dot.py"),
    ),
    invalid=(
        Example(file="examples/squared-error/correct_textbook.py", line=6, column=5),
    ),
    raised_by="the call protocol (checking/judge.py assume: a pass that needed a convention)",
)
