# find/rfind/index/rindex/count/startswith/endswith with ranges.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.find("cat"), s.rfind("the"), s.rfind("o", 0, 20))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"))
print(s.find("", 5), s.find("", 100), s.rfind(""), s.count("o", 10, 30))
print(s.startswith("the"), s.startswith(("a", "t")), s.startswith("quick", 4), s.endswith("dog"),
      s.endswith(("cat", "dog")), s.endswith("lazy", 0, -4))
print("abc".find("c", -1), "abc".find("a", -100), "abc"[-100:].find("a"))
for call in [lambda: s.index("zzz"), lambda: s.rindex("zzz"), lambda: s.startswith(1),
             lambda: s.find(1), lambda: s.count()]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
