# str(), repr() and ascii() of builtin values.
values = [0, -1, 1.5, 1e100, 1e-5, 1 / 3, 2j, -1 - 0j, True, None, "s", "it's", b"\x00\xffa",
          bytearray(b"x"), [1, "a"], (1,), (), {"k": [1]}, set(), frozenset(), range(3), slice(1, 2),
          Ellipsis, NotImplemented, int, str.upper, "tab\tnew\nline", "\u00e9\u2603\U0001F600"]
for v in values:
    print(str(v), "|", repr(v), "|", ascii(v))
