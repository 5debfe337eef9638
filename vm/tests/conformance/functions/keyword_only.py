# Keyword-only and positional-only parameters.
def kw(a, *, b, c=3):
    return a, b, c
print(kw(1, b=2), kw(a=1, b=2, c=4))
def pos(a, b, /, c, *, d):
    return a, b, c, d
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
def mixed(a, /, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3), mixed(1, 2, 3, 4, c=5, e=6))
def posonly_and_kwargs(a, /, **kw):
    return a, kw
print(posonly_and_kwargs(1, a=2))
print(kw.__code__.co_kwonlyargcount, pos.__code__.co_posonlyargcount, pos.__code__.co_argcount)
