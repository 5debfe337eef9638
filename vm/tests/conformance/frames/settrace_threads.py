# Tracing is per thread: sys.settrace in one thread does not trace
# another; threading.settrace/setprofile install a function in threads
# started afterwards; a traceback passed between threads keeps its frames.
import queue
import sys
import threading

counts = {}
lock = threading.Lock()


def make_tracer(tag):
    def tracer(frame, event, arg):
        if frame.f_code.co_name == "work":
            with lock:
                counts[(tag, event)] = counts.get((tag, event), 0) + 1
        return tracer
    return tracer


def work(n):
    t = 0
    for i in range(n):
        t += i
    return t


def traced_thread():
    sys.settrace(make_tracer("self"))
    work(3)
    sys.settrace(None)


def plain_thread():
    work(3)


threads = [threading.Thread(target=traced_thread), threading.Thread(target=plain_thread)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(counts.items()))
print("main thread untraced", sys.gettrace())

counts.clear()
threading.settrace(make_tracer("hook"))
print("threading.gettrace set", threading.gettrace() is not None)
t = threading.Thread(target=plain_thread)
t.start()
t.join()
threading.settrace(None)
print(sorted(counts.items()))

prof = []


def profiler(frame, event, arg):
    if frame.f_code.co_name == "work":
        prof.append(event)


threading.setprofile(profiler)
print("threading.getprofile", threading.getprofile() is profiler)
t = threading.Thread(target=plain_thread)
t.start()
t.join()
threading.setprofile(None)
print(prof)

# A traceback made in one thread, read in another after its frames ended.
q = queue.Queue()


def fail():
    secret = 42
    raise ValueError("from thread")


def producer():
    try:
        fail()
    except ValueError as e:
        q.put(e)


t = threading.Thread(target=producer)
t.start()
t.join()
e = q.get()
tb = e.__traceback__
while tb.tb_next is not None:
    tb = tb.tb_next
f = tb.tb_frame
print(f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno, f.f_locals, f.f_back.f_code.co_name)
