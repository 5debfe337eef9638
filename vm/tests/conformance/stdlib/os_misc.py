import os

os.environ["SKEIN_TEST_VAR"] = "value 1"
print(os.environ["SKEIN_TEST_VAR"], os.getenv("SKEIN_TEST_VAR"), "SKEIN_TEST_VAR" in os.environ)
print(os.getenv("SKEIN_NOT_SET"), os.getenv("SKEIN_NOT_SET", "dflt"), os.environ.get("SKEIN_NOT_SET"))
del os.environ["SKEIN_TEST_VAR"]
print("SKEIN_TEST_VAR" in os.environ, os.getenv("SKEIN_TEST_VAR"))
try:
    os.environ["SKEIN_NOT_SET"]
except KeyError as e:
    print("KeyError", e)
try:
    del os.environ["SKEIN_NOT_SET"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["A"] = 1
except TypeError as e:
    print("TypeError", e)
print(os.environ.setdefault("SKEIN_SD", "x"), os.environ.pop("SKEIN_SD"), "SKEIN_SD" in os.environ)
print(os.environ["PYTHONHASHSEED"], os.environ["TZ"], type(os.environ.copy()).__name__)
print(isinstance(os.getpid(), int), os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(isinstance(os.cpu_count(), int), os.cpu_count() >= 1)
r = os.urandom(16)
print(type(r).__name__, len(r), os.urandom(0))
print(os.strerror(2), os.strerror(13), os.strerror(17), sep=" | ")


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.fspath("a/b"), os.fspath(b"a/b"), os.fspath(P("x/y")), isinstance(P("q"), os.PathLike))
print(issubclass(str, os.PathLike), os.path.join(P("dir"), "f"))
for bad in (3, None, P(3)):
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError", e)

p = os.path
print(p.join("a", "b", "c"), p.join("/a", "/b"), p.join("a/", "b"), p.join("", "x"), p.join("a", ""))
print(p.split("/a/b/c.txt"), p.split("c.txt"), p.split("/"), p.split("a//b"), p.split("//x"))
print(p.splitext("a/b.tar.gz"), p.splitext(".bashrc"), p.splitext("a.b/c"), p.splitext("x..."))
print(p.basename("/a/b/"), p.basename("/a/b"), p.dirname("/a/b"), p.dirname("a"), p.dirname("/"))
print(p.normpath("a//b/../c/./d"), p.normpath("/../x"), p.normpath(""), p.normpath("//a//b"),
      p.normpath("../../a"), p.normpath("///a"))
print(p.isabs("/x"), p.isabs("x"), p.abspath("/a/./b/../c"), p.abspath("x") == p.join(os.getcwd(), "x"))
print(p.commonprefix(["/usr/lib", "/usr/local"]), p.commonpath(["/usr/lib", "/usr/local"]))
print(p.relpath("/a/b/c", "/a/d"), p.relpath("a", "a"), p.normcase("AbC"), p.splitdrive("/x"))
print(p.splitext(b"f.txt"), p.join(b"a", b"b"), p.basename(b"/q/r"))
try:
    p.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
try:
    p.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)
os.environ["HOME"] = "/home/someone"
print(p.expanduser("~"), p.expanduser("~/x"), p.expanduser("x/~"), p.expanduser("~other/y"))
os.environ["SKEIN_V"] = "vv"
print(p.expandvars("$SKEIN_V/${SKEIN_V}/$NOPE_X/${NOPE_X}/$"))
print(p.exists("definitely_missing_file"), p.isdir("."), p.exists(""), p.realpath(".") == os.getcwd())
try:
    p.getsize("definitely_missing_file")
except FileNotFoundError as e:
    print(e)
st = os.stat(".")
print(type(st).__name__, repr(os.stat_result(tuple(range(10))))) 
