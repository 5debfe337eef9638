def fail(n):
    if n == 0:
        raise ValueError("failed deep inside a helper module")
    return fail(n - 1)
