# A failed assert with a message.
def check(n):
    assert n > 0, f"expected positive, got {n}"
    return n
check(3)
check(-1)
