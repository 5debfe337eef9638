# Compile-time warnings: SyntaxWarnings are printed on stderr (with the source line when the file
# can be read); DeprecationWarnings for invalid escapes are hidden by the default filters.
import sys
sys.path.insert(0, "warnmods")
x = 1
print(x is 1, x is not "a")
print("\d", b"\q"[0])
assert (x, "always true")
def f(seq):
    return [seq] [0, 1] if False else len(seq)
print(f("ab"))
import warn_helper
print(warn_helper.VALUE)
for i in range(2):
    exec("y = 5\nprint(y is 5)")
code = compile("z = () is ()\nprint(z)", "dynamic.py", "exec")
exec(code)
try:
    eval("(1, 2)(3)")
except TypeError as e:
    print("TypeError:", e)
