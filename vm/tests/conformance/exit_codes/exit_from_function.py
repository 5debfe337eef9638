# sys.exit deep in a call stack unwinds through with blocks and finally clauses.
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("__exit__ sees", et.__name__, ev.code)
def inner():
    with CM():
        sys.exit(42)
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
