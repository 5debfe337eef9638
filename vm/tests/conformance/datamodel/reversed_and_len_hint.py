# __reversed__, sequences for reversed(), and __length_hint__.
import operator
class R:
    def __reversed__(self):
        return iter("reversed!")
print("".join(reversed(R())))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
print(list(reversed(SeqOnly())))
try:
    reversed(object())
except TypeError as e:
    print(e)
class Hint:
    def __iter__(self):
        return iter([])
    def __length_hint__(self):
        return 17
print(operator.length_hint(Hint()), operator.length_hint([1, 2]), operator.length_hint(iter(range(5))))
print(list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
