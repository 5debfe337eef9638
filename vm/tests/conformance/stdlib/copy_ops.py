# copy.copy and copy.deepcopy, including custom hooks and cycles.
import copy
orig = {"list": [1, [2, 3]], "tuple": (1, [2])}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append(4)
orig["tuple"][1].append(5)
print(shallow, deep)
print(shallow["list"] is orig["list"], deep["list"] is orig["list"])
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Custom(copy.deepcopy(self.v, memo))
c = Custom([1])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print(c2.v is c.v, c3.v is c.v, c3.v == c.v)
class Plain:
    def __init__(self):
        self.items = [1]
p = Plain()
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.items is p.items, r.items is p.items, type(r).__name__)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1])
