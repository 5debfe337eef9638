# An exception escaping a thread goes to threading.excepthook (here a custom one); the thread ends.
import threading

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                   args.exc_traceback is not None))


threading.excepthook = hook


def fail(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        {}["missing"]
    if kind == "exit":
        raise SystemExit(3)
    return "fine"


for kind in ["value", "key", "exit", "ok"]:
    t = threading.Thread(target=fail, args=(kind,), name="t-" + kind)
    t.start()
    t.join()
    print(kind, "alive:", t.is_alive())
for entry in caught:
    print(entry)

# Replacing the hook again takes effect for later threads.
def bad_hook(args):
    print("bad hook called for", args.exc_type.__name__)


threading.excepthook = bad_hook
t = threading.Thread(target=fail, args=("value",))
t.start()
t.join()
print("main continues; __excepthook__ is the default:",
      threading.__excepthook__ is not bad_hook)
