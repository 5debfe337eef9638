# Sorting strings that hold lone surrogates: code point order, the same as
# the < operator, whichever path the sort takes.

words = ["\udcff", "a", "\ud800b", "\U0001f600", "z", "\ud83d\ude00", "\ud83d", "\uffff",
         "\ue000", "\ud7ff", "\ufffd", "", "\ud800", "\udfff", "\U00010000", "\ud800\ud800"]

print(ascii(sorted(words)))
print(ascii(sorted(words, reverse=True)))
l = list(words)
l.sort()
print(l == sorted(words))

# The sorted order agrees with pairwise comparison.
s = sorted(words)
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(all((a < b) == (words.index(a) != words.index(b) and s.index(a) < s.index(b))
          for a in words for b in words))

# A lone surrogate is not U+FFFD.
print(ascii(sorted(["\ufffd", "\ud800", "\ufffd", "\udc00"])))
print("\ud800" < "\ufffd", "\udfff" < "\ue000", "\udbff" < "\U0010ffff")

# Stability among equal keys, and keys computed by a function.
pairs = [("\udc00", 1), ("\U00010000", 2), ("\udc00", 3), ("\ue000", 4)]
print(ascii(sorted(pairs)))
print(ascii(sorted(pairs, key=lambda p: p[0])))
print(ascii(sorted(words, key=lambda w: w[::-1])))
print(ascii(sorted(words, key=len)))

# min, max and a dict's keys.
print(ascii(min(words)), ascii(max(words)))
print(ascii(sorted({w: i for i, w in enumerate(words)})))
print(ascii(sorted(set(words))[:4]))

# A str subclass goes through __lt__; the order is the same.
class S(str):
    pass

print(ascii(sorted(S(w) for w in words)) == ascii(sorted(words)))
