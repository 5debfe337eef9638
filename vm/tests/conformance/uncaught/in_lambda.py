# The traceback names the lambda.
transform = lambda s: s.upper() + 1
print(list(map(transform, ["a"])))
