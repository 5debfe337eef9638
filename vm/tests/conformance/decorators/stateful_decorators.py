# Decorators holding state: call counting, memoisation, class-based decorators.
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.f(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls)
def memo(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
def method_deco(f):
    def w(self, *a):
        return "decorated " + f(self, *a)
    return w
class Greeter:
    @method_deco
    def greet(self, who):
        return "hello " + who
print(Greeter().greet("world"))
