# Python 3.11 forbids a backslash inside an f-string's expression part.
print("never")
words = ["a", "b"]
print(f'{"\n".join(words)}')
