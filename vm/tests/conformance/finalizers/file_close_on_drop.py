# A file object dropped without close() is flushed and closed by
# IOBase.__del__.
import os

name = "_finalizer_test_file.txt"
open(name, "w").write("hi")
with open(name) as f:
    print(repr(f.read()))

def write_in_function():
    f = open(name, "a")
    f.write(" there")
write_in_function()
with open(name) as f:
    print(repr(f.read()))
os.remove(name)
print("end")
