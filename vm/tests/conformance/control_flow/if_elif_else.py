# if / elif / else with truthiness of many kinds of value.
def classify(v):
    if v is None:
        return "none"
    elif isinstance(v, bool):
        return "bool"
    elif not v:
        return "falsy"
    elif isinstance(v, (int, float)) and v < 0:
        return "negative"
    else:
        return "truthy"

for v in [None, True, 0, 0.0, "", [], {}, (), set(), -3, -0.5, 7, "x", [0], range(0), range(1)]:
    print(repr(v), classify(v))
if 0:
    print("no")
elif 1:
    print("elif taken")
if []: pass
else: print("else taken")
