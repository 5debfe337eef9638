# Closure cells: nonlocal counters mutated from several threads under a
# lock, cells holding objects that are replaced while other threads read
# them, and a cell read after its variable was deleted.
import threading


def counter():
    n = 0
    lock = threading.Lock()

    def inc():
        nonlocal n
        with lock:
            n += 1

    def get():
        return n

    return inc, get


inc, get = counter()


def work():
    for _ in range(2000):
        inc()


ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(get())


def shared_box():
    box = ["start"]
    stop = False

    def writer():
        nonlocal box
        for i in range(3000):
            box = ["item", i, str(i)]

    def reader():
        seen = 0
        while not stop:
            b = box
            if b[0] not in ("start", "item"):
                raise AssertionError(b)
            seen += 1
        return seen

    def stopper():
        nonlocal stop
        stop = True

    return writer, reader, stopper, lambda: box


writer, reader, stopper, final = shared_box()
errors = []


def run_reader():
    try:
        reader()
    except Exception as e:
        errors.append(e)


rs = [threading.Thread(target=run_reader) for _ in range(2)]
for t in rs:
    t.start()
ws = [threading.Thread(target=writer) for _ in range(2)]
for t in ws:
    t.start()
for t in ws:
    t.join()
stopper()
for t in rs:
    t.join()
print(errors, final())


def deleted():
    x = 1

    def f():
        return x

    del x
    return f


try:
    deleted()()
except NameError as e:
    print("NameError:", e)


def local_deleted():
    y = 1

    def g():
        return y

    del y
    return y


try:
    local_deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def rebinding():
    v = 0

    def setv(k):
        nonlocal v
        v = k

    def delv():
        nonlocal v
        del v

    def getv():
        return v

    return setv, delv, getv


s, d, g = rebinding()
s("a")
print(g())
d()
try:
    g()
except NameError as e:
    print("NameError:", e)
try:
    d()
except NameError as e:
    print("NameError:", e)
s(42)
print(g())
print(g.__closure__[0].cell_contents)
