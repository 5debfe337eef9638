# Indexing, iteration, concatenation, comparison, immutability, escapes and literals.
s = "Python"
print(s[0], s[-1], len(s), s * 2, s + "!", list(s), "y" in s, s < "Q", s.__len__())
try:
    s[0] = "J"
except TypeError as e:
    print(e)
print("a\tb\\n\x41\u0042\U00000043\N{LATIN SMALL LETTER E WITH ACUTE}\101", r"raw\n", "con" "cat")
print("""multi
line""", '''single 'quotes' ok''', 'it\'s', "say \"hi\"")
print(ord("a"), chr(97), ord("€"), chr(0x1F600), ord("\n"))
print(str(), str(123), str([1]), str(b"x", "ascii"), str(3.0))
print("abc" == "abc", "a" < "b" < "c", "B" < "a", sorted("hello"))
print(max("abc"), min("abc"), "".join(reversed("abc")), "abc".__contains__("b"))
words = "Hello" " " "World"
print(words, len(words), hash("x") == hash("x"))
print(str.__name__, type("").__name__, isinstance("s", str))
