# A reference cycle through each kind of container is found and freed by
# gc.collect(): a Marker instance sits in every cycle, and afterwards no
# Marker is left among the objects the collector tracks.
import gc
import sys
import functools
import collections


class Marker:
    __slots__ = ("ref", "__dict__")

    def method(self):
        return self


def alive():
    return sum(1 for o in gc.get_objects() if type(o) is Marker)


def via_instance_attr():
    m = Marker()
    m.x = m


def via_instance_dict():
    m = Marker()
    d = m.__dict__
    d["y"] = m


def via_slot():
    m = Marker()
    m.ref = m


def via_list():
    m = Marker()
    m.x = [1, m]


def via_tuple():
    m = Marker()
    m.x = (m, "t")


def via_dict():
    m = Marker()
    m.x = {"k": m}


def via_dict_key():
    m = Marker()
    m.x = {m: 1}


def via_set():
    m = Marker()
    m.x = {m}


def via_function_default():
    m = Marker()

    def f(a=m):
        return a

    m.x = f


def via_function_kwdefault():
    m = Marker()

    def f(*, a=m):
        return a

    m.x = f


def via_closure_cell():
    m = Marker()

    def f():
        return m

    m.x = f


def via_function_dict():
    m = Marker()

    def f():
        pass

    f.attr = m
    m.x = f


def via_function_annotations():
    m = Marker()

    def f():
        pass

    f.__annotations__ = {"a": m}
    m.x = f


def via_bound_method():
    m = Marker()
    m.x = m.method


def via_builtin_bound_method():
    m = Marker()
    lst = [m]
    m.x = lst.append


def via_property():
    m = Marker()
    m.x = property(m.method)


def via_staticmethod():
    m = Marker()
    m.x = staticmethod(m)


def via_classmethod():
    m = Marker()
    m.x = classmethod(m)


def via_partial():
    m = Marker()
    m.x = functools.partial(print, m)


def via_deque():
    m = Marker()
    m.x = collections.deque([m])


def via_list_iterator():
    m = Marker()
    m.x = iter([m])


def via_tuple_iterator():
    m = Marker()
    m.x = iter((m,))


def via_dict_iterator():
    m = Marker()
    m.x = iter({1: m}.values())


def via_dict_view():
    m = Marker()
    m.x = {1: m}.items()


def via_enumerate_zip_map_filter():
    m = Marker()
    m.a = enumerate([m])
    m.b = zip([m], [m])
    m.c = map(id, [m])
    m.d = filter(None, [m])
    m.e = reversed([m])


def via_generator_local():
    m = Marker()

    def g(x):
        yield x

    it = g(m)
    m.x = it
    # Not started: the argument sits in the generator's frame.


def via_suspended_generator():
    m = Marker()

    def g():
        me = yield
        yield me

    it = g()
    next(it)
    it.send((it, m))
    m.x = it


def via_generator_operand_stack():
    m = Marker()

    def g(a):
        # Suspended with `a` on the operand stack, inside the list display.
        return [a, (yield)]

    it = g(m)
    next(it)
    m.x = it


def via_exception_args():
    m = Marker()
    m.x = ValueError(m)


def via_exception_traceback():
    m = Marker()
    try:
        raise KeyError("k")
    except KeyError as e:
        m.x = e
        e.marker = m


def via_exception_context():
    m = Marker()
    try:
        try:
            raise KeyError(m)
        except KeyError:
            raise ValueError("v")
    except ValueError as e:
        m.x = e


def via_slice():
    m = Marker()
    m.x = slice(m, None)


def via_super():
    m = Marker()
    m.x = super(Marker, m)


def via_module():
    m = Marker()
    mod = type(sys)("scratch")
    mod.m = m
    m.x = mod


def via_cell_chain():
    m = Marker()

    def a():
        return b

    def b():
        return a, m

    m.x = a


CASES = [
    via_instance_attr, via_instance_dict, via_slot, via_list, via_tuple,
    via_dict, via_dict_key, via_set, via_function_default,
    via_function_kwdefault, via_closure_cell, via_function_dict,
    via_function_annotations, via_bound_method, via_builtin_bound_method,
    via_property, via_staticmethod, via_classmethod, via_partial, via_deque,
    via_list_iterator, via_tuple_iterator, via_dict_iterator, via_dict_view,
    via_enumerate_zip_map_filter, via_generator_local,
    via_suspended_generator, via_generator_operand_stack, via_exception_args,
    via_exception_traceback, via_exception_context, via_slice, via_super,
    via_module, via_cell_chain,
]

gc.collect()
for case in CASES:
    for _ in range(3):
        case()
    before = alive()
    gc.collect()
    print(case.__name__, before, "->", alive())
