# string.Template and string module constants.
import string
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="Tim", what="apple"))
print(t.safe_substitute(who="Tim"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(string.capwords("hello   wide world"))
