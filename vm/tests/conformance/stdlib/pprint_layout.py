import pprint, collections, types, dataclasses, io
data = {"name": "widget", "tags": ["a", "b", "c"] * 5, "nested": {"x": list(range(30)), "y": (1, 2, 3), "z": {"deep": [{"k": i} for i in range(4)]}}, "text": "lorem ipsum dolor sit amet " * 6, "blob": bytes(range(60)), 3: None, (1, 2): {1.5, 2.5}}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(50)), compact=True, width=60)
pprint.pprint(data, sort_dicts=False, width=100)
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat(10 ** 20, underscore_numbers=True), pprint.pformat([12345678] * 12, underscore_numbers=True))
rec = [1, 2]
rec.append(rec)
d = {"self": None}
d["self"] = d
print(pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, "a"]), pprint.isreadable([object()]))
print(pprint.saferepr(rec).startswith("[1, 2, <Recursion on list with id="))
print(pprint.pformat(d, width=10).startswith("{'self': <Recursion on dict"))
od = collections.OrderedDict((str(i) * 5, i) for i in range(12))
pprint.pprint(od)
dd = collections.defaultdict(list, {i: [i] * 10 for i in range(5)})
pprint.pprint(dd, width=50)
pprint.pprint(collections.Counter("abracadabra" * 3 + "xyzw" * 7 + "qrstuvmnop"), width=40)
pprint.pprint(collections.deque(range(30)), width=40)
pprint.pprint(collections.deque(range(30), maxlen=40), width=40)
pprint.pprint(collections.ChainMap({"a": list(range(20))}, {"b": list(range(20))}), width=50)
pprint.pprint(types.SimpleNamespace(alpha=list(range(20)), beta="x" * 50), width=50)
pprint.pprint(types.MappingProxyType({"k%d" % i: i for i in range(15)}))
pprint.pprint(frozenset(range(40)), width=50)
pprint.pprint(set(range(40)), width=50)
pprint.pprint(bytearray(range(40)), width=40)
pprint.pprint(("tuple", ) * 1, width=5)
pprint.pprint([("single-element tuple long enough to wrap the line",)], width=20)
pprint.pprint("a long string with\nnewlines inside it that\nneed wrapping past the width", width=20)
pprint.pprint({"key": "a long string value that must be split over several lines when narrow"}, width=30)
pprint.pprint([1, [2, [3, [4, [5]]]]], depth=3)
pprint.pprint([[]] * 3, width=3)
@dataclasses.dataclass
class Point:
    x: int
    y: list
    z: str = "zzz"
pprint.pprint(Point(1, list(range(25))), width=40)
pprint.pprint(collections.UserList(range(30)), width=40)
pprint.pprint(collections.UserDict({i: i for i in range(30)}), width=40)
s = io.StringIO()
pprint.PrettyPrinter(stream=s, width=20).pprint(list("abcdefghij"))
print(s.getvalue(), end="")
for kw in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**kw)
    except ValueError as e:
        print(e)
print(pprint.PrettyPrinter().isrecursive(rec), pprint.PrettyPrinter().isreadable({"a": 1}))
pprint.pprint({1: "a", "b": 2, None: 3, 2.5: [1, "x"]})
pprint.pprint(list(range(1000))[:5])
class MyList(list): pass
pprint.pprint(MyList(range(40)), width=40)
