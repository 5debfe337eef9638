# Shadowing builtins locally and globally; the builtins module stays intact.
import builtins
def f():
    len = lambda x: "shadowed"
    return len([1, 2])
print(f(), len([1, 2]))
print = builtins.print
list = tuple
print(list([1, 2]))
del list
print(list((1, 2)))
builtins.my_builtin_value = 99
print(my_builtin_value)
del builtins.my_builtin_value
try:
    my_builtin_value
except NameError as e:
    print(e)
