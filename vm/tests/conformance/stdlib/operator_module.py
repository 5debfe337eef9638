# operator module functions.
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(3), op.pos(-3))
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.not_(0), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(0), op.lshift(1, 4), op.rshift(16, 2), op.abs(-2), op.index(5))
print(op.concat([1], [2]), op.contains([1, 2], 2), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"), op.getitem("abc", 1))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l)
print(op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": "v"}))
class P:
    def __init__(self):
        self.x = 1
        self.child = self
    def m(self, a, b=0):
        return a + b
print(op.attrgetter("x")(P()), op.attrgetter("x", "child.x")(P()), op.methodcaller("m", 5, b=1)(P()))
print(sorted([("b", 2), ("a", 3)], key=op.itemgetter(1)), list(map(op.mul, [1, 2], [3, 4])))
x = [1]
print(op.iadd(x, [2]), x, op.matmul.__name__)
print(repr(op.itemgetter(1)), repr(op.attrgetter("a.b")), repr(op.methodcaller("f", 1, k=2)))
