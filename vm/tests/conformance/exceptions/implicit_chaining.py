# An exception raised while handling another records it in __context__.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise KeyError("a")
    finally:
        raise IndexError("from finally")
except IndexError as e:
    print(repr(e), repr(e.__context__))
def nested():
    try:
        raise TypeError("first")
    except TypeError:
        try:
            raise ValueError("second")
        except ValueError:
            raise RuntimeError("third")
try:
    nested()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
try:
    try:
        raise ValueError("same")
    except ValueError as inner:
        raise inner
except ValueError as e:
    print("no self-context:", e.__context__)
