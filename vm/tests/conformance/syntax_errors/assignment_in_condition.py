# SyntaxError: assignment in condition. Nothing runs, not even the first print.
print("never")
if x = 1:
    pass
