# is* predicate methods.
samples = ["abc", "ABC", "Abc Def", "abc123", "123", "½", "²", "١٢٣", " \t\n", "", "a b", "_id", "1id",
           "class", "é", "\x00", "Hello World", "HELLO WORLD!", "Ⅻ", "\u00a0"]
methods = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
           "isnumeric", "isprintable", "isspace", "istitle", "isupper"]
for s in samples:
    print(repr(s), "".join("1" if getattr(s, m)() else "." for m in methods))
