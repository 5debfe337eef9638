# Odds and ends of the threading module: ThreadError, TIMEOUT_MAX, stack_size, Lock/RLock types, __all__.
import threading
import _thread

print(threading.ThreadError is _thread.error, issubclass(threading.ThreadError, RuntimeError))
print(type(threading.TIMEOUT_MAX).__name__, threading.TIMEOUT_MAX > 1e6)
print(threading.stack_size())
lock = threading.Lock()
print(type(lock) is type(_thread.allocate_lock()))
print(callable(threading.RLock), hasattr(threading.RLock(), "_is_owned"))
print(threading.get_ident() == _thread.get_ident())
for name in ["Thread", "Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore", "Event",
             "Barrier", "Timer", "local", "current_thread", "main_thread", "enumerate",
             "active_count", "excepthook", "get_ident", "get_native_id", "BrokenBarrierError"]:
    print(name, name in threading.__all__, hasattr(threading, name))
try:
    threading.stack_size(10)
except ValueError as e:
    print("ValueError:", e)
# _thread.start_new_thread runs a plain function; a lock tells when it is done.
done = _thread.allocate_lock()
done.acquire()
box = []


def raw(a, b):
    box.append(a + b)
    done.release()


_thread.start_new_thread(raw, (2, 3))
done.acquire()
print(box)
