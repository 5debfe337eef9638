# Errors of the Thread API: starting twice, joining too early, joining oneself.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)

errors = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))


s = threading.Thread(target=join_self)
s.start()
s.join()
print("self join:", errors)

try:
    threading.current_thread().join()
except RuntimeError as e:
    print("main join:", e)

try:
    threading.Thread(target=lambda: None, group=object())
except AssertionError as e:
    print("AssertionError:", e)
