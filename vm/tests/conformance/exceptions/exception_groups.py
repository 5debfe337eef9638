# ExceptionGroup and except* (3.11).
eg = ExceptionGroup("several", [ValueError("v1"), TypeError("t"), ValueError("v2")])
print(repr(eg), str(eg), len(eg.exceptions))
try:
    raise eg
except* ValueError as g:
    print("ValueErrors:", [str(e) for e in g.exceptions])
except* TypeError as g:
    print("TypeErrors:", [str(e) for e in g.exceptions])
match_, rest = eg.split(ValueError)
print([str(e) for e in match_.exceptions], [str(e) for e in rest.exceptions])
print(eg.subgroup(lambda e: isinstance(e, TypeError)).exceptions)
try:
    try:
        raise ExceptionGroup("g", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled KeyError part")
except ExceptionGroup as leftover:
    print("leftover", [type(e).__name__ for e in leftover.exceptions])
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", type(g).__name__, [str(e) for e in g.exceptions])
