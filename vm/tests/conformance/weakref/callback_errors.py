# An exception in a weak reference callback is reported, not raised.
import sys
import weakref


class CB:
    def __init__(self, tag):
        self.tag = tag

    def __call__(self, w):
        print("callback", self.tag)
        if self.tag == "bad":
            raise ValueError("from callback")

    def __repr__(self):
        return "<CB %s>" % self.tag


class C:
    pass


c = C()
r1 = weakref.ref(c, CB("good"))
r2 = weakref.ref(c, CB("bad"))
r3 = weakref.ref(c, CB("after"))
sys.stdout.flush()
del c
sys.stdout.flush()
print("still running", r1(), r2(), r3())
