"""Subprocesses with accessible I/O streams (CPython's `subprocess`, POSIX).

Children are started by the native `_subprocess` (Rust's process spawning:
posix_spawn, or fork + exec with only async-signal-safe calls in the
child, so it is safe with other threads running).  communicate() uses one
thread per pipe, which also gives it its timeout.

Not provided: preexec_fn (cannot run Python safely between fork and exec),
pass_fds, user/group/extra_groups/umask, startupinfo.
"""

import builtins
import errno
import io
import os
import signal
import sys
import threading
import time
import types

import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput",
           "check_output", "run", "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_USE_POSIX_SPAWN = True
_USE_VFORK = True


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() with check=True (or check_call/check_output) sees a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" % (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """What run() returns: args, returncode, stdout, stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    __class_getitem__ = classmethod(types.GenericAlias)

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Runs a command; CalledProcessError unless it exits 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its output; CalledProcessError unless it exits 0."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs a command, waits for it, returns a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            exc.stdout, exc.stderr = process.communicate()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def list2cmdline(seq):
    """A command line for a sequence, quoted as the MS C runtime parses it."""
    result = []
    needquote = False
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of a shell command, the output without its last newline."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of a shell command, without its last newline."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def _stdio_code(value, which):
    if value is None:
        return _subprocess.INHERIT
    if value == PIPE:
        return _subprocess.PIPE
    if value == DEVNULL:
        return _subprocess.DEVNULL
    if value == STDOUT:
        if which != 'stderr':
            raise ValueError("STDOUT can only be used for stderr")
        return _subprocess.STDOUT
    if isinstance(value, int):
        if value < 0:
            raise ValueError("bad file descriptor %d" % value)
        return value
    return value.fileno()


class Popen:
    """Executes a child program in a new process."""

    _child_created = False

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        self._communication_started = False
        self._waitpid_lock = threading.Lock()
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if preexec_fn is not None:
            raise NotImplementedError("preexec_fn is not supported by Skein")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if text is not None and universal_newlines is not None and \
                bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines '
                                  'are supplied but different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            unix_shell = '/bin/sh'
            args = [unix_shell, "-c"] + args
            if executable:
                args[0] = executable
        args = tuple(os.fspath(a) if isinstance(a, os.PathLike) else a for a in args)
        if executable is not None:
            executable = os.fspath(executable)
        if cwd is not None:
            cwd = os.fspath(cwd)
            if not os.path.isdir(cwd):
                if os.path.exists(cwd):
                    raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), cwd)
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), cwd)
        env_pairs = None
        if env is not None:
            env_pairs = tuple((os.fsdecode(k), os.fsdecode(v)) for k, v in env.items())
        codes = (_stdio_code(stdin, 'stdin'), _stdio_code(stdout, 'stdout'),
                 _stdio_code(stderr, 'stderr'))
        new_session = bool(start_new_session) or process_group == 0
        if executable is None and not os.path.dirname(os.fsdecode(args[0])):
            found = self._find_program(os.fsdecode(args[0]), env)
            if found is None:
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), args[0])
            executable = found
        self.pid, in_fd, out_fd, err_fd = _subprocess.spawn(
            args, executable, cwd, env_pairs, codes[0], codes[1], codes[2], new_session)
        self._child_created = True
        if in_fd != -1:
            self.stdin = io.open(in_fd, 'wb', bufsize)
            if self.text_mode:
                self.stdin = io.TextIOWrapper(self.stdin, write_through=True,
                                              line_buffering=(bufsize == 1),
                                              encoding=encoding or "utf-8", errors=errors)
        if out_fd != -1:
            self.stdout = io.open(out_fd, 'rb', bufsize)
            if self.text_mode:
                self.stdout = io.TextIOWrapper(self.stdout, encoding=encoding or "utf-8",
                                               errors=errors)
        if err_fd != -1:
            self.stderr = io.open(err_fd, 'rb', bufsize)
            if self.text_mode:
                self.stderr = io.TextIOWrapper(self.stderr, encoding=encoding or "utf-8",
                                               errors=errors)

    @staticmethod
    def _find_program(name, env):
        path = None
        if env is not None:
            path = env.get('PATH', env.get(b'PATH'))
            if isinstance(path, bytes):
                path = os.fsdecode(path)
        if path is None:
            path = os.environ.get('PATH', os.defpath)
        for d in path.split(os.pathsep):
            candidate = os.path.join(d or '.', name)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
        return None

    def __repr__(self):
        obj_repr = f"<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    __class_getitem__ = classmethod(types.GenericAlias)

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type == KeyboardInterrupt:
                self._wait(timeout=0.25)
            else:
                self.wait()

    def _translate_newlines(self, data, encoding, errors):
        data = data.decode(encoding, errors)
        return data.replace("\r\n", "\n").replace("\r", "\n")

    def poll(self):
        """The exit status if the child has ended, else None."""
        if self.returncode is None:
            with self._waitpid_lock:
                if self.returncode is None:
                    self.returncode = _subprocess.poll(self.pid)
        return self.returncode

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        code = _subprocess.wait(self.pid, timeout)
        if code is None:
            raise TimeoutExpired(self.args, timeout)
        with self._waitpid_lock:
            if self.returncode is None:
                self.returncode = code
        return self.returncode

    def wait(self, timeout=None):
        """Waits for the child to end; returns its exit status (TimeoutExpired after timeout)."""
        return self._wait(timeout)

    def send_signal(self, sig):
        """Sends a signal to the child (nothing once it has been reaped)."""
        self.poll()
        if self.returncode is not None:
            return
        _subprocess.send_signal(self.pid, sig)

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def communicate(self, input=None, timeout=None):
        """Sends input, reads stdout and stderr to the end, waits; returns (stdout, stderr)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if (timeout is None and not self._communication_started and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (stdout, stderr)
        endtime = None if timeout is None else time.monotonic() + timeout
        if not self._communication_started:
            self._start_communication(input)
            self._communication_started = True
        for t in self._threads:
            left = None if endtime is None else max(0.0, endtime - time.monotonic())
            t.join(left)
            if t.is_alive():
                raise TimeoutExpired(self.args, timeout, output=self._joined('stdout'),
                                     stderr=self._joined('stderr'))
        stdout = self._finish('stdout')
        stderr = self._finish('stderr')
        left = None if endtime is None else max(0.0, endtime - time.monotonic())
        try:
            self.wait(timeout=left)
        except TimeoutExpired as exc:
            exc.timeout = timeout
            raise
        return (stdout, stderr)

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
            except OSError as exc:
                if exc.errno != errno.EINVAL:
                    raise
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        except OSError as exc:
            if exc.errno != errno.EINVAL:
                raise

    def _start_communication(self, input):
        self._chunks = {'stdout': [], 'stderr': []}
        self._threads = []
        for name in ('stdout', 'stderr'):
            stream = getattr(self, name)
            if stream is None:
                continue
            raw = stream.buffer if self.text_mode else stream
            chunks = self._chunks[name]

            def reader(raw=raw, chunks=chunks):
                while True:
                    data = raw.read1(32768) if hasattr(raw, 'read1') else raw.read(32768)
                    if not data:
                        break
                    chunks.append(data)
            t = threading.Thread(target=reader, daemon=True)
            t.start()
            self._threads.append(t)
        if self.stdin:
            if input is not None and self.text_mode:
                input = input.encode(self.stdin.encoding, self.stdin.errors or 'strict')
            raw_in = self.stdin.buffer if self.text_mode else self.stdin
            t = threading.Thread(target=self._write_all, args=(raw_in, input), daemon=True)
            t.start()
            self._threads.append(t)

    def _write_all(self, raw, data):
        try:
            if data:
                raw.write(data)
                raw.flush()
        except (BrokenPipeError, OSError):
            pass
        try:
            raw.close()
        except OSError:
            pass

    def _joined(self, name):
        if getattr(self, name) is None:
            return None
        return b''.join(self._chunks[name])

    def _finish(self, name):
        stream = getattr(self, name)
        if stream is None:
            return None
        data = b''.join(self._chunks[name])
        stream.close()
        if self.text_mode:
            data = self._translate_newlines(data, self.encoding or "utf-8", self.errors or "strict")
        return data
