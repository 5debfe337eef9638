"""asyncio: an event loop, tasks, and the tools around them (CPython 3.11's
API), written for Skein.

Each thread may run its own loop; loops reach each other only through
call_soon_threadsafe / run_coroutine_threadsafe, and run_in_executor /
to_thread run work on other OS threads, which in Skein run in parallel.

Streams over pipes (asyncio.subprocess) and sockets (open_connection,
start_server, the loop's sock_* methods). Not provided: transports and
protocols, SSL, UDP endpoints, debug mode's checks.
"""

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .streams import *
from .taskgroups import *
from .tasks import *
from .subprocess import *
from .threads import *
from .timeouts import *
from .unix_events import *

from . import base_events, coroutines, events, exceptions, futures, locks, queues, runners
from . import streams, subprocess, taskgroups, tasks, threads, timeouts, unix_events

__all__ = (base_events.__all__ + coroutines.__all__ + events.__all__ + exceptions.__all__
           + futures.__all__ + locks.__all__ + queues.__all__ + runners.__all__
           + streams.__all__ + subprocess.__all__
           + taskgroups.__all__ + tasks.__all__ + threads.__all__ + timeouts.__all__
           + unix_events.__all__)
