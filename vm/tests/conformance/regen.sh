#!/usr/bin/env bash
# Regenerates the expectations of the conformance suite from CPython 3.11.
#
#   vm/tests/conformance/regen.sh              # every script
#   vm/tests/conformance/regen.sh strings/     # only scripts whose path contains "strings/"
#   vm/tests/conformance/regen.sh --check      # write nothing; fail if any expectation is stale
#
# For each `<area>/<name>.py` (only files directly inside an area folder; deeper folders hold
# helper modules) it runs `python3 <name>.py` with the working directory set to `<area>/`, the
# environment below and stdin from /dev/null, and writes
#   <name>.out   stdout (always written, may be empty)
#   <name>.err   stderr (only when non-empty)
#   <name>.code  exit status (only when not 0)
# CPython prints absolute script paths in tracebacks, so every occurrence of the (real) absolute
# path of this folder in stdout and stderr is replaced by the token `<conformance>`; the Rust
# harness (vm/tests/conformance.rs) does the same to Skein's output before comparing.
#
# Each script is run twice and must print the same both times; a script must produce some output
# or a non-zero status (so that an interpreter that does nothing fails it), must not print what
# looks like an address, must not show frames from CPython's own library in a traceback, and
# should finish in well under a second.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd -P)"
python_bin="${PYTHON:-python3}"
exec "$python_bin" - "$here" "$@" <<'PY'
import concurrent.futures
import os
import re
import subprocess
import sys
import threading

root = sys.argv[1]
args = sys.argv[2:]
check_only = "--check" in args
filters = [a for a in args if a != "--check"]

if sys.version_info[:2] != (3, 11):
    sys.exit(f"regen.sh: need CPython 3.11, found {sys.version.split()[0]} (set PYTHON=...)")

PLACEHOLDER = b"<conformance>"
ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONUTF8": "1",
    "LC_ALL": "C.UTF-8",
    "TZ": "UTC",
}
ADDRESS = re.compile(rb" at 0x[0-9a-f]{4,}")


def discover():
    cases = []
    for area in sorted(os.listdir(root)):
        adir = os.path.join(root, area)
        if area.startswith((".", "_")) or not os.path.isdir(adir):
            continue
        for name in sorted(os.listdir(adir)):
            if name.endswith(".py") and os.path.isfile(os.path.join(adir, name)):
                rel = f"{area}/{name}"
                if not filters or any(f in rel for f in filters):
                    cases.append(rel)
    return cases


def run(rel):
    """Runs one script; returns (stdout, stderr, status, cpu seconds)."""
    area, name = rel.split("/")
    p = subprocess.Popen(
        [sys.executable, name],
        cwd=os.path.join(root, area),
        env=ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    timer = threading.Timer(10, p.kill)
    timer.start()
    streams = {}
    readers = [
        threading.Thread(target=lambda: streams.__setitem__("out", p.stdout.read())),
        threading.Thread(target=lambda: streams.__setitem__("err", p.stderr.read())),
    ]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    # wait4 rather than wait: CPU time is a fair speed measure on a busy machine.
    _, status, usage = os.wait4(p.pid, 0)
    timer.cancel()
    p.returncode = code = os.waitstatus_to_exitcode(status)
    p.stdout.close()
    p.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    out, err = streams["out"], streams["err"]
    out = out.replace(root.encode(), PLACEHOLDER)
    err = err.replace(root.encode(), PLACEHOLDER)
    return out, err, code, cpu


def expectation_files(rel, out, err, code):
    base = os.path.join(root, rel[:-3])
    return {
        base + ".out": out,
        base + ".err": err if err else None,
        base + ".code": f"{code}\n".encode() if code != 0 else None,
    }


def process(rel):
    problems = []
    first = run(rel)
    second = run(rel)
    out, err, code, elapsed = first
    if first[:3] != second[:3]:
        problems.append("output differs between two runs (not deterministic)")
    if not out and not err and code == 0:
        problems.append("prints nothing and exits 0 (a no-op interpreter would pass it)")
    if code < 0:
        problems.append(f"killed by signal {-code}")
    if ADDRESS.search(out) or ADDRESS.search(err):
        problems.append("output contains something that looks like an address")
    if b'File "/' in err or b"<frozen " in err:
        problems.append("traceback shows a file outside the conformance folder")
    if min(elapsed, second[3]) > 0.3:
        problems.append(f"slow: {min(elapsed, second[3]):.2f}s of CPU time")
    return rel, out, err, code, problems


def main():
    cases = discover()
    if not cases:
        sys.exit("regen.sh: no script matches")
    stale = []
    failed = False
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for rel, out, err, code, problems in pool.map(process, cases):
            for p in problems:
                print(f"{rel}: {p}", file=sys.stderr)
                failed = True
            for path, content in expectation_files(rel, out, err, code).items():
                old = None
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        old = f.read()
                if old == content:
                    continue
                stale.append(path)
                if check_only:
                    continue
                if content is None:
                    os.remove(path)
                else:
                    with open(path, "wb") as f:
                        f.write(content)
    # Expectations whose script is gone.
    if not filters:
        for area in sorted(os.listdir(root)):
            adir = os.path.join(root, area)
            if not os.path.isdir(adir) or area.startswith((".", "_")):
                continue
            for name in sorted(os.listdir(adir)):
                stem, ext = os.path.splitext(name)
                if ext in (".out", ".err", ".code") and not os.path.exists(os.path.join(adir, stem + ".py")):
                    path = os.path.join(adir, name)
                    stale.append(path)
                    if not check_only:
                        os.remove(path)
    verb = "stale" if check_only else "updated"
    for path in stale:
        print(f"{verb}: {os.path.relpath(path, root)}")
    print(f"{len(cases)} scripts, {len(stale)} expectation files {verb}")
    if failed or (check_only and stale):
        sys.exit(1)


main()
PY
