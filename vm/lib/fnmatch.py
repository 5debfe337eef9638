"""Shell-style wildcard matching of file names (Skein's implementation).

`*` matches anything, `?` one character, `[seq]` / `[!seq]` a character
in / not in seq.  Patterns are translated to regular expressions exactly as
CPython 3.11 translates them (so `translate` returns the same text), and
compiled patterns are cached in a dict (safe to share between threads).
"""

import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Whether name matches pat, after os.path.normcase of both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


# Compiled patterns by (type, pattern); a plain dict rather than CPython's
# lru_cache so that importing fnmatch (and glob, pathlib) does not load
# functools.  Two threads may compile the same pattern at once; either
# result is right.
_cache = {}
_MAXCACHE = 32768


def _compile_pattern(pat):
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is not None:
        return match
    if isinstance(pat, bytes):
        pat_str = str(pat, "ISO-8859-1")
        res_str = translate(pat_str)
        res = bytes(res_str, "ISO-8859-1")
    else:
        res = translate(pat)
    match = re.compile(res).match
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = match
    return match


def filter(names, pat):
    """The names that match pat."""
    result = []
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    if os.path is posixpath:
        for name in names:
            if match(name):
                result.append(name)
    else:
        for name in names:
            if match(os.path.normcase(name)):
                result.append(name)
    return result


def fnmatchcase(name, pat):
    """Whether name matches pat, case-sensitively."""
    match = _compile_pattern(pat)
    return match(name) is not None


# A star: stands in the token list until stars are turned into regex text.
_STAR = object()


def _translate_set(pat, i, j):
    """The regex text of the set pat[i:j] (between '[' and ']')."""
    stuff = pat[i:j]
    if "-" not in stuff:
        stuff = stuff.replace("\\", r"\\")
    else:
        # Split at the range hyphens, drop empty ranges, escape the rest.
        chunks = []
        k = i + 2 if pat[i] == "!" else i + 1
        while True:
            k = pat.find("-", k, j)
            if k < 0:
                break
            chunks.append(pat[i:k])
            i = k + 1
            k = k + 3
        chunk = pat[i:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += "-"
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
        stuff = "-".join(s.replace("\\", r"\\").replace("-", r"\-") for s in chunks)
    # Characters that could start set operations in future regex versions.
    stuff = re.sub(r"([&~|])", r"\\\1", stuff)
    if not stuff:
        return "(?!)"
    if stuff == "!":
        return "."
    if stuff[0] == "!":
        stuff = "^" + stuff[1:]
    elif stuff[0] in ("^", "["):
        stuff = "\\" + stuff
    return "[%s]" % stuff


def translate(pat):
    """The regular expression text that matches what the shell pattern matches."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == "?":
            tokens.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                tokens.append("\\[")
            else:
                tokens.append(_translate_set(pat, i, j))
                i = j + 1
        else:
            tokens.append(re.escape(c))

    # Every star but the last becomes an atomic group that ends at the
    # fixed text that follows it (no backtracking between stars).
    res = []
    i, n = 0, len(tokens)
    while i < n and tokens[i] is not _STAR:
        res.append(tokens[i])
        i += 1
    while i < n:
        i += 1
        if i == n:
            res.append(".*")
            break
        fixed = []
        while i < n and tokens[i] is not _STAR:
            fixed.append(tokens[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            res.append(".*")
            res.append(fixed)
        else:
            res.append("(?>.*?%s)" % fixed)
    return r"(?s:%s)\Z" % "".join(res)
