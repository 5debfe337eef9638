import atexit


def cleanup():
    print("cleanup after the traceback")


atexit.register(cleanup)
raise RuntimeError("uncaught")
