# shutil and tempfile: temporary files and directories, copies of files and
# trees, moves, rmtree, which (paths printed relative to the temp dir).
import os
import shutil
import stat
import tempfile

print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())

with tempfile.TemporaryDirectory(prefix="skein-") as top:
    print(os.path.basename(top).startswith("skein-"), oct(stat.S_IMODE(os.stat(top).st_mode)))

    fd, path = tempfile.mkstemp(suffix=".txt", dir=top)
    print(os.path.isabs(path), path.endswith(".txt"), oct(stat.S_IMODE(os.stat(path).st_mode)))
    os.write(fd, b"hello temp\n")
    os.close(fd)

    d = tempfile.mkdtemp(dir=top, prefix="d")
    print(os.path.relpath(d, top).startswith("d"), oct(stat.S_IMODE(os.stat(d).st_mode)))

    with tempfile.NamedTemporaryFile("w+", dir=top, suffix=".log") as f:
        f.write("named\n")
        f.flush()
        f.seek(0)
        print(f.read(), end="")
        name = f.name
        print(os.path.exists(name))
    print(os.path.exists(name))

    with tempfile.NamedTemporaryFile(dir=top, delete=False) as f:
        f.write(b"kept")
    print(os.path.exists(f.name))
    os.unlink(f.name)

    with tempfile.TemporaryFile(dir=top) as f:
        f.write(b"anonymous")
        f.seek(0)
        print(f.read())

    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+b") as f:
        f.write(b"small")
        print(f._rolled)
        f.write(b" and now larger")
        print(f._rolled)
        f.seek(0)
        print(f.read())

    src = os.path.join(top, "src.txt")
    with open(src, "w") as f:
        f.write("content\n")
    os.chmod(src, 0o640)
    dst = shutil.copy(src, os.path.join(top, "copy.txt"))
    print(os.path.relpath(dst, top), open(dst).read(), end="")
    print(oct(stat.S_IMODE(os.stat(dst).st_mode)))
    os.utime(src, (1_000_000, 2_000_000))
    dst2 = shutil.copy2(src, d)
    print(os.path.relpath(dst2, top).split(os.sep)[-1], os.stat(dst2).st_mtime)
    try:
        shutil.copyfile(src, src)
    except shutil.SameFileError as e:
        print("SameFileError", os.path.basename(str(e).split("'")[1]))

    tree = os.path.join(top, "tree")
    os.makedirs(os.path.join(tree, "a", "b"))
    for rel in ["x.py", "y.txt", os.path.join("a", "z.py"), os.path.join("a", "b", "w.pyc")]:
        with open(os.path.join(tree, rel), "w") as f:
            f.write(rel)
    os.symlink("x.py", os.path.join(tree, "link.py"))
    out = shutil.copytree(tree, os.path.join(top, "tree2"), ignore=shutil.ignore_patterns("*.pyc"),
                          symlinks=True)
    listing = []
    for root, dirs, files in os.walk(out):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(root, name)
            listing.append((os.path.relpath(p, out), os.path.islink(p)))
    print(listing)
    try:
        shutil.copytree(tree, out)
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    shutil.copytree(tree, out, dirs_exist_ok=True)

    moved = shutil.move(os.path.join(top, "copy.txt"), os.path.join(top, "tree2"))
    print(os.path.relpath(moved, top))
    moved = shutil.move(os.path.join(top, "tree2"), os.path.join(top, "tree3"))
    print(os.path.relpath(moved, top), os.path.exists(os.path.join(top, "tree2")))

    shutil.rmtree(os.path.join(top, "tree3"))
    print(os.path.exists(os.path.join(top, "tree3")))
    try:
        shutil.rmtree(os.path.join(top, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    errors = []
    shutil.rmtree(os.path.join(top, "missing"), onerror=lambda f, p, e: errors.append(e[0].__name__))
    print(errors)
    shutil.rmtree(os.path.join(top, "missing"), ignore_errors=True)
    os.symlink(tree, os.path.join(top, "treelink"))
    try:
        shutil.rmtree(os.path.join(top, "treelink"))
    except OSError as e:
        print("OSError", e)

    print(shutil.which("sh") is not None, shutil.which("no-such-program-xyz"))
    exe = os.path.join(top, "tool")
    with open(exe, "w") as f:
        f.write("#!/bin/sh\n")
    os.chmod(exe, 0o755)
    print(os.path.relpath(shutil.which("tool", path=top), top))

print(os.path.exists(top))
t = tempfile.TemporaryDirectory()
name = t.name
t.cleanup()
print(os.path.exists(name), repr(t).startswith("<TemporaryDirectory '"))
