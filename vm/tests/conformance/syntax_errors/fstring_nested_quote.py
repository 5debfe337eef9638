# Python 3.11 ends an f-string at the first quote that matches its own
# (PEP 701's nested quotes came in 3.12), so this is a SyntaxError.
print("never")
key = "k"
table = {"k": 1}
print(f"value: {table["k"]}")
