# Threads create and drop subclasses of a shared base while others list
# its subclasses, call methods through the type caches and collect.
import gc
import threading
import weakref


class Base:
    def value(self):
        return 1


def worker(n, out):
    total = 0
    refs = []
    for i in range(400):
        def make():
            class Sub(Base):
                def value(self):
                    return super().value() + 1

            Sub.loop = Sub
            return Sub

        S = make()
        total += S().value()
        total += len(Base.__subclasses__()) >= 0
        if i % 50 == 0:
            refs.append(weakref.ref(S))
            gc.collect()
        del S
    out[n] = (total, refs)


out = {}
threads = [threading.Thread(target=worker, args=(n, out)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print(sorted(v[0] for v in out.values()))
print("alive:", sum(1 for v in out.values() for r in v[1] if r() is not None))
print("subclasses left:", len(Base.__subclasses__()))
