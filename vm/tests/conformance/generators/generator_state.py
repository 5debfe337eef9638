# Generator state attributes and reentrancy errors.
def gen():
    yield 1
    yield 2
g = gen()
print(g.gi_running, g.gi_suspended, g.gi_frame is None)
next(g)
print(g.gi_running, g.gi_suspended, g.gi_frame is None)
list(g)
print(g.gi_running, g.gi_suspended, g.gi_frame is None)
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print(e)
print(list(g), list(g))
def watch():
    yield this.gi_running
this = watch()
print(next(this))
