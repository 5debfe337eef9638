# sys.settrace 'line' events for many statement shapes (CPython 3.11).
import sys

out = []


def tracer(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__ or co.co_name in ("tracer", "show"):
        return None
    if event in ("line", "call", "return"):
        out.append("%s %s %d" % (event[0], co.co_name, frame.f_lineno - co.co_firstlineno))
    return tracer


def show(f, *args):
    out.clear()
    sys.settrace(tracer)
    try:
        f(*args)
    except Exception as e:
        out.append("raised " + type(e).__name__)
    sys.settrace(None)
    print(f.__name__ + ":", " ".join(x.split(" ", 2)[0] + x.split(" ", 2)[2] if x.split(" ")[1] == f.__name__ else x for x in out))


def f_pass():
    pass


def f_pass2(x):
    if x:
        pass
    else:
        pass
    pass
    return x


def f_if(x):
    if x == 1:
        y = 1
    elif x == 2:
        y = 2
    elif x == 3:
        pass
    else:
        y = 4
    return x


def f_for(n):
    t = 0
    for i in range(n):
        t += i
    else:
        t += 1
    return t


def f_for_pass(n):
    for i in range(n):
        pass


def f_while(n):
    while n > 0:
        n -= 1
    else:
        n = 5
    return n


def f_while_true(n):
    while True:
        n -= 1
        if n < 0:
            break
    return n


def f_for_break(n):
    for i in range(n):
        if i == 1:
            break
        if i == 0:
            continue
        print(i)
    return n


def f_try(x):
    try:
        y = 1 / x
    except ZeroDivisionError:
        y = 0
    except (TypeError,
            ValueError) as e:
        y = 2
    else:
        y += 1
    finally:
        y = y
    return y


def f_try_pass(x):
    try:
        pass
    finally:
        pass
    try:
        x = 1
    except:
        pass
    return x


def f_try_raise(x):
    try:
        raise ValueError(x)
    except ValueError as e:
        x = e
    return x


def f_finally_return(x):
    try:
        return x
    finally:
        x = 3


def f_return_in_finally(x):
    try:
        x = 1
    finally:
        return x


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return True


def f_with():
    with CM() as c:
        x = 1
    with CM(), \
         CM():
        raise ValueError
    return x


def f_match(v):
    match v:
        case 1:
            r = "one"
        case [a, b]:
            r = "pair"
        case {"k": x}:
            r = "map"
        case _:
            r = "other"
    return r


def f_comp(n):
    a = [i for i in range(n)]
    b = {i: i
         for i in range(n)
         if i}
    c = list(i for i in range(n))
    return a, b, c


def deco(f):
    return f


def f_deco():
    @deco
    @deco
    def g():
        return 1
    @deco
    class K:
        x = 1
    return g()


def f_multiline(a):
    x = max(
        a,
        2,
    )
    y = (a +
         x +
         1)
    z = [
        a,
        x,
    ]
    return (x,
            y)


def f_assign_chain(a):
    x = a
    y = x
    z = y
    x, y = y, x
    return z


def f_and_or(a, b):
    if (a and
            b):
        return 1
    if a or b:
        return 2
    return 3


def f_nested_loops(n):
    for i in range(n):
        for j in range(n):
            if j:
                continue
        else:
            pass
    return n


def f_docstring():
    "doc"
    x = 1
    1
    return x


def f_global():
    global gg
    gg = 1
    return gg


def f_assert(x):
    assert x, \
        "no"
    assert x
    return x


def f_del(x):
    del x
    return 1


def f_lambda():
    f = lambda a: (a +
                   1)
    return f(1)


def gen(n):
    for i in range(n):
        yield i
    yield from range(2)


def f_gen():
    return list(gen(2))


def f_except_star():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ValueError:
        pass
    return 1


def f_while_cond(n):
    i = 0
    while (i <
           n):
        i += 1
    return i


def f_ifexp(x):
    y = (1
         if x
         else 2)
    return y


def f_nested_try(x):
    try:
        try:
            x = 1 / x
        finally:
            x = 2
    except ZeroDivisionError:
        x = 3
    return x


def f_cells(a):
    b = 2

    def inner():
        return a + b
    return inner()


def f_ellipsis():
    ...
    x = 1
    (1, 2)
    -1
    return x


def f_if_pass_chain(x):
    if x:
        pass
    elif x is None:
        pass
    x = 1
    while x:
        x -= 1
        pass
    for i in (1, 2):
        pass
    return x


def f_loop_locals(n):
    t = 0
    for i in range(n):
        a = i
        b = a
        t = b
    return t


def f_try_in_loop(n):
    for i in range(n):
        try:
            x = 1 // i
        except ZeroDivisionError:
            continue
        finally:
            pass
    return n


for f, args in [(f_pass, ()), (f_pass2, (0,)), (f_pass2, (1,)), (f_if, (1,)), (f_if, (2,)), (f_if, (3,)), (f_if, (4,)),
                (f_for, (2,)), (f_for_pass, (2,)), (f_while, (2,)), (f_while_true, (1,)), (f_for_break, (3,)),
                (f_try, (1,)), (f_try, (0,)), (f_try, ("a",)), (f_try_pass, (1,)), (f_try_raise, (1,)),
                (f_finally_return, (1,)), (f_return_in_finally, (1,)), (f_with, ()),
                (f_match, (1,)), (f_match, ((1, 2),)), (f_match, ({"k": 1},)), (f_match, (3.5,)),
                (f_comp, (2,)), (f_deco, ()), (f_multiline, (1,)), (f_assign_chain, (1,)),
                (f_and_or, (1, 1)), (f_and_or, (0, 1)), (f_and_or, (0, 0)), (f_nested_loops, (2,)),
                (f_docstring, ()), (f_global, ()), (f_assert, (1,)), (f_assert, (0,)), (f_del, (1,)),
                (f_lambda, ()), (f_gen, ()), (f_except_star, ()), (f_while_cond, (2,)), (f_ifexp, (0,)),
                (f_nested_try, (0,)), (f_nested_try, (1,)),
                (f_cells, (1,)), (f_ellipsis, ()), (f_if_pass_chain, (1,)), (f_if_pass_chain, (0,)),
                (f_loop_locals, (2,)), (f_try_in_loop, (2,))]:
    show(f, *args)
