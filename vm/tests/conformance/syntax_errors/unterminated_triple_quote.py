# SyntaxError: unterminated triple quote. Nothing runs, not even the first print.
print("never")
s = """triple
quoted never
closed
