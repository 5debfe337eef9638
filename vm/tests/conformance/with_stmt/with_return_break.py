# Leaving a with block through return, break, continue and exceptions calls __exit__.
class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
    def __exit__(self, *a):
        print("exit", self.tag)
def ret():
    with CM("ret"):
        return "value"
print(ret())
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
def gen():
    with CM("gen"):
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print("closed generator")
def nested_return():
    with CM("a"):
        with CM("b"):
            try:
                return "inner"
            finally:
                print("finally")
print(nested_return())
