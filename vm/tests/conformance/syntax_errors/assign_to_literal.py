# SyntaxError: assign to literal. Nothing runs, not even the first print.
print("never")
1 = x
