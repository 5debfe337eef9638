# global declarations; functions see module globals at call time.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make_global():
    global created_later
    created_later = "made"
make_global()
print(created_later)
x = "module"
def read():
    return x
x = "rebound"
print(read())
def shadow():
    x = "local"
    def inner():
        global x
        return x
    return inner()
print(shadow())
print("counter" in globals(), globals()["counter"])
def setglobal():
    globals()["via_dict"] = 1
setglobal()
print(via_dict)
