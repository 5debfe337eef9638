# with statement evaluation order and the value bound by "as".
class CM:
    def __init__(self, name):
        print("init", name)
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print("exit", self.name, exc)
        return False
with CM("a") as x:
    print("body", x)
with CM("b"):
    print("no target")
with CM("c") as (first, *rest):
    print(first, rest)
holder = {}
with CM("d") as holder["key"]:
    pass
print(holder)
