"""Cache lines from source files (pure-Python `linecache`).

The text comes from the interpreter (`_skein_traceback.getsource`), with the
rules tracebacks use: files are read from disk (or the text the runtime
compiled under that name), code compiled from a string (`<string>`,
`<stdin>`) has none, and Skein's embedded standard library (`<frozen name>`)
has its own.  Entries can also be put into `cache` directly, as in CPython:
`cache[filename] = (size, mtime, lines, fullname)`.
"""

import _skein_traceback

__all__ = ['getline', 'clearcache', 'checkcache', 'lazycache']

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` of `filename` with its newline, or '' when there is none."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """All lines of `filename` (with newlines), from the cache when possible."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard entries whose file changed on disk (entries made by hand are kept)."""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    import os
    for name in filenames:
        entry = cache[name]
        if len(entry) == 1 or entry[1] is None:
            continue
        size, mtime = entry[0], entry[1]
        try:
            st = os.stat(entry[3])
        except (OSError, ValueError):
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Read `filename` into the cache; its lines, or [] when it has no text."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if not filename:
        return []
    text = _skein_traceback.getsource(filename)
    if text is None:
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    mtime = None
    if not (filename.startswith('<') and filename.endswith('>')):
        try:
            import os
            mtime = os.stat(filename).st_mtime
        except (OSError, ValueError):
            mtime = None
    cache[filename] = (len(text), mtime, lines, filename)
    return lines


def lazycache(filename, module_globals):
    """Lazy loading is not needed here: every text is at hand; always False."""
    return False
