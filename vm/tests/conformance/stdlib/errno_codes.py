import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[2], errno.errorcode[errno.ENOTDIR], errno.errorcode[35], len(errno.errorcode))
try:
    os.stat("no_such_file_here")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], os.strerror(e.errno))
print(sorted(n for n in dir(errno) if n.startswith("E"))[:5])
