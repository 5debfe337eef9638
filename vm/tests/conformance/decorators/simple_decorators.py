# Function decorators, stacking order and decorators with arguments.
def trace(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args, kwargs)
        result = f(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def tag(name):
    print("making decorator", name)
    def deco(f):
        print("applying", name)
        def w():
            return f"<{name}>{f()}</{name}>"
        return w
    return deco
@tag("b")
@tag("i")
def text():
    return "hi"
print(text())
