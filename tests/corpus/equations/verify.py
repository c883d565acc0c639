"""Verify the corpus implementations against independent references.

For every folder impl/<equation-id>/ this builds random inputs from check.json, computes the
value with a reference written here from the quoted mathematics (explicit loops over indices,
the math module, or np.linalg — never by calling correct.py), and checks that

* correct.py matches the reference on every trial (rtol 1e-6), and
* wrong.py does not match on at least one trial (a different value, a different shape, or an
  exception).

It does not import eq2code. Run it directly (``python verify.py``) or through
tests/test_corpus_equations_verify.py.
"""
from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
IMPL = HERE / "impl"
TRIALS = 4
RTOL = 1e-6
ATOL = 1e-12


# ----------------------------------------------------------------------------------------
# Inputs
# ----------------------------------------------------------------------------------------

def draw(spec: dict, rng: np.random.Generator):
    """Draw one input from a check.json entry: {"shape": [...], "domain": "..."}."""
    shape = tuple(spec["shape"])
    dom = spec["domain"]
    if dom == "real":
        x = rng.normal(size=shape)
    elif dom == "positive":
        x = rng.uniform(0.2, 2.0, size=shape)
    elif dom == "prob":
        x = rng.uniform(0.05, 0.95, size=shape)
    elif dom == "binary":
        x = rng.integers(0, 2, size=shape).astype(float)
    elif dom == "sign":
        x = rng.choice([-1, 1], size=shape)
        return int(x) if shape == () else x
    elif dom == "simplex":
        w = rng.uniform(0.1, 1.0, size=shape)
        x = w / w.sum(axis=-1, keepdims=True)
    elif dom == "onehot":
        k = shape[-1]
        idx = rng.integers(0, k, size=shape[:-1])
        x = np.eye(k)[idx]
    elif dom == "spd":
        n = shape[-1]
        a = rng.normal(size=(n, n))
        x = a @ a.T + n * np.eye(n) * 0.5
    elif dom.startswith("uniform:"):
        lo, hi = (float(v) for v in dom[len("uniform:"):].split(".."))
        x = rng.uniform(lo, hi, size=shape)
    elif dom.startswith("int:"):
        lo, hi = (int(v) for v in dom[len("int:"):].split(".."))
        x = rng.integers(lo, hi + 1, size=shape)
        return int(x) if shape == () else x
    else:
        raise ValueError(f"unknown domain {dom!r}")
    return float(x) if shape == () else x


# ----------------------------------------------------------------------------------------
# Independent references, one per equation id, written from the quoted LaTeX
# ----------------------------------------------------------------------------------------

def _sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _vec(f, *arrays):
    """Apply a scalar function entry by entry with an explicit loop."""
    a0 = np.asarray(arrays[0], dtype=float)
    out = np.empty(a0.shape)
    for idx in np.ndindex(a0.shape):
        out[idx] = f(*(float(np.asarray(a, dtype=float)[idx]) for a in arrays))
    return out


def _matvec(W, x):
    W = np.asarray(W, dtype=float)
    x = np.asarray(x, dtype=float)
    out = np.zeros(W.shape[0])
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            out[i] += W[i, j] * x[j]
    return out


def _softmax_list(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return np.array([v / s for v in e])


def _norm_pdf(x, mu, var):
    return math.exp(-(x - mu) ** 2 / (2 * var)) / math.sqrt(2 * math.pi * var)


REF = {}


def ref(eq_id):
    def deco(f):
        REF[eq_id] = f
        return f
    return deco


@ref("abap34-ml-lecture-013")
def _(x_n, eta, grad):
    return np.array([x_n[i] - eta * grad[i] for i in range(len(x_n))])


@ref("abap34-ml-lecture-012")
def _(x_n, eta, h_next, grad):
    return x_n - (eta / math.sqrt(h_next)) * grad


@ref("abap34-ml-lecture-036")
def _(x_n, v_n, alpha, eta, grad):
    out = []
    for i in range(len(x_n)):
        v1 = alpha * v_n[i] - eta * grad[i]
        out.append(x_n[i] + v1)
    return np.array(out)


@ref("abap34-ml-lecture-026")
def _(W, u, b):
    z = _matvec(W, u)
    return np.array([_sig(z[i] + b[i]) for i in range(len(b))])


@ref("abap34-ml-lecture-030")
def _(x, a, b, c):
    return sum(a[i] * _sig(b[i] * x + c[i]) for i in range(len(a)))


@ref("abap34-ml-lecture-025")
def _(x, a, b, c):
    return sum(a[i] * math.sin(b[i] * x + c[i]) for i in range(5))


@ref("abap34-ml-lecture-039")
def _(x, mu, sigma):
    return _vec(lambda v: (v - mu) / sigma, x)


@ref("nyu-dlsp20-ja-011")
def _(w_t, m_t, v_t, grad, alpha, beta, gamma, epsilon):
    out = []
    for i in range(len(w_t)):
        v1 = alpha * v_t[i] + (1 - alpha) * grad[i] ** 2
        out.append(w_t[i] - gamma * m_t[i] / (math.sqrt(v1) + epsilon))
    return np.array(out)


@ref("nyu-dlsp20-ja-014")
def _(x_t, h_prev, c_prev, W_f, W_i, W_o, W_c, U_f, U_i, U_o, U_c, b_f, b_i, b_o, b_c):
    h = []
    pre = {k: _matvec(W, x_t) + _matvec(U, h_prev) for k, W, U in
           (("f", W_f, U_f), ("i", W_i, U_i), ("o", W_o, U_o), ("c", W_c, U_c))}
    for j in range(len(h_prev)):
        f = _sig(pre["f"][j] + b_f[j])
        i = _sig(pre["i"][j] + b_i[j])
        o = _sig(pre["o"][j] + b_o[j])
        c = f * c_prev[j] + i * math.tanh(pre["c"][j] + b_c[j])
        h.append(o * math.tanh(c))
    return np.array(h)


@ref("nyu-dlsp20-ja-016")
def _(x, x_hat):
    return 0.5 * sum((x[i] - x_hat[i]) ** 2 for i in range(len(x)))


@ref("nyu-dlsp20-ja-019")
def _(z, y, W, lam):
    r = y - _matvec(W, z)
    return float(np.linalg.norm(r) ** 2 + lam * np.linalg.norm(z, 1))


@ref("nyu-dlsp20-ja-023")
def _(x, a):
    return _vec(lambda v: v if v >= 0 else a * v, x)


@ref("nyu-dlsp20-ja-024")
def _(x):
    return _vec(lambda v: min(max(0.0, v), 6.0), x)


@ref("nyu-dlsp20-ja-032")
def _(theta, eta, lam, grad):
    def sgn(v):
        return 1.0 if v > 0 else (-1.0 if v < 0 else 0.0)

    return np.array([theta[i] - eta * grad[i] - eta * lam * sgn(theta[i]) for i in range(len(theta))])


@ref("nyu-dlsp20-ja-006")
def _(X_1, X_2, dC_dY):
    return np.array([dC_dY[i] * 1 if X_1[i] > X_2[i] else 0.0 for i in range(len(X_1))])


@ref("fumishiki-zenn-005")
def _(s):
    n = len(s)
    return np.array([[(s[k] if k == j else 0.0) - s[k] * s[j] for j in range(n)] for k in range(n)])


@ref("fumishiki-zenn-021")
def _(Q, K):
    dk, n = Q.shape
    out = np.zeros((n, K.shape[1]))
    for a in range(n):
        row = [sum(Q[r, a] * K[r, b] for r in range(dk)) / math.sqrt(dk) for b in range(K.shape[1])]
        out[a] = _softmax_list(row)
    return out


@ref("fumishiki-zenn-022")
def _(s, tau):
    return _softmax_list([v / tau for v in s])


@ref("fumishiki-zenn-037")
def _(mu_r, mu_g, Sigma_r, Sigma_g):
    # tr((S_r S_g)^{1/2}) = tr((S_r^{1/2} S_g S_r^{1/2})^{1/2}), both symmetric square roots via eigh
    w, U = np.linalg.eigh(Sigma_r)
    root_r = U @ np.diag(np.sqrt(w)) @ U.T
    m = root_r @ Sigma_g @ root_r
    tr_covmean = sum(math.sqrt(max(v, 0.0)) for v in np.linalg.eigvalsh((m + m.T) / 2))
    return float(sum((mu_r[i] - mu_g[i]) ** 2 for i in range(len(mu_r)))
                 + np.trace(Sigma_r) + np.trace(Sigma_g) - 2.0 * tr_covmean)


@ref("fumishiki-zenn-042")
def _(x, mu, sigma2, epsilon):
    return _vec(lambda v: (v - mu) / math.sqrt(sigma2 + epsilon), x)


@ref("fumishiki-zenn-001")
def _(W, x, b):
    z = _matvec(W, x)
    return np.array([_sig(z[i] + b[i]) for i in range(len(b))])


@ref("fumishiki-zenn-007")
def _(sigma2, D):
    return max(0.0, 0.5 * math.log(sigma2 / D))


@ref("uvadlc-notebooks-034")
def _(Q, K, V):
    dk = Q.shape[1]
    scores = np.einsum("id,jd->ij", Q, K) / math.sqrt(dk)
    weights = np.array([_softmax_list(list(row)) for row in scores])
    return np.einsum("ij,jv->iv", weights, V)


@ref("uvadlc-notebooks-032")
def _(x, y):
    return -sum(y[i] * math.log(x[i]) + (1 - y[i]) * math.log(1 - x[i]) for i in range(len(x)))


@ref("uvadlc-notebooks-005")
def _(H, X, lam):
    A = H.T @ H + lam * np.eye(H.shape[1])
    return np.linalg.inv(A) @ H.T @ X


@ref("uvadlc-notebooks-024")
def _(x, tau):
    den = sum(math.exp(v / tau) for v in x)
    return np.array([math.exp(v / tau) / den for v in x])


@ref("uvadlc-notebooks-028")
def _(nll, d):
    prod = 1
    for v in d:
        prod *= int(v)
    return nll * math.log2(math.e) / prod


@ref("uvadlc-notebooks-030")
def _(W_f, W_g, x):
    a = _matvec(W_f, x)
    g = _matvec(W_g, x)
    return np.array([math.tanh(a[i]) * _sig(g[i]) for i in range(len(a))])


@ref("uvadlc-notebooks-042")
def _(TP, TN, FP, FN):
    return (TP + TN) / (TP + TN + FP + FN)


@ref("nyu-dlsp20-en-010")
def _(w_k, p_k, beta_k, gamma_k, grad):
    return np.array([w_k[i] - gamma_k * (beta_k * p_k[i] + grad[i]) for i in range(len(w_k))])


@ref("nyu-dlsp20-en-011")
def _(x, beta):
    return _vec(lambda v: (1 / beta) * math.log(1 + math.exp(beta * v)), x)


@ref("nyu-dlsp20-en-012")
def _(x, scale, alpha):
    return _vec(lambda v: scale * (max(0.0, v) + min(0.0, alpha * (math.exp(v) - 1))), x)


@ref("nyu-dlsp20-en-013")
def _(x, lam):
    def f(v):
        if v > lam:
            return v - lam
        if v < -lam:
            return v + lam
        return 0.0
    return _vec(f, x)


@ref("nyu-dlsp20-en-015")
def _(x):
    den = sum(math.exp(-v) for v in x)
    return np.array([math.exp(-v) / den for v in x])


@ref("nyu-dlsp20-en-016")
def _(x, y):
    return _vec(lambda a, b: 0.5 * (a - b) ** 2 if abs(a - b) < 1 else abs(a - b) - 0.5, x, y)


@ref("nyu-dlsp20-en-017")
def _(x_1, x_2, y, margin):
    dot = sum(x_1[i] * x_2[i] for i in range(len(x_1)))
    cos = dot / (math.sqrt(sum(v * v for v in x_1)) * math.sqrt(sum(v * v for v in x_2)))
    return 1.0 - cos if y == 1 else max(0.0, cos - margin)


@ref("nyu-dlsp20-en-023")
def _(theta, eta, lam, grad):
    return np.array([theta[i] - eta * grad[i] - eta * lam * theta[i] for i in range(len(theta))])


@ref("dataflowr-notebooks-002")
def _(x_t, h_prev, W_xh, W_hh, b_h):
    a = _matvec(W_xh, x_t) + _matvec(W_hh, h_prev)
    return np.array([max(0.0, a[i] + b_h[i]) for i in range(len(b_h))])


@ref("dataflowr-notebooks-004")
def _(x_t, h_prev, W_xz, W_hz, b_z):
    a = _matvec(W_xz, x_t) + _matvec(W_hz, h_prev)
    return np.array([_sig(a[i] + b_z[i]) for i in range(len(b_z))])


@ref("dataflowr-notebooks-016")
def _(w, b, x, y):
    return sum((math.exp(w * x[t] + b) - y[t]) ** 2 for t in range(len(x)))


@ref("dataflowr-notebooks-024")
def _(U, v_o, c):
    scores = [sum(U[i, k] * v_o[k] for k in range(U.shape[1])) for i in range(U.shape[0])]
    return math.exp(scores[c]) / sum(math.exp(s) for s in scores)


@ref("dataflowr-notebooks-026")
def _(u_o, v_c):
    return _sig(sum(u_o[i] * v_c[i] for i in range(len(u_o))))


@ref("dataflowr-notebooks-030")
def _(S, h, W):
    n, d = h.shape
    out = np.zeros((n, W.shape[1]))
    for i in range(n):
        for o in range(W.shape[1]):
            out[i, o] = sum(S[i, j] * h[j, k] * W[k, o] for j in range(n) for k in range(d))
    return out


@ref("dataflowr-notebooks-010")
def _(x_prev, epsilon, grad, z_t):
    return np.array([x_prev[i] - epsilon * grad[i] + math.sqrt(2 * epsilon) * z_t[i] for i in range(len(x_prev))])


@ref("t81-558-004")
def _(x):
    den = sum(math.exp(v) for v in x)
    return np.array([math.exp(v) / den for v in x])


@ref("t81-558-012")
def _(y, y_hat):
    n = len(y)
    return -sum(y[i] * math.log(y_hat[i]) + (1 - y[i]) * math.log(1 - y_hat[i]) for i in range(n)) / n


@ref("t81-558-013")
def _(y_hat, y):
    return sum((y_hat[i] - y[i]) ** 2 for i in range(len(y))) / len(y)


@ref("t81-558-014")
def _(y_hat, y):
    return math.sqrt(sum((y_hat[i] - y[i]) ** 2 for i in range(len(y))) / len(y))


@ref("t81-558-017")
def _(grad, v_prev, eta, lam):
    return np.array([eta * grad[i] + lam * v_prev[i] for i in range(len(grad))])


@ref("t81-558-020")
def _(m_t, beta_1, t):
    return np.array([v / (1 - math.pow(beta_1, t)) for v in m_t])


@ref("t81-558-022")
def _(theta_prev, m_hat, v_hat, alpha, eta):
    return np.array([theta_prev[i] - (alpha * m_hat[i]) / (math.sqrt(v_hat[i]) + eta) * m_hat[i]
                     for i in range(len(m_hat))])


@ref("bmlip-001")
def _(xi):
    return _vec(lambda v: _sig(v) * (1 - _sig(v)), xi)


@ref("bmlip-002")
def _(x, y):
    return _norm_pdf(x, y, 1.0)


@ref("bmlip-005")
def _(theta, rho, y, mu, x):
    out = np.array(theta, dtype=float)
    for n in range(len(y)):
        for j in range(len(theta)):
            out[j] += rho * (y[n] - mu[n]) * x[n, j]
    return out


@ref("bmlip-007")
def _(x_n, theta):
    p = 1.0
    for k in range(len(theta)):
        p *= theta[k] ** x_n[k]
    return p


@ref("bmlip-009")
def _(a):
    phi = _softmax_list(list(a))
    K = len(a)
    return np.array([[phi[k] * ((1.0 if k == j else 0.0) - phi[j]) for j in range(K)] for k in range(K)])


@ref("bmlip-010")
def _(a, z_prev, z):
    p = 1.0
    K = len(z)
    for k in range(K):
        for j in range(K):
            p *= a[j, k] ** (z_prev[j] * z[k])
    return p


@ref("bmlip-023")
def _(x, mu):
    p = 1.0
    for n in range(x.shape[0]):
        for k in range(x.shape[1]):
            p *= mu[k] ** x[n, k]
    return p


@ref("bmlip-025")
def _(m, mu, lam):
    return sum(m[k] * math.log(mu[k]) for k in range(len(m))) + lam * (1 - sum(mu))


@ref("bmlip-026")
def _(p):
    return -sum(pk * math.log(pk) for pk in p)


@ref("udlbook-001")
def _(x, beta, omega):
    return (beta[4] + omega[4] * math.log(beta[3] + omega[3] * math.cos(
        beta[2] + omega[2] * math.exp(beta[1] + omega[1] * math.sin(beta[0] + omega[0] * x)))))


@ref("udlbook-013")
def _(z):
    den = sum(math.exp(v) for v in z)
    return np.array([math.exp(v) / den for v in z])


@ref("udlbook-017")
def _(x_i, y_i, beta, omega):
    f3 = beta[3] + omega[3] * math.cos(beta[2] + omega[2] * math.exp(
        beta[1] + omega[1] * math.sin(beta[0] + omega[0] * x_i)))
    return (f3 - y_i) ** 2


@ref("udlbook-023")
def _(K, q):
    s = [sum(K[m, d] * q[d] for d in range(len(q))) for m in range(K.shape[0])]
    den = sum(math.exp(v) for v in s)
    return np.array([math.exp(v) / den for v in s])


@ref("udlbook-021")
def _(phi, lam, alpha, grad):
    return np.array([(1 - lam) * phi[i] - alpha * grad[i] for i in range(len(phi))])


@ref("udlbook-007")
def _(L, phi, lam):
    return L + lam * (phi[0] ** 2 + (phi[1] - 12.5) ** 2)


@ref("udlbook-012")
def _(y, logits):
    total = 0.0
    for i in range(len(y)):
        s = _sig(float(logits[i]))
        total += -(1 - y[i]) * math.log(1 - s) - y[i] * math.log(s)
    return total


@ref("dataflowr-notebooks-005")
def _(emb0, emb1, y, m):
    d = math.sqrt(sum((float(a) - float(b)) ** 2 for a, b in zip(emb0, emb1)))
    return 0.5 * y * d * d + 0.5 * (1 - y) * max(0.0, m - d) ** 2


@ref("abap34-ml-lecture-024")
def _(y, y_pred):
    return sum((float(y[i]) - float(y_pred[i])) ** 2 for i in range(len(y)))


@ref("dataflowr-notebooks-015")
def _(x_t, eps_pred, alpha_t, alpha_bar_t, beta_t, eps):
    return np.array([1 / math.sqrt(alpha_t) * (x_t[k] - (1 - alpha_t) / math.sqrt(1 - alpha_bar_t) * eps_pred[k])
                     + math.sqrt(beta_t) * eps[k] for k in range(len(x_t))])


@ref("bmlip-018")
def _(w, phi):
    return sum(float(w[j]) * float(phi[j]) for j in range(len(w)))


@ref("rasbt-ml-book-004")
def _(y, y_hat):
    n = len(y)
    mu = sum(y) / n
    sse = sum((y[i] - y_hat[i]) ** 2 for i in range(n)) / n
    sst = sum((y[i] - mu) ** 2 for i in range(n)) / n
    return 1 - sse / sst


@ref("rasbt-ml-book-008")
def _(v):
    norm = math.sqrt(sum(vi * vi for vi in v))
    return np.array([vi / norm for vi in v])


@ref("abap34-ml-lecture-040")
def _(y_true, y_pred):
    n = len(y_true)
    return -sum(y_true[i] * math.log(y_pred[i]) + (1 - y_true[i]) * math.log(1 - y_pred[i]) for i in range(n)) / n


@ref("uvadlc-notebooks-043")
def _(preds, labels):
    return sum(labels[i] * math.log(preds[i]) + (1 - labels[i]) * math.log(1 - preds[i]) for i in range(len(preds)))


@ref("dataflowr-notebooks-003")
def _(x, h_prev, W_xh, W_hh, b):
    a = _matvec(W_xh, x) + _matvec(W_hh, h_prev)
    return np.array([max(0.0, a[i] + b[i]) for i in range(len(b))])


@ref("nyu-dlsp20-en-014")
def _(x, lambd):
    return _vec(lambda v: v if (v > lambd or v < -lambd) else 0.0, x)


@ref("udlbook-005")
def _(z, slope):
    return _vec(lambda v: slope * v if v <= 0 else v, z)


@ref("udlbook-006")
def _(x, beta0, beta1, beta2, beta3, omega0, omega1, omega2, omega3):
    def f(v):
        inner = beta1 + omega1 * math.sin(beta0 + omega0 * v)
        return beta3 + omega3 * math.cos(beta2 + omega2 * math.exp(inner))
    return _vec(f, x)


@ref("t81-558-018")
def _(m, grad, beta1):
    return np.array([beta1 * m[i] + (1 - beta1) * grad[i] for i in range(len(m))])


@ref("t81-558-019")
def _(v, grad, beta2):
    return np.array([beta2 * v[i] + (1 - beta2) * grad[i] * grad[i] for i in range(len(v))])


@ref("t81-558-021")
def _(v, beta2, step):
    return _vec(lambda vi: vi / (1 - math.pow(beta2, step)), v)


@ref("nyu-dlsp20-ja-031")
def _(loss, params, lam):
    return loss + lam / 2 * sum(float(p) * float(p) for p in params)


@ref("bmlip-017")
def _(mean, cov, A, b):
    n = len(b)
    mu = _matvec(A, mean) + b
    S = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            S[i, j] = sum(A[i, k] * cov[k, q] * A[j, q] for k in range(n) for q in range(n))
    return mu, S


@ref("bmlip-013")
def _(x, means, cov, priors):
    prec = np.linalg.inv(cov)
    Z = 0.0
    for k in range(len(priors)):
        beta = _matvec(prec, means[k])
        gamma = -0.5 * sum(means[k][i] * beta[i] for i in range(len(beta))) + math.log(priors[k])
        Z += math.exp(sum(beta[i] * x[i] for i in range(len(x))) + gamma)
    return Z


@ref("abap34-ml-lecture-004")
def _(y, y_pred, sigma):
    out = 1.0
    for i in range(len(y)):
        out *= _norm_pdf(float(y[i]), float(y_pred[i]), sigma * sigma)
    return out


@ref("abap34-ml-lecture-007")
def _(pred, target, weights):
    num = sum(abs(pred[i] - target[i]) ** 2 * weights[i] for i in range(len(pred)))
    return num / sum(weights)


@ref("nyu-dlsp20-ja-002")
def _(x, s):
    return np.array([math.tanh(s * x[0] + 0 * x[1]), math.tanh(0 * x[0] + s * x[1])])


@ref("uvadlc-notebooks-025")
def _(logits):
    return _softmax_list(list(logits))


@ref("fumishiki-zenn-043")
def _(mu1, mu2, sigma1, sigma2):
    # Tr((S1 S2)^{1/2}) through the symmetric form S1^{1/2} S2 S1^{1/2}, which has the same eigenvalues
    w, V = np.linalg.eigh(sigma1)
    r1 = V @ np.diag(np.sqrt(w)) @ V.T
    inner = np.linalg.eigvalsh(r1 @ sigma2 @ r1)
    dist = sum((mu1[i] - mu2[i]) ** 2 for i in range(len(mu1)))
    return dist + float(np.trace(sigma1) + np.trace(sigma2)) - 2 * sum(math.sqrt(v) for v in inner)


@ref("dataflowr-notebooks-019")
def _(y_hat, y):
    return sum((y_hat[t] - y[t]) ** 2 for t in range(len(y)))


@ref("nyu-dlsp20-ja-012")
def _(W, x):
    return _matvec(W, x)


# impl14: learner-style folders (argument orders, batches, tuples, in-place updates, classes)

@ref("abap34-ml-lecture-002")
def _(y_pred, y):
    return sum((y[i] - y_pred[i]) ** 2 for i in range(len(y))) / len(y)


@ref("abap34-ml-lecture-005")
def _(x):
    return x * x + 4 * x + 6


@ref("abap34-ml-lecture-009")
def _(x, grad, lr):
    return np.array([x[i] - lr * grad[i] for i in range(len(x))])


@ref("abap34-ml-lecture-037")
def _(x, v, grad, lr, momentum):
    v1 = np.array([momentum * v[i] - lr * grad[i] for i in range(len(v))])
    return np.array([x[i] + v1[i] for i in range(len(x))]), v1


@ref("bmlip-011")
def _(z_t, z_prev, x_t, a, c, sigma_z, sigma_x):
    return (_norm_pdf(z_t, a * z_prev, sigma_z * sigma_z), _norm_pdf(x_t, c * z_t, sigma_x * sigma_x))


@ref("bmlip-021")
def _(prec_a, eta_a, prec_b, eta_b):
    n = len(eta_a)
    lam = np.array([[prec_a[i, j] + prec_b[i, j] for j in range(n)] for i in range(n)])
    return lam, np.array([eta_a[i] + eta_b[i] for i in range(n)])


@ref("bmlip-028")
def _(a1, b1, a2, b2):
    return (a1 + a2 - 1, b1 + b2 - 1)


@ref("dataflowr-notebooks-027")
def _(x):
    return _vec(_sig, x)


@ref("dataflowr-notebooks-029")
def _(p_wc, p_w, p_c):
    return _vec(lambda j, w, c: math.log(j / (w * c)), p_wc, p_w, p_c)


@ref("nyu-dlsp20-ja-007")
def _(s):
    return _vec(_sig, s)


@ref("nyu-dlsp20-ja-022")
def _(x):
    return _vec(lambda v: max(0.0, v), x)


@ref("nyu-dlsp20-en-005")
def _(a):
    return np.array([_softmax_list(list(row)) for row in a])


@ref("rasbt-ml-book-007")
def _(n_docs, df):
    return _vec(lambda d: math.log((1 + n_docs) / (1 + d)), df)


@ref("rasbt-ml-book-006")
def _(tf, idf):
    return np.array([[tf[d, t] * idf[t] for t in range(tf.shape[1])] for d in range(tf.shape[0])])


@ref("t81-558-009")
def _(x):
    return _vec(math.tanh, x)


@ref("t81-558-003")
def _(x):
    return _vec(lambda v: max(0.0, v), x)


@ref("udlbook-004")
def _(x, gamma, beta_0, omega_0, beta_1, omega_1, beta_2, omega_2, beta_3, omega_3):
    def prelu(z):
        return z if z > 0 else gamma * z
    h = prelu(beta_0 + omega_0 * x)
    h = prelu(beta_1 + omega_1 * h)
    h = prelu(beta_2 + omega_2 * h)
    return beta_3 + omega_3 * h


@ref("udlbook-016")
def _(grad):
    return np.array([g for g in grad]), np.array([g * g for g in grad])


@ref("udlbook-020")
def _(phi, grad, alpha):
    return np.array([phi[i] - alpha * grad[i] for i in range(len(phi))])


@ref("uvadlc-notebooks-018")
def _(z):
    return math.prod(0.5 for _ in z)


@ref("fumishiki-zenn-003")
def _(X_centered, v):
    n, d = X_centered.shape
    sigma = [[sum(X_centered[k, i] * X_centered[k, j] for k in range(n)) / (n - 1) for j in range(d)]
             for i in range(d)]
    return sum(v[i] * sigma[i][j] * v[j] for i in range(d) for j in range(d))


@ref("fumishiki-zenn-004")
def _(W, dW, lr):
    return np.array([[W[i, j] - lr * dW[i, j] for j in range(W.shape[1])] for i in range(W.shape[0])])


@ref("fumishiki-zenn-035")
def _(z, c, W_Q, W_K, W_V):
    def mm(A, B):
        return np.array([[sum(A[i, k] * B[k, j] for k in range(A.shape[1])) for j in range(B.shape[1])]
                         for i in range(A.shape[0])])
    return mm(z, W_Q), mm(c, W_K), mm(c, W_V)


@ref("fumishiki-zenn-025")
def _(s_pos, tau, Z):
    return -1 / tau + (1 / tau) * math.exp(s_pos / tau) / Z


@ref("udlbook-028")
def _(z_t, g, alpha_t, beta_t):
    a = 1 / math.sqrt(1 - beta_t)
    b = beta_t / (math.sqrt(1 - alpha_t) * math.sqrt(1 - beta_t))
    return np.array([a * z_t[i] - b * g[i] for i in range(len(z_t))])


@ref("abap34-ml-lecture-014")
def _(x):
    return 2 * x[0] + 3 * x[1] + 4 * x[2]


@ref("nyu-dlsp20-ja-030")
def _(params, grads, lr):
    return np.array([params[i] - lr * grads[i] for i in range(len(params))])


@ref("fumishiki-zenn-024")
def _(Z, nu, U, pi0, pi1, beta0, beta1):
    D = [pi0 + pi1 * Z[i] + nu[i] for i in range(len(Z))]
    return np.array(D), np.array([beta0 + beta1 * D[i] + U[i] for i in range(len(Z))])


# impl15: optimisers, activations, losses, normalisation, attention (hand-picked topics)
@ref("nyu-dlsp20-en-026")
def _(w, grad, v, lr, alpha, eps):
    v1 = [alpha * v[i] + (1 - alpha) * grad[i] ** 2 for i in range(len(v))]
    w1 = [w[i] - lr * grad[i] / (math.sqrt(v1[i]) + eps) for i in range(len(w))]
    return np.array(w1), np.array(v1)


@ref("nyu-dlsp20-en-028")
def _(x, mu, sigma, a, b):
    return np.array([a[i] / sigma[i] * (x[i] - mu[i]) + b[i] for i in range(len(x))])


@ref("nyu-dlsp20-en-029")
def _(x, alpha):
    return _vec(lambda v: max(0.0, v) + min(0.0, alpha * (math.exp(v) - 1)), x)


@ref("nyu-dlsp20-en-030")
def _(x):
    return _vec(lambda v: math.log(1.0 / (1.0 + math.exp(-v))), x)


@ref("nyu-dlsp20-en-031")
def _(x):
    den = sum(math.exp(v) for v in x)
    return np.array([math.log(math.exp(v) / den) for v in x])


@ref("nyu-dlsp20-en-032")
def _(logits, target):
    den = sum(math.exp(v) for v in logits)
    return -math.log(math.exp(logits[target]) / den)


@ref("nyu-dlsp20-en-033")
def _(x, c, w):
    return w[c] * (-x[c] + math.log(sum(math.exp(v) for v in x)))


@ref("nyu-dlsp20-en-034")
def _(x, y):
    return np.array([y[n] * (math.log(y[n]) - x[n]) for n in range(len(x))])


@ref("nyu-dlsp20-en-035")
def _(x1, x2, y, margin):
    return np.array([max(0.0, -y[i] * (x1[i] - x2[i]) + margin) for i in range(len(x1))])


@ref("nyu-dlsp20-en-036")
def _(x):
    den = sum(math.exp(v) for v in x)
    return np.array([v - math.log(den) for v in x])


@ref("nyu-dlsp20-en-037")
def _(b, m_b, sigma_b, eps):
    d = max(sigma_b, eps)
    return np.array([[(b[i, j] - m_b) / d for j in range(b.shape[1])] for i in range(b.shape[0])])


@ref("nyu-dlsp20-en-038")
def _(w, grad, lr, alpha):
    return np.array([(1 - 2 * lr * alpha) * w[i] - lr * grad[i] for i in range(len(w))])


@ref("nyu-dlsp20-en-039")
def _(x, K, V):
    a = [sum(K[i, j] * x[j] for j in range(len(x))) for i in range(K.shape[0])]
    c = _softmax_list(a)
    return np.array([sum(c[i] * V[i, j] for i in range(K.shape[0])) for j in range(V.shape[1])])


@ref("udlbook-031")
def _(z):
    return _vec(lambda v: 0.0 if v < 0 else v, z)


@ref("udlbook-032")
def _(z, alpha):
    return _vec(lambda v: alpha * v if v < 0 else v, z)


@ref("udlbook-033")
def _(m, v, grad, beta, gamma):
    return (np.array([beta * m[i] + (1 - beta) * grad[i] for i in range(len(m))]),
            np.array([gamma * v[i] + (1 - gamma) * grad[i] ** 2 for i in range(len(v))]))


@ref("udlbook-034")
def _(m, v, t, beta, gamma):
    return (np.array([m[i] / (1 - beta ** (t + 1)) for i in range(len(m))]),
            np.array([v[i] / (1 - gamma ** (t + 1)) for i in range(len(v))]))


@ref("udlbook-035")
def _(params, m_hat, v_hat, lr, eps):
    return np.array([params[i] - lr * m_hat[i] / (math.sqrt(v_hat[i]) + eps) for i in range(len(params))])


@ref("udlbook-036")
def _(params, grads, lr, wd):
    return np.array([(1 - wd) * params[i] - lr * grads[i] for i in range(len(params))])


@ref("udlbook-037")
def _(h):
    n = len(h)
    m = sum(h) / n
    return m, math.sqrt(sum((v - m) ** 2 for v in h) / n)


@ref("udlbook-038")
def _(h, m, s, eps):
    return np.array([(v - m) / (s + eps) for v in h])


@ref("udlbook-039")
def _(x, Omega_v, beta_v):
    return _matvec(Omega_v, x) + beta_v


@ref("udlbook-040")
def _(y, mu, sigma2):
    return np.array([_norm_pdf(y[i], mu[i], sigma2) for i in range(len(y))])


@ref("uvadlc-notebooks-046")
def _(x, grad, eps):
    return np.array([x[i] + eps * (1.0 if grad[i] > 0 else -1.0 if grad[i] < 0 else 0.0) for i in range(len(x))])


@ref("uvadlc-notebooks-047")
def _(a, b):
    dot = sum(a[i] * b[i] for i in range(len(a)))
    na = math.sqrt(sum(v * v for v in a))
    nb = math.sqrt(sum(v * v for v in b))
    return dot / (na * nb)


@ref("nyu-dlsp20-en-040")
def _(x):
    return _vec(lambda v: 1.0 if v > 1 else (-1.0 if v < -1 else v), x)



# ----------------------------------------------------------------------------------------
# Running
# ----------------------------------------------------------------------------------------

def load_function(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(f"corpus_{path.parent.name}_{path.stem}".replace("-", "_"), path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return getattr(mod, name)


def same(a, b) -> bool:
    if isinstance(b, tuple):
        return isinstance(a, (tuple, list)) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))


def call(func, inputs: dict, in_place: str | None):
    """Call func on copies of the inputs; its result, or the argument it updates in place."""
    args = {k: (np.copy(v) if isinstance(v, np.ndarray) else v) for k, v in inputs.items()}
    out = func(**args)
    return args[in_place] if in_place else out


def verify_folder(folder: Path, trials: int = TRIALS) -> list[str]:
    """Return a list of problems (empty when the folder is fine)."""
    problems = []
    eq_id = folder.name
    check = json.loads((folder / "check.json").read_text())
    if eq_id not in REF:
        return [f"{eq_id}: no independent reference in verify.py"]
    correct = load_function(folder / "correct.py", check["function"])
    wrong = load_function(folder / "wrong.py", check["function"])
    first = (folder / "wrong.py").read_text().splitlines()[0]
    if not first.startswith("# mistake:"):
        problems.append(f"{eq_id}: wrong.py does not start with '# mistake:'")
    wrong_caught = False
    for trial in range(trials):
        rng = np.random.default_rng(1000 + trial)
        inputs = {k: draw(v, rng) for k, v in check["inputs"].items()}
        expected = REF[eq_id](**{k: (np.copy(v) if isinstance(v, np.ndarray) else v) for k, v in inputs.items()})
        got = call(correct, inputs, check.get("in_place"))
        if not same(got, expected):
            problems.append(f"{eq_id}: correct.py differs from the reference on trial {trial}: "
                            f"{np.asarray(got)!r} vs {np.asarray(expected)!r}")
        try:
            bad = call(wrong, inputs, check.get("in_place"))
            if not same(bad, expected):
                wrong_caught = True
        except Exception:
            wrong_caught = True
    if not wrong_caught:
        problems.append(f"{eq_id}: wrong.py matches the reference on every trial")
    return problems


def folders() -> list[Path]:
    return sorted(p for p in IMPL.iterdir() if p.is_dir())


def main() -> int:
    problems = []
    for f in folders():
        problems += verify_folder(f)
    for p in problems:
        print(p)
    print(f"{len(folders())} impl folders, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
