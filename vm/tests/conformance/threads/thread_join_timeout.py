# join(timeout) returns after the timeout while the thread is still running; is_alive tells.
import threading

gate = threading.Event()
t = threading.Thread(target=gate.wait, name="waiter")
t.start()
print("alive at start:", t.is_alive())
t.join(0.05)
print("alive after join(0.05):", t.is_alive())
t.join(timeout=0)
print("alive after join(0):", t.is_alive())
t.join(-1)
print("alive after join(-1):", t.is_alive())
gate.set()
t.join()
print("alive after set + join():", t.is_alive())
