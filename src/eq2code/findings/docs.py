"""Documentation of every finding, in English and Japanese (`eq2code docs NAME_OR_CODE`).

Each finding has: what it means, why it matters, an example, and the fix — one page per
finding, as ruff documents its rules (`scripts/gen_finding_docs.py` writes them to
`docs/findings/`). The example is a file from the repository's `examples/` folder whose
`# eq2code-example: … findings=NAME` (or `mistake=NAME`) header shows the finding, when that
folder is available; otherwise the short snippet kept here.

The short messages of findings live in `messages.py`; this module is the long form.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from eq2code.findings.model import KINDS, Kind, kind


@dataclass(frozen=True)
class Doc:
    what: str  # what the finding means
    why: str  # why it matters
    fix: str  # how to fix it
    caption: str = ""  # one line above the inline example


# Inline examples (language-neutral code; "✗" marks the mistake, "✓" the fix).
SNIPPETS: dict[str, str] = {
    "latex-syntax": "% eq.tex\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}   % ✗ a '}' is missing",
    "unsupported-notation": "% eq.tex\ny = \\mathcal{F}\\{x\\}   % ✗ a Fourier transform has no NumPy meaning here",
    "not-checkable": "% eq.tex\n\\mathbf{z} \\in \\mathbb{R}^{K}   % a declaration: it gives a shape, it computes nothing",
    "python-syntax": "def softmax(z)          # ✗ the ':' is missing\n    return np.exp(z) / np.sum(np.exp(z))",
    "function-not-found": "# eq.tex defines softmax, impl.py defines two public functions:\n"
                          "def my_softmax(z): ...\ndef helper(z): ...\n# ✓ eq2code check eq.tex impl.py --function my_softmax",
    "argument-mapping": "% eq.tex: Q, K, V\ndef attention(a, b, c, mask): ...   # ✗ 'mask' receives nothing\n"
                        "# ✓ --map Q=a --map K=b --map V=c, and give mask a default",
    "equation-file": "$ file eq.tex\neq.tex: data   # ✗ not UTF-8 text, or no equation in it",
    "exception": "def attention(Q, K, V):\n    scores = Q @ K        # ✗ ValueError: shapes (n,d_k) and (m,d_k) not aligned\n"
                 "    scores = Q @ K.T      # ✓",
    "timeout": "def softmax(z):\n    while True:           # ✗ never ends\n        ...",
    "resource-limit": "def l2_norm(x):\n    return np.sqrt(np.sum(np.outer(x, x)))   # ✗ an n×n array where a sum is meant",
    "crashed": "def softmax(z):\n    import os\n    os._exit(0)           # ✗ ends the process",
    "wrong-type": "def softmax(z):\n    return {\"p\": np.exp(z) / np.exp(z).sum()}   # ✗ a dict\n"
                  "    return np.exp(z) / np.exp(z).sum()            # ✓",
    "no-return": "def softmax(z):\n    p = np.exp(z) / np.sum(np.exp(z))\n    print(p)              # ✗ printed, not returned\n"
                 "    return p              # ✓",
    "nonfinite-output": "def softmax(z):\n    return np.exp(z) / np.sum(np.exp(z))   # ✗ inf / inf = nan for z = [1000, 0]",
    "wrong-shape": "def softmax(z):\n    e = np.exp(z)\n    return e / e.sum(axis=-1)              # ✗ (n,) against (n, K)\n"
                   "    return e / e.sum(axis=-1, keepdims=True)  # ✓",
    "numeric-mismatch": "def sigmoid(x):\n    return 1 / np.exp(-x)                  # ✗ the '1 +' is missing\n"
                        "    return 1 / (1 + np.exp(-x))            # ✓",
    "wrong-reduction-axis": "w = np.exp(scores)\nw = w / w.sum(axis=0, keepdims=True)    # ✗ normalises over the queries\n"
                            "w = w / w.sum(axis=-1, keepdims=True)   # ✓ over the keys (the last axis)",
    "missing-keepdims": "e = np.exp(z)                 # z: (n, K)\nreturn e / e.sum(axis=-1)     # ✗ (n, K) / (n,)\n"
                        "return e / e.sum(axis=-1, keepdims=True)   # ✓ (n, K) / (n, 1)",
    "missing-scale": "scores = Q @ K.T                    # ✗ the 1/√d_k is missing\n"
                     "scores = Q @ K.T / np.sqrt(d_k)     # ✓",
    "wrong-scale": "scores = Q @ K.T / d_k             # ✗ divides by d_k\n"
                   "scores = Q @ K.T / np.sqrt(d_k)     # ✓ divides by √d_k",
    "missing-transpose": "scores = Q @ K       # ✗ (n, d_k) @ (m, d_k)\nscores = Q @ K.T     # ✓ (n, d_k) @ (d_k, m)",
    "sign-error": "loss = np.sum(y * np.log(y_hat))     # ✗ the minus is missing\n"
                  "loss = -np.sum(y * np.log(y_hat))    # ✓",
    "sum-vs-mean": "norm = np.sqrt(np.mean(x ** 2))   # ✗ \\sum has no 1/n\nnorm = np.sqrt(np.sum(x ** 2))    # ✓",
    "wrong-log-base": "H = -np.sum(p * np.log2(p))   # ✗ \\log is the natural logarithm\n"
                      "H = -np.sum(p * np.log(p))    # ✓",
    "swapped-arguments": "loss = -np.sum(y_hat * np.log(y))   # ✗ target and prediction swapped\n"
                         "loss = -np.sum(y * np.log(y_hat))   # ✓",
    "kl-direction-swapped": "kl = np.sum(q * np.log(q / p))   # ✗ D_KL(q‖p)\nkl = np.sum(p * np.log(p / q))   # ✓ D_KL(p‖q)",
    "temperature-inverted": "e = np.exp(x * T)   # ✗ multiplies by the temperature\ne = np.exp(x / T)   # ✓",
    "off-by-one": "for i in range(1, len(x)):   # ✗ skips x[0]: math's i = 1 is Python's 0\nfor i in range(len(x)):      # ✓",
    "missing-sqrt": "return np.sum(x ** 2)            # ✗ the squared norm\nreturn np.sqrt(np.sum(x ** 2))   # ✓",
    "missing-abs": "return np.sum(x)           # ✗ ‖x‖₁ sums |x_i|\nreturn np.sum(np.abs(x))   # ✓",
    "missing-term": "return 1 / np.exp(-x)          # ✗ the '1 +' term is missing\nreturn 1 / (1 + np.exp(-x))    # ✓",
    "missing-normalization": "return np.exp(z)                        # ✗ not divided by the sum\n"
                             "return np.exp(z) / np.sum(np.exp(z))    # ✓",
    "missing-value-product": "w = softmax(Q @ K.T / np.sqrt(d_k))\nreturn w          # ✗ the attention weights\n"
                             "return w @ V      # ✓",
    "unstable-exp": "e = np.exp(z)                                   # ✗ overflows for z = 1000\n"
                    "e = np.exp(z - z.max(axis=-1, keepdims=True))   # ✓ same result, no overflow",
    "log-of-zero": "H = -np.sum(p * np.log(p))                           # ✗ 0 · log 0 = nan\n"
                   "H = -np.sum(np.where(p > 0, p * np.log(p), 0.0))     # ✓ 0 · log 0 = 0",
    "batch-inconsistent": "scores = Q @ K.T                        # ✗ .T also swaps a batch axis\n"
                          "scores = Q @ np.swapaxes(K, -1, -2)     # ✓ only the last two axes",
    "input-mutated": "z -= z.max()            # ✗ changes the caller's array\nz = z - z.max()         # ✓ a new array",
    "float32-output": "return (np.exp(z) / np.exp(z).sum()).astype(np.float32)   # compared with a looser tolerance",
    "epsilon-variant": "loss = -np.sum(y * np.log(y_hat + 1e-7))   # accepted: the textbook's guard against log(0)",
    "equivalent-form": "q = Q / np.sqrt(d_k)\nscores = q @ K.T     # accepted: the same as Q @ K.T / np.sqrt(d_k)",
    "convention-assumed": "def cross_entropy_error(y, t):          # the textbook: y predicted, t the label\n"
                          "    return -np.sum(t * np.log(y + 1e-7))   # passes; the note says how it was read",
    "missing-operation": "% eq.tex has \\sqrt{d_k}; the code has no sqrt, no ** 0.5 and no division by a scale",
    "extra-operation": "return np.exp(z) / np.sum(np.exp(z)) * 2   # '* 2' has no counterpart in the equation",
    "internal-error": "$ eq2code check eq.tex impl.py\nEQ901 eq2code failed internally: …",
    "unused-suppression": "return np.exp(z) / np.sum(np.exp(z))   # eq2code: ignore[wrong-shape]   ← nothing to ignore here",
    "rejects-core-form": "e = np.exp(x - x.max(axis=1, keepdims=True))   # ✗ axis=1 needs a batch axis\n"
                         "e = np.exp(x - x.max(axis=-1, keepdims=True))  # ✓ works with and without one",
}

EN: dict[str, Doc] = {
    # input
    "latex-syntax": Doc(
        "The equation file could not be parsed as LaTeX: a brace, a \\left/\\right pair or a command is "
        "incomplete at the marked position.",
        "eq2code computes the reference from the equation itself; an equation it cannot read checks nothing.",
        "Fix the LaTeX at the marked position. Check that every '{' has its '}', every \\left its \\right, "
        "and that \\frac has two arguments."),
    "unsupported-notation": Doc(
        "The equation uses a notation eq2code does not understand (a macro or construct outside the "
        "lecture's notation).",
        "Without a meaning for the notation there is no reference value, so the code cannot be compared.",
        "Rewrite the part with supported notation (\\sum, \\prod, \\frac, \\sqrt, \\exp, \\log, \\max, "
        "matrix products, ^\\top, …), or check that equation by hand."),
    "not-checkable": Doc(
        "The equation is a declaration, a statement (a set, an inequality, a mapping) or otherwise defines "
        "no value to compute, so it cannot be compared with code.",
        "This is information: declarations still fix shapes and spaces for the other equations.",
        "Nothing to fix. To check code, the file needs a definition: a left side, '=', and a right side."),
    "python-syntax": Doc(
        "The implementation is not valid Python: it cannot be parsed (or imported).",
        "Code that does not import cannot run, so nothing can be checked.",
        "Fix the syntax error at the marked position (a missing ':', an unclosed bracket, mixed tabs and "
        "spaces)."),
    "function-not-found": Doc(
        "No function in the implementation file could be identified as the one implementing the equation: "
        "its name matches neither the equation, nor the rule's aliases, nor a tag, and the file has several "
        "public functions.",
        "eq2code must know which function to call.",
        "Pass --function NAME, write '% eq2code: function=NAME' in the equation file, or put "
        "'# eq2code: rule=NAME' on the line above the def."),
    "argument-mapping": Doc(
        "An input of the equation matches no parameter of the function (by name or position), or a "
        "parameter without a default receives nothing.",
        "The function must be called with the equation's inputs in the right places; guessing could compare "
        "the wrong things.",
        "Name the parameters as the equation does (Q, K, V; z or logits; T or temperature), or map them "
        "explicitly: --map SYMBOL=PARAM. Give extra parameters a default."),
    "equation-file": Doc(
        "The equation file cannot be used: it is not UTF-8 text, or it contains no equation.",
        "There is nothing to check against.",
        "Save the file as UTF-8 and write at least one display equation in it."),
    # execution
    "exception": Doc(
        "The function raised an exception on the generated inputs (shown with the input's form and "
        "sizes).",
        "A function that raises computes nothing; the marked line is where it happened. Shape errors often "
        "mean a missing transpose or a reduction without keepdims.",
        "Call the function on the shown input, read the exception and fix the marked line. Check shapes "
        "with `eq2code explain`."),
    "timeout": Doc(
        "Importing the module or calling the function did not finish within the time limit.",
        "An endless loop or top-level work (training, input()) blocks every check.",
        "Remove endless loops and top-level work; put scripts under `if __name__ == \"__main__\":`. If "
        "the computation is genuinely slow, raise --timeout."),
    "resource-limit": Doc(
        "The function used more memory (or another resource) than the sandbox allows.",
        "Usually an array much larger than the inputs is built, e.g. an outer product where a sum is meant.",
        "Do not build arrays larger than the computation needs; reduce as you go."),
    "crashed": Doc(
        "The process running the function ended abnormally: sys.exit(), os._exit(), a signal, or a crash in "
        "native code.",
        "The result was lost, so the function cannot be judged.",
        "Remove sys.exit()/os._exit() and anything that can end the interpreter from the implementation."),
    "wrong-type": Doc(
        "The function returned something that is not a number or an array of numbers (a dict, a string, "
        "an object, a ragged list).",
        "Only numbers can be compared with the equation's value.",
        "Return the computed value as a NumPy array, or a float for a scalar."),
    "no-return": Doc(
        "The function returned None.",
        "A value that is printed or stored in a global is not returned; the caller gets nothing.",
        "End the function with `return` and the result."),
    "nonfinite-output": Doc(
        "The output contains inf or nan where the equation's value is finite.",
        "Non-finite values poison everything computed from them (a loss of nan stops training).",
        "Find the operation that overflows or divides by zero — often exp of a large value or log of 0 — "
        "and compute it stably (subtract the max, use np.where or xlogy)."),
    # result
    "wrong-shape": Doc(
        "The output's shape differs from the equation's (compared exactly: a scalar is not a length-1 "
        "array).",
        "Downstream code relies on shapes; a wrong shape is often a reduction over the wrong axis or a "
        "broadcast gone wrong.",
        "Make the result's shape match the equation's: check each reduction's axis and keepdims, each "
        "reshape and transpose. `eq2code explain` shows the shape after every line."),
    "numeric-mismatch": Doc(
        "The output has the right shape but different values from the equation (relative tolerance about "
        "1e-6), and no known mistake explains the difference.",
        "The code computes something else than the formula.",
        "Evaluate the equation by hand on the shown input and compare each step of the function; "
        "reproduce with the shown --seed."),
    # named mistakes
    "wrong-reduction-axis": Doc(
        "The output equals the equation with a sum, max or softmax taken along a different axis.",
        "Normalising over the wrong axis gives numbers that look plausible (they still sum to 1 somewhere) "
        "but mean something else — e.g. attention weights over queries instead of keys.",
        "Reduce along the axis that the equation's index runs over. For a softmax over the last axis: "
        "axis=-1 with keepdims=True."),
    "missing-keepdims": Doc(
        "A reduction drops its axis (no keepdims=True), so its result does not broadcast against the array "
        "it came from.",
        "With (n, K) / (n,) NumPy raises — or, worse, silently broadcasts along the wrong axis when n == K.",
        "Pass keepdims=True to the reduction, so (n, K) is divided by (n, 1)."),
    "missing-scale": Doc(
        "The output equals the equation without one of its constant factors, such as 1/√d_k.",
        "Without the scale the scores grow with the dimension and the softmax saturates: the model attends "
        "to one key and its gradients vanish.",
        "Apply the factor where the equation does, e.g. Q @ K.T / np.sqrt(d_k)."),
    "wrong-scale": Doc(
        "The output equals the equation with a different factor in place of the right one (d_k instead of "
        "√d_k, the wrong size).",
        "The result is off by a factor that depends on the sizes, so it can pass for one size and fail for "
        "another.",
        "Use exactly the equation's factor; check square roots, reciprocals and which size is used."),
    "missing-transpose": Doc(
        "The output (or the exception) comes from a matrix product without the transpose the equation has, "
        "e.g. Q @ K instead of Q @ K.T.",
        "With square or equal sizes the wrong product still runs and gives wrong numbers; otherwise it "
        "raises a shape error.",
        "Transpose as the equation says: K.T, or np.swapaxes(K, -1, -2) so that batch axes stay in place."),
    "sign-error": Doc(
        "The output equals the equation with a sign flipped — typically the leading minus of a "
        "cross-entropy or a log-likelihood.",
        "A loss with the wrong sign is maximised instead of minimised.",
        "Check the sign of the marked expression; keep the minus in front of Σ y log ŷ."),
    "sum-vs-mean": Doc(
        "The output equals the equation with a mean where it has a sum (or the reverse).",
        "The result is off by the number of terms, so it changes with the batch or vector size.",
        "Use np.sum for \\sum and np.mean only where the equation divides by the count (\\frac{1}{N}\\sum)."),
    "wrong-log-base": Doc(
        "The output equals the equation with the logarithm taken to another base (log2 or log10 instead of "
        "the natural log, or the reverse).",
        "Entropies and losses then come out in bits or digits instead of nats: off by a constant factor.",
        "\\log is the natural logarithm: np.log. Use np.log2 only for \\log_2."),
    "swapped-arguments": Doc(
        "The output equals the equation with two inputs exchanged, e.g. the target and the prediction.",
        "Many formulas are not symmetric: -Σ y log ŷ is not -Σ ŷ log y.",
        "Use each input where the equation uses it, and check the order of the function's parameters."),
    "kl-direction-swapped": Doc(
        "The output equals the KL divergence with its two distributions swapped: D_KL(q‖p) instead of "
        "D_KL(p‖q).",
        "The KL divergence is not symmetric; the two directions behave very differently (mode-seeking vs "
        "mass-covering).",
        "Weight by the first distribution: np.sum(p * np.log(p / q)) for D_KL(p‖q)."),
    "temperature-inverted": Doc(
        "The output equals the equation with the temperature applied the other way round (multiplied instead "
        "of divided).",
        "A high temperature should flatten the distribution; inverted, it sharpens it.",
        "Divide the logits by the temperature: x / T."),
    "off-by-one": Doc(
        "The output equals the equation with an index or a bound shifted by one.",
        "Mathematical indices start at 1, Python's at 0; one term too many or too few changes the result.",
        "Check range() bounds, slices and label indices: \\sum_{i=1}^{n} is range(n) over x[0..n-1]."),
    "missing-sqrt": Doc(
        "The output equals the equation without a square root (e.g. the squared norm instead of the norm).",
        "A squared quantity scales differently: a norm would double when x doubles, its square quadruples.",
        "Take the square root where the equation has \\sqrt: np.sqrt(np.sum(x ** 2))."),
    "missing-abs": Doc(
        "The output equals the equation without an absolute value (e.g. Σ x_i instead of Σ |x_i|).",
        "Positive and negative entries cancel, so the result can be near 0 for a large vector.",
        "Take the absolute value where the equation has |·|: np.abs."),
    "missing-term": Doc(
        "The output equals the equation without one of its terms (a '1 +', a bias, a regulariser).",
        "A missing term changes the value everywhere, often by a constant that is easy to overlook.",
        "Add the missing term; compare the code with the equation term by term."),
    "missing-normalization": Doc(
        "The output equals the equation without its normalisation (a softmax without dividing by the sum).",
        "Unnormalised values are not probabilities: they do not sum to 1.",
        "Divide by the normalising sum, e.g. e / e.sum(axis=-1, keepdims=True)."),
    "missing-value-product": Doc(
        "The output equals the attention weights without the final product with the values V.",
        "Attention returns a weighted combination of the values, shape (n, d_v), not the (n, m) weights.",
        "Multiply the weights by the values: return weights @ V."),
    # robustness
    "unstable-exp": Doc(
        "exp of large inputs overflows to inf (and inf/inf = nan) although the equation's value is finite; "
        "found with large-magnitude stress inputs. The values on ordinary inputs are right.",
        "Real logits can be large; the naive formula is numerically unstable and breaks training at random.",
        "Subtract the maximum before exponentiating: np.exp(x - x.max(axis=-1, keepdims=True)); the result "
        "does not change."),
    "log-of-zero": Doc(
        "log of an exact 0 (a probability on the boundary of the simplex) gives -inf or nan where the "
        "equation's value is finite (0 · log 0 = 0 by convention).",
        "One-hot targets and saturated probabilities contain exact zeros.",
        "Treat 0 · log 0 as 0: scipy.special.xlogy, or np.where(p > 0, p * np.log(p), 0)."),
    "batch-inconsistent": Doc(
        "The function is right on the equation's own shapes but wrong when the inputs carry leading batch "
        "dimensions.",
        "Models apply formulas to batches; .T reverses every axis and axis=0 counts from the front, so "
        "batch axes get mixed in.",
        "Count axes from the end (axis=-1) and use np.swapaxes(x, -1, -2) or x.mT instead of .T."),
    "input-mutated": Doc(
        "The function changes its argument in place (x -= …, x /= …, np.exp(x, out=x), x[...] = …).",
        "The caller's array changes behind its back; code that reuses it later computes with wrong values.",
        "Compute on a new array: x = x - m instead of x -= m, or start with x = np.array(x, dtype=float)."),
    "float32-output": Doc(
        "The result has dtype float32 (or float16), so it was compared with a looser tolerance.",
        "Lower precision is sometimes intended, but it also hides small errors.",
        "Compute in float64 unless lower precision is what you want."),
    # accepted variants
    "epsilon-variant": Doc(
        "The code adds a small constant the equation does not have (log(y + 1e-7), a clip) and the results "
        "agree within tolerance.",
        "This is an accepted variant: it guards against log(0).",
        "Nothing to fix."),
    "equivalent-form": Doc(
        "The code computes a part of the equation in an algebraically equivalent form (scaling Q before the "
        "product, exp(x)**(1/T) for exp(x/T)).",
        "The numbers agree, so this is accepted; the note tells a reader why the code looks different.",
        "Nothing to fix."),
    "convention-assumed": Doc(
        "The function is right when read by a common convention its names or signature do not state "
        "outright: the textbook's y (prediction) and t (teacher label), another order of same-shaped "
        "arguments, one part of a returned tuple or dict, an in-place update, a column (N, 1) for a vector, "
        "a layer class constructed and then called. eq2code tried the convention and the numbers agreed.",
        "A correct function is never flagged for a convention; the note says what was assumed so that a "
        "reader (or a grader) can see it, and how to state it so that nothing is left to guess.",
        "Nothing to fix. To state the reading, pass what the help shows (--map SYMBOL=PARAM, --function "
        "Class.method), or rename the parameters as the equation names them."),
    # structure
    "missing-operation": Doc(
        "No operation in the code corresponds to a part of the equation (a sqrt, a transpose, a sum).",
        "This is structure information; numbers decide whether the code is right.",
        "Check that the part is computed; if it is computed another way, ignore the note."),
    "extra-operation": Doc(
        "The code has an operation with no counterpart in the equation.",
        "This is structure information; numbers decide whether the code is right.",
        "Check whether the operation belongs to the equation; remove it if it does not."),
    # tool
    "internal-error": Doc(
        "eq2code itself failed while checking.",
        "This is a bug in eq2code, not in your code.",
        "Report it with the equation and implementation files."),
    "unused-suppression": Doc(
        "A '# eq2code: ignore[NAME]' comment suppresses a finding that is not reported there.",
        "Stale suppressions hide future problems and mislead readers.",
        "Remove the name (or the whole comment)."),
    "rejects-core-form": Doc(
        "The function is right on inputs with a leading batch axis but rejects the equation's own shapes "
        "(e.g. a hard-coded axis=1).",
        "It passes, but only works in the batched setting.",
        "Use axis=-1 instead of a fixed axis, so both forms work."),
}

JA: dict[str, Doc] = {
    # input
    "latex-syntax": Doc(
        "数式ファイルを LaTeX として構文解析できませんでした。印の位置で中括弧、\\left/\\right の対、"
        "またはコマンドが不完全です。",
        "eq2code は数式そのものから参照値を計算します。読めない数式では何も確認できません。",
        "印の位置の LaTeX を直してください。「{」と「}」、\\left と \\right が対応しているか、"
        "\\frac に引数が 2 つあるかを確認してください。"),
    "unsupported-notation": Doc(
        "eq2code が理解できない記法（講義の記法にないマクロや構文）が数式に含まれています。",
        "記法の意味が分からなければ参照値がなく、コードと比較できません。",
        "対応している記法（\\sum、\\prod、\\frac、\\sqrt、\\exp、\\log、\\max、行列積、^\\top など）で"
        "書き直すか、その式は手で確認してください。"),
    "not-checkable": Doc(
        "この式は宣言や命題（集合、不等式、写像など）で、計算する値を定義していないため、コードと照合できません。",
        "情報です。宣言は他の式の形状と値の範囲を決めるのに使われます。",
        "修正は不要です。コードを確認するには、左辺・「=」・右辺からなる定義が必要です。"),
    "python-syntax": Doc(
        "実装ファイルが正しい Python ではなく、構文解析（または import）できません。",
        "import できないコードは実行できないため、何も確認できません。",
        "印の位置の構文エラー（「:」の抜け、閉じていない括弧、タブと空白の混在など）を直してください。"),
    "function-not-found": Doc(
        "実装ファイルの中で、数式を実装した関数を特定できませんでした。名前が数式ともルールの別名とも"
        "タグとも一致せず、公開関数が複数あります。",
        "eq2code はどの関数を呼び出すかを知る必要があります。",
        "--function NAME を指定するか、数式ファイルに「% eq2code: function=NAME」と書くか、"
        "def の上の行に「# eq2code: rule=NAME」と書いてください。"),
    "argument-mapping": Doc(
        "数式の入力が関数のどの引数にも（名前でも位置でも）対応しないか、既定値のない引数に何も渡されません。",
        "数式の入力を正しい引数に渡す必要があります。推測すると違うもの同士を比較しかねません。",
        "引数名を数式に合わせる（Q, K, V、z や logits、T や temperature）か、--map SYMBOL=PARAM で"
        "明示してください。余分な引数には既定値を与えてください。"),
    "equation-file": Doc(
        "数式ファイルを使えません。UTF-8 のテキストでないか、数式が含まれていません。",
        "照合する相手がありません。",
        "ファイルを UTF-8 で保存し、数式を少なくとも 1 つ書いてください。"),
    # execution
    "exception": Doc(
        "生成した入力で関数が例外を送出しました（入力の形式とサイズを表示します）。",
        "例外を送出する関数は何も計算しません。印の行が発生箇所です。形状のエラーは、転置の忘れや "
        "keepdims のない集約が原因であることが多いです。",
        "表示された入力で関数を呼び出し、例外を読んで印の行を直してください。形状は `eq2code explain` で"
        "確認できます。"),
    "timeout": Doc(
        "モジュールの import または関数の呼び出しが制限時間内に終わりませんでした。",
        "無限ループやモジュール直下の処理（学習、input()）があると、どの確認も進みません。",
        "無限ループとモジュール直下の処理を取り除き、スクリプト部分は `if __name__ == \"__main__\":` の下に"
        "置いてください。本当に時間のかかる計算なら --timeout を増やしてください。"),
    "resource-limit": Doc(
        "関数がサンドボックスの上限を超えるメモリ（などの資源）を使いました。",
        "たいていは入力よりはるかに大きな配列を作っています（総和のつもりで外積を作る、など）。",
        "必要以上に大きな配列を作らず、途中で集約してください。"),
    "crashed": Doc(
        "関数を実行していたプロセスが異常終了しました（sys.exit()、os._exit()、シグナル、"
        "ネイティブコードのクラッシュ）。",
        "結果が失われたため、関数を判定できません。",
        "実装から sys.exit()、os._exit() など、インタプリタを終了させうるコードを取り除いてください。"),
    "wrong-type": Doc(
        "関数が数値でも数値の配列でもないもの（dict、文字列、オブジェクト、長さの揃わないリスト）を返しました。",
        "数式の値と比較できるのは数値だけです。",
        "計算した値を NumPy 配列（スカラーなら float）として返してください。"),
    "no-return": Doc(
        "関数が None を返しました。",
        "print した値やグローバル変数に入れた値は返り値ではなく、呼び出し側には何も届きません。",
        "関数の最後で結果を `return` してください。"),
    "nonfinite-output": Doc(
        "数式の値は有限なのに、出力に inf や nan が含まれています。",
        "非有限の値はそこから計算されるものすべてを壊します（損失が nan になると学習が止まります）。",
        "オーバーフローやゼロ除算を起こす演算（大きな値の exp、0 の log など）を探し、数値的に安定な方法"
        "（最大値を引く、np.where や xlogy を使う）で計算してください。"),
    # result
    "wrong-shape": Doc(
        "出力の形状が数式の形状と異なります（厳密に比較します。スカラーと長さ 1 の配列は別物です）。",
        "後続のコードは形状を前提にしています。形状の誤りは、集約の軸の誤りやブロードキャストの誤りで"
        "あることが多いです。",
        "結果の形状を数式に合わせてください。各集約の axis と keepdims、reshape と転置を確認してください。"
        "`eq2code explain` で各行の後の形状を確認できます。"),
    "numeric-mismatch": Doc(
        "出力の形状は正しいのですが、値が数式と一致しません（相対許容誤差は約 1e-6）。既知の誤りのどれにも"
        "当てはまりません。",
        "コードが数式と別のものを計算しています。",
        "表示された入力で数式を手で計算し、関数の各ステップと比べてください。表示された --seed で再現できます。"),
    # named mistakes
    "wrong-reduction-axis": Doc(
        "出力は、総和・最大値・softmax を別の軸に沿ってとった数式の値と一致します。",
        "間違った軸で正規化すると、それらしい数（どこかの軸では和が 1）になりますが意味が変わります。"
        "たとえばアテンションの重みがキーではなくクエリについての分布になります。",
        "数式の添字が動く軸に沿って集約してください。最後の軸に沿った softmax なら axis=-1, keepdims=True です。"),
    "missing-keepdims": Doc(
        "集約で軸が消えている（keepdims=True がない）ため、結果が元の配列とブロードキャストできません。",
        "(n, K) / (n,) は例外になります。さらに悪いことに n == K のときは、間違った軸で黙って"
        "ブロードキャストされます。",
        "集約に keepdims=True を渡し、(n, K) を (n, 1) で割るようにしてください。"),
    "missing-scale": Doc(
        "出力は、定数の係数（1/√d_k など）を除いた数式の値と一致します。",
        "スケーリングがないとスコアが次元とともに大きくなり、softmax が飽和します。"
        "1 つのキーにしか注意が向かず、勾配が消えます。",
        "数式と同じ位置で係数を掛けてください（Q @ K.T / np.sqrt(d_k) など）。"),
    "wrong-scale": Doc(
        "出力は、正しい係数の代わりに別の係数（√d_k ではなく d_k、別のサイズ）を使った数式の値と一致します。",
        "サイズに依存する倍率だけずれるため、あるサイズでは合格し別のサイズでは失敗することがあります。",
        "係数は数式どおりにしてください。平方根、逆数、どのサイズを使うかを確認してください。"),
    "missing-transpose": Doc(
        "出力（または例外）は、数式にある転置のない行列積から来ています（Q @ K.T ではなく Q @ K など）。",
        "サイズが正方や等しいときは誤った積がそのまま計算されて誤った値になり、そうでなければ"
        "形状のエラーになります。",
        "数式のとおりに転置してください。K.T、またはバッチ軸をそのままにする np.swapaxes(K, -1, -2) です。"),
    "sign-error": Doc(
        "出力は、符号を反転した数式の値と一致します。典型的には交差エントロピーや対数尤度の先頭のマイナスです。",
        "符号が逆の損失は最小化ではなく最大化されます。",
        "印の式の符号を確認し、Σ y log ŷ の前のマイナスを残してください。"),
    "sum-vs-mean": Doc(
        "出力は、総和を平均に（または平均を総和に）置き換えた数式の値と一致します。",
        "項の個数の倍だけずれるため、バッチやベクトルのサイズで結果が変わります。",
        "\\sum には np.sum を使い、np.mean は数式が個数で割っている（\\frac{1}{N}\\sum）ときだけ使ってください。"),
    "wrong-log-base": Doc(
        "出力は、対数を別の底（自然対数の代わりに log2 や log10、またはその逆）でとった数式の値と一致します。",
        "エントロピーや損失が nat ではなく bit や桁の単位になり、定数倍ずれます。",
        "\\log は自然対数で np.log です。np.log2 は \\log_2 のときだけ使ってください。"),
    "swapped-arguments": Doc(
        "出力は、2 つの入力（正解ラベルと予測など）を入れ替えた数式の値と一致します。",
        "多くの式は対称ではありません。-Σ y log ŷ と -Σ ŷ log y は別物です。",
        "各入力を数式と同じ場所で使い、関数の引数の順序も確認してください。"),
    "kl-direction-swapped": Doc(
        "出力は、2 つの分布を入れ替えた KL ダイバージェンス（D_KL(p‖q) ではなく D_KL(q‖p)）と一致します。",
        "KL ダイバージェンスは対称ではなく、2 つの向きはまったく違う振る舞いをします。",
        "最初の分布で重み付けしてください。D_KL(p‖q) なら np.sum(p * np.log(p / q)) です。"),
    "temperature-inverted": Doc(
        "出力は、温度を逆向きに（割る代わりに掛けて）適用した数式の値と一致します。",
        "温度が高いほど分布は平らになるはずですが、逆にすると鋭くなります。",
        "ロジットを温度で割ってください: x / T。"),
    "off-by-one": Doc(
        "出力は、添字または範囲を 1 つずらした数式の値と一致します。",
        "数式の添字は 1 始まり、Python は 0 始まりです。項が 1 つ多い・少ないだけで結果が変わります。",
        "range() の範囲、スライス、ラベルの添字を確認してください。\\sum_{i=1}^{n} は x[0..n-1] にわたる range(n) です。"),
    "missing-sqrt": Doc(
        "出力は、平方根を除いた数式の値（ノルムではなくノルムの 2 乗など）と一致します。",
        "2 乗した量は変わり方が違います。x を 2 倍するとノルムは 2 倍ですが、その 2 乗は 4 倍です。",
        "数式に \\sqrt がある位置で平方根をとってください: np.sqrt(np.sum(x ** 2))。"),
    "missing-abs": Doc(
        "出力は、絶対値を除いた数式の値（Σ |x_i| ではなく Σ x_i など）と一致します。",
        "正と負の要素が打ち消し合い、大きなベクトルでも結果が 0 に近くなりえます。",
        "数式に |·| がある位置で絶対値（np.abs）をとってください。"),
    "missing-term": Doc(
        "出力は、項の 1 つ（「1 +」、バイアス、正則化項など）を除いた数式の値と一致します。",
        "項が欠けると値がどこでも変わり、見落としやすい定数だけずれることがよくあります。",
        "欠けている項を加えてください。コードと数式を項ごとに見比べてください。"),
    "missing-normalization": Doc(
        "出力は、正規化を除いた数式の値（総和で割らない softmax など）と一致します。",
        "正規化していない値は確率ではなく、総和が 1 になりません。",
        "正規化のための総和で割ってください: e / e.sum(axis=-1, keepdims=True)。"),
    "missing-value-product": Doc(
        "出力は、最後の値 V との積を除いたアテンションの重みと一致します。",
        "アテンションは値の重み付き和（形状 (n, d_v)）を返します。(n, m) の重みではありません。",
        "重みに値を掛けてください: return weights @ V。"),
    # robustness
    "unstable-exp": Doc(
        "数式の値は有限なのに、大きな入力で exp が inf にオーバーフローします（inf/inf = nan）。"
        "大きさの大きいストレス入力で見つかります。通常の入力での値は正しいです。",
        "実際のロジットは大きくなりえます。素朴な式は数値的に不安定で、学習が不意に壊れます。",
        "exp の前に最大値を引いてください: np.exp(x - x.max(axis=-1, keepdims=True))。結果は変わりません。"),
    "log-of-zero": Doc(
        "ちょうど 0 の値（確率単体の境界にある確率）の log が -inf や nan になりますが、数式の値は有限です"
        "（慣習として 0 · log 0 = 0）。",
        "one-hot の正解ラベルや飽和した確率にはちょうど 0 が含まれます。",
        "0 · log 0 を 0 として扱ってください: scipy.special.xlogy、または np.where(p > 0, p * np.log(p), 0)。"),
    "batch-inconsistent": Doc(
        "数式どおりの形状では正しいのですが、入力の先頭にバッチ次元があると結果が一致しません。",
        "モデルは式をバッチに適用します。.T はすべての軸を逆順にし、axis=0 は先頭から数えるため、"
        "バッチ軸が混ざります。",
        "軸は末尾から数え（axis=-1）、.T の代わりに np.swapaxes(x, -1, -2) や x.mT を使ってください。"),
    "input-mutated": Doc(
        "関数が引数をその場で書き換えています（x -= …、x /= …、np.exp(x, out=x)、x[...] = … など）。",
        "呼び出し元の配列が知らないうちに変わり、後でそれを使うコードが誤った値で計算します。",
        "新しい配列で計算してください。x -= m ではなく x = x - m、または最初に x = np.array(x, dtype=float)。"),
    "float32-output": Doc(
        "結果の dtype が float32（または float16）のため、緩い許容誤差で比較しました。",
        "精度を下げるのが意図的なこともありますが、小さな誤りも隠れます。",
        "精度を下げる意図がなければ float64 で計算してください。"),
    # accepted variants
    "epsilon-variant": Doc(
        "コードが数式にない小さな定数を加えていますが（log(y + 1e-7)、clip）、結果は許容誤差内で一致します。",
        "許容される変形です。log(0) を防ぐための書き方です。",
        "修正は不要です。"),
    "equivalent-form": Doc(
        "コードが数式の一部を代数的に同値な形で計算しています（積の前に Q をスケーリングする、"
        "exp(x/T) を exp(x)**(1/T) と書く など）。",
        "値が一致するので許容されます。この注記は、コードの見た目が違う理由を読み手に伝えます。",
        "修正は不要です。"),
    "convention-assumed": Doc(
        "名前やシグネチャからははっきりしない一般的な慣習で読むと、関数は正しく計算しています（教科書の y（予測）と "
        "t（教師ラベル）、同じ形の引数の別の順序、戻り値のタプルや辞書の要素、引数のその場での更新、ベクトルの代わりの"
        "列 (N, 1)、生成してから呼び出す層のクラス）。eq2code はその慣習で試し、値が一致しました。",
        "正しい関数を慣習の違いで誤りとはしません。何を仮定したかを注記で示すので、読み手（採点者）も確認できます。",
        "修正は不要です。読み方を明示するには、help に示した指定（--map SYMBOL=PARAM、--function Class.method）を"
        "渡すか、引数の名前を数式と同じにしてください。"),
    # structure
    "missing-operation": Doc(
        "数式の一部（平方根、転置、総和など）に対応する演算がコードに見当たりません。",
        "構造についての情報です。正しいかどうかは値で決まります。",
        "その部分が計算されているか確認してください。別の書き方で計算しているなら、この注記は無視して構いません。"),
    "extra-operation": Doc(
        "コードに、数式に対応する部分のない演算があります。",
        "構造についての情報です。正しいかどうかは値で決まります。",
        "その演算が数式に含まれるものか確認し、含まれないなら取り除いてください。"),
    # tool
    "internal-error": Doc(
        "確認中に eq2code 自体が失敗しました。",
        "あなたのコードではなく eq2code の不具合です。",
        "数式ファイルと実装ファイルを添えて報告してください。"),
    "unused-suppression": Doc(
        "「# eq2code: ignore[NAME]」コメントが、その場所で報告されていない指摘を抑制しています。",
        "使われていない抑制は将来の問題を隠し、読み手を惑わせます。",
        "その名前（またはコメント全体）を削除してください。"),
    "rejects-core-form": Doc(
        "先頭にバッチ軸がある入力では正しいのですが、数式どおりの形状の入力を受け付けません"
        "（axis=1 の決め打ちなど）。",
        "合格にはなりますが、バッチ付きの場合にしか動きません。",
        "固定の軸ではなく axis=-1 を使い、どちらの形でも動くようにしてください。"),
}

CATALOGUES = {"en": EN, "ja": JA}

# The words around a finding's page in one language ("from" is a keyword, hence the call form).
Headings = TypedDict("Headings", {"what": str, "why": str, "example": str, "fix": str,
                                  "severity": dict[str, str], "group": str, "from": str})

HEADINGS: dict[str, Headings] = {
    "en": {"what": "What it means", "why": "Why it matters", "example": "Example", "fix": "How to fix it",
           "severity": {"error": "error", "warning": "warning", "info": "info", "hint": "hint"},
           "group": "group", "from": "from {path}"},
    "ja": {"what": "意味", "why": "なぜ問題か", "example": "例", "fix": "修正方法",
           "severity": {"error": "エラー", "warning": "警告", "info": "情報", "hint": "ヒント"},
           "group": "分類", "from": "{path} より"},
}

EXAMPLE_HEADER = re.compile(r"^#\s*eq2code-example:\s*(.*?)\s*$")


def lookup(name_or_code: str) -> Kind | None:
    """The finding kind for a name or code (case-insensitive; "EQ301", "wrong-reduction-axis")."""
    k = kind(name_or_code)
    if k is None:
        k = kind(name_or_code.strip().lower().replace("_", "-"))
    return k


def close_matches(name_or_code: str, n: int = 5) -> list[str]:
    """Finding names (and codes) that look like what was asked for."""
    key = name_or_code.strip().lower().replace("_", "-")
    names = list(KINDS)
    found = difflib.get_close_matches(key, names, n=n, cutoff=0.6)
    found += [k for k in names if key and (key in k or k in key) and k not in found]
    codes = {k.code.lower(): k.name for k in KINDS.values()}
    found += [codes[c] for c in difflib.get_close_matches(key, list(codes), n=2, cutoff=0.8) if codes[c] not in found]
    return found[:n]


def doc(name: str, lang: str = "en") -> Doc:
    """The documentation of a finding; a name without an entry gets one built from its messages."""
    catalogue = CATALOGUES.get(lang, EN)
    found = catalogue.get(name) or EN.get(name)
    if found is not None:
        return found
    from eq2code.findings.messages import entry

    e = entry(name, lang)
    return Doc(e.title, "", e.help)


@dataclass
class Example:
    path: str  # shown path (relative to the repository when possible)
    code: str  # the file without its eq2code-example header
    note: str = ""


def examples_dirs() -> list[Path]:
    """Where the examples folder may be: the repository around the package, or the working directory."""
    here = Path(__file__).resolve()
    candidates = [here.parents[3] / "examples", Path.cwd() / "examples"]
    out = []
    for c in candidates:
        if c.is_dir() and c not in out:
            out.append(c)
    return out


def find_example(name: str, directories: list[Path] | None = None) -> Example | None:
    """A file in examples/ whose header names the finding (mistake= first, then findings=)."""
    best: tuple[int, Path, dict] | None = None
    for directory in examples_dirs() if directories is None else directories:
        for path in sorted(directory.rglob("*.py")):
            meta = example_header(path)
            if not meta:
                continue
            findings = [f.strip() for f in meta.get("findings", "").split(",") if f.strip()]
            mistakes = [f.strip() for f in meta.get("mistake", "").split(",") if f.strip()]
            rank = 0 if name in mistakes else 1 if name in findings else None
            if rank is None:
                continue
            # prefer a file that names only this finding, then the shortest
            rank = rank * 2 + (len(set(findings + mistakes)) > 1)
            if best is None or rank < best[0]:
                best = (rank, path, meta)
        if best is not None:
            break
    if best is None:
        return None
    _, path, meta = best
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    body = [line for line in lines if not EXAMPLE_HEADER.match(line)]
    while body and not body[0].strip():
        body.pop(0)
    shown = path
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        try:
            shown = path.resolve().relative_to(base.resolve())
            break
        except ValueError:
            continue
    return Example(str(shown), "\n".join(body).rstrip() + "\n", meta.get("note", ""))


def example_header(path: Path) -> dict[str, str]:
    """The `# eq2code-example: verdict=… findings=… mistake=…` header of an example file
    (`note=` runs to the end of its line); {} for a file without one."""
    meta: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as stream:
            for _ in range(10):
                line = stream.readline()
                m = EXAMPLE_HEADER.match(line)
                if not m:
                    if line.strip() and not line.startswith("#"):
                        break
                    continue
                text = m.group(1)
                if text.startswith("note="):
                    meta["note"] = text[5:]
                    continue
                for item in text.split():
                    key, _, value = item.partition("=")
                    meta[key] = value
    except (OSError, UnicodeDecodeError):
        return {}
    return meta


def page(name: str, lang: str = "en", use_examples: bool = True) -> dict:
    """Everything `eq2code docs` shows about a finding, as plain data."""
    k = KINDS[name]
    d = doc(name, lang)
    from eq2code.findings.messages import title

    example = find_example(name) if use_examples else None
    return {
        "name": k.name, "code": k.code, "severity": k.severity.label, "group": k.group,
        "title": title(name, lang), "what": d.what, "why": d.why, "fix": d.fix,
        "example": ({"path": example.path, "code": example.code, "note": example.note} if example is not None
                    else {"path": None, "code": SNIPPETS.get(name, ""), "note": d.caption}),
    }


def render_text(p: dict, lang: str = "en") -> str:
    h = HEADINGS.get(lang, HEADINGS["en"])
    severity = h["severity"].get(p["severity"], p["severity"])
    out = [f"{p['code']} {p['name']}: {p['title']} ({severity})", ""]
    for key in ("what", "why"):
        if p[key]:
            out += [h[key], _indent(p[key]), ""]
    ex = p["example"]
    if ex.get("code"):
        out.append(h["example"] + (f" ({h['from'].format(path=ex['path'])})" if ex.get("path") else ""))
        if ex.get("note"):
            out.append(_indent(ex["note"]))
        out += ["", _indent(ex["code"].rstrip(), 4), ""]
    out += [h["fix"], _indent(p["fix"])]
    return "\n".join(out)


def render_markdown(name: str, use_examples: bool = True) -> str:
    """The page docs/findings/<name>.md: English first, then Japanese."""
    en, ja = page(name, "en", use_examples), page(name, "ja", use_examples)
    out = [f"# {en['name']} ({en['code']})", "",
           f"**{en['title']}** · {en['severity']} · group: {en['group']}  ",
           f"日本語: **{ja['title']}**", ""]
    for p, lang in ((en, "en"), (ja, "ja")):
        h = HEADINGS[lang]
        if lang == "ja":
            out += ["---", "", "## 日本語", ""]
        level = "##" if lang == "en" else "###"
        for key in ("what", "why"):
            if p[key]:
                out += [f"{level} {h[key]}", "", p[key], ""]
        ex = p["example"]
        if ex.get("code") and lang == "ja":
            out += [f"{level} {h['example']}", "", "上の例を参照してください。", ""]
        elif ex.get("code"):
            source = f" (`{ex['path']}`)" if ex.get("path") else ""
            out += [f"{level} {h['example']}{source}", ""]
            if ex.get("note"):
                out += [ex["note"], ""]
            fence = "latex" if ex["code"].lstrip().startswith("%") else "python"
            out += [f"```{fence}", ex["code"].rstrip(), "```", ""]
        out += [f"{level} {h['fix']}", "", p["fix"], ""]
    out += ["---", "", f"See also: `eq2code docs {en['name']}` · `eq2code docs {en['code']} --lang ja`", ""]
    return "\n".join(out)


def _indent(text: str, n: int = 2) -> str:
    return "\n".join((" " * n + line) if line else "" for line in text.splitlines())
