# eq2code-example: verdict=pass
# eq2code-example: note=Natural parameter names in the equation's order (teacher first), batched over axis=-1.
import numpy as np


def softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def distillation_loss(teacher_logits, student_logits, temperature):
    p_teacher = softmax(teacher_logits / temperature)
    p_student = softmax(student_logits / temperature)
    kl = np.sum(p_teacher * np.log(p_teacher / p_student), axis=-1)
    return temperature ** 2 * kl
