import warnings
def f():
    warnings.warn("careful", stacklevel=2)
for i in range(3):
    f()
warnings.warn("plain")
warnings.warn("dep", DeprecationWarning)
warnings.warn("pend", PendingDeprecationWarning)
warnings.warn(RuntimeWarning("inst"))
try:
    warnings.warn("x", 3)
except TypeError as e:
    print(e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("rec", UserWarning)
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno, w[0].filename)
    print(str(w[0]))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", UserWarning)
    except UserWarning as e:
        print("raised", repr(e))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("ignore", message="skip.*me")
    warnings.filterwarnings("always", category=UserWarning)
    warnings.filterwarnings("ignore", message="SKIP")
    warnings.warn("skip this me")
    warnings.warn("skipper")
    warnings.warn("keep")
    print([str(x.message) for x in w])
print(warnings.filters[:5])
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  src line  "), end="")
warnings.showwarning("shown", FutureWarning, "other.py", 10)
def hook(message, category, filename, lineno, file=None, line=None):
    print("hook:", message, category.__name__, lineno)
old = warnings.showwarning
warnings.showwarning = hook
warnings.warn("via hook")
warnings.showwarning = old
warnings.warn_explicit("explicit", UserWarning, "fake.py", 7)
print(warnings.catch_warnings(record=True))
