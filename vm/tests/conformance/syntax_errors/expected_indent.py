# SyntaxError: expected indent. Nothing runs, not even the first print.
print("never")
def f():
return 1
