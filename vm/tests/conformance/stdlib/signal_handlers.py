# signal: handlers run in the main thread soon after the signal arrives
# (raise_signal, os.kill, alarm during sleep), SIG_IGN / SIG_DFL, getsignal,
# default_int_handler, the Signals enum, errors.
import os
import signal
import time

print(signal.SIGINT, repr(signal.SIGINT), repr(signal.SIGTERM), int(signal.SIGUSR1))
print(signal.Signals(15).name, signal.Signals.SIGALRM.value, repr(signal.SIG_DFL), repr(signal.SIG_IGN))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR1)))
print(signal.NSIG, signal.SIGRTMIN < signal.SIGRTMAX)
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL))
print(len(signal.valid_signals()), signal.SIGKILL in signal.valid_signals())

seen = []


def handler(signum, frame):
    seen.append((signal.Signals(signum).name, frame is not None))


old = signal.signal(signal.SIGUSR1, handler)
print("old", repr(old), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(seen)
os.kill(os.getpid(), signal.SIGUSR1)
print(seen)

signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR2)
print("ignored", repr(signal.getsignal(signal.SIGUSR2)))


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("alarm went off")


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(5)
    print("slept through")
except Timeout as e:
    print("Timeout:", e)
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from default_int_handler")

signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
print(seen[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)

for bad in [(0, handler), (signal.NSIG, handler), (signal.SIGUSR1, 5), (signal.SIGUSR1, "x"),
            (signal.SIGKILL, handler)]:
    try:
        signal.signal(*bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
try:
    signal.getsignal(100)
except ValueError as e:
    print("ValueError", e)

import threading
errors = []


def from_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=from_thread)
t.start()
t.join()
print(errors)

handled_in = []
signal.signal(signal.SIGUSR1, lambda s, f: handled_in.append(threading.current_thread().name))
t = threading.Thread(target=lambda: os.kill(os.getpid(), signal.SIGUSR1), name="worker")
t.start()
t.join()
for _ in range(100):
    if handled_in:
        break
    time.sleep(0.001)
print(handled_in)
