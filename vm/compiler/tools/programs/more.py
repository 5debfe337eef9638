class A:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]          # first iterable sees class scope
    try:
        bad = [i * len(items) for i in range(2)]   # inner 'items' is global -> NameError
    except NameError as e:
        err = str(e)
print(A.doubled, A.err)
class Outer:
    __secret = 'outer'
    class Inner:
        __secret = 'inner'
        def get(self):
            return self.__secret
    def peek(self):
        return self.__secret, Outer._Outer__secret
print(Outer.Inner().get(), Outer().peek(), Outer.Inner._Inner__secret)
def gen_finally():
    try:
        yield 1
        return 'r'
    finally:
        print('cleanup')
g = gen_finally()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
def kw(a, b=None, *, c=lambda: 5):
    return a, b, c()
print(kw(1), kw(1, 2, c=lambda: 9))
def dict_order():
    d = {'a': 1, **{'b': 2, 'a': 3}, 'c': 4}
    return list(d.items())
print(dict_order())
x, *y = [1]
print(x, y)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
def deco(cls):
    cls.tag = 'decorated'
    return cls
@deco
class D:
    pass
print(D.tag)
def counter_class():
    count = 0
    class C:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return C()
c = counter_class()
c.inc(); print(c.inc())
def fexc():
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise TypeError('b')
        except TypeError as t:
            return repr(t.__context__)
print(fexc())
try:
    try:
        1/0
    finally:
        print('finally runs')
except ZeroDivisionError:
    print('caught zde')
def ret_in_finally():
    try:
        return 'try'
    finally:
        return 'finally'
print(ret_in_finally())
def loop_finally():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            if i == 3:
                print('leaving at', i)
print(loop_finally())
print(eval('1 + 2 * 3'), eval('[x for x in range(3)]'))
exec('z = 5\nprint(z * 2)')
ns = {}
exec('def f():\n    return 42\nr = f()', ns)
print(ns['r'])
print(list(map(lambda p: p ** 2, filter(lambda q: q % 2, range(6)))))
print((lambda: (yield))().__class__.__name__)
print(sorted({'b': 2, 'a': 1}.items(), key=lambda kv: kv[1]))
def varargs_only(*args): return args
print(varargs_only(*(1, 2), *[3], 4))
print(f"{'nested ' + f'{1 + 1}'}", f"{3!a:>4}", f"{3.5:{'>'}{6}}")
print(not 1 == 2, -(-3), ~~7, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(0 < 1 if True else 2)
s = 0
for i in range(10):
    if i % 2: continue
    s += i
else:
    s *= 10
print(s)
while True:
    break
else:
    print('not printed')
print('done')
