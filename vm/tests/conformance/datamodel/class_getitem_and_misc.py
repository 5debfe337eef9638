# __class_getitem__, __instancecheck__, __subclasscheck__, __len__ on classes.
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])
print(list[int], dict[str, int], type(list[int]).__name__)
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj > 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Positive(metaclass=Meta):
    pass
print(isinstance(5, Positive), isinstance(-5, Positive), issubclass(bool, Positive), issubclass(int, Positive))
class Sized(type):
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter("abc")
class S(metaclass=Sized):
    pass
print(len(S), list(S))
