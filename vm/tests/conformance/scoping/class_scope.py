# Class bodies do not form enclosing scopes for methods or comprehensions.
x = "global"
class C:
    x = "class"
    def method(self):
        return x
    y = [x for _ in range(1)]
    z = x
print(C().method(), C.y, C.z)
class D:
    vals = [1, 2, 3]
    total = sum(v for v in vals)
    try:
        doubled = [v * len(vals) for v in vals]
    except NameError as e:
        err = str(e)
print(D.total, D.err)
def f():
    local = "enclosing"
    class E:
        attr = local
        def m(self):
            return local
    return E.attr, E().m()
print(f())
class F:
    a = 1
    b = a + 1
    del a
print(F.b, hasattr(F, "a"))
