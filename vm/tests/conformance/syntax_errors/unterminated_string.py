# SyntaxError: unterminated string. Nothing runs, not even the first print.
print("never")
s = "unterminated
