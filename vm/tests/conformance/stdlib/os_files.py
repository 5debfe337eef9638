import os
import os.path
import stat

print(os.name, repr(os.sep), repr(os.linesep), repr(os.pathsep), os.curdir, os.pardir, os.devnull)
print(os.error is OSError, os.path is __import__('posixpath'), os.path.sep)

base = "_os_scratch_%d" % os.getpid()
os.mkdir(base)
try:
    def write(path, data):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            return os.write(fd, data)
        finally:
            os.close(fd)

    def read(path):
        fd = os.open(path, os.O_RDONLY)
        try:
            return os.read(fd, 1000)
        finally:
            os.close(fd)

    f = os.path.join(base, "a.txt")
    print(write(f, b"hello world\n"), read(f))
    st = os.stat(f)
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st[6], len(st))
    print(stat.filemode(st.st_mode), oct(stat.S_IMODE(st.st_mode)) in ('0o644', '0o664', '0o640', '0o600'))
    print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
    print(os.path.exists(f), os.path.isfile(f), os.path.isdir(f), os.path.getsize(f))
    print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base), os.path.islink(f))
    os.makedirs(os.path.join(base, "x", "y", "z"))
    os.makedirs(os.path.join(base, "x", "y"), exist_ok=True)
    try:
        os.makedirs(os.path.join(base, "x", "y"))
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.strerror, e.filename == os.path.join(base, "x", "y"))
    write(os.path.join(base, "x", "b.py"), b"")
    write(os.path.join(base, "x", "y", "c.txt"), b"cc")
    print(sorted(os.listdir(base)))
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    print([(e.name, e.is_dir(), e.is_file(), e.path == os.path.join(base, e.name)) for e in entries])
    for top, dirs, files in sorted(os.walk(base)):
        dirs.sort()
        print(os.path.relpath(top, base), dirs, sorted(files))
    print([os.path.relpath(t, base) for t, d, fs in os.walk(base, topdown=False)][-1])
    os.rename(f, os.path.join(base, "renamed.txt"))
    print(sorted(os.listdir(base)))
    os.replace(os.path.join(base, "renamed.txt"), os.path.join(base, "x", "b.py"))
    print(read(os.path.join(base, "x", "b.py")))
    os.symlink("x", os.path.join(base, "link"))
    print(os.path.islink(os.path.join(base, "link")), os.readlink(os.path.join(base, "link")))
    print(os.path.realpath(os.path.join(base, "link", "y")) == os.path.abspath(os.path.join(base, "x", "y")))
    os.remove(os.path.join(base, "link"))

    for thunk in [lambda: os.stat("no_such_file"), lambda: os.remove("no_such_file"),
                  lambda: os.listdir("no_such_dir"), lambda: os.rmdir(os.path.join(base, "x")),
                  lambda: os.mkdir(base), lambda: os.rename("nope1", "nope2"),
                  lambda: os.open("no_such_file", os.O_RDONLY), lambda: os.chdir("no_such_dir"),
                  lambda: os.rmdir(os.path.join(base, "x", "b.py")),
                  lambda: os.listdir(os.path.join(base, "x", "b.py"))]:
        try:
            thunk()
        except OSError as e:
            msg = str(e).replace(base, "BASE")
            print(type(e).__name__, e.errno, msg)
    try:
        os.stat(3.5)
    except TypeError as e:
        print("TypeError", e)

    cwd = os.getcwd()
    os.chdir(base)
    print(os.getcwd() == os.path.join(cwd, base), sorted(os.listdir()))
    os.chdir("..")
    print(os.getcwd() == cwd)

    os.unlink(os.path.join(base, "x", "b.py"))
    os.remove(os.path.join(base, "x", "y", "c.txt"))
    os.removedirs(os.path.join(base, "x", "y", "z"))
    print(os.path.exists(os.path.join(base, "x")), os.path.exists(base))
finally:
    if os.path.exists(base):
        for top, dirs, files in os.walk(base, topdown=False):
            for n in files:
                os.unlink(os.path.join(top, n))
            for n in dirs:
                os.rmdir(os.path.join(top, n))
        os.rmdir(base)
print(os.path.exists(base))
