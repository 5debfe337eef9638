# An async generator driven from several threads: each step may run in any
# thread (one at a time); a step started while another thread's step is
# still running fails with "already running" and never corrupts the
# generator.
import sys
import threading


class suspend:
    """An awaitable that suspends once."""

    def __await__(self):
        yield "suspended"


async def numbers(n):
    for i in range(n):
        yield i


def step(aw):
    try:
        return ("suspended", aw.send(None))
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("end",)
    except RuntimeError as e:
        return ("RuntimeError", str(e))


def in_thread(fn):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join()
    return out[0]


print("== each step in a new thread")
g = numbers(4)
print([in_thread(lambda: step(g.__anext__())) for _ in range(5)])


async def waits():
    yield "first"
    await suspend()
    yield "second"


print("== another thread while one awaitable is suspended inside the generator")
g = waits()
print(step(g.__anext__()))
held = g.__anext__()
print(step(held), g.ag_running)
print(in_thread(lambda: step(g.__anext__())))
print(in_thread(lambda: step(g.aclose())))
print(in_thread(lambda: step(g.athrow(ValueError))))
print("finish in another thread:", in_thread(lambda: step(held)), g.ag_running)
print(step(g.__anext__()))

print("== hooks are per thread")


def first_main(ag):
    print("main-thread firstiter")


sys.set_asyncgen_hooks(firstiter=first_main)
print("other thread sees:", in_thread(sys.get_asyncgen_hooks))


def other():
    seen = []
    sys.set_asyncgen_hooks(firstiter=lambda ag: seen.append("other firstiter"))
    step(numbers(1).__anext__())
    return seen, sys.get_asyncgen_hooks().firstiter is first_main


print(in_thread(other))
step(numbers(1).__anext__())
sys.set_asyncgen_hooks(None, None)

print("== racing threads on one generator")
N = 400
THREADS = 4
g = numbers(N)
results = [[] for _ in range(THREADS)]
errors = [set() for _ in range(THREADS)]
start = threading.Barrier(THREADS)


def worker(k):
    start.wait()
    while True:
        r = step(g.__anext__())
        if r[0] == "value":
            results[k].append(r[1])
        elif r[0] == "end":
            return
        else:
            errors[k].add(r)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
values = sorted(v for r in results for v in r)
print("every value once:", values == list(range(N)))
print("errors seen:", sorted(set().union(*errors) - {("RuntimeError", "anext(): asynchronous generator is already running")}))
print("generator state:", g.ag_running, g.ag_frame)
