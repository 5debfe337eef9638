# An error inside a call written across several lines.
def combine(a, b, c):
    return a + b + c
result = combine(
    1,
    2,
    "three",
)
