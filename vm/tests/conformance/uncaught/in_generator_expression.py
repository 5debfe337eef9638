# The traceback shows the generator expression frame.
def parse_all(items):
    return sum(int(s) for s in items)
print(parse_all(["1", "2"]))
print(parse_all(["1", "two"]))
