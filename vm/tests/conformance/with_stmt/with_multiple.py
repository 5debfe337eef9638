# Multiple context managers: entered left to right, exited in reverse.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError(f"enter {self.name} failed")
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else "-")
with CM("a"), CM("b"), CM("c"):
    print("body")
with (
    CM("p1") as p1,
    CM("p2") as p2,
):
    print("parenthesised", p1.name, p2.name)
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("never")
except RuntimeError as e:
    print("caught", e)
try:
    with CM("outer"):
        with CM("inner"):
            raise ValueError("v")
except ValueError:
    print("propagated through both")
