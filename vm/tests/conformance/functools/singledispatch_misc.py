# functools.singledispatch, cached_property and partialmethod.
from functools import singledispatch, cached_property, partialmethod
@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
print(describe(5), describe([1, 2]), describe("s"), describe(True))
class Data:
    def __init__(self):
        self.computed = 0
    @cached_property
    def expensive(self):
        self.computed += 1
        return "value"
d = Data()
print(d.expensive, d.expensive, d.computed, "expensive" in vars(d))
class Cell:
    def set_state(self, state):
        self.state = state
    set_alive = partialmethod(set_state, True)
c = Cell()
c.set_alive()
print(c.state)
