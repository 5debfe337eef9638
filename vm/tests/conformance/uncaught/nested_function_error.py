# A traceback through closures and a decorator wrapper.
def logged(f):
    def wrapper(*args):
        print("calling", f.__name__)
        return f(*args)
    return wrapper
@logged
def divide(a, b):
    def inner():
        return a / b
    return inner()
print(divide(6, 3))
divide(1, 0)
