# timeit's command line (main) driven by a fake timer, as CPython's tests do; getopt.
import timeit, sys, getopt
sys.stderr = sys.stdout
class FakeTimer:
    BASE_TIME = 42.0
    def __init__(self, seconds_per_increment=1.0):
        self.count = 0
        self.setup_calls = 0
        self.seconds_per_increment = seconds_per_increment
        timeit._fake_timer = self
    def __call__(self):
        return self.BASE_TIME + self.count * self.seconds_per_increment
    def inc(self):
        self.count += 1
    def setup(self):
        self.setup_calls += 1
    def wrap_timer(self, timer):
        self.saved_timer = timer
        return self

def run(args, spi=1.0):
    ft = FakeTimer(spi)
    print(args, "->", timeit.main(args=args, _wrap_timer=ft.wrap_timer))

stmt = "timeit._fake_timer.inc()"
run(["-n", "100", "-r", "3", "-s", "import timeit", stmt], 0.001)
run(["-s", "import timeit", stmt], 0.00002)
run(["-v", "-s", "import timeit", stmt], 0.05)
run(["-vv", "-n", "10", "-s", "import timeit", stmt], 0.05)
run(["-n", "2", "-u", "usec", "-s", "import timeit", stmt], 0.001)
run(["-u", "parsec", stmt])
run(["--bogus"])
run(["-n"])
run(["-n", "1", "-r", "0", "-s", "import timeit", stmt], 1.5)
import io
err = io.StringIO()
sys.stdout = sys.stderr = err
status = timeit.main(["-n", "1", "1/0"])
sys.stdout = sys.__stdout__
sys.stderr = sys.stdout
print(status, err.getvalue().splitlines()[-1])
t = timeit.Timer(stmt, "import timeit", timer=FakeTimer())
print(t.timeit(7), t.repeat(3, 2))
ft = FakeTimer(0.03)
print(timeit.Timer(ft.inc, ft.setup, timer=ft).autorange(lambda n, s: print(" cb", n, round(s, 6))), ft.setup_calls)
for bad in [(1, "pass"), ("pass", 2)]:
    try:
        timeit.Timer(*bad)
    except ValueError as e:
        print(e)
try:
    timeit.Timer("return 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
print(timeit.timeit("x = 1", number=10) >= 0, len(timeit.repeat("pass", number=5, repeat=4)))
print(timeit.timeit("y * 2", globals={"y": 21}, number=1) >= 0, timeit.default_timer is __import__("time").perf_counter)
print(getopt.getopt(["-a", "-bval", "--long=x", "--fl", "arg", "-c"], "ab:c", ["long=", "flag"]))
print(getopt.gnu_getopt(["x", "-a", "y", "--flag"], "a", ["flag"]))
for args in [["-z"], ["--zz"], ["-b"], ["--long"], ["--flag=1"], ["--l"]]:
    try:
        getopt.getopt(args, "ab:", ["long=", "flag", "lo"])
    except getopt.GetoptError as e:
        print(e, repr(e.opt))
