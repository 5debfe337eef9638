# Strings are sequences of code points.
s = "añ€😀"
print(len(s), [ord(c) for c in s], [len(c.encode()) for c in s], s[::-1], s[3])
print(len("e\u0301"), "e\u0301" == "é", "é" == "\xe9")
import unicodedata
print(unicodedata.normalize("NFC", "e\u0301") == "é", unicodedata.name("€"), unicodedata.category("A"))
print(sorted(["b", "B", "á", "a", "Z"]))
print("ǅ".isupper(), "ǅ".istitle(), "ß".islower())
print("١٢".isdigit(), int("١٢"), float("٣.٥"))
