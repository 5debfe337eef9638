# import statements bind names in the current scope.
def f():
    import pkg_demo.util
    from pkg_demo import VERSION as v
    return sorted(n for n in locals()), v
print(f())
try:
    pkg_demo
except NameError as e:
    print(e)
class C:
    import pkg_demo.sub.sibling as sib
print(C.sib.NAME)
import pkg_demo.sub.sibling
print(pkg_demo.VERSION)
