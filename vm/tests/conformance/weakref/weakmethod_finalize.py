# WeakMethod and finalize (including what runs at exit).
import weakref


class C:
    def m(self):
        return "m of C"


c = C()
wm = weakref.WeakMethod(c.m)
print(wm()(), wm == weakref.WeakMethod(c.m), hash(wm) == hash(weakref.WeakMethod(c.m)))
print(wm() == c.m, wm() is c.m)
fired = []
wm2 = weakref.WeakMethod(c.m, lambda r: fired.append(r is wm2))
del c
print(wm(), fired)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)


class Obj:
    pass


o = Obj()
f = weakref.finalize(o, print, "finalized", 1)
print(f.alive, f.atexit, f.peek()[1] is print, f.peek()[2])
del o
print(f.alive, f(), f.peek(), f.detach())

o2 = Obj()
f2 = weakref.finalize(o2, print, "at exit 1")
f3 = weakref.finalize(o2, print, "detached")
f4 = weakref.finalize(o2, lambda: "called")
f5 = weakref.finalize(o2, print, "at exit 2", sep="-")
f6 = weakref.finalize(o2, print, "not at exit")
f6.atexit = False
det = f3.detach()
print(det[0] is o2, det[2], f3.alive, f3.detach())
print(f4(), f4(), f4.alive)
print(repr(f4).endswith("; dead>"), "for 'Obj'" in repr(f2))
import atexit
atexit.register(print, "registered before the finalizers ran")
print("end of script")
