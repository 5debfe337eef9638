# SyntaxError: duplicate argument. Nothing runs, not even the first print.
print("never")
def f(a, a):
    pass
