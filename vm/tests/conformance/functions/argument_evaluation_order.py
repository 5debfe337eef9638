# Arguments are evaluated left to right, before the call.
log = []
def v(x):
    log.append(x)
    return x
def f(*args, **kwargs):
    log.append("call")
    return args, kwargs
f(v(1), v(2), *[v(3)], k=v(4), **{"m": v(5)})
print(log)
log.clear()
log.append("callee")
(log.append("f") or f)(v("a"), v("b"))
print(log)
log.clear()
d = {}
d[v("key")] = v("value")
print(log)
log.clear()
x = v(1) + v(2) * v(3)
print(log, x)
