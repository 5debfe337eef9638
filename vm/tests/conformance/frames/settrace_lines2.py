# sys.settrace 'line' events (and the line of 'return') for loops with
# break/continue/else, returns through with/finally, constant tests,
# chained comparisons and other statement shapes (CPython 3.11).
import sys

out = []


def tracer(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__ or co.co_name in ("tracer", "show"):
        return None
    if event in ("line", "call", "return", "exception"):
        out.append("%s%s:%d" % (event[0], "" if co.co_name == cur[0] else co.co_name,
                                frame.f_lineno - co.co_firstlineno))
    return tracer


cur = [None]


def show(f, *args):
    out.clear()
    cur[0] = f.__name__
    sys.settrace(tracer)
    try:
        f(*args)
    except Exception as e:
        out.append("raised " + type(e).__name__)
    sys.settrace(None)
    print(f.__name__, *out)


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def g_return_in_with(x):
    with CM():
        return x


def g_return_in_with_finally(x):
    try:
        with CM():
            if x:
                return 1
    finally:
        x = 2
    return x


def g_break_continue_finally(n):
    for i in range(n):
        try:
            if i == 0:
                continue
            if i == 2:
                break
        finally:
            n += 1
    else:
        n = 0
    return n


def g_while_else(n):
    while n:
        n -= 1
        if n == 5:
            break
    else:
        n = -1
    return n


def g_while_one(n):
    while 1:
        n -= 1
        if n:
            continue
        break
    return n


def g_if_const():
    if True:
        x = 1
    if 0:
        x = 2
    while False:
        x = 3
    return x


def g_chained(a):
    if 0 < a < 10:
        r = 1
    elif a <= 0 or \
            a > 100:
        r = 2
    else:
        r = 3
    if not (a == 1 and a != 2):
        r += 1
    return r


def g_return_in_except(x):
    try:
        1 / x
    except ZeroDivisionError:
        return "zero"
    else:
        return "ok"


def g_raise_from(x):
    try:
        try:
            raise KeyError(x)
        except KeyError as e:
            raise ValueError(x) from e
    except ValueError:
        pass
    return x


def g_gen_finally():
    try:
        yield 1
        yield 2
    finally:
        x = 3


def g_use_gen():
    g = g_gen_finally()
    next(g)
    g.close()
    return 1


def g_calls(a):
    r = dict(
        a=a,
        b=[
            1,
            2,
        ],
    )
    s = (
        a
        + 1
    )
    return len(r) + s


def g_nested_def(x):
    def inner(y):
        if y:
            return y
        return -y
    k = lambda z: z + 1
    return inner(x) + k(x)


def g_class():
    class A:
        x = 1
        if x:
            y = 2

        def m(self):
            return self.x
    return A().m()


def g_augassign(a):
    a += 1
    a *= (2 +
          3)
    b = [a]
    b[0] += 1
    return b


def g_else_if_in_loop(n):
    t = 0
    for i in range(n):
        if i % 2:
            t += 1
        elif i % 3:
            t += 2
        else:
            pass
    return t


def g_try_else_finally(x):
    try:
        y = x
    except Exception:
        y = 0
    else:
        y += 1
    finally:
        y *= 2
    return y


def g_unbound():
    if False:
        z = 1
    return z


def g_assert_msg(x):
    assert x > 0, (
        "bad")
    return x


for f, args in [(g_return_in_with, (1,)), (g_return_in_with_finally, (1,)),
                (g_return_in_with_finally, (0,)), (g_break_continue_finally, (4,)),
                (g_break_continue_finally, (1,)), (g_while_else, (2,)), (g_while_else, (7,)),
                (g_while_one, (3,)), (g_if_const, ()), (g_chained, (5,)), (g_chained, (-5,)),
                (g_chained, (50,)), (g_chained, (1,)), (g_return_in_except, (0,)),
                (g_return_in_except, (1,)), (g_raise_from, (1,)), (g_use_gen, ()), (g_calls, (1,)),
                (g_nested_def, (2,)), (g_class, ()), (g_augassign, (1,)), (g_else_if_in_loop, (4,)),
                (g_try_else_finally, (1,)), (g_try_else_finally, (None,)), (g_unbound, ()),
                (g_assert_msg, (1,)), (g_assert_msg, (0,))]:
    show(f, *args)
