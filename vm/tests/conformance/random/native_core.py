import random, copy
random.seed(12345)
print([random.random() for _ in range(3)])
print(random.getrandbits(5), random.getrandbits(100), random.randint(1, 1000), random.choice("abcdef"))
r = random.Random("hello")
print(r.random(), r.gauss(0, 1), r.sample(range(100), 5))
st = r.getstate()
a = [r.random() for _ in range(700)]
r.setstate(st)
print(a == [r.random() for _ in range(700)], len(st[1]), st[0])
random.seed(3.5); print(random.random())
random.seed(-7); print(random.random())
random.seed(2**200+17); print(random.random())
random.seed(b"xyz", version=1); print(random.random())
class R(random.Random):
    pass
print(type(R(5).random()), R(5).random() == random.Random(5).random())
try: random.Random().setstate((3, (1,2), None))
except ValueError as e: print("VE", e)
try: random.getrandbits(-1)
except ValueError as e: print("VE", e)
import _random
print(_random.Random(7).random(), isinstance(random.Random(), _random.Random))
try: _random.Random(1, 2)
except TypeError as e: print("TE", e)
print(random.Random(42).randrange(10**30))
s = random.Random(9); print(copy.deepcopy(s).random() == s.random())
