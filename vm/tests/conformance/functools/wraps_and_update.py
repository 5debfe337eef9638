# functools.wraps, update_wrapper, and WRAPPER_ASSIGNMENTS.
import functools
def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def target(a, b=2):
    """Target doc."""
    return a + b
print(target(1), target.__name__, target.__doc__, target.__wrapped__.__name__, target.__qualname__)
def other():
    pass
other.extra = "copied"
def wrapper():
    pass
functools.update_wrapper(wrapper, other)
print(wrapper.__name__, wrapper.extra, wrapper.__wrapped__ is other)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
