# eq2code-example: verdict=pass
# eq2code-example: note=Loops; KL written as cross-entropy H(p_t, p_s) minus entropy H(p_t) (algebraically equal).
import math


def distillation_loss(z_t, z_s, T):
    def soften(z):
        m = max(z)
        e = [math.exp((zi - m) / T) for zi in z]
        s = sum(e)
        return [ei / s for ei in e]

    p_t, p_s = soften(z_t), soften(z_s)
    cross = -sum(a * math.log(b) for a, b in zip(p_t, p_s))
    entropy = -sum(a * math.log(a) for a in p_t)
    return T * T * (cross - entropy)
