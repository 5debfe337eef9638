# Nested try statements and handlers that raise.
def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except IndexError:
        print("not reached")
def level1():
    try:
        level2()
    except KeyError as e:
        print("level1 caught", e)
        return "recovered"
print(level1())
try:
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as t:
            print("inner handled", t)
        print("still in outer handler")
        raise
except ValueError as v:
    print("outer re-raise", v)
for exc in [ValueError, KeyError, ZeroDivisionError, RuntimeError]:
    try:
        try:
            raise exc("x")
        except (ValueError, KeyError) as e:
            print("first handler", type(e).__name__)
        except ArithmeticError as e:
            print("second handler", type(e).__name__)
    except Exception as e:
        print("escaped", type(e).__name__)
