# Closures capture variables, not values; each call makes new cells.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)], [lambda x: x + n for n in range(3)]
early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
print(make_counter().__closure__ is not None, len(c1.__closure__))
print(c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
def shared():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get
add, get = shared()
add(1); add(2)
print(get())
