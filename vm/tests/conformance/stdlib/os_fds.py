import os
print(os.system("echo from shell; exit 3"), os.waitstatus_to_exitcode(os.system("exit 2")))
base = "_os3_%d" % os.getpid()
fd = os.open(base, os.O_RDWR | os.O_CREAT, 0o600)
os.write(fd, b"0123456789")
print(os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -2, os.SEEK_END), os.read(fd, 10))
print(os.fstat(fd).st_size, os.isatty(fd))
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e)
os.chmod(base, 0o640)
import stat
print(oct(stat.S_IMODE(os.stat(base).st_mode)))
os.link(base, base + "_h")
print(os.stat(base).st_nlink, os.path.samefile(base, base + "_h"))
os.remove(base + "_h"); os.remove(base)
try:
    os.read(12345, 1)
except OSError as e:
    print(type(e).__name__, e)
