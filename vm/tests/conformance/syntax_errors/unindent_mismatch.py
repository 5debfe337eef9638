# SyntaxError: unindent mismatch. Nothing runs, not even the first print.
print("never")
if True:
        a = 1
    b = 2
