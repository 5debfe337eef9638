import types, sys
m = types.ModuleType.__new__(types.ModuleType)
print(m.__dict__)
m.__init__('a', 'doc')
print(m.__dict__)
try: types.ModuleType.__new__(int)
except TypeError as e: print(e)
try: types.ModuleType()
except TypeError as e: print(e)
try: types.ModuleType(3)
except TypeError as e: print(e)
class M(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def hello(self):
        return "hello from " + self.__name__
m = M('q', 5)
print(type(m).__name__, m.__name__, m.extra, sorted(m.__dict__), repr(m))
print(m.hello(), isinstance(m, types.ModuleType))
M.extra = property(lambda self: 42)
print(m.extra, getattr(m, "extra"))
sys.modules["q"] = m
import q
print(q is m, q.hello())
m2 = types.ModuleType("plain", "the doc")
print(m2.__doc__, m2.__name__, type(m2))
