# difflib: SequenceMatcher opcodes and ratios, ndiff, unified and context
# diffs, get_close_matches.
import difflib

a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox leaps over the very lazy dog".split()
s = difflib.SequenceMatcher(None, a, b)
print(s.get_opcodes())
print(round(s.ratio(), 4), round(s.quick_ratio(), 4), round(s.real_quick_ratio(), 4))
print(s.find_longest_match(0, len(a), 0, len(b)))
print(s.get_matching_blocks())
print(list(s.get_grouped_opcodes(1)))

s = difflib.SequenceMatcher(lambda c: c == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_opcodes())

one = ["one\n", "two\n", "three\n", "four\n", "five\n"]
two = ["zero\n", "one\n", "tree\n", "four\n", "five\n", "six\n"]
print("".join(difflib.ndiff(one, two)), end="")
print("".join(difflib.unified_diff(one, two, "a.txt", "b.txt", n=1)), end="")
print("".join(difflib.context_diff(one, two, "a.txt", "b.txt")), end="")
print("".join(difflib.restore(difflib.ndiff(one, two), 2)), end="")
print(list(difflib.ndiff(["\tabcDefghiJkl\n"], ["\tabcdefGhijkl\n"])))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "heel", "wheels"], n=2, cutoff=0.5))
long_a = "".join(chr(97 + i % 7) for i in range(400))
long_b = long_a[:150] + "XYZ" + long_a[160:]
s = difflib.SequenceMatcher(None, long_a, long_b)
print(s.get_opcodes(), sorted(s.bpopular))
try:
    difflib.get_close_matches("x", [], n=0)
except ValueError as e:
    print("ValueError:", e)
