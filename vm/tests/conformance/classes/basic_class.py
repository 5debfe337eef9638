# Class definition, instances, methods, attributes.
class Dog:
    species = "canis"
    def __init__(self, name):
        self.name = name
        self.tricks = []
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def __repr__(self):
        return f"Dog({self.name!r})"
d = Dog("rex").add_trick("sit").add_trick("roll")
print(d, d.name, d.tricks, d.species, Dog.species)
e = Dog("fido")
print(e.tricks, Dog.__name__, Dog.__qualname__, Dog.__module__)
print(type(d) is Dog, isinstance(d, Dog), isinstance(d, object))
print(sorted(vars(d)), "add_trick" in Dog.__dict__)
print(Dog.add_trick(e, "beg").tricks)
m = d.add_trick
print(m.__self__ is d, m.__func__ is Dog.add_trick)
