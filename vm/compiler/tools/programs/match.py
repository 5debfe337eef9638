class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
def describe(v):
    match v:
        case 0 | 1:
            return 'small int'
        case None:
            return 'none'
        case True:
            return 'true'
        case [x, y] if x == y:
            return f'pair of same {x}'
        case [x, *rest]:
            return f'list starting {x} rest {rest}'
        case {'k': val, **others}:
            return f'dict k={val} others={others}'
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return f'axis point {yy}'
        case Point(a, b):
            return f'point {a},{b}'
        case str() as s if len(s) > 3:
            return 'long string ' + s
        case str(s):
            return 'string ' + s
        case (1, 2) | (3, 4):
            return 'tuple pair'
        case -1 | 1.5 | 2j:
            return 'weird literal'
        case _:
            return 'other ' + repr(v)
for v in [0, 1, None, True, [2, 2], [1, 2, 3], {'k': 1, 'z': 2}, Point(0, 5), Point(7, 0), Point(3, 4), 'hello', 'hi', (3, 4), -1, 2j, 3.5, [5]]:
    print(describe(v))
def seq(v):
    match v:
        case [a, *_, b]:
            return a, b
        case []:
            return 'empty'
        case [*_]:
            return 'one'
print(seq([1, 2, 3, 4]), seq([]), seq([9]))
