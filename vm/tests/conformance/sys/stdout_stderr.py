# Writing to sys.stdout and sys.stderr; redirecting stdout.
import sys
import io
sys.stdout.write("to stdout\n")
sys.stderr.write("to stderr\n")
print("via print to stderr", file=sys.stderr)
old = sys.stdout
sys.stdout = io.StringIO()
print("captured text")
captured = sys.stdout.getvalue()
sys.stdout = old
print("restored, captured =", repr(captured))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.stdout.encoding.lower().replace("-", ""), sys.stdout.isatty())
import contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("inside redirect")
print(repr(buf.getvalue()))
sys.stdout.flush()
