# Function objects: names, docs, attributes, annotations, code objects.
def f(a: int, b: "str" = "x") -> bool:
    """Docstring of f."""
    return True
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__annotations__)
print(f.__defaults__, f.__kwdefaults__)
f.custom = 42
print(f.custom, f.__dict__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
class K:
    def method(self):
        pass
print(K.method.__qualname__, K().method.__name__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_varnames)
print(callable(f), type(f).__name__, type(K().method).__name__)
g = f
g.__name__ = "renamed"
print(f.__name__)
print(repr(lambda: 0)[:18])
