# Mapping patterns match subsets of keys; **rest collects the remainder.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty-ish mapping"
        case _:
            return "not a mapping"
print(handle({"type": "click", "pos": (3, 4)}))
print(handle({"type": "key", "key": "q", "mod": "ctrl", "repeat": 2}))
print(handle({"type": "scroll", "extra": 1}))
print(handle({"other": 1}))
print(handle([("type", "click")]))
from collections import defaultdict
d = defaultdict(int)
match d:
    case {"missing": _}:
        print("matched missing")
    case _:
        print("defaultdict get does not create keys", dict(d))
