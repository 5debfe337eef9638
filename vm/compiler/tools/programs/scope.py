x = 'module'
def f():
    x = 'f'
    class C:
        print(x)          # LOAD_CLASSDEREF -> f's x
        x = 'class'
        print(x)
        def m(self):
            return x      # f's x, not class x
        y = [x for _ in range(1)]   # comprehension sees f's x
    return C().m(), C.y
print(f())
def g():
    a = 1
    def h():
        return a
    del a
    try:
        h()
    except NameError as e:
        print('NameError', e)
g()
def k():
    try:
        print(undefined_local)
    except UnboundLocalError as e:
        print('ULE', e)
    undefined_local = 1
k()
class K:
    global gk
    gk = 'set in class'
print(gk)
def outer():
    v = 0
    def mid():
        def inner():
            nonlocal v
            v += 1
            return v
        return inner
    i = mid()
    i(); i()
    return v
print(outer())
def comp_scope():
    z = 10
    return [[z + i + j for j in range(2)] for i in range(2)]
print(comp_scope())
print([(lambda q: q * 2)(w) for w in range(3)])
def args_cell(a, *rest, kw=5, **more):
    def get():
        return a, rest, kw, more
    a = a * 2
    return get()
print(args_cell(1, 2, 3, kw=4, z=9))
def shadow(list=list):
    return list((1, 2))
print(shadow())
n = 0
def count_up():
    global n
    for _ in range(3):
        n += 1
count_up()
print(n)
class Outer:
    class Inner:
        def meth(self):
            return __class__.__qualname__
print(Outer.Inner().meth(), Outer.Inner.meth.__qualname__)
def gen_scope():
    t = 5
    return list(t * i for i in range(3))
print(gen_scope())
big_dict = {str(i): i for i in range(5)}
lit = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9, 'j': 10, 'k': 11, 'l': 12, 'm': 13, 'n': 14, 'o': 15, 'p': 16, 'q': 17, 'r': 18, 's': 19}
print(len(lit), sum(lit.values()), big_dict)
def many(*a, **k):
    return len(a), len(k)
print(many(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32, a=1))
print(many(*range(40), **{'x': 1}))
s = {1, 2, 3, 4}
print(sorted(s | {5}), 3 in s, frozenset([1]) <= s)
