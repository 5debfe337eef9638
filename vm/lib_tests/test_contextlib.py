"""Compare vm/lib/contextlib.py with CPython's contextlib."""

import contextlib as real
import io
import os
import sys
import tempfile

import harness

S = harness.load()["contextlib"]
c = harness.Checker("contextlib")


def chain(exc):
    """Types and messages along an exception's __context__ chain."""
    out = []
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        out.append((type(exc).__name__, str(exc), type(exc.__cause__).__name__ if exc.__cause__ else None))
        exc = exc.__context__
    return out


def run(fn, mod):
    log = []
    try:
        result = fn(mod, log)
    except BaseException as e:  # noqa: BLE001
        return ("raise", chain(e), log)
    return ("ok", result, log)


def both(label, fn):
    c.eq(label, run(fn, S), run(fn, real))


def test_contextmanager():
    def make(mod, log, behaviour):
        @mod.contextmanager
        def cm(x):
            """cm doc"""
            log.append(("enter", x))
            if behaviour == "noyield":
                return
            try:
                yield x * 2
                if behaviour == "twice":
                    yield 1
            except KeyError as e:
                log.append(("caught", str(e)))
                if behaviour == "reraise":
                    raise
                if behaviour == "replace":
                    raise ValueError("replaced") from e
            finally:
                log.append("finally")
            if behaviour == "twice_after":
                yield 2
        return cm

    bodies = {
        "ok": lambda: None,
        "keyerror": lambda: (_ for _ in ()).throw(KeyError("k")),
        "typeerror": lambda: (_ for _ in ()).throw(TypeError("t")),
        "stopiteration": lambda: (_ for _ in ()).throw(StopIteration("s")),
        "runtime": lambda: (_ for _ in ()).throw(RuntimeError("r")),
    }
    for behaviour in ["normal", "noyield", "twice", "reraise", "replace", "twice_after"]:
        for body_name, body in bodies.items():
            def go(mod, log):
                cm = make(mod, log, behaviour)
                with cm(3) as value:
                    log.append(("body", value))
                    body()
                log.append("after")
                return cm.__doc__, cm.__name__
            both(f"contextmanager {behaviour} {body_name}", go)

    def decorator(mod, log):
        cm = make(mod, log, "normal")

        @cm(5)
        def f(a):
            log.append(("f", a))
            return a + 1
        return f(1), f(2), f.__name__
    both("contextmanager as decorator", decorator)

    def class_exc(mod, log):
        cm = make(mod, log, "normal")
        mgr = cm(1)
        mgr.__enter__()
        return mgr.__exit__(KeyError, None, None), mgr.__doc__
    both("exit with class only", class_exc)


def test_simple_managers():
    def closing(mod, log):
        class Thing:
            def close(self):
                log.append("closed")
        with mod.closing(Thing()) as t:
            log.append(type(t).__name__)
        return "done"
    both("closing", closing)

    def nullcontext(mod, log):
        with mod.nullcontext(5) as v:
            log.append(v)
        with mod.nullcontext() as v:
            log.append(v)
        return isinstance(mod.nullcontext(), mod.AbstractContextManager)
    both("nullcontext", nullcontext)

    def suppress(mod, log):
        for exc in [KeyError("a"), IndexError("b"), LookupError("c"), ValueError("d")]:
            try:
                with mod.suppress(KeyError, IndexError):
                    raise exc
                log.append(("suppressed", type(exc).__name__))
            except Exception as e:  # noqa: BLE001
                log.append(("escaped", type(e).__name__))
        with mod.suppress():
            log.append("nothing")
        return "done"
    both("suppress", suppress)

    def redirect(mod, log):
        buf, err = io.StringIO(), io.StringIO()
        old = sys.stdout
        with mod.redirect_stdout(buf) as target:
            print("hello")
            log.append(target is buf)
            with mod.redirect_stderr(err):
                print("oops", file=sys.stderr)
        log.append(sys.stdout is old)
        r = mod.redirect_stdout(buf)
        with r:
            with r:
                print("nested")
        log.append(sys.stdout is old)
        return buf.getvalue(), err.getvalue()
    both("redirect", redirect)

    def chdir(mod, log):
        start = os.getcwd()
        with tempfile.TemporaryDirectory() as d:
            with mod.chdir(d):
                log.append(os.path.realpath(os.getcwd()) == os.path.realpath(d))
        return os.getcwd() == start
    both("chdir", chdir)

    def abstract(mod, log):
        class Good:
            def __enter__(self):
                return self

            def __exit__(self, *a):
                return None

        class NoExit:
            def __enter__(self):
                return self

        class Disabled(Good):
            __exit__ = None
        return [issubclass(Good, mod.AbstractContextManager), issubclass(NoExit, mod.AbstractContextManager),
                issubclass(Disabled, mod.AbstractContextManager), isinstance(mod.ExitStack(), mod.AbstractContextManager),
                issubclass(type(mod.suppress()), mod.AbstractContextManager)]
    both("AbstractContextManager", abstract)
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))


def test_exitstack():
    class CM:
        def __init__(self, log, name, suppress=False, raise_on_exit=None):
            self.log, self.name, self.suppress, self.raise_on_exit = log, name, suppress, raise_on_exit

        def __enter__(self):
            self.log.append(("enter", self.name))
            return self.name

        def __exit__(self, typ, val, tb):
            self.log.append(("exit", self.name, typ.__name__ if typ else None))
            if self.raise_on_exit:
                raise self.raise_on_exit(self.name)
            return self.suppress

    scenarios = {
        "plain": ([], None),
        "body raises": ([], KeyError),
        "suppress": ([("suppress", True)], KeyError),
        "exit raises": ([("raise", ValueError)], None),
        "exit raises over body": ([("raise", ValueError)], KeyError),
        "two raise": ([("raise", ValueError), ("raise", TypeError)], KeyError),
        "raise then suppress": ([("suppress", True), ("raise", ValueError)], KeyError),
        "suppress then raise": ([("raise", ValueError), ("suppress", True)], KeyError),
    }
    for name, (specs, body_exc) in scenarios.items():
        def go(mod, log):
            with mod.ExitStack() as stack:
                stack.callback(log.append, "callback")
                for i, (kind, arg) in enumerate(specs):
                    cm = CM(log, f"cm{i}", suppress=(kind == "suppress"),
                            raise_on_exit=(arg if kind == "raise" else None))
                    log.append(("got", stack.enter_context(cm)))
                stack.push(lambda t, v, tb: log.append(("pushed", t.__name__ if t else None)))
                if body_exc:
                    raise body_exc("body")
            return "completed"
        both(f"ExitStack {name}", go)

        def in_handler(mod, log):
            try:
                raise OSError("outer")
            except OSError:
                return go(mod, log)
        both(f"ExitStack inside handler {name}", in_handler)

    def pop_all(mod, log):
        with mod.ExitStack() as stack:
            stack.callback(log.append, 1)
            stack.callback(log.append, 2)
            moved = stack.pop_all()
        log.append("after with")
        moved.close()
        return type(moved).__name__

    both("ExitStack pop_all", pop_all)
    both("ExitStack bad cm", lambda mod, log: mod.ExitStack().enter_context(1))

    def push_cm(mod, log):
        stack = mod.ExitStack()
        cm = CM(log, "pushed", suppress=True)
        stack.push(cm)
        stack.callback(log.append, "cb")
        return stack.__exit__(KeyError, KeyError("x"), None)
    both("ExitStack push cm", push_cm)


def test_async():
    def drive(coro):
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
        raise AssertionError("coroutine suspended")

    def go(mod, log):
        @mod.asynccontextmanager
        async def acm(x):
            log.append("aenter")
            try:
                yield x
            except KeyError:
                log.append("caught")
            finally:
                log.append("afinally")

        async def main():
            async with acm(1) as v:
                log.append(("v", v))
            async with acm(2):
                raise KeyError("swallowed")
            async with mod.AsyncExitStack() as stack:
                log.append(await stack.enter_async_context(acm(3)))

                async def cb(arg):
                    log.append(("async cb", arg))
                stack.push_async_callback(cb, "x")
                stack.callback(log.append, "sync cb")
            async with mod.nullcontext(9) as n:
                log.append(n)

            class Thing:
                async def aclose(self):
                    log.append("aclosed")
            async with mod.aclosing(Thing()):
                pass

            @acm(7)
            async def decorated():
                log.append("decorated body")
                return 5
            return await decorated()
        return drive(main())
    both("async context managers", go)


for t in [test_contextmanager, test_simple_managers, test_exitstack, test_async]:
    c.run(t)
c.done()
