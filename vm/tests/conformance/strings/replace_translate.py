# replace/translate/maketrans.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("x", "y"), "aaa".replace("a", "aa"))
print("abc".replace("", "*", 2), s.replace("one", "", -1))
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("abcdabcd".translate(table))
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print("hello".translate(str.maketrans({"e": "3", "o": "0"})))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
class Lookup:
    def __getitem__(self, k):
        if k == ord("a"):
            return "A"
        raise LookupError
print("banana".translate(Lookup()))
