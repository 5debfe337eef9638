# __module__ of built-in and native-module types: a static type's module comes
# from its definition, never from a descriptor in its own dict.
import collections, threading, io, itertools, functools, operator, types, weakref, _thread, re, random, array, heapq, json, datetime
names = []
for t in (type, object, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice,
          memoryview, property, staticmethod, classmethod, super, enumerate, zip, map, filter, reversed,
          type(None), type(NotImplemented), type(Ellipsis), BaseException, Exception, KeyError, StopIteration,
          collections.deque, collections.OrderedDict, collections.defaultdict, collections.Counter,
          itertools.count, itertools.chain, functools.partial, operator.itemgetter, operator.attrgetter,
          types.FunctionType, types.CodeType, types.ModuleType, types.GeneratorType, types.MethodType,
          types.SimpleNamespace, types.MappingProxyType, types.BuiltinFunctionType, types.CoroutineType,
          weakref.ref, weakref.WeakValueDictionary, _thread.LockType, _thread.RLock, threading.Thread, threading.Event,
          io.StringIO, io.BytesIO, io.TextIOWrapper, re.Pattern, re.Match, random.Random, array.array,
          type(iter([])), type(iter(())), type(iter({})), type({}.keys()), type({}.items()), type(iter(range(1))),
          json.JSONDecoder, datetime.date, datetime.datetime, datetime.timedelta):
    names.append(f"{t.__name__}:{t.__module__}")
print("\n".join(names))
