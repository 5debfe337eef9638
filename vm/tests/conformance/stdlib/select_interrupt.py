# A select()/poll() wait ends with KeyboardInterrupt on Ctrl-C (here: SIGINT
# sent by another thread), and a signal handler that
# does not raise lets the wait go on (PEP 475). Other threads keep running
# while a thread waits.
import os
import select
import selectors
import signal
import threading
import time

r, w = os.pipe()


def interrupt_later():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)


t = threading.Thread(target=interrupt_later)
t.start()
try:
    select.select([r], [], [], 10)
except KeyboardInterrupt:
    print("select interrupted")
t.join()

t = threading.Thread(target=interrupt_later)
t.start()
p = select.poll()
p.register(r, select.POLLIN)
try:
    p.poll(10000)
except KeyboardInterrupt:
    print("poll interrupted")
t.join()

calls = []
old = signal.signal(signal.SIGUSR1, lambda *a: calls.append("handler"))


def signal_then_write():
    time.sleep(0.03)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.03)
    os.write(w, b"z")


t = threading.Thread(target=signal_then_write)
t.start()
print(select.select([r], [], [], 10)[0] == [r], calls)
t.join()
signal.signal(signal.SIGUSR1, old)
os.read(r, 1)

# While the main thread waits, workers make progress.
counter = [0]


def spin():
    for _ in range(1000):
        counter[0] += 1
    os.write(w, b"d")


t = threading.Thread(target=spin)
t.start()
with selectors.DefaultSelector() as sel:
    sel.register(r, selectors.EVENT_READ)
    print(len(sel.select(10)))
t.join()
print(counter[0], os.read(r, 1))
