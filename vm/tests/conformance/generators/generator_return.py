# return in a generator sets StopIteration.value; StopIteration inside becomes RuntimeError.
def g():
    yield 1
    return "the value"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def leaks():
    yield 1
    raise StopIteration("leak")
try:
    list(leaks())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def early_return(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early_return(10)))
