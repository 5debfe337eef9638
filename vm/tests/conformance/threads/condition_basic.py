# Condition: wait/notify handshake, wait_for with predicate and timeout, notify_all, errors.
import threading

cond = threading.Condition()
items = []


def consumer(out):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        out.append(list(items))


out = []
c = threading.Thread(target=consumer, args=(out,))
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print("consumer saw:", out)

with cond:
    print("wait timeout:", cond.wait(0.02))
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.02))
    print("wait_for true at once:", cond.wait_for(lambda: "yes"))

try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# notify_all wakes every waiter; notify(n) wakes at most n.
state = {"go": 0, "woken": 0, "waiting": 0}


def sleeper():
    with cond:
        state["waiting"] += 1
        cond.notify_all()
        while state["go"] == 0:
            cond.wait()
        state["go"] -= 1
        state["woken"] += 1
        cond.notify_all()


threads = [threading.Thread(target=sleeper) for _ in range(5)]
for t in threads:
    t.start()
with cond:
    cond.wait_for(lambda: state["waiting"] == 5)
    state["go"] = 2
    cond.notify(2)
with cond:
    cond.wait_for(lambda: state["woken"] == 2)
    print("woken after notify(2):", state["woken"])
    state["go"] = 3
    cond.notify_all()
for t in threads:
    t.join()
print("woken in total:", state["woken"])

# A Condition over a plain Lock.
plain = threading.Condition(threading.Lock())
with plain:
    print("plain lock wait timeout:", plain.wait(timeout=0.01))
