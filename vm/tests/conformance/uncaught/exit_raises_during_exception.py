# __exit__ raising while the body's exception propagates gives a chained traceback.
class Fragile:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("cleanup failed")
with Fragile():
    raise KeyError("body failed")
