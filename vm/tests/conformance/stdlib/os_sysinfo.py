import os
print(os.getuid() == os.geteuid(), isinstance(os.getgid(), int), isinstance(os.getgroups(), list))
print(os.access(".", os.F_OK), os.access(".", os.R_OK | os.X_OK), os.access("nope_missing", os.F_OK))
u = os.uname()
print(u.sysname, u.machine == os.uname()[4], len(u), type(u).__name__)
print(len(os.getloadavg()), all(isinstance(x, float) for x in os.getloadavg()))
try:
    os.get_terminal_size()
except OSError as e:
    print(type(e).__name__, e)
print(os.terminal_size((3, 4)), os.terminal_size((3, 4)).columns)
