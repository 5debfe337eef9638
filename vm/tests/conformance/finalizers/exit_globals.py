# At exit, after atexit handlers, objects still in __main__'s globals are
# finalized while the globals are intact (CPython collects __main__'s dict
# cycle and finalizes everything in it first).
import atexit
import sys

class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("del %s\n" % self.name)

def g():
    try:
        yield 1
    finally:
        print("generator finally at exit")

first = C("first")
second = C("second")
it = g()
next(it)
atexit.register(print, "atexit handler")
print("end of script")
