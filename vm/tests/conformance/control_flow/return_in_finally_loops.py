# break/continue/return interacting with try/finally inside loops.
def f():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(f())
def g():
    try:
        return "from try"
    finally:
        print("finally before return")
print(g())
def h():
    for i in range(5):
        try:
            return i
        finally:
            if i < 2:
                continue
print(h())
def k():
    while True:
        try:
            break
        finally:
            print("k finally")
    return "k"
print(k())
