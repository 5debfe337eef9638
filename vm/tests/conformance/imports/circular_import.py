# A circular import sees the partially initialised module.
import pkg_circ.a as a
print(a.A_LATE, a.from_b(), a.b.a is a)
import pkg_circ.b as b
print(b.B_VALUE)
