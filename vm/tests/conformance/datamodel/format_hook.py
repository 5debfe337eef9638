# __format__ receives the format spec.
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "":
            return f"${self.v}"
        if spec == "cents":
            return f"{self.v * 100} cents"
        return f"${format(self.v, spec)}"
m = Money(12.5)
print(f"{m}", f"{m:cents}", f"{m:.3f}", format(m, ">10"), "{:cents}".format(m))
class Default:
    def __str__(self):
        return "default-str"
print(format(Default()), f"{Default()}", f"{Default()!r}"[:9])
try:
    format(Default(), "x")
except TypeError as e:
    print(e)
print(format(3, "05d"), format("s", "^5"), format(2.5, "e"))
