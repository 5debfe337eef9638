# The member descriptors behind __slots__ called directly: __get__, __set__
# and __delete__, and what they refuse.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


class P:
    __slots__ = ("y", "z", "__hidden")


class Q(P):
    __slots__ = ("w",)


class Other:
    __slots__ = ("y",)


class Shadow(P):
    y = "class attribute"


p = P()
print(type(P.y).__name__, P.y.__name__, P.y.__qualname__)
attempt("get unset", lambda: P.y.__get__(p))
attempt("get unset with type", lambda: P.y.__get__(p, P))
print(P.y.__set__(p, 5))
attempt("get", lambda: P.y.__get__(p))
attempt("get with type", lambda: P.y.__get__(p, P))
print(p.y, P.y.__get__(None, P) is P.y)
attempt("get(None)", lambda: P.y.__get__(None))
attempt("get(None, None)", lambda: P.y.__get__(None, None))
attempt("get()", lambda: P.y.__get__())

P.z.__set__(p, [1])
p.z.append(2)
print(P.z.__get__(p))
print(P.y.__delete__(p))
attempt("delete again", lambda: P.y.__delete__(p))
attempt("read after delete", lambda: p.y)
attempt("get after delete", lambda: P.y.__get__(p))

# Private names are mangled in the class dict and in the messages.
P._P__hidden.__set__(p, "h")
print(p._P__hidden, P._P__hidden.__get__(p))

# Instances of subclasses are fine, instances of other classes are not.
q = Q()
P.y.__set__(q, "from P")
Q.w.__set__(q, "own")
print(q.y, q.w, P.y.__get__(q))
o = Other()
attempt("P.y on Other", lambda: P.y.__set__(o, 1))
attempt("P.y get on Other", lambda: P.y.__get__(o))
attempt("P.y delete on Other", lambda: P.y.__delete__(o))
attempt("P.y on int", lambda: P.y.__set__(3, 4))
attempt("P.y get on str", lambda: P.y.__get__("s"))
attempt("Q.w on P", lambda: Q.w.__set__(p, 1))

s = Shadow()
P.y.__set__(s, "slot value")
print(s.y, P.y.__get__(s))

# Wrong arity and wrong receiver.
attempt("set(p)", lambda: P.y.__set__(p))
attempt("delete()", lambda: P.y.__delete__())
member_type = type(P.y)
member_type.__set__(P.y, p, 9)
print(p.y, member_type.__get__(P.y, p))

# setattr/getattr/delattr agree with the direct calls.
setattr(p, "y", 10)
print(P.y.__get__(p))
P.y.__set__(p, 11)
print(getattr(p, "y"))
delattr(p, "y")
print(hasattr(p, "y"))
