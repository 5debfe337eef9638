# functools.lru_cache and cache.
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def slow(x):
    calls.append(x)
    return x * x
print(slow(1), slow(2), slow(1), slow(3), slow(2), calls)
print(slow.cache_info())
slow.cache_clear()
print(slow.cache_info())
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(200), fib.cache_info().currsize)
@lru_cache(maxsize=None)
def kw(a, b=1):
    calls.append((a, b))
    return a + b
calls.clear()
kw(1); kw(1); kw(1, b=1); kw(a=1)
print(calls, kw.cache_info().hits)
@lru_cache
def typed_default(x):
    return type(x).__name__
print(typed_default(1), typed_default(1.0), typed_default.__wrapped__(True))
try:
    slow([1])
except TypeError as e:
    print(e)
