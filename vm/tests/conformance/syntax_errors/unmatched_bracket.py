# SyntaxError: unmatched bracket. Nothing runs, not even the first print.
print("never")
values = [1, 2, 3)]
