# eq2code-example: verdict=fail mistake=sign-error
# eq2code-example: check=--rule=gradient-descent-step
# eq2code-example: note=An optimizer that climbs: params += lr * grads, in place.
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] += self.lr * grads[key]
