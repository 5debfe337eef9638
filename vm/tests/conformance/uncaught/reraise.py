# A bare raise inside an except block re-raises with the original traceback.
def fail():
    raise OSError(2, "No such file or directory")
try:
    fail()
except OSError:
    print("logging and re-raising")
    raise
