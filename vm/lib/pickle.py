"""Serialize Python objects to bytes and back (CPython 3.11's `pickle`).

`dumps`/`dump` write, `loads`/`load` read; `Pickler` and `Unpickler` are
the classes behind them (persistent_id/persistent_load, dispatch_table,
reducer_override, find_class). Protocols 0 to 5; DEFAULT_PROTOCOL is 4.

The bytes written are those of CPython's C pickler (`_pickle`), which in a
few places differs from its pure-Python one: exact lists and dicts are
written in MARK...APPENDS/SETITEMS batches even when the last batch has
one item, an exact set or dict whose size is a multiple of the batch size
ends with an empty batch, `reducer_override` is not asked about the
built-in container types, a PickleBuffer written in band is memoized, and
the error messages are the C pickler's.

Frames (protocol 4+): opcodes are gathered in a frame that is closed, with
a FRAME header, when a new object starts and the frame holds 64 KiB or
more; a frame under 4 bytes gets no header. Payloads of 64 KiB or more
(bytes, str, bytearray) are written outside any frame.

Every Pickler and Unpickler keeps its state to itself, so threads may
pickle at once; the shared registries (copyreg's) are dicts whose single
reads and writes are atomic.

Not provided: `PicklerMemoProxy`/`UnpicklerMemoProxy` (`memo` is a plain
dict), the "fast" mode's cycle detection (fast mode only skips the memo),
and a `PickleBuffer` that other code can take a buffer of: Skein classes
written in Python cannot export the buffer protocol, so `memoryview(pb)`
is not available (`pb.raw()` is).
"""

import sys
from types import FunctionType as _FunctionType, MethodType as _MethodType
from types import BuiltinFunctionType as _BuiltinFunctionType, ModuleType as _ModuleType

import copyreg
from copyreg import dispatch_table as _copyreg_dispatch_table
from copyreg import _extension_registry, _inverted_registry, _extension_cache
import _compat_pickle
from _codecs import encode as _codecs_encode

__all__ = [
    "PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
    "dump", "dumps", "load", "loads", "PickleBuffer", "ADDITEMS", "APPEND",
    "APPENDS", "BINBYTES", "BINBYTES8", "BINFLOAT", "BINGET", "BININT",
    "BININT1", "BININT2", "BINPERSID", "BINPUT", "BINSTRING", "BINUNICODE",
    "BINUNICODE8", "BUILD", "BYTEARRAY8", "DEFAULT_PROTOCOL", "DICT", "DUP",
    "EMPTY_DICT", "EMPTY_LIST", "EMPTY_SET", "EMPTY_TUPLE", "EXT1", "EXT2",
    "EXT4", "FALSE", "FLOAT", "FRAME", "FROZENSET", "GET", "GLOBAL",
    "HIGHEST_PROTOCOL", "INST", "INT", "LIST", "LONG", "LONG1", "LONG4",
    "LONG_BINGET", "LONG_BINPUT", "MARK", "MEMOIZE", "NEWFALSE", "NEWOBJ",
    "NEWOBJ_EX", "NEWTRUE", "NEXT_BUFFER", "NONE", "OBJ", "PERSID", "POP",
    "POP_MARK", "PROTO", "PUT", "READONLY_BUFFER", "REDUCE", "SETITEM",
    "SETITEMS", "SHORT_BINBYTES", "SHORT_BINSTRING", "SHORT_BINUNICODE",
    "STACK_GLOBAL", "STOP", "STRING", "TRUE", "TUPLE", "TUPLE1", "TUPLE2",
    "TUPLE3", "UNICODE",
]

bytes_types = (bytes, bytearray)
format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """The base class of the pickling and unpickling errors."""


class PicklingError(PickleError):
    """An object cannot be pickled."""


class UnpicklingError(PickleError):
    """The data is not a valid pickle (corrupt input, or a security check)."""


# CPython defines them in its accelerator module, and tracebacks name them so.
for _cls in (PickleError, PicklingError, UnpicklingError):
    _cls.__module__ = "_pickle"

# The opcodes (pickletools documents them).
MARK = b"("
STOP = b"."
POP = b"0"
POP_MARK = b"1"
DUP = b"2"
FLOAT = b"F"
INT = b"I"
BININT = b"J"
BININT1 = b"K"
LONG = b"L"
BININT2 = b"M"
NONE = b"N"
PERSID = b"P"
BINPERSID = b"Q"
REDUCE = b"R"
STRING = b"S"
BINSTRING = b"T"
SHORT_BINSTRING = b"U"
UNICODE = b"V"
BINUNICODE = b"X"
APPEND = b"a"
BUILD = b"b"
GLOBAL = b"c"
DICT = b"d"
EMPTY_DICT = b"}"
APPENDS = b"e"
GET = b"g"
BINGET = b"h"
INST = b"i"
LONG_BINGET = b"j"
LIST = b"l"
EMPTY_LIST = b"]"
OBJ = b"o"
PUT = b"p"
BINPUT = b"q"
LONG_BINPUT = b"r"
SETITEM = b"s"
TUPLE = b"t"
EMPTY_TUPLE = b")"
SETITEMS = b"u"
BINFLOAT = b"G"
TRUE = b"I01\n"
FALSE = b"I00\n"
# Protocol 2
PROTO = b"\x80"
NEWOBJ = b"\x81"
EXT1 = b"\x82"
EXT2 = b"\x83"
EXT4 = b"\x84"
TUPLE1 = b"\x85"
TUPLE2 = b"\x86"
TUPLE3 = b"\x87"
NEWTRUE = b"\x88"
NEWFALSE = b"\x89"
LONG1 = b"\x8a"
LONG4 = b"\x8b"
# Protocol 3
BINBYTES = b"B"
SHORT_BINBYTES = b"C"
# Protocol 4
SHORT_BINUNICODE = b"\x8c"
BINUNICODE8 = b"\x8d"
BINBYTES8 = b"\x8e"
EMPTY_SET = b"\x8f"
ADDITEMS = b"\x90"
FROZENSET = b"\x91"
NEWOBJ_EX = b"\x92"
STACK_GLOBAL = b"\x93"
MEMOIZE = b"\x94"
FRAME = b"\x95"
# Protocol 5
BYTEARRAY8 = b"\x96"
NEXT_BUFFER = b"\x97"
READONLY_BUFFER = b"\x98"

_TUPLE_SIZE_OPS = (EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3)
# The short forms of frequent opcodes, made once.
_BININT1_OPS = [BININT1 + bytes((i,)) for i in range(256)]
_BINPUT_OPS = [BINPUT + bytes((i,)) for i in range(256)]
_BINGET_OPS = [BINGET + bytes((i,)) for i in range(256)]
_BATCHSIZE = 1000
_FRAME_SIZE_TARGET = 64 * 1024
_FRAME_SIZE_MIN = 4
_END = object()


# Big-endian IEEE doubles through a native memoryview cast (the struct
# module is written in Python here, and much slower); each call has its
# own buffer, so threads do not share one.
if sys.byteorder == "little":

    def _pack_double(x):
        buf = bytearray(8)
        memoryview(buf).cast("d")[0] = x
        buf.reverse()
        return bytes(buf)

    def _unpack_double(data):
        return memoryview(data[::-1]).cast("d")[0]

else:

    def _pack_double(x):
        buf = bytearray(8)
        memoryview(buf).cast("d")[0] = x
        return bytes(buf)

    def _unpack_double(data):
        return memoryview(bytes(data)).cast("d")[0]


class PickleBuffer:
    """A wrapper of a buffer for out-of-band pickling (protocol 5)."""

    __slots__ = ("_view",)

    def __init__(self, buffer):
        self._view = memoryview(buffer)

    def raw(self):
        """A memoryview of the bytes of the buffer, in format 'B'."""
        view = self._view
        if view is None:
            raise ValueError("operation forbidden on released PickleBuffer object")
        if not view.contiguous:
            raise BufferError("cannot extract raw buffer from non-contiguous buffer")
        return view.cast("B")

    def release(self):
        """Release the buffer this object holds."""
        if self._view is not None:
            self._view.release()
            self._view = None

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'pickle.PickleBuffer' object")


# --------------------------------------------------------------- helpers


def encode_long(x):
    """x as little-endian two's complement, in as few bytes as hold it
    (no bytes for 0)."""
    if x == 0:
        return b""
    size = (x.bit_length() >> 3) + 1
    data = x.to_bytes(size, "little", signed=True)
    # A negative number one bit past a byte boundary needs no sign byte.
    if x < 0 and size > 1 and data[-1] == 0xFF and data[-2] & 0x80:
        data = data[:-1]
    return data


def decode_long(data):
    """The inverse of encode_long."""
    return int.from_bytes(data, "little", signed=True)


def _dotted_path(name, owner=None):
    path = name.split(".")
    if "<locals>" in path:
        if owner is None:
            raise AttributeError(f"Can't pickle local object {name!r}")
        raise AttributeError(f"Can't get local attribute {name!r} on {owner!r}")
    return path


def _deep_getattr(obj, path):
    """(value, parent) of the dotted path under obj."""
    parent = None
    for part in path:
        parent = obj
        obj = getattr(obj, part)
    return obj, parent


def _getattribute(obj, name):
    """pickle.py's helper: (value, parent) of a dotted name under obj."""
    path = _dotted_path(name, obj)
    try:
        return _deep_getattr(obj, path)
    except AttributeError:
        raise AttributeError(f"Can't get attribute {name!r} on {obj!r}") from None


def whichmodule(obj, name):
    """The name of the module obj is defined in: its __module__, else the
    first module of sys.modules where the dotted name finds it, else
    '__main__'."""
    module_name = getattr(obj, "__module__", None)
    if isinstance(module_name, str):
        return module_name
    # Skein's native classes may show their `__module__` descriptor here
    # instead of a name; CPython calls them builtins.
    if isinstance(obj, type) and module_name is not None:
        return "builtins"
    path = name.split(".") if isinstance(name, str) else name
    for module_name, module in list(sys.modules.items()):
        if module_name == "__main__" or module_name == "__mp_main__" or module is None:
            continue
        try:
            if _deep_getattr(module, path)[0] is obj:
                return module_name
        except Exception:
            pass
    return "__main__"


def _import_module(name):
    __import__(name)
    return sys.modules[name]


def _type_name(obj):
    return type(obj).__name__


# Reductions that CPython's built-in types provide through __reduce_ex__
# and Skein's native types do not (yet): the same tuples or names.


def _reduce_builtin_function(obj, proto):
    owner = getattr(obj, "__self__", None)
    if owner is None or isinstance(owner, _ModuleType):
        return obj.__name__
    return getattr, (owner, obj.__name__)


def _reduce_method(obj, proto):
    return getattr, (obj.__self__, obj.__func__.__name__)


def _reduce_method_descriptor(obj, proto):
    owner = getattr(obj, "__objclass__", None)
    if owner is None:
        raise TypeError(f"cannot pickle {_type_name(obj)!r} object")
    return getattr, (owner, obj.__name__)


_native_reducers = {
    _BuiltinFunctionType: _reduce_builtin_function,
    _MethodType: _reduce_method,
    type(...): lambda obj, proto: "Ellipsis",
    type(NotImplemented): lambda obj, proto: "NotImplemented",
}
for _t in (type(str.upper), type(object.__init__), type((1).__add__), type(dict.__dict__["fromkeys"])):
    if _t not in _native_reducers:
        _native_reducers[_t] = _reduce_method_descriptor
del _t


# --------------------------------------------------------------- pickling


class Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)

    Writes pickles of objects to a binary file (anything with a write()
    method taking bytes)."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        try:
            write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self._setup(write, protocol, fix_imports, buffer_callback)

    def _setup(self, file_write, protocol, fix_imports, buffer_callback):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if not isinstance(protocol, int):
            index = getattr(type(protocol), "__index__", None)
            if index is None:
                raise TypeError(f"'{_type_name(protocol)}' object cannot be interpreted as an integer")
            protocol = index(protocol)
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError(f"pickle protocol must be <= {HIGHEST_PROTOCOL}")
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._file_write = file_write
        self._buffer_callback = buffer_callback
        self.proto = protocol
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = bool(fix_imports) and protocol < 3
        self.memo = {}
        self._framing = False
        self._out = []
        self._buf = bytearray()
        self.write = self._buf.extend

    def clear_memo(self):
        """Forget the objects pickled so far (later dumps repeat them)."""
        self.memo.clear()

    def dump(self, obj):
        """Write a pickle of obj to the file."""
        if "_file_write" not in self.__dict__:
            raise PicklingError(f"Pickler.__init__() was not called by {type(self).__name__}.__init__()")
        self._file_write(self._dump_bytes(obj))

    def _dump_bytes(self, obj):
        self._pid_func = getattr(self, "persistent_id", None)
        self._override = getattr(self, "reducer_override", None)
        table = getattr(self, "dispatch_table", None)
        self._table = _copyreg_dispatch_table if table is None else table
        self._own_table = table is not None
        proto = self.proto
        out = self._out
        buf = self._buf
        out.clear()
        buf.clear()
        if proto >= 2:
            out.append(PROTO + bytes((proto,)))
        self._framing = proto >= 4
        try:
            self.save(obj)
            buf.extend(STOP)
            self._commit_frame()
            return b"".join(out)
        finally:
            self._framing = False
            out.clear()
            buf.clear()

    # -- output and frames

    def _commit_frame(self):
        """Move the current frame (or, without framing, everything written
        so far) to the output."""
        buf = self._buf
        n = len(buf)
        if not n:
            return
        if self._framing and n >= _FRAME_SIZE_MIN:
            self._out.append(FRAME + n.to_bytes(8, "little"))
        self._out.append(bytes(buf))
        buf.clear()

    def _write_large_bytes(self, header, payload):
        """A payload of a frame's size or more goes outside any frame."""
        if self._framing:
            self._commit_frame()
            self._out.append(header)
            self._out.append(bytes(payload))
        else:
            self._buf.extend(header)
            self._buf.extend(payload)

    # -- the memo

    def memoize(self, obj):
        """Store obj in the memo and write the opcode that does the same."""
        if self.fast:
            return
        memo = self.memo
        idx = len(memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        else:
            self.write(self.put(idx))
        memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return _BINPUT_OPS[idx]
            return LONG_BINPUT + idx.to_bytes(4, "little")
        return PUT + repr(idx).encode("ascii") + b"\n"

    def get(self, idx):
        if self.bin:
            if idx < 256:
                return _BINGET_OPS[idx]
            return LONG_BINGET + idx.to_bytes(4, "little")
        return GET + repr(idx).encode("ascii") + b"\n"

    # -- the object dispatcher

    def save(self, obj, save_persistent_id=True):
        if self._framing and len(self._buf) >= _FRAME_SIZE_TARGET:
            self._commit_frame()
        if save_persistent_id and self._pid_func is not None:
            pid = self._pid_func(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        t = type(obj)
        f = _atoms.get(t)
        if f is not None:
            f(self, obj)
            return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        f = _containers.get(t)
        if f is not None:
            f(self, obj)
            return
        reduce = self._override
        if reduce is not None:
            rv = reduce(obj)
            if rv is not NotImplemented:
                self._save_reduce_value(obj, rv)
                return
        if t is type:
            self.save_type(obj)
            return
        if t is _FunctionType:
            self.save_global(obj)
            return
        if self._own_table:
            try:
                reduce = self._table[t]
            except KeyError:
                reduce = None
        else:
            reduce = self._table.get(t)
        if reduce is not None:
            rv = reduce(obj)
        elif issubclass(t, type):
            self.save_global(obj)
            return
        else:
            native = _native_reducers.get(t)
            if native is not None:
                rv = native(obj, self.proto)
            else:
                reduce = getattr(obj, "__reduce_ex__", None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, "__reduce__", None)
                    if reduce is None:
                        raise PicklingError(f"can't pickle {t.__name__!r} object: {obj!r}")
                    rv = reduce()
        self._save_reduce_value(obj, rv)

    def _save_reduce_value(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        n = len(rv)
        if n < 2 or n > 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
            return
        text = str(pid)
        if not text.isascii():
            raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self.write(PERSID + text.encode("ascii") + b"\n")

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None, state_setter=None, *, obj=None):
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if listitems is not None and not hasattr(type(listitems), "__next__"):
            raise PicklingError(
                "fourth element of the tuple returned by __reduce__ must be an iterator, not "
                + _type_name(listitems)
            )
        if dictitems is not None and not hasattr(type(dictitems), "__next__"):
            raise PicklingError(
                "fifth element of the tuple returned by __reduce__ must be an iterator, not "
                + _type_name(dictitems)
            )
        if state_setter is not None and not callable(state_setter):
            raise PicklingError(
                "sixth element of the tuple returned by __reduce__ must be a function, not "
                + _type_name(state_setter)
            )
        save = self.save
        write = self.write
        name = getattr(func, "__name__", "") if self.proto >= 2 else ""
        if name == "__newobj_ex__":
            if len(args) != 3:
                raise PicklingError(f"length of the NEWOBJ_EX argument tuple must be exactly 3, not {len(args)}")
            cls, cargs, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError(
                    f"first item from NEWOBJ_EX argument tuple must be a class, not {_type_name(cls)}"
                )
            if obj is not None and getattr(obj, "__class__", None) is not cls:
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be the class of the object")
            if not isinstance(cargs, tuple):
                raise PicklingError(
                    f"second item from NEWOBJ_EX argument tuple must be a tuple, not {_type_name(cargs)}"
                )
            if not isinstance(kwargs, dict):
                raise PicklingError(
                    f"third item from NEWOBJ_EX argument tuple must be a dict, not {_type_name(kwargs)}"
                )
            if self.proto >= 4:
                save(cls)
                save(cargs)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                from functools import partial

                save(partial(cls.__new__, cls, *cargs, **kwargs))
                save(())
                write(REDUCE)
        elif name == "__newobj__":
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not a type")
            if obj is not None and getattr(obj, "__class__", None) is not cls:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)
        if obj is not None:
            # Saving the arguments may have pickled obj itself (a cycle
            # through them): drop what was built and refer to the memo.
            x = self.memo.get(id(obj))
            if x is not None:
                write(POP + self.get(x[0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                # state_setter(obj, state), its result dropped: the stack
                # is left as BUILD would leave it.
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- atoms (never memoized)

    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)

    def save_long(self, obj):
        if -0x80000000 <= obj <= 0x7FFFFFFF:
            if self.bin:
                if 0 <= obj <= 0xFF:
                    self.write(_BININT1_OPS[obj])
                elif 0 <= obj <= 0xFFFF:
                    self.write(BININT2 + obj.to_bytes(2, "little"))
                else:
                    self.write(BININT + obj.to_bytes(4, "little", signed=True))
            else:
                self.write(INT + repr(obj).encode("ascii") + b"\n")
            return
        if self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                self.write(LONG1 + bytes((n,)) + data)
            else:
                self.write(LONG4 + n.to_bytes(4, "little", signed=True) + data)
            return
        self.write(LONG + repr(obj).encode("ascii") + b"L\n")

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + _pack_double(obj))
        else:
            self.write(FLOAT + repr(obj).encode("ascii") + b"\n")

    # -- strings

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (str(obj, "latin1"), "latin1"), obj=obj)
            return
        self._save_bytes_data(obj, obj)

    def _save_bytes_data(self, obj, data):
        n = len(data)
        if n <= 0xFF:
            self.write(SHORT_BINBYTES + bytes((n,)) + data)
        elif n > 0xFFFFFFFF and self.proto >= 4:
            self._write_large_bytes(BINBYTES8 + n.to_bytes(8, "little"), data)
        elif n >= _FRAME_SIZE_TARGET:
            self._write_large_bytes(BINBYTES + n.to_bytes(4, "little"), data)
        else:
            self.write(BINBYTES + n.to_bytes(4, "little") + data)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._save_bytearray_data(obj, obj)

    def _save_bytearray_data(self, obj, data):
        n = len(data)
        if n >= _FRAME_SIZE_TARGET:
            self._write_large_bytes(BYTEARRAY8 + n.to_bytes(8, "little"), data)
        else:
            self.write(BYTEARRAY8 + n.to_bytes(8, "little") + data)
        self.memoize(obj)

    def save_picklebuffer(self, obj):
        if self.proto < 5:
            raise PicklingError("PickleBuffer can only pickled with protocol >= 5")
        view = obj.raw()
        in_band = True
        if self._buffer_callback is not None:
            in_band = bool(self._buffer_callback(obj))
        if in_band:
            if view.readonly:
                self._save_bytes_data(obj, view.tobytes())
            else:
                self._save_bytearray_data(obj, view.tobytes())
        else:
            self.write(NEXT_BUFFER)
            if view.readonly:
                self.write(READONLY_BUFFER)

    def save_str(self, obj):
        if self.bin:
            data = obj.encode("utf-8", "surrogatepass")
            n = len(data)
            if n <= 0xFF and self.proto >= 4:
                write = self.write
                write(SHORT_BINUNICODE + bytes((n,)))
                write(data)
            elif n > 0xFFFFFFFF and self.proto >= 4:
                self._write_large_bytes(BINUNICODE8 + n.to_bytes(8, "little"), data)
            elif n >= _FRAME_SIZE_TARGET:
                self._write_large_bytes(BINUNICODE + n.to_bytes(4, "little"), data)
            else:
                self.write(BINUNICODE + n.to_bytes(4, "little") + data)
        else:
            # raw-unicode-escape leaves these alone; the line format needs
            # them escaped (and a backslash must not start an escape).
            text = (
                obj.replace("\\", "\\u005c")
                .replace("\0", "\\u0000")
                .replace("\n", "\\u000a")
                .replace("\r", "\\u000d")
                .replace("\x1a", "\\u001a")
            )
            self.write(UNICODE + text.encode("raw-unicode-escape") + b"\n")
        self.memoize(obj)

    # -- containers

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for item in obj:
                save(item)
            # A tuple in a cycle was pickled while its items were: drop
            # the items and refer to the memo.
            x = memo.get(id(obj))
            if x is not None:
                self.write(POP * n + self.get(x[0]))
            else:
                self.write(_TUPLE_SIZE_OPS[n])
                self.memoize(obj)
            return
        self.write(MARK)
        for item in obj:
            save(item)
        x = memo.get(id(obj))
        if x is not None:
            if self.bin:
                self.write(POP_MARK + self.get(x[0]))
            else:
                self.write(POP * (n + 1) + self.get(x[0]))
            return
        self.write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        self.write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        if not obj:
            return
        if not self.bin:
            self._batch_appends(iter(obj))
            return
        save = self.save
        write = self.write
        if len(obj) == 1:
            save(obj[0])
            write(APPEND)
            return
        total = 0
        while True:
            write(MARK)
            batch = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                batch += 1
                if batch == _BATCHSIZE:
                    break
            write(APPENDS)
            if total >= len(obj):
                return

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for item in items:
                save(item)
                write(APPEND)
            return
        while True:
            first = next(items, _END)
            if first is _END:
                return
            item = next(items, _END)
            if item is _END:
                save(first)
                write(APPEND)
                return
            write(MARK)
            save(first)
            n = 1
            while item is not _END:
                save(item)
                n += 1
                if n == _BATCHSIZE:
                    break
                item = next(items, _END)
            write(APPENDS)
            if n != _BATCHSIZE:
                return

    def save_dict(self, obj):
        self.write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        if not obj:
            return
        if not self.bin:
            self._batch_setitems(iter(obj.items()))
            return
        save = self.save
        write = self.write
        size = len(obj)
        if size == 1:
            for key, value in obj.items():
                save(key)
                save(value)
            write(SETITEM)
            return
        items = iter(obj.items())
        while True:
            write(MARK)
            n = 0
            for key, value in items:
                save(key)
                save(value)
                n += 1
                if n == _BATCHSIZE:
                    break
            write(SETITEMS)
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            if n != _BATCHSIZE:
                return

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for pair in items:
                key, value = _pair(pair)
                save(key)
                save(value)
                write(SETITEM)
            return
        while True:
            first = next(items, _END)
            if first is _END:
                return
            key, value = _pair(first)
            pair = next(items, _END)
            if pair is _END:
                save(key)
                save(value)
                write(SETITEM)
                return
            write(MARK)
            save(key)
            save(value)
            n = 1
            while pair is not _END:
                key, value = _pair(pair)
                save(key)
                save(value)
                n += 1
                if n == _BATCHSIZE:
                    break
                pair = next(items, _END)
            write(SETITEMS)
            if n != _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        save = self.save
        write = self.write
        write(EMPTY_SET)
        self.memoize(obj)
        size = len(obj)
        if not size:
            return
        items = iter(obj)
        while True:
            write(MARK)
            n = 0
            for item in items:
                save(item)
                n += 1
                if n == _BATCHSIZE:
                    break
            write(ADDITEMS)
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if n != _BATCHSIZE:
                return

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        save = self.save
        self.write(MARK)
        for item in obj:
            save(item)
        x = self.memo.get(id(obj))
        if x is not None:
            # A cycle through a reducible item pickled obj already.
            self.write(POP_MARK + self.get(x[0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    # -- references by name

    def save_type(self, obj):
        if obj is type(None):
            self.save_reduce(type, (None,), obj=obj)
        elif obj is type(...):
            self.save_reduce(type, (...,), obj=obj)
        elif obj is type(NotImplemented):
            self.save_reduce(type, (NotImplemented,), obj=obj)
        else:
            self.save_global(obj)

    def save_global(self, obj, name=None):
        write = self.write
        if name is None:
            name = getattr(obj, "__qualname__", None)
            if name is None:
                name = obj.__name__
        path = _dotted_path(name)
        module_name = whichmodule(obj, path)
        try:
            module = _import_module(module_name)
        except Exception:
            raise PicklingError(f"Can't pickle {obj!r}: import of module {module_name!r} failed") from None
        try:
            found, parent = _deep_getattr(module, path)
        except Exception:
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {name} on {module_name} failed") from None
        if found is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as {module_name}.{name}")
        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                if not 0 < code <= 0x7FFFFFFF:
                    raise PicklingError(f"Can't pickle {obj!r}: extension code {code} is out of range")
                if code <= 0xFF:
                    write(EXT1 + bytes((code,)))
                elif code <= 0xFFFF:
                    write(EXT2 + code.to_bytes(2, "little"))
                else:
                    write(EXT4 + code.to_bytes(4, "little"))
                return
        lastname = path[-1]
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        elif self.proto >= 3:
            write(GLOBAL + module_name.encode("utf-8") + b"\n" + name.encode("utf-8") + b"\n")
        else:
            if self.fix_imports:
                mapped = _compat_pickle.REVERSE_NAME_MAPPING.get((module_name, name))
                if mapped is not None:
                    module_name, name = mapped
                else:
                    module_name = _compat_pickle.REVERSE_IMPORT_MAPPING.get(module_name, module_name)
            if not module_name.isascii():
                raise PicklingError(
                    f"can't pickle module identifier '{module_name}' using pickle protocol {self.proto}"
                )
            if not name.isascii():
                raise PicklingError(f"can't pickle global identifier '{name}' using pickle protocol {self.proto}")
            write(GLOBAL + module_name.encode("ascii") + b"\n" + name.encode("ascii") + b"\n")
        self.memoize(obj)


def _pair(item):
    if type(item) is not tuple or len(item) != 2:
        raise TypeError("dict items iterator must return 2-tuples")
    return item


_atoms = {
    type(None): Pickler.save_none,
    bool: Pickler.save_bool,
    int: Pickler.save_long,
    float: Pickler.save_float,
}

_containers = {
    bytes: Pickler.save_bytes,
    str: Pickler.save_str,
    dict: Pickler.save_dict,
    list: Pickler.save_list,
    tuple: Pickler.save_tuple,
    set: Pickler.save_set,
    frozenset: Pickler.save_frozenset,
    bytearray: Pickler.save_bytearray,
    PickleBuffer: Pickler.save_picklebuffer,
}


# --------------------------------------------------------------- unpickling


class _Truncated(Exception):
    pass


def _escape_decode(data):
    """Python 2 string-literal escapes (the STRING opcode's argument)."""
    if b"\\" not in data:
        return data
    out = bytearray()
    i = 0
    n = len(data)
    simple = {
        0x5C: 0x5C, 0x27: 0x27, 0x22: 0x22, 0x61: 7, 0x62: 8,
        0x66: 12, 0x6E: 10, 0x72: 13, 0x74: 9, 0x76: 11,
    }
    while i < n:
        c = data[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("Trailing \\ in string")
        c = data[i + 1]
        if c in simple:
            out.append(simple[c])
            i += 2
        elif c == 0x0A:
            i += 2
        elif 0x30 <= c <= 0x37:
            j = i + 1
            value = 0
            while j < n and j < i + 4 and 0x30 <= data[j] <= 0x37:
                value = value * 8 + data[j] - 0x30
                j += 1
            out.append(value & 0xFF)
            i = j
        elif c == 0x78:
            digits = data[i + 2 : i + 4]
            try:
                if len(digits) != 2:
                    raise ValueError
                out.append(int(digits, 16))
            except ValueError:
                raise ValueError(f"invalid \\x escape at position {i}") from None
            i += 4
        else:
            out.append(0x5C)
            i += 1
    return bytes(out)


def _c_int(text):
    """An INT opcode argument the way C's strtol (base 0) reads it."""
    try:
        return int(text, 0)
    except ValueError:
        pass
    body = text.strip()
    digits = body.lstrip("+-")
    if len(body) - len(digits) <= 1 and len(digits) > 1 and digits[0] == "0" and digits.isdigit():
        try:
            return int(body, 8)
        except ValueError:
            pass
    raise ValueError("could not convert string to int")


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII',
    errors='strict', buffers=None)

    Reads pickles from a binary file (anything with read() and readline()
    methods returning bytes)."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        try:
            file_read = file.read
            file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes") from None
        self._setup(file_read, file_readline, b"", fix_imports, encoding, errors, buffers)

    def _setup(self, file_read, file_readline, data, fix_imports, encoding, errors, buffers):
        self._file_read = file_read
        self._file_readline = file_readline
        self._data = data
        self._pos = 0
        self._buffers = iter(buffers) if buffers is not None else None
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = bool(fix_imports)
        self.proto = 0
        self.memo = {}
        self._stack = []
        self._marks = []
        self._fence = 0

    # -- input

    def _truncated(self):
        return UnpicklingError("pickle data was truncated")

    def _read(self, n):
        pos = self._pos
        end = pos + n
        if end <= len(self._data):
            self._pos = end
            return self._data[pos:end]
        have = self._data[pos:]
        self._data = b""
        self._pos = 0
        if self._file_read is None:
            raise self._truncated()
        more = self._file_read(n - len(have))
        if more is None or len(more) < n - len(have):
            raise self._truncated()
        return have + bytes(more)

    def _readline(self):
        data = self._data
        pos = self._pos
        nl = data.find(b"\n", pos)
        if nl >= 0:
            self._pos = nl + 1
            return data[pos : nl + 1]
        have = data[pos:]
        self._data = b""
        self._pos = 0
        if self._file_readline is None:
            raise self._truncated()
        line = have + bytes(self._file_readline())
        if not line.endswith(b"\n"):
            raise self._truncated()
        return line

    def _readline_arg(self):
        """A line argument of at least one character, without its newline."""
        line = self._readline()
        if len(line) < 2:
            raise self._truncated()
        return line[:-1]

    def _load_frame(self, size):
        """C's unpickler only checks that the whole frame is there (and,
        reading a file, pulls it in)."""
        if size > sys.maxsize:
            raise OverflowError(f"FRAME length exceeds system's maximum of {sys.maxsize} bytes")
        left = len(self._data) - self._pos
        if left >= size:
            return
        if self._file_read is None:
            raise self._truncated()
        more = self._file_read(size - left)
        if more is None or len(more) < size - left:
            raise self._truncated()
        self._data = self._data[self._pos :] + bytes(more)
        self._pos = 0

    # -- the stack

    def _underflow(self):
        if self._marks:
            return UnpicklingError("unexpected MARK found")
        return UnpicklingError("unpickling stack underflow")

    def _pop(self):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        return stack.pop()

    def _top(self):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        return stack[-1]

    def _marker(self):
        marks = self._marks
        if not marks:
            raise UnpicklingError("could not find MARK")
        mark = marks.pop()
        self._fence = marks[-1] if marks else 0
        return mark

    def _pop_from(self, start):
        if start < self._fence:
            raise self._underflow()
        stack = self._stack
        items = stack[start:]
        del stack[start:]
        return items

    def _pop_mark(self):
        return self._pop_from(self._marker())

    # -- the loop

    def load(self):
        """Read one pickle from the file and return the object."""
        if "_stack" not in self.__dict__:
            raise UnpicklingError(f"Unpickler.__init__() was not called by {type(self).__name__}.__init__()")
        self.proto = 0
        self._stack = []
        self._marks = []
        self._fence = 0
        dispatch = _dispatch
        while True:
            data = self._data
            pos = self._pos
            if pos < len(data):
                op = data[pos]
                self._pos = pos + 1
            else:
                try:
                    key = self._read(1)
                except UnpicklingError:
                    raise EOFError("Ran out of input") from None
                op = key[0]
            if op == 0x2E:  # STOP
                value = self._pop()
                self._stack = []
                self._marks = []
                self._fence = 0
                return value
            handler = dispatch[op]
            if handler is None:
                if 0x20 <= op <= 0x7E and op != 0x27 and op != 0x5C:
                    raise UnpicklingError(f"invalid load key, '{chr(op)}'.")
                raise UnpicklingError(f"invalid load key, '\\x{op:02x}'.")
            handler(self)

    def find_class(self, module, name):
        """The object the pickle names as module.name."""
        audit = getattr(sys, "audit", None)
        if audit is not None:
            audit("pickle.find_class", module, name)
        if self.proto < 3 and self.fix_imports:
            mapped = _compat_pickle.NAME_MAPPING.get((module, name))
            if mapped is not None:
                module, name = mapped
            else:
                module = _compat_pickle.IMPORT_MAPPING.get(module, module)
        mod = _import_module(module)
        if self.proto >= 4:
            path = _dotted_path(name, mod)
        else:
            path = [name]
        try:
            return _deep_getattr(mod, path)[0]
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on {mod!r}") from None

    def _persistent(self, pid):
        load = getattr(self, "persistent_load", None)
        if load is None:
            raise UnpicklingError(
                "A load persistent id instruction was encountered,\nbut no persistent_load function was specified."
            )
        return load(pid)

    # -- opcodes

    def _op_proto(self):
        proto = self._read(1)[0]
        if proto > HIGHEST_PROTOCOL:
            raise ValueError(f"unsupported pickle protocol: {proto}")
        self.proto = proto

    def _op_frame(self):
        self._load_frame(int.from_bytes(self._read(8), "little"))

    def _op_persid(self):
        try:
            pid = self._readline_arg().decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
        self._stack.append(self._persistent(pid))

    def _op_binpersid(self):
        pid = self._pop()
        self._stack.append(self._persistent(pid))

    def _op_none(self):
        self._stack.append(None)

    def _op_newfalse(self):
        self._stack.append(False)

    def _op_newtrue(self):
        self._stack.append(True)

    def _op_int(self):
        line = self._readline_arg()
        value = _c_int(line.decode("latin-1"))
        if len(line) == 2 and value in (0, 1):
            value = bool(value)
        self._stack.append(value)

    def _op_binint(self):
        self._stack.append(int.from_bytes(self._read(4), "little", signed=True))

    def _op_binint1(self):
        pos = self._pos
        data = self._data
        if pos < len(data):
            self._pos = pos + 1
            self._stack.append(data[pos])
        else:
            self._stack.append(self._read(1)[0])

    def _op_binint2(self):
        self._stack.append(int.from_bytes(self._read(2), "little"))

    def _op_long(self):
        text = self._readline_arg().decode("latin-1")
        # C drops a trailing L (Python 2's long suffix), else keeps the newline.
        text = text[:-1] if text.endswith("L") else text + "\n"
        self._stack.append(int(text, 10))

    def _op_long1(self):
        n = self._read(1)[0]
        self._stack.append(decode_long(self._read(n)))

    def _op_long4(self):
        n = int.from_bytes(self._read(4), "little", signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self._stack.append(decode_long(self._read(n)))

    def _op_float(self):
        text = self._readline_arg().decode("latin-1")
        try:
            value = float(text)
        except ValueError:
            raise ValueError("could not convert string to float") from None
        self._stack.append(value)

    def _op_binfloat(self):
        self._stack.append(_unpack_double(self._read(8)))

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def _op_string(self):
        data = self._readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b"\"'":
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self._stack.append(self._decode_string(_escape_decode(data)))

    def _op_binstring(self):
        n = int.from_bytes(self._read(4), "little")
        self._stack.append(self._decode_string(self._read(n)))

    def _op_short_binstring(self):
        n = self._read(1)[0]
        self._stack.append(self._decode_string(self._read(n)))

    def _op_binbytes(self):
        n = int.from_bytes(self._read(4), "little")
        self._stack.append(self._read(n))

    def _op_short_binbytes(self):
        n = self._read(1)[0]
        self._stack.append(self._read(n))

    def _op_binbytes8(self):
        n = int.from_bytes(self._read(8), "little")
        if n > sys.maxsize:
            raise UnpicklingError(f"BINBYTES8 exceeds system's maximum size of {sys.maxsize} bytes")
        self._stack.append(self._read(n))

    def _op_bytearray8(self):
        n = int.from_bytes(self._read(8), "little")
        if n > sys.maxsize:
            raise UnpicklingError(f"BYTEARRAY8 exceeds system's maximum size of {sys.maxsize} bytes")
        self._stack.append(bytearray(self._read(n)))

    def _op_unicode(self):
        line = self._readline()
        self._stack.append(line[:-1].decode("raw-unicode-escape"))

    def _op_binunicode(self):
        n = int.from_bytes(self._read(4), "little")
        self._stack.append(self._read(n).decode("utf-8", "surrogatepass"))

    def _op_short_binunicode(self):
        pos = self._pos
        data = self._data
        if pos < len(data):
            end = pos + 1 + data[pos]
            if end <= len(data):
                self._pos = end
                self._stack.append(data[pos + 1 : end].decode("utf-8", "surrogatepass"))
                return
        n = self._read(1)[0]
        self._stack.append(self._read(n).decode("utf-8", "surrogatepass"))

    def _op_binunicode8(self):
        n = int.from_bytes(self._read(8), "little")
        if n > sys.maxsize:
            raise UnpicklingError(f"BINUNICODE8 exceeds system's maximum size of {sys.maxsize} bytes")
        self._stack.append(self._read(n).decode("utf-8", "surrogatepass"))

    def _op_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given")
        buf = next(self._buffers, _END)
        if buf is _END:
            raise UnpicklingError("not enough out-of-band buffers")
        self._stack.append(buf)

    def _op_readonly_buffer(self):
        buf = self._top()
        view = buf.raw() if isinstance(buf, PickleBuffer) else memoryview(buf)
        if not view.readonly:
            self._stack[-1] = view.toreadonly()

    def _op_empty_tuple(self):
        self._stack.append(())

    def _counted_tuple(self, n):
        stack = self._stack
        if len(stack) < n:
            raise self._underflow()
        self._stack.append(tuple(self._pop_from(len(stack) - n)))

    def _op_tuple1(self):
        self._counted_tuple(1)

    def _op_tuple2(self):
        self._counted_tuple(2)

    def _op_tuple3(self):
        self._counted_tuple(3)

    def _op_tuple(self):
        items = self._pop_mark()
        self._stack.append(tuple(items))

    def _op_empty_list(self):
        self._stack.append([])

    def _op_empty_dict(self):
        self._stack.append({})

    def _op_empty_set(self):
        self._stack.append(set())

    def _op_frozenset(self):
        items = self._pop_mark()
        self._stack.append(frozenset(items))

    def _op_list(self):
        items = self._pop_mark()
        self._stack.append(items)

    def _op_dict(self):
        items = self._pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for DICT")
        d = {}
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]
        self._stack.append(d)

    def _instantiate(self, cls, args):
        if not args and isinstance(cls, type) and not hasattr(cls, "__getinitargs__"):
            self._stack.append(cls.__new__(cls))
        else:
            self._stack.append(cls(*args))

    def _global_names(self):
        module = self._readline_arg().decode("utf-8")
        name = self._readline_arg().decode("utf-8")
        return module, name

    def _op_inst(self):
        mark = self._marker()
        module, name = self._global_names()
        cls = self.find_class(module, name)
        args = tuple(self._pop_from(mark))
        self._instantiate(cls, args)

    def _op_obj(self):
        mark = self._marker()
        if len(self._stack) - mark < 1:
            raise self._underflow()
        args = tuple(self._pop_from(mark + 1))
        cls = self._pop()
        self._instantiate(cls, args)

    def _newobj(self, op, cls, args, kwargs):
        if not isinstance(cls, type):
            raise UnpicklingError(f"{op} class argument must be a type, not {_type_name(cls)}")
        if not isinstance(args, tuple):
            raise UnpicklingError(f"{op} args argument must be a tuple, not {_type_name(args)}")
        if kwargs is None:
            self._stack.append(cls.__new__(cls, *args))
            return
        if not isinstance(kwargs, dict):
            raise UnpicklingError(f"{op} kwargs argument must be a dict, not {_type_name(kwargs)}")
        self._stack.append(cls.__new__(cls, *args, **kwargs))

    def _op_newobj(self):
        args = self._pop()
        cls = self._pop()
        self._newobj("NEWOBJ", cls, args, None)

    def _op_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        self._newobj("NEWOBJ_EX", cls, args, kwargs)

    def _op_global(self):
        module, name = self._global_names()
        self._stack.append(self.find_class(module, name))

    def _op_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self._stack.append(self.find_class(module, name))

    def _extension(self, code):
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        obj = _extension_cache.get(code, _END)
        if obj is not _END:
            self._stack.append(obj)
            return
        key = _inverted_registry.get(code)
        if key is None:
            raise ValueError(f"unregistered extension code {code}")
        if type(key) is not tuple or len(key) != 2 or type(key[0]) is not str or type(key[1]) is not str:
            raise ValueError(f"_inverted_registry[{code}] isn't a 2-tuple of strings")
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self._stack.append(obj)

    def _op_ext1(self):
        self._extension(self._read(1)[0])

    def _op_ext2(self):
        self._extension(int.from_bytes(self._read(2), "little"))

    def _op_ext4(self):
        self._extension(int.from_bytes(self._read(4), "little", signed=True))

    def _op_reduce(self):
        args = self._pop()
        func = self._pop()
        if not isinstance(args, tuple):
            raise TypeError("argument list must be a tuple")
        self._stack.append(func(*args))

    def _op_pop(self):
        stack = self._stack
        marks = self._marks
        if marks and marks[-1] == len(stack):
            marks.pop()
            self._fence = marks[-1] if marks else 0
        elif len(stack) <= self._fence:
            raise self._underflow()
        else:
            stack.pop()

    def _op_pop_mark(self):
        self._pop_mark()

    def _op_dup(self):
        self._stack.append(self._top())

    def _op_mark(self):
        n = len(self._stack)
        self._marks.append(n)
        self._fence = n

    def _memo_get(self, idx):
        try:
            value = self.memo[idx]
        except KeyError:
            raise UnpicklingError(f"Memo value not found at index {idx}") from None
        self._stack.append(value)

    def _op_get(self):
        self._memo_get(int(self._readline_arg().decode("latin-1")))

    def _op_binget(self):
        pos = self._pos
        data = self._data
        if pos < len(data):
            self._pos = pos + 1
            idx = data[pos]
        else:
            idx = self._read(1)[0]
        memo = self.memo
        if idx in memo:
            self._stack.append(memo[idx])
        else:
            self._memo_get(idx)

    def _op_long_binget(self):
        self._memo_get(int.from_bytes(self._read(4), "little"))

    def _op_put(self):
        value = self._top()
        idx = int(self._readline_arg().decode("latin-1"))
        if idx < 0:
            raise ValueError("negative PUT argument")
        self.memo[idx] = value

    def _op_binput(self):
        idx = self._read(1)[0]
        self.memo[idx] = self._top()

    def _op_long_binput(self):
        idx = int.from_bytes(self._read(4), "little")
        self.memo[idx] = self._top()

    def _op_memoize(self):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        memo = self.memo
        memo[len(memo)] = stack[-1]

    def _append_from(self, start):
        stack = self._stack
        n = len(stack)
        if start > n or start <= self._fence:
            raise self._underflow()
        if n == start:
            return
        target = stack[start - 1]
        if type(target) is list:
            target.extend(self._pop_from(start))
            return
        extend = getattr(target, "extend", None)
        if extend is not None:
            extend(self._pop_from(start))
            return
        append = target.append
        for item in stack[start:]:
            append(item)
        del stack[start:]

    def _op_append(self):
        n = len(self._stack)
        if n - 1 <= self._fence:
            raise self._underflow()
        self._append_from(n - 1)

    def _op_appends(self):
        self._append_from(self._marker())

    def _setitems_from(self, start):
        stack = self._stack
        n = len(stack)
        if start > n or start <= self._fence:
            raise self._underflow()
        if n == start:
            return
        if (n - start) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        target = stack[start - 1]
        for i in range(start, n, 2):
            target[stack[i]] = stack[i + 1]
        del stack[start:]

    def _op_setitem(self):
        self._setitems_from(len(self._stack) - 2)

    def _op_setitems(self):
        self._setitems_from(self._marker())

    def _op_additems(self):
        start = self._marker()
        stack = self._stack
        n = len(stack)
        if start > n or start <= self._fence:
            raise self._underflow()
        if n == start:
            return
        target = stack[start - 1]
        if isinstance(target, set):
            target.update(self._pop_from(start))
            return
        add = target.add
        for item in stack[start:]:
            add(item)
        del stack[start:]

    def _op_build(self):
        stack = self._stack
        if len(stack) - 2 < self._fence:
            raise self._underflow()
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if type(state) is tuple and len(state) == 2:
            state, slotstate = state
        if state is not None:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            intern = sys.intern
            for key, value in state.items():
                if type(key) is str:
                    key = intern(key)
                inst_dict[key] = value
        if slotstate is not None:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for key, value in slotstate.items():
                setattr(inst, key, value)


_dispatch = [None] * 256
for _code, _name in {
    PROTO: "proto", FRAME: "frame", PERSID: "persid", BINPERSID: "binpersid",
    NONE: "none", NEWFALSE: "newfalse", NEWTRUE: "newtrue", INT: "int",
    BININT: "binint", BININT1: "binint1", BININT2: "binint2", LONG: "long",
    LONG1: "long1", LONG4: "long4", FLOAT: "float", BINFLOAT: "binfloat",
    STRING: "string", BINSTRING: "binstring", SHORT_BINSTRING: "short_binstring",
    BINBYTES: "binbytes", SHORT_BINBYTES: "short_binbytes", BINBYTES8: "binbytes8",
    BYTEARRAY8: "bytearray8", UNICODE: "unicode", BINUNICODE: "binunicode",
    SHORT_BINUNICODE: "short_binunicode", BINUNICODE8: "binunicode8",
    NEXT_BUFFER: "next_buffer", READONLY_BUFFER: "readonly_buffer",
    EMPTY_TUPLE: "empty_tuple", TUPLE1: "tuple1", TUPLE2: "tuple2", TUPLE3: "tuple3",
    TUPLE: "tuple", EMPTY_LIST: "empty_list", EMPTY_DICT: "empty_dict",
    EMPTY_SET: "empty_set", FROZENSET: "frozenset", LIST: "list", DICT: "dict",
    INST: "inst", OBJ: "obj", NEWOBJ: "newobj", NEWOBJ_EX: "newobj_ex",
    GLOBAL: "global", STACK_GLOBAL: "stack_global", EXT1: "ext1", EXT2: "ext2",
    EXT4: "ext4", REDUCE: "reduce", POP: "pop", POP_MARK: "pop_mark", DUP: "dup",
    MARK: "mark", GET: "get", BINGET: "binget", LONG_BINGET: "long_binget",
    PUT: "put", BINPUT: "binput", LONG_BINPUT: "long_binput", MEMOIZE: "memoize",
    APPEND: "append", APPENDS: "appends", SETITEM: "setitem", SETITEMS: "setitems",
    ADDITEMS: "additems", BUILD: "build",
}.items():
    _dispatch[_code[0]] = getattr(Unpickler, "_op_" + _name)
del _code, _name


# --------------------------------------------------------------- functions


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickle of obj to the binary file."""
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickle of obj as bytes."""
    pickler = Pickler.__new__(Pickler)
    pickler._setup(None, protocol, fix_imports, buffer_callback)
    return pickler._dump_bytes(obj)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Read one pickle from the binary file and return the object."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors, buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Return the object pickled in data (a bytes-like object)."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    unpickler = Unpickler.__new__(Unpickler)
    unpickler._setup(None, None, bytes(data), fix_imports, encoding, errors, buffers)
    return unpickler.load()


for _obj in (Pickler, Unpickler, dump, dumps, load, loads):
    _obj.__module__ = "_pickle"
del _obj

# pickle.py's names for its pure-Python classes: here the same ones.
_Pickler = Pickler
_Unpickler = Unpickler
_dump = dump
_dumps = dumps
_load = load
_loads = loads
