"""Miscellaneous operating system interfaces (pure-Python `os`, POSIX only).

The system calls come from the native `posix` module; this module adds what
CPython's `os.py` adds on top of them: `environ` (a mapping that writes
through to the process environment), `stat_result`, `makedirs`, `walk`,
`scandir` and its `DirEntry`, `fspath` and `PathLike`, and `os.path`
(`posixpath`).  Errors are the `OSError` subclasses CPython raises, with its
messages.

Not provided: process management (fork, exec*, spawn*, wait*), file
descriptor plumbing beyond open/read/write/close, dir_fd arguments,
permissions (chmod, chown, umask), terminals.
"""

import abc
import sys

import posix
from posix import (getcwd, chdir, listdir, mkdir, rmdir, unlink, remove, rename, replace,
                   symlink, readlink, getpid, getppid, cpu_count, urandom, strerror, putenv,
                   unsetenv, open, read, write, close, _exit, system, chmod, link, isatty,
                   lseek, utime, pipe, get_blocking, set_blocking)
from _signal import _kill as kill
import stat as st
import posixpath as path

sys.modules['os.path'] = path

from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

__all__ = ['altsep', 'curdir', 'pardir', 'sep', 'pathsep', 'linesep', 'defpath', 'name',
           'path', 'devnull', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'fsencode', 'fsdecode',
           'get_exec_path', 'fdopen', 'extsep', 'environ', 'getenv', 'makedirs', 'removedirs',
           'renames', 'walk', 'scandir', 'fspath', 'PathLike', 'error', 'stat', 'lstat',
           'stat_result', 'DirEntry', 'getcwd', 'chdir', 'listdir', 'mkdir', 'rmdir', 'unlink',
           'remove', 'rename', 'replace', 'symlink', 'readlink', 'getpid', 'getppid',
           'cpu_count', 'urandom', 'strerror', 'putenv', 'unsetenv', 'open', 'read', 'write',
           'close', 'getcwdb', 'supports_bytes_environ', 'system', 'chmod', 'link', 'isatty',
           'lseek', 'fstat', 'waitstatus_to_exitcode', 'getuid', 'geteuid', 'getgid',
           'getegid', 'getgroups', 'access', 'uname', 'getloadavg', 'get_terminal_size',
           'terminal_size', 'utime', 'kill', 'pipe', 'get_blocking', 'set_blocking']

name = 'posix'
linesep = '\n'
error = OSError
supports_bytes_environ = True

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_CLOEXEC = 0o2000000
O_ACCMODE = 3

F_OK = 0
X_OK = 1
W_OK = 2
R_OK = 4

EX_OK = 0


def getcwdb():
    """The current working directory as bytes."""
    return getcwd().encode()


# ---- paths -----------------------------------------------------------------------------

def fspath(path):
    """The file system representation of a path: str or bytes as is, else __fspath__()."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError('expected str, bytes or os.PathLike object, not ' + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError(f'expected {path_type.__name__}.__fspath__() to return str or bytes, '
                    f'not {type(path_repr).__name__}')


class PathLike(abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for base in subclass.__mro__:
                if '__fspath__' in base.__dict__:
                    return base.__dict__['__fspath__'] is not None
        return NotImplemented

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


def fsencode(filename):
    """Encode a path to bytes (UTF-8 with surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode a path to str (UTF-8 with surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


# ---- stat ------------------------------------------------------------------------------

class stat_result(tuple):
    """The result of os.stat(): ten sequence fields, the rest by name only."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, values, dict=None):
        values = tuple(values)
        if len(values) < 10:
            raise TypeError(f'os.stat_result() takes an at least 10-sequence ({len(values)}-sequence given)')
        self = super().__new__(cls, values[:10])
        extra = values[10:] + (None,) * (19 - len(values))
        self._extra = extra
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[0] if self._extra[0] is not None else self[7])
    st_mtime = property(lambda self: self._extra[1] if self._extra[1] is not None else self[8])
    st_ctime = property(lambda self: self._extra[2] if self._extra[2] is not None else self[9])
    st_atime_ns = property(lambda self: self._extra[3])
    st_mtime_ns = property(lambda self: self._extra[4])
    st_ctime_ns = property(lambda self: self._extra[5])
    st_blksize = property(lambda self: self._extra[6])
    st_blocks = property(lambda self: self._extra[7])
    st_rdev = property(lambda self: self._extra[8])

    def __repr__(self):
        fields = ', '.join(f'{n}={v!r}' for n, v in zip(self._names, self))
        return f'os.stat_result({fields})'

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._extra,))


stat_result.__module__ = 'os'


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path (or open file descriptor)."""
    if not isinstance(path, (str, bytes, int)) and not hasattr(type(path), '__fspath__'):
        raise TypeError('stat: path should be string, bytes, os.PathLike or integer, '
                        f'not {type(path).__name__}')
    return stat_result(posix._stat(path, follow_symlinks=follow_symlinks))


def fstat(fd):
    """Perform a stat system call on an open file descriptor."""
    if not isinstance(fd, int):
        raise TypeError(f"'{type(fd).__name__}' object cannot be interpreted as an integer")
    return stat_result(posix._stat(fd))


def waitstatus_to_exitcode(status):
    """The exit code of a wait status (negative signal number when killed)."""
    if status & 0x7f == 0:
        return (status >> 8) & 0xff
    if (status & 0xff) != 0x7f:
        return -(status & 0x7f)
    raise ValueError(f'invalid wait status: {status}')


def lstat(path, *, dir_fd=None):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(posix._lstat(path))


# ---- environment -------------------------------------------------------------------------

import collections.abc as _cabc


class _Environ(_cabc.MutableMapping):
    """The process environment: a str -> str mapping; changes reach the real environment."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        if not isinstance(value, str):
            raise TypeError(f'str expected, not {type(value).__name__}')
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self._data.items())
        return f'environ({{{items}}})'

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _cabc.Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, _cabc.Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(posix._environ())


def getenv(key, default=None):
    """The environment variable `key`, or `default` when it is not set."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for a program (PATH)."""
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---- process and system information (read from /proc) ---------------------------------

def _read_proc(path):
    fd = open(path, O_RDONLY)
    try:
        chunks = []
        while True:
            b = read(fd, 65536)
            if not b:
                break
            chunks.append(b)
        return b''.join(chunks).decode('utf-8', 'replace')
    finally:
        close(fd)


def _status_ids(field):
    for line in _read_proc('/proc/self/status').splitlines():
        if line.startswith(field + ':'):
            return [int(x) for x in line.split()[1:]]
    raise OSError(f'no {field} in /proc/self/status')


def getuid():
    """The current process's real user id."""
    return _status_ids('Uid')[0]


def geteuid():
    """The current process's effective user id."""
    return _status_ids('Uid')[1]


def getgid():
    """The current process's real group id."""
    return _status_ids('Gid')[0]


def getegid():
    """The current process's effective group id."""
    return _status_ids('Gid')[1]


def getgroups():
    """The supplementary group ids of the current process."""
    return _status_ids('Groups')


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    """Whether the real uid/gid may access `path` with `mode` (F_OK, R_OK, W_OK, X_OK)."""
    try:
        st = stat(path, follow_symlinks=follow_symlinks)
    except OSError:
        return False
    if mode == F_OK:
        return True
    uid = geteuid() if effective_ids else getuid()
    if uid == 0:
        # Root may read and write anything; it may execute what anyone may.
        return not (mode & X_OK) or bool(st.st_mode & 0o111) or (st.st_mode & 0o170000) == 0o040000
    gids = {getegid() if effective_ids else getgid(), *getgroups()}
    if st.st_uid == uid:
        bits = (st.st_mode >> 6) & 7
    elif st.st_gid in gids:
        bits = (st.st_mode >> 3) & 7
    else:
        bits = st.st_mode & 7
    return (bits & mode) == mode


class uname_result(tuple):
    """The result of os.uname(): sysname, nodename, release, version, machine."""

    _names = ('sysname', 'nodename', 'release', 'version', 'machine')

    def __new__(cls, values):
        return super().__new__(cls, values)

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        fields = ', '.join(f'{n}={v!r}' for n, v in zip(self._names, self))
        return f'posix.uname_result({fields})'


def uname():
    """Identify the operating system: (sysname, nodename, release, version, machine)."""
    def kernel(name):
        return _read_proc('/proc/sys/kernel/' + name).strip()
    return uname_result((kernel('ostype'), kernel('hostname'), kernel('osrelease'),
                         kernel('version'), posix._machine()))


def getloadavg():
    """The number of processes in the run queue averaged over 1, 5 and 15 minutes."""
    parts = _read_proc('/proc/loadavg').split()
    return float(parts[0]), float(parts[1]), float(parts[2])


class terminal_size(tuple):
    """The result of os.get_terminal_size(): (columns, lines)."""

    def __new__(cls, values):
        return super().__new__(cls, values)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return f'os.terminal_size(columns={self[0]!r}, lines={self[1]!r})'


def get_terminal_size(fd=1):
    """The size of the terminal on `fd`; OSError when it is not a terminal.

    Without the ioctl, a terminal's size is taken from COLUMNS and LINES
    (80x24 when they are not set).
    """
    if not isatty(fd):
        raise OSError(25, strerror(25))
    try:
        columns = int(environ.get('COLUMNS', '80'))
        lines = int(environ.get('LINES', '24'))
    except ValueError:
        columns, lines = 80, 24
    return terminal_size((columns, lines))


# ---- directories -------------------------------------------------------------------------

def makedirs(name, mode=0o777, exist_ok=False):
    """Create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename, creating the new path's directories and pruning the old one's."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry of scandir(): name, path and cached stat information."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return st.S_ISDIR(self._mode(follow_symlinks))

    def is_file(self, *, follow_symlinks=True):
        return st.S_ISREG(self._mode(follow_symlinks))

    def is_symlink(self):
        return st.S_ISLNK(self._mode(False))

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


class _ScandirIterator:
    def __init__(self, dirpath, names):
        self._dirpath = dirpath
        self._names = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dirpath, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path='.'):
    """An iterator of DirEntry objects for the entries of a directory."""
    p = fspath(path) if path is not None else '.'
    return _ScandirIterator(p, listdir(p))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames) for each directory."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with scandir_it:
        for entry in scandir_it:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    """A file object over the descriptor `fd` (io.open with an int)."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)
