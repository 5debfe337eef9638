# Thread names: explicit, generated "Thread-N (target)", the name property and repr status words.
import threading


def job():
    pass


class Runner:
    def __call__(self):
        pass


named = threading.Thread(target=job, name="worker-a")
print(named.name)
auto = threading.Thread(target=job)
print(auto.name)
plain = threading.Thread()
print(plain.name)
callable_obj = threading.Thread(target=Runner())
print(callable_obj.name)
numbered = threading.Thread(name=42)
print(repr(numbered.name))

auto.name = "renamed"
print(auto.name)

seen = []


def report():
    seen.append(threading.current_thread().name)


for n in ["gamma", "alpha", "beta"]:
    t = threading.Thread(target=report, name=n)
    t.start()
    t.join()
print(seen)

t = threading.Thread(target=job, name="R")
print(repr(t))
t.start()
t.join()
print(repr(t).split(",")[1].split()[0])
d = threading.Thread(target=job, name="D", daemon=True)
print(repr(d))
