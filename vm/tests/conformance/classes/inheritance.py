# Single inheritance, overriding and isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Cat(Animal):
    sound = "meow"
class Lion(Cat):
    sound = "roar"
    def kind(self):
        return "big " + super().kind()
for a in [Animal("x"), Cat("tom"), Lion("leo")]:
    print(a.speak(), a.kind())
print(issubclass(Lion, Animal), issubclass(Animal, Lion), issubclass(Cat, Cat))
print(isinstance(Lion("l"), (int, Cat)), Lion.__bases__, Lion.__base__)
print([c.__name__ for c in Lion.__mro__])
print(Animal.__subclasses__())
print(issubclass(bool, int), issubclass(int, object), bool.__mro__)
