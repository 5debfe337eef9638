import glob, os
base = "glob_tree_tmp"
def mk(p, d=False):
    if d: os.mkdir(p)
    else:
        with open(p, "w") as f: f.write("x")
os.mkdir(base)
try:
    for d in ["a", "a/sub", "b", ".hid", "a/sub/deep"]:
        mk(os.path.join(base, d), True)
    for f in ["x.py", "y.py", "z.txt", ".h.py", "a/one.py", "a/sub/two.py", "a/sub/deep/three.py", "b/[x].txt", ".hid/in.py"]:
        mk(os.path.join(base, f))
    os.chdir(base)
    for pat in ["*.py", "*", "*/", "a/*", "a/*/*.py", "**/*.py", "?.py", "[xy].py", "nothere", "x.py", "a/", "*/*.py", "b/[[]x].txt", "", ".*"]:
        print(repr(pat), sorted(glob.glob(pat)))
    for pat in ["**/*.py", "**", "a/**", "**/", "a/**/*.py"]:
        print("rec", repr(pat), sorted(glob.glob(pat, recursive=True)))
    print(sorted(glob.glob("*.py", include_hidden=True)))
    print(sorted(glob.glob("**", recursive=True, include_hidden=True)))
    print(sorted(glob.glob("*.py", root_dir="a/sub")))
    print(sorted(glob.iglob("a/sub/*")), glob.escape("a[b]*?.c"), glob.has_magic("a[b"), glob.has_magic("abc"))
    print(sorted(glob.glob(b"*.py")))
    print(sorted(glob.glob(glob.escape("b/[x].txt"))))
finally:
    os.chdir("..")
    for root in [base]:
        stack = [root]
        order = []
        while stack:
            d = stack.pop()
            order.append(d)
            for n in os.listdir(d):
                p = os.path.join(d, n)
                if os.path.isdir(p): stack.append(p)
                else: os.remove(p)
        for d in reversed(order):
            os.rmdir(d)
