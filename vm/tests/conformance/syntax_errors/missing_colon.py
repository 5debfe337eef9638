# SyntaxError: missing colon. Nothing runs, not even the first print.
print("never")
if True
    print("missing colon")
