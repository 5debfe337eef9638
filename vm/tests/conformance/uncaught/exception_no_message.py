# Uncaught exceptions with no message, and a multi-argument one.
print("start")
class Empty(Exception):
    pass
raise Empty
