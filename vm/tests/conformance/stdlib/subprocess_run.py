# subprocess: run/Popen/check_output/call with pipes, input, text mode,
# DEVNULL, stderr=STDOUT, env, cwd, timeouts, return codes and errors.
import os
import signal
import subprocess
import sys
import tempfile

r = subprocess.run(["echo", "hello"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(repr(r))
r = subprocess.run("echo out; echo err >&2; exit 3", shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["tr", "a-z", "A-Z"], input=b"shout\n"))
print(subprocess.check_output("printf 'a\\r\\nb'", shell=True, text=True).splitlines())
print(subprocess.call(["true"]), subprocess.call(["false"]), subprocess.check_call(["true"]))
print(subprocess.run(["sh", "-c", "echo both; echo two >&2"], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT).stdout)
print(subprocess.run(["echo", "gone"], stdout=subprocess.DEVNULL).stdout)
print(subprocess.run(["sh", "-c", "echo $SKEIN_X"], env={"SKEIN_X": "from env", "PATH": os.environ["PATH"]},
                     capture_output=True, text=True).stdout, end="")
with tempfile.TemporaryDirectory() as d:
    print(os.path.basename(subprocess.run(["pwd"], cwd=d, capture_output=True, text=True).stdout.strip())
          == os.path.basename(os.path.realpath(d)))
    path = os.path.join(d, "out.txt")
    with open(path, "w") as f:
        subprocess.run(["echo", "to a file"], stdout=f)
    print(open(path).read(), end="")
try:
    subprocess.run(["sh", "-c", "exit 7"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 2"])
except subprocess.CalledProcessError as e:
    print(e.output, e.stdout)
try:
    subprocess.run(["sleep", "5"], timeout=0.2, capture_output=True)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e)
try:
    subprocess.run(["no-such-program-skein"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    subprocess.run(["echo"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"x" * 200000)
print(len(out), err, p.returncode, p.poll())

p = subprocess.Popen(["sleep", "10"])
print(p.poll())
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e)
p.terminate()
print(p.wait(), p.returncode == -signal.SIGTERM)
p.kill()

with subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      text=True) as p:
    p.stdin.write("line\n")
    p.stdin.close()
    print(repr(p.stdout.read()))
print(p.returncode)

p = subprocess.Popen(["sh", "-c", "echo start; exec sleep 5"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("partial:", e.output)
p.kill()
out, _ = p.communicate()
print(out, p.returncode)
print(subprocess.getoutput("echo hi; exit 1"), subprocess.getstatusoutput("exit 4"))
print(subprocess.list2cmdline(["a b", "c\"d", "e"]))
