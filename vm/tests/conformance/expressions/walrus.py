# Assignment expressions.
data = [1, 2, 3, 4, 5, 6]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * x) > 10])
print(y)
values = iter([3, 2, 1, 0, 9])
while (v := next(values)) != 0:
    print("v", v)
print((a := 10) + a)
def f():
    [(last := i) for i in range(4)]
    return last
print(f())
total = 0
print([total := total + i for i in range(5)], total)
print(any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]), hit)
