# collections.ChainMap and collections.abc checks.
from collections import ChainMap
import collections.abc as abc
defaults = {"color": "red", "size": "M"}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], len(cm), sorted(cm), dict(cm) == {"color": "red", "size": "L"})
cm["new"] = 1
print(user, cm.maps[1] is defaults)
child = cm.new_child({"color": "blue"})
print(child["color"], child.parents["color"])
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), isinstance(set(), abc.Set), isinstance("", abc.Iterable))
print(isinstance(iter([]), abc.Iterator), isinstance(len, abc.Callable), isinstance((x for x in []), abc.Generator), isinstance(5, abc.Hashable), isinstance([], abc.Hashable))
class MySeq(abc.Sequence):
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 2
s = MySeq()
print(list(s), s.index(4), s.count(2), 4 in s, list(reversed(s)))
