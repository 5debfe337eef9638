import ast

for s in ["1", "-1.5", "+3", "1+2j", "-1-2j", "'a' 'b'", "b'x'", "(1, [2, {3: 4}], {5})",
          "set()", "{}", "None", "True", "...", "  \t42", "{'a': (1, 2)}", "[]", "()", "0x10",
          "1e400", "-(1)"]:
    print(repr(s), repr(ast.literal_eval(s)))

for s in ["x", "1 + x", "f()", "set(1)", "2 * 3", "a.b", "'a' + 'b'", "[x for x in y]",
          "-'a'", "1 + 2 + 3j"]:
    try:
        print(ast.literal_eval(s))
    except ValueError as e:
        print("ValueError:", str(e).split(": <")[0])
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(5)))
bad = ast.Dict(keys=[ast.Constant(1)], values=[])
try:
    ast.literal_eval(bad)
except ValueError as e:
    print("ValueError:", str(e).split(": <")[0])
