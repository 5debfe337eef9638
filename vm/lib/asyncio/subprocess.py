"""asyncio.create_subprocess_exec / create_subprocess_shell over pipes.

The child is started by `subprocess.Popen`; its pipes are made
non-blocking and served by the loop (StreamReader/StreamWriter), and the
exit status is waited for in the loop's default executor (a thread), so
the loop never blocks.
"""

__all__ = ('create_subprocess_exec', 'create_subprocess_shell')

import subprocess

from . import events
from . import streams
from . import tasks

PIPE = subprocess.PIPE
STDOUT = subprocess.STDOUT
DEVNULL = subprocess.DEVNULL


class Process:
    """A running child: stdin (StreamWriter), stdout/stderr (StreamReader)."""

    def __init__(self, popen, loop, limit):
        self._popen = popen
        self._loop = loop
        self._limit = limit
        self.stdin = self.stdout = self.stderr = None
        self._pending_eofs = []
        if popen.stdin is not None:
            self.stdin = streams.StreamWriter(loop, popen.stdin.fileno(), pipe=popen.stdin)
        for name in ('stdout', 'stderr'):
            f = getattr(popen, name)
            if f is not None:
                reader = streams.StreamReader(limit=limit, loop=loop)
                eof = loop.create_future()
                self._pending_eofs.append(eof)
                streams._PipeReader(loop, f.fileno(), reader, pipe=f,
                                    on_eof=lambda eof=eof: eof.done() or eof.set_result(None))
                setattr(self, name, reader)
        self._exit_waiter = None

    def __repr__(self):
        return f'<Process {self.pid}>'

    @property
    def pid(self):
        return self._popen.pid

    @property
    def returncode(self):
        return self._popen.returncode

    async def wait(self):
        """Waits for the child to exit; returns its return code."""
        if self._popen.returncode is not None:
            return self._popen.returncode
        if self._exit_waiter is None:
            self._exit_waiter = self._loop.run_in_executor(None, self._popen.wait)
        await tasks.shield(self._exit_waiter)
        return self._popen.returncode

    def send_signal(self, signal):
        self._popen.send_signal(signal)

    def terminate(self):
        self._popen.terminate()

    def kill(self):
        self._popen.kill()

    async def _feed_stdin(self, input):
        try:
            if input is not None:
                self.stdin.write(input)
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, stream):
        output = await stream.read()
        return output

    async def communicate(self, input=None):
        """Sends input, reads stdout/stderr to EOF, waits for the exit."""
        if self.stdin is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        stdout = self._read_stream(self.stdout) if self.stdout is not None else self._noop()
        stderr = self._read_stream(self.stderr) if self.stderr is not None else self._noop()
        stdin, stdout, stderr = await tasks.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=streams._DEFAULT_LIMIT, **kwds):
    loop = events.get_running_loop()
    popen = subprocess.Popen((program,) + args, stdin=stdin, stdout=stdout, stderr=stderr,
                             bufsize=0, **kwds)
    return Process(popen, loop, limit)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=streams._DEFAULT_LIMIT, **kwds):
    loop = events.get_running_loop()
    popen = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr, shell=True,
                             bufsize=0, **kwds)
    return Process(popen, loop, limit)
