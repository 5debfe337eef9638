def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{'c': 3, 'z': 0}))
def pos(a, b, /, c):
    return a + b + c
print(pos(1, 2, c=3))
def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter()
print(c(), c(), c(5))
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [g() for g in fs]
print(late())
g_var = 'global'
def use_global():
    global g_var
    g_var = 'changed'
use_global()
print(g_var)
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f'<{tag}>' + fn(*a, **k) + f'</{tag}>'
        return inner
    return wrap
@deco('b')
@deco('i')
def hello(name):
    return 'hello ' + name
print(hello('x'))
class Base:
    def greet(self):
        return 'base'
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def st(x):
        return x * 2
class Derived(Base):
    def greet(self):
        return 'derived+' + super().greet()
    def cls_name(self):
        return __class__.__name__
d = Derived.make()
print(d.greet(), d.cls_name(), Derived.st(4), type(d).__name__)
print(Derived.__qualname__, Derived.greet.__qualname__, counter.__qualname__, c.__qualname__)
class WithDoc:
    "The doc."
    x: int = 3
    __private = 7
    def get(self):
        return self.__private
print(WithDoc.__doc__, WithDoc.__annotations__, WithDoc().get(), hasattr(WithDoc, '_WithDoc__private'))
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print('sent', x)
    return 'done'
g = gen(3)
print(next(g), g.send('hi'), next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
def delegator():
    r = yield from gen(2)
    print('delegated result', r)
    yield 'last'
print(list(delegator()))
def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield 'caught ' + str(e)
    finally:
        print('gen finally')
gg = catcher()
print(next(gg), gg.throw(ValueError('oops')))
gg.close()
def outer_gen():
    yield from catcher()
og = outer_gen()
print(next(og), og.throw(ValueError('deep')))
og.close()
print(sum(x * x for x in range(5)), list(x for x in 'ab'))
def bad_gen():
    raise StopIteration
    yield
try:
    next(bad_gen())
except RuntimeError as e:
    print('RuntimeError', e)
print((lambda *a, **k: (a, k))(1, 2, z=3))
def kwonly(*, a, b=1):
    return a, b
print(kwonly(a=0))
def annotated(x: int, y: 'str' = 'q') -> bool:
    pass
print(annotated.__annotations__, annotated.__defaults__, kwonly.__kwdefaults__)
def docstring():
    "func doc"
print(docstring.__doc__, (lambda: 0).__doc__)
