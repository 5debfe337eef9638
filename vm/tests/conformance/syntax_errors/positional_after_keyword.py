# SyntaxError: positional after keyword. Nothing runs, not even the first print.
print("never")
f(x=1, 2)
