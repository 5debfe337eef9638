print("pkg_circ.b: start")
from . import a
B_VALUE = "b-value"
print("pkg_circ.b: sees a.A_EARLY =", a.A_EARLY, "has A_LATE:", hasattr(a, "A_LATE"))
