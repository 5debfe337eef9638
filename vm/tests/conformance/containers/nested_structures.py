# Nested containers, deep equality, sorting of records.
records = [
    {"name": "ann", "age": 31, "tags": ["a", "b"]},
    {"name": "bob", "age": 25, "tags": []},
    {"name": "cy", "age": 31, "tags": ["c"]},
]
by_age = sorted(records, key=lambda r: (-r["age"], r["name"]))
print([r["name"] for r in by_age])
index = {}
for r in records:
    index.setdefault(r["age"], []).append(r["name"])
print(index)
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}
def total(node):
    return node["value"] + sum(total(c) for c in node["children"])
print(total(tree))
print([[1, 2], [3]] == [[1, 2], [3]], {"a": [1, {"b": 2}]} == {"a": [1, {"b": 2}]}, ([], {}) == ([], {}))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(r) for r in zip(*matrix)], [row[::-1] for row in matrix], sum(map(sum, matrix)))
