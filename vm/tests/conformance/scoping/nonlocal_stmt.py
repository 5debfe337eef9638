# nonlocal rebinds the nearest enclosing function binding.
def outer():
    x = 1
    def mid():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    res = mid()
    return res, x
print(outer())
def accumulate():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total
    return add, lambda: (total, items)
add, state = accumulate()
add(5); add(7)
print(state())
def two_levels():
    a = "a0"
    def l1():
        def l2():
            nonlocal a
            a = "a2"
        l2()
    l1()
    return a
print(two_levels())
