# functools.wraps copies metadata and sets __wrapped__.
import functools
def logged(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)
    return wrapper
@logged
def documented(x: int) -> int:
    """Return x doubled."""
    return 2 * x
print(documented(4), documented.__name__, documented.__doc__)
print(documented.__annotations__, documented.__wrapped__.__name__)
print(documented.__qualname__, documented.__module__)
def plain(f):
    def wrapper():
        return f()
    return wrapper
@plain
def undocumented():
    """lost"""
print(undocumented.__name__, undocumented.__doc__)
