# A traceback through a short recursion (not collapsed: fewer than 4 repeats).
def countdown(n):
    if n == 0:
        raise ArithmeticError("reached zero")
    return countdown(n - 1)
countdown(2)
