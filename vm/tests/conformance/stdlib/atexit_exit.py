import atexit
import sys


@atexit.register
def first():
    print("registered first, runs last")


def second(tag):
    print("second", tag)


atexit.register(second, "a")
print("exiting with 3")
sys.exit(3)
