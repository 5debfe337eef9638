import warnings
code = "x = 1\nif x is 1:\n    pass\n"
compile(code, "<a>", "exec")
compile(code, "<a>", "exec")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile(code, "<b>", "exec")
    print([(str(x.message), x.category.__name__, x.filename, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile(code, "<c>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.filename)
    try:
        compile("s = '\\d'\n", "<d>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    compile(code, "<e>", "exec")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("s = '\\d'\n", "<f>", "exec")
    print([(str(x.message), x.category.__name__) for x in w])
print("done")
