# SyntaxError: unexpected indent. Nothing runs, not even the first print.
print("never")
x = 1
    y = 2
