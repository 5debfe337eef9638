# SyntaxError: nonlocal at module. Nothing runs, not even the first print.
print("never")
nonlocal x
