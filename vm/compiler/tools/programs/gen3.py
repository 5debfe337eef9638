def sub():
    try:
        x = yield 1
        print('sub got', x)
        y = yield 2
        print('sub got', y)
    except KeyError as e:
        print('sub caught', repr(e))
        yield 'after catch'
    return 'sub ret'
def dele():
    r = yield from sub()
    print('dele got', r)
    yield 'end'
d = dele()
print(next(d))
print(d.send('A'))
print(d.throw(KeyError('kk')))
print(next(d))
try:
    next(d)
except StopIteration:
    print('done')
def finisher():
    try:
        yield from sub()
    finally:
        print('finisher finally')
f = finisher()
next(f)
f.close()
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
def yf_iter():
    return (yield from It())
print(list(yf_iter()))
def gen_with():
    class CM:
        def __enter__(self): print('enter'); return 1
        def __exit__(self, *a): print('exit', a[0]); return False
    with CM():
        yield 'in with'
gw = gen_with()
print(next(gw))
gw.close()
def g_ret():
    yield 1
    return 5
def outer():
    v = yield from g_ret()
    yield v
print(list(outer()))
