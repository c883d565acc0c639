# eq2code-example: verdict=pass
# eq2code-example: note=All heads at once with einsum; the per-head outputs are laid side by side with transpose + reshape.
import numpy as np


def mha(Q, K, V, Wq, Wk, Wv, Wo):
    q = np.einsum("nd,hdk->hnk", Q, Wq)
    k = np.einsum("md,hdk->hmk", K, Wk)
    v = np.einsum("md,hdv->hmv", V, Wv)
    s = np.einsum("hnk,hmk->hnm", q, k) / np.sqrt(q.shape[-1])
    s -= s.max(axis=-1, keepdims=True)
    a = np.exp(s)
    a /= a.sum(axis=-1, keepdims=True)
    heads = np.einsum("hnm,hmv->hnv", a, v)
    h, n, d_v = heads.shape
    concat = heads.transpose(1, 0, 2).reshape(n, h * d_v)
    return concat @ Wo
