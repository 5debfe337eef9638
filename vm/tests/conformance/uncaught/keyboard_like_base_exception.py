# A BaseException subclass that is not an Exception is still reported.
class Shutdown(BaseException):
    pass
try:
    raise Shutdown("not caught by except Exception")
except Exception:
    print("never")
