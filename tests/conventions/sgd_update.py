# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=gradient-descent-step
# eq2code-example: note=The textbook's optimizer: SGD(lr).update(params, grads) changes a dict of arrays in place.
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]
