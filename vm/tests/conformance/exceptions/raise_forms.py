# raise with classes, instances, re-raise and invalid raise targets.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("msg", 2)
except ValueError as e:
    print(repr(e), e.args, str(e))
def reraiser():
    try:
        raise KeyError("inner")
    except KeyError:
        print("handling, then re-raising")
        raise
try:
    reraiser()
except KeyError as e:
    print("re-raised", repr(e))
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
class NotAnException:
    pass
try:
    raise NotAnException
except TypeError as e:
    print(e)
try:
    raise ValueError("a") from 5
except TypeError as e:
    print(e)
