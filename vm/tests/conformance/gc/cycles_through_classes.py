# Classes made at run time are containers too: a class whose dict refers
# back to it, an instance that holds its own class, a subclass pair.
# (Skein keeps every class alive while `__subclasses__` holds strong
# references; this passes once subclasses are weak.)
import gc


class Marker:
    pass


def alive():
    return sum(1 for o in gc.get_objects() if type(o) is Marker)


def class_in_its_own_dict():
    class C:
        pass

    C.me = C
    C.m = Marker()


def instance_holds_its_class():
    class C:
        pass

    c = C()
    c.cls = C
    c.m = Marker()


def subclass_pair():
    class B:
        pass

    class D(B):
        pass

    B.m = Marker()


gc.collect()
for case in [class_in_its_own_dict, instance_holds_its_class, subclass_pair]:
    case()
    before = alive()
    gc.collect()
    print(case.__name__, before, "->", alive())
