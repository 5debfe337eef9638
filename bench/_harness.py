"""Shared helpers for bench/run.py and bench/threads/run.py (stdlib only).

One measurement = one child process. Wall time is taken around spawn and
reap; peak RSS comes from the rusage that os.wait4 returns for exactly that
child, so no sampling is involved and nothing else is counted. The whole
stdout of the child is its checksum: benchmark programs print nothing else.
"""

import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

# Keep this many characters of a failed child's output for the report.
TAIL_CHARS = 600


class Run:
    """The outcome of one child process."""

    def __init__(self, status, wall, rss_kib, stdout, stderr, exit_code):
        self.status = status  # "ok", "exit N", "signal N", "timeout", "mismatch"
        self.wall = wall
        self.rss_kib = rss_kib
        self.stdout = stdout
        self.stderr = stderr
        self.exit_code = exit_code

    @property
    def ok(self):
        return self.status == "ok"

    @property
    def checksum(self):
        return self.stdout.strip()


def _tail(text):
    return text if len(text) <= TAIL_CHARS else "..." + text[-TAIL_CHARS:]


def run_once(argv, timeout, cwd=None):
    """Run argv to completion; return a Run with wall time and peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        state = {"done": False, "killed": False}
        guard = threading.Lock()
        start = time.perf_counter()
        try:
            # A session of its own, so a timeout can kill the whole group
            # (a wrapper script and whatever it started).
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, cwd=cwd, start_new_session=True)
        except OSError as e:
            return Run("cannot start: %s" % e, 0.0, 0, "", str(e), None)

        def kill():
            # Signal the pid directly: Popen.kill() would poll() first and
            # could reap the child before our wait4 sees its rusage.
            with guard:
                if not state["done"]:
                    state["killed"] = True
                    os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        _, wstatus, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        with guard:
            state["done"] = True
        timer.cancel()
        code = os.waitstatus_to_exitcode(wstatus)
        # Tell Popen the child is reaped so it never waits on the pid again.
        proc.returncode = code
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss
    if sys.platform == "darwin":
        rss //= 1024  # bytes there, KiB on Linux
    if state["killed"]:
        status = "timeout"
    elif code < 0:
        status = "signal %d" % -code
    elif code > 0:
        status = "exit %d" % code
    else:
        status = "ok"
    return Run(status, wall, rss, stdout, _tail(stderr), code)


def check_against(run, expected):
    """Mark an ok run whose checksum differs from expected as a mismatch."""
    if run.ok and expected is not None and run.checksum != expected:
        run.status = "mismatch"
    return run


def resolve(cmd, what):
    """Turn an interpreter name or path into an absolute path, or exit."""
    if os.sep in cmd:
        path = os.path.abspath(cmd)
        if os.access(path, os.X_OK) and os.path.isfile(path):
            return path
    else:
        found = shutil.which(cmd)
        if found:
            return found
    sys.exit("error: %s interpreter not found or not executable: %s" % (what, cmd))


def median(values):
    return statistics.median(values) if values else None


def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def mib(kib):
    return kib / 1024.0 if kib is not None else None


def fmt(value, digits=3, suffix=""):
    if value is None:
        return "-"
    return ("%." + str(digits) + "f%s") % (value, suffix)


def short(text, width=60):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def table(header, rows):
    """A Markdown table; the first column left-aligned, the rest right."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def programs_in(directory, filters):
    """Benchmark scripts in directory (not the runners run.py, icount.py and
    ceiling.py,
    not _private.py), filtered by any of the comma-separated substrings in
    filters."""
    tools = {"run.py", "icount.py", "ceiling.py"}
    names = sorted(n[:-3] for n in os.listdir(directory)
                   if n.endswith(".py") and n not in tools and not n.startswith("_"))
    if filters:
        wanted = [f.strip() for f in filters.split(",") if f.strip()]
        names = [n for n in names if any(w in n for w in wanted)]
    return names


def describe_failure(label, run, expected):
    lines = ["- **%s**: %s" % (label, run.status.upper())]
    if run.status == "mismatch":
        lines.append("  - expected: `%s`" % short(expected or "", 200))
        lines.append("  - got:      `%s`" % short(run.checksum, 200))
    elif run.stderr.strip():
        lines.append("  - stderr tail: `%s`" % short(run.stderr, 300))
    return "\n".join(lines)
