from pathlib import PurePath, PurePosixPath, Path, PosixPath
import os
P = PurePosixPath
for s in ["", ".", "/", "//", "///", "a/b/c", "/a/b/", "a//b/./c/..", "//a/b", "~/x", "a/b.tar.gz", ".bashrc", "a/..", "x.", "/x/y.py"]:
    p = P(s)
    print(repr(s), repr(p), str(p), p.parts, repr(p.drive), repr(p.root), repr(p.anchor), repr(p.name), repr(p.suffix), p.suffixes, repr(p.stem), repr(p.parent), p.is_absolute(), list(p.parents), len(p.parents))
print(type(PurePath("a")).__name__, PurePath("a", "b", "/c", "d"), P("a") / "b" / P("c"), "x" / P("y"), P("/a").joinpath("b", "c"), P("a", P("b/c")))
p = P("/usr/lib/python3.11/os.py")
print(p.with_name("x.txt"), p.with_stem("sys"), p.with_suffix(".pyc"), p.with_suffix(""), P("a.tar.gz").with_suffix(".bz2"), p.relative_to("/usr"), p.relative_to("/usr", "lib"), p.relative_to(p), p.is_relative_to("/usr"), p.is_relative_to("/etc"))
print(p.parents[0], p.parents[-1], p.parents[1:3], p.parents[::2], repr(p.parents), P("/a") in p.parents, list(reversed(P("a/b/c").parents)))
print(p.match("*.py"), p.match("python3.11/*.py"), p.match("/usr/*/*/*.py"), p.match("/*.py"), P("a/b").match("a/b/c"), P("A.PY").match("*.py"), p.as_uri(), P("/a b/c%").as_uri(), p.as_posix(), bytes(p), os.fspath(p))
print(P("a") == P("a/"), P("a") == P("b"), P("a") < P("b"), sorted([P("b"), P("a/c"), P("a")]), hash(P("a/b")) == hash(P("a//b")), P("a") == "a", {P("x"): 1}[P("x")])
for f, a in [(lambda: P("/").with_name("x"), 0), (lambda: p.with_name("a/b"), 0), (lambda: p.with_name(""), 0), (lambda: p.with_suffix("py"), 0), (lambda: p.with_suffix("."), 0), (lambda: p.with_suffix("/x"), 0), (lambda: p.relative_to("/etc"), 0), (lambda: P("a").relative_to("/a"), 0), (lambda: p.relative_to(), 0), (lambda: P(b"x"), 0), (lambda: P(3), 0), (lambda: P("a").as_uri(), 0), (lambda: P("a").match(""), 0), (lambda: p.parents[10], 0), (lambda: P("a") < "b", 0)]:
    try:
        print(f())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(isinstance(P("a"), os.PathLike), P("a").is_reserved())
# concrete
base = Path("pathlib_tmp_dir")
try:
    base.mkdir()
    print(type(base).__name__, base.exists(), base.is_dir(), base.is_file(), base.is_symlink(), base.is_mount(), Path("/").is_mount())
    (base / "sub" / "deep").mkdir(parents=True)
    f = base / "a.txt"
    print(f.write_text("hello\nworld\n"), f.read_text(), f.read_bytes(), f.stat().st_size, f.exists(), f.is_file())
    print((base / "b.bin").write_bytes(b"\x00\x01"), (base / "b.bin").read_bytes())
    (base / "sub" / "c.py").touch()
    (base / "sub" / "deep" / "d.py").touch()
    (base / ".hidden.py").touch()
    (base / "sub" / "c.py").touch()
    print(sorted(str(x) for x in base.iterdir()))
    print(sorted(str(x) for x in base.glob("*.py")), sorted(str(x) for x in base.glob("*")))
    print(sorted(str(x) for x in base.glob("**/*.py")), sorted(str(x) for x in base.rglob("*.py")), sorted(str(x) for x in base.glob("**")), sorted(str(x) for x in base.glob("*/")), sorted(str(x) for x in base.glob("sub/*/d.py")), list(base.glob("nope/*")))
    for pat in ["", "/abs", "a**b"]:
        try:
            list(base.glob(pat))
        except (ValueError, NotImplementedError) as e:
            print(type(e).__name__, e)
    g = f.rename(base / "g.txt")
    print(repr(g), g.exists(), f.exists(), g.replace(base / "h.txt"), (base / "h.txt").samefile(str(base / "h.txt")))
    print(Path("pathlib_tmp_dir/x/../h.txt").resolve() == (base / "h.txt").resolve(), base.absolute() == Path.cwd() / base, Path.cwd() == Path(os.getcwd()), base.absolute().is_absolute(), Path("x").expanduser())
    with (base / "h.txt").open() as fh:
        print(fh.readline().rstrip())
    with (base / "h.txt").open("a") as fh:
        fh.write("more\n")
    print((base / "h.txt").read_text().splitlines())
    try:
        (base / "sub").mkdir()
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    (base / "sub").mkdir(exist_ok=True)
    try:
        (base / "x" / "y").mkdir()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    try:
        (base / "missing").unlink()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    (base / "missing").unlink(missing_ok=True)
    try:
        (base / "h.txt").write_text(b"x")
    except TypeError as e:
        print("TypeError", e)
    try:
        (base / "h.txt").touch(exist_ok=False)
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    print((base / "nonexist").exists(), (base / "nonexist").is_dir(), (base / "h.txt" / "x").exists())
finally:
    for root, dirs, files in os.walk(str(base), topdown=False):
        for n in files:
            os.remove(os.path.join(root, n))
        for n in dirs:
            os.rmdir(os.path.join(root, n))
    os.rmdir(str(base))
print(base.exists())
