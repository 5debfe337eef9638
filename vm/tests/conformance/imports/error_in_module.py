# An uncaught exception raised inside a helper module: the traceback spans both files.
from pkg_bad.raises import fail
def run():
    return fail(2)
print("calling into the helper module")
run()
