# pass, docstring-only bodies and ellipsis bodies.
def f():
    pass
def g():
    "only a docstring"
def h():
    ...
class C:
    pass
print(f(), g(), h(), C.__name__, g.__doc__)
for _ in range(2):
    pass
while False:
    pass
if True:
    pass
print(Ellipsis, ..., type(...).__name__)
