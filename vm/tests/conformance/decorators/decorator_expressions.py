# Arbitrary expressions as decorators (PEP 614) and decorators returning non-functions.
registry = {}
def register(f):
    registry[f.__name__] = f
    return f
decos = [register, lambda f: f]
@decos[0]
def one():
    return 1
@(lambda f: f())
def value():
    return "computed at definition"
print(value, sorted(registry))
class Namespace:
    @staticmethod
    def deco(f):
        f.marked = True
        return f
@Namespace.deco
def marked():
    pass
print(marked.marked)
@str
def becomes_string():
    pass
print(becomes_string.startswith("<function"))
