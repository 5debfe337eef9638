# yield from delegates iteration, send, throw and returns the subgenerator's value.
def inner():
    x = yield "inner-1"
    print("inner received", x)
    yield "inner-2"
    return "inner result"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-done"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
print(list(outer()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def catcher():
    try:
        yield 1
    except ValueError:
        yield "inner caught"
def delegator():
    yield from catcher()
d = delegator()
next(d)
print(d.throw(ValueError))
