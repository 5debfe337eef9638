# Explicit chaining with raise ... from, and suppression with from None.
class AppError(Exception):
    pass
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise AppError("config missing") from e
try:
    load()
except AppError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
def quiet():
    try:
        1 / 0
    except ZeroDivisionError:
        raise AppError("quiet") from None
try:
    quiet()
except AppError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise AppError("x") from ValueError("explicit cause")
except AppError as e:
    print(repr(e.__cause__), e.__context__)
e = AppError("manual")
e.__cause__ = KeyError("k")
print(e.__suppress_context__ is False, repr(e.__cause__))
