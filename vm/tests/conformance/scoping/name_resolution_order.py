# LEGB: local, enclosing, global, builtin.
value = "global"
def enclosing():
    value = "enclosing"
    def local():
        value = "local"
        return value
    def enc():
        return value
    return local(), enc()
print(enclosing())
def builtin_lookup():
    return len("abc")
print(builtin_lookup())
def late_binding():
    return later
later = "defined after function"
print(late_binding())
def locals_demo(a, b=2):
    c = a + b
    return sorted(locals().items())
print(locals_demo(1))
