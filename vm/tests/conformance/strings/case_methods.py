# Case conversion methods.
for s in ["hello World", "ÉCOLE straße", "ǅungla", "hello_world 42abc", "", "they're bill's", "ﬁne", "İstanbul"]:
    print(repr(s), [s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold()])
print("ß".upper(), "ß".casefold(), "Σ".lower(), "ΣΑΣ".lower(), len("ﬃ".upper()))
