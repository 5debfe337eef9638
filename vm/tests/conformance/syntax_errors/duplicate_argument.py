print("never")
def f(a, a):
    pass
