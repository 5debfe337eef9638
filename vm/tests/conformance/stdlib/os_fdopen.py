# os.fdopen wraps a descriptor from os.open (or os.pipe) in a file object.
import os

name = "skein_fdopen_%d.txt" % os.getpid()
fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
with os.fdopen(fd, "w") as f:
    print(type(f).__name__, f.mode)
    f.write("one\ntwo\n")
fd = os.open(name, os.O_RDONLY)
with os.fdopen(fd) as f:
    print(f.read().split())
fd = os.open(name, os.O_RDONLY)
with os.fdopen(fd, "rb") as f:
    print(f.read())
os.remove(name)
try:
    os.fdopen("3")
except TypeError as e:
    print(e)
