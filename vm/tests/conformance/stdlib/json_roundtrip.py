# json dumps/loads with deterministic output.
import json
data = {"name": "test", "values": [1, 2.5, None, True, False], "nested": {"a": [], "b": {}}, "unicode": "é☃"}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.loads(s) == data, json.loads("[1, 2.0, \"x\", null]"), json.loads('{"k": {"n": -1e3}}'))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
print(json.dumps("tab\t\"quote\""), json.dumps(float("inf")), json.dumps((1, 2)), json.dumps({1: "int key"}))
