# An unclosed bracket is not reported when the parser fails on the bracket's own line.
print("never printed")
def oops(:
    pass
