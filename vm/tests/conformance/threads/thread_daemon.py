# The daemon flag: inherited from the creating thread, set by keyword or attribute, frozen once started.
import threading

print("main daemon:", threading.current_thread().daemon)
t = threading.Thread(target=lambda: None)
print("default:", t.daemon)
t.daemon = True
print("after set:", t.daemon)
t.start()
t.join()
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

d = threading.Thread(target=lambda: None, daemon=True)
print("keyword:", d.daemon)

inherited = []


def make_child():
    child = threading.Thread(target=lambda: None)
    inherited.append(child.daemon)


parent = threading.Thread(target=make_child, daemon=True)
parent.start()
parent.join()
parent2 = threading.Thread(target=make_child, daemon=False)
parent2.start()
parent2.join()
print("child of daemon / non-daemon:", inherited)

# A daemon thread still blocked at exit does not keep the program alive.
blocker = threading.Event()
forever = threading.Thread(target=blocker.wait, daemon=True)
forever.start()
print("daemon still running:", forever.is_alive())
