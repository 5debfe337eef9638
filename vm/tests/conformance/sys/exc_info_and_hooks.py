# sys.exc_info, sys.exception, sys.getsizeof (type only), sys.intern, sys.flags.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exc_info()[0])
s = sys.intern("interned" + "_string")
print(s is sys.intern("interned_string"))
print(isinstance(sys.getsizeof([]), int), sys.flags.optimize, sys.dont_write_bytecode)
print(callable(sys.exit), callable(sys.excepthook), sys.hash_info.width, sys.hash_info.modulus == 2 ** 61 - 1)
