# Error messages from string operations.
ABC = "abc"
tests = [
    lambda: "a" + 1,
    lambda: "a" * 1.5,
    lambda: "abc"[5],
    lambda: ABC["x"],
    lambda: "abc".index("d"),
    lambda: "x".join([1]),
    lambda: "a".encode("utf-8", "strict") + "b",
    lambda: ord(""),
    lambda: "abc".zfill("5"),
    lambda: "{0}".format(),
    lambda: "a".replace(1, 2),
    lambda: "a" < 1,
    lambda: "abc".startswith(["a"]),
    lambda: str(b"x", "nope"),
    lambda: "x".removeprefix(1),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
