# Finalizers of garbage cycles run once, before the cycle is broken; an
# object its finalizer resurrects survives, finalized, and is freed later
# without a second __del__.
import gc
class D:
    def __del__(self):
        print("del", self.tag)
def mk(tag):
    a = D(); b = D(); a.tag = tag + "a"; b.tag = tag + "b"; a.o = b; b.o = a
mk("x")
print("collect")
gc.collect()
print("again")
saved = []
class R:
    def __del__(self):
        saved.append(self)
        print("resurrect")
r = R(); r.me = r; del r
gc.collect()
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("end")
