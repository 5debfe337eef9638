# Shared and recursive structures: the memo writes each object once and
# refers back to it; loads rebuilds the same sharing.
import pickle

shared = [1, 2]
data_sets = []
outer = [shared, shared, (shared, "s", "s"), {"a": shared}]
data_sets.append(outer)

rec = [1]
rec.append(rec)
data_sets.append(rec)

d = {}
d["self"] = d
data_sets.append(d)

t = ([],)
t[0].append(t)
data_sets.append(t)

big_t = ([], 1, 2, 3)
big_t[0].append(big_t)
data_sets.append(big_t)

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

root = Node("root")
for i in range(3):
    child = Node(f"c{i}")
    child.parent = root
    root.children.append(child)
data_sets.append(root)

s = "repeated string"
data_sets.append([s, s, s, b"bb", b"bb"])

for obj in data_sets:
    for proto in range(6):
        print(proto, pickle.dumps(obj, proto))

back = pickle.loads(pickle.dumps(outer))
print(back, back[0] is back[1], back[2][0] is back[0], back[3]["a"] is back[0])
back = pickle.loads(pickle.dumps(rec, 2))
print(back[1] is back, len(back))
back = pickle.loads(pickle.dumps(d, 0))
print(back["self"] is back)
back = pickle.loads(pickle.dumps(t, 4))
print(back[0][0] is back)
back = pickle.loads(pickle.dumps(big_t, 1))
print(back[0][0] is back, back[1:])
back = pickle.loads(pickle.dumps(root, 3))
print(back.name, [c.name for c in back.children], all(c.parent is back for c in back.children))

# Many memo entries: BINPUT/BINGET switch to LONG_BINPUT/LONG_BINGET past 255.
strs = [f"s{i}" for i in range(300)]
data = pickle.dumps(strs + strs, 2)
print(len(data), data[-40:])
print(pickle.loads(data) == strs + strs)
data = pickle.dumps(strs + strs, 0)
print(len(data), data[-40:])

# The memo is kept between dumps of one Pickler until clear_memo().
import io
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump(shared)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
a = u.load()
b = u.load()
c = u.load()
print(a, b, c, a is b, a is c)
