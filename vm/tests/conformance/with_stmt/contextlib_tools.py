# contextlib.contextmanager, suppress, closing, nullcontext, ExitStack.
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("content", t)
try:
    with tag("p"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
@contextlib.contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("after suppress")
class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()):
    print("using")
with contextlib.nullcontext("value") as v:
    print(v)
with contextlib.ExitStack() as stack:
    for n in ["a", "b", "c"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first on exit")
    print("stack body")
