"""Writes waits.out / waits.code from CPython: `python3 regen.py`.

Runs waits.py under python3 the way vm/tests/interrupt.rs runs it under
Skein (SIGINT once 0.3 s after each "ready" line) and records stdout, the
last line of stderr and how the process ended."""
import os
import signal
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
p = subprocess.Popen([sys.executable, "waits.py"], cwd=here, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
out = []
while True:
    line = p.stdout.readline()
    if not line:
        break
    out.append(line)
    if line.startswith("ready"):
        time.sleep(0.3)
        p.send_signal(signal.SIGINT)
err = p.stderr.read()
p.wait()
with open(os.path.join(here, "waits.out"), "w") as f:
    f.write("".join(out))
with open(os.path.join(here, "waits.code"), "w") as f:
    # Negative: ended by that signal (subprocess's convention).
    f.write(f"{p.returncode}\n{err.strip().splitlines()[-1]}\n")
