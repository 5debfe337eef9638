# Assignment anywhere in a function makes the name local everywhere in it.
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
def g():
    x += 1
try:
    g()
except UnboundLocalError as e:
    print(e)
def h(flag):
    if flag:
        y = 1
    return y
print(h(True))
try:
    h(False)
except UnboundLocalError as e:
    print(e)
def outer():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
    return inner()
print(outer())
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
