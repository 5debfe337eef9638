//! Built-in modules: native ones (`sys`, `math`, `time`, ...) and the
//! pure-Python standard library embedded from `vm/lib/`.

pub mod array;
pub mod bisect;
pub mod cmath;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod math;
pub mod opcode;
pub mod posix;
pub mod random;
pub mod re;
pub mod select;
pub mod signal;
pub mod skein_traceback;
pub mod socket;
pub mod socket_addr;
pub mod socket_sys;
pub mod subprocess;
pub mod sys;
pub mod sys_unraisable;
pub mod thread;
pub mod thread_share;
pub mod time;
pub mod unicodedata;
pub mod weakref;
pub mod zlib;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Creates a native module by name, or `None` if it is not one.
pub fn make_builtin_module(_vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "math" => Some(math::make_math_module().into_value()),
        "cmath" => Some(cmath::make_cmath_module().into_value()),
        "unicodedata" => Some(unicodedata::make_unicodedata_module().into_value()),
        "time" => Some(time::make_time_module().into_value()),
        "gc" => Some(gc::make_gc_module().into_value()),
        "posix" => Some(posix::make_module().into_value()),
        "_skein_traceback" => Some(skein_traceback::make_module().into_value()),
        "_thread" => Some(thread::make_thread_module().into_value()),
        "_re" => Some(re::make_re_module().into_value()),
        "_weakref" => Some(weakref::make_module().into_value()),
        "_signal" => Some(signal::make_module().into_value()),
        "_hashlib" => Some(hashlib::make_module().into_value()),
        "_zlib" => Some(zlib::make_module().into_value()),
        "_random" => Some(random::make_module().into_value()),
        "_heapq" => Some(heapq::make_module().into_value()),
        "_bisect" => Some(bisect::make_module().into_value()),
        "array" => Some(array::make_module().into_value()),
        "_subprocess" => Some(subprocess::make_module().into_value()),
        "_select" => Some(select::make_module().into_value()),
        "_socket" => Some(socket::make_module().into_value()),
        "_opcode" => Some(opcode::make_module().into_value()),
        "_collections" => Some(crate::types::deque_methods::make_collections_module().into_value()),
        _ => None,
    };
    if let Some(md) = m.as_ref().and_then(|m| m.downcast_ref::<crate::types::module::PyModule>()) {
        // As Python modules are (import.rs), and with their functions as
        // the builtins' are: every thread reads them, and `math.sin` can
        // then be cached by `LOAD_ATTR` without a reference.
        md.dict.to_value().make_immortal();
        for v in md.dict.values() {
            v.make_immortal();
        }
    }
    if let Some(m) = &m {
        m.make_immortal();
    }
    Ok(m)
}

/// Python source embedded in the binary: (module name, source, is package).
static EMBEDDED: &[(&str, &str, bool)] = &[
    ("__future__", include_str!("../../lib/__future__.py"), false),
    ("_ast", include_str!("../../lib/_ast.py"), false),
    ("ast", include_str!("../../lib/ast.py"), false),
    ("_collections_abc", include_str!("../../lib/_collections_abc.py"), false),
    ("_contextvars", include_str!("../../lib/_contextvars.py"), false),
    ("_fileio", include_str!("../../lib/_fileio.py"), false),
    ("_io", include_str!("../../lib/_io.py"), false),
    ("_pickle", include_str!("../../lib/_pickle.py"), false),
    ("_strptime", include_str!("../../lib/_strptime.py"), false),
    ("_codecs", include_str!("../../lib/_codecs.py"), false),
    ("_compat_pickle", include_str!("../../lib/_compat_pickle.py"), false),
    ("_csv", include_str!("../../lib/_csv.py"), false),
    ("csv", include_str!("../../lib/csv.py"), false),
    ("difflib", include_str!("../../lib/difflib.py"), false),
    ("hashlib", include_str!("../../lib/hashlib.py"), false),
    ("hmac", include_str!("../../lib/hmac.py"), false),
    ("inspect", include_str!("../../lib/inspect.py"), false),
    ("select", include_str!("../../lib/select.py"), false),
    ("selectors", include_str!("../../lib/selectors.py"), false),
    ("shutil", include_str!("../../lib/shutil.py"), false),
    ("socket", include_str!("../../lib/socket.py"), false),
    ("signal", include_str!("../../lib/signal.py"), false),
    ("subprocess", include_str!("../../lib/subprocess.py"), false),
    ("tempfile", include_str!("../../lib/tempfile.py"), false),
    ("uuid", include_str!("../../lib/uuid.py"), false),
    ("zlib", include_str!("../../lib/zlib.py"), false),
    ("unittest", include_str!("../../lib/unittest/__init__.py"), true),
    ("unittest._log", include_str!("../../lib/unittest/_log.py"), false),
    ("unittest.case", include_str!("../../lib/unittest/case.py"), false),
    ("unittest.loader", include_str!("../../lib/unittest/loader.py"), false),
    ("unittest.main", include_str!("../../lib/unittest/main.py"), false),
    ("unittest.result", include_str!("../../lib/unittest/result.py"), false),
    ("unittest.runner", include_str!("../../lib/unittest/runner.py"), false),
    ("unittest.signals", include_str!("../../lib/unittest/signals.py"), false),
    ("unittest.suite", include_str!("../../lib/unittest/suite.py"), false),
    ("unittest.util", include_str!("../../lib/unittest/util.py"), false),
    ("abc", include_str!("../../lib/abc.py"), false),
    ("asyncio", include_str!("../../lib/asyncio/__init__.py"), true),
    ("asyncio.base_events", include_str!("../../lib/asyncio/base_events.py"), false),
    ("asyncio.coroutines", include_str!("../../lib/asyncio/coroutines.py"), false),
    ("asyncio.events", include_str!("../../lib/asyncio/events.py"), false),
    ("asyncio.exceptions", include_str!("../../lib/asyncio/exceptions.py"), false),
    ("asyncio.format_helpers", include_str!("../../lib/asyncio/format_helpers.py"), false),
    ("asyncio.futures", include_str!("../../lib/asyncio/futures.py"), false),
    ("asyncio.locks", include_str!("../../lib/asyncio/locks.py"), false),
    ("asyncio.mixins", include_str!("../../lib/asyncio/mixins.py"), false),
    ("asyncio.queues", include_str!("../../lib/asyncio/queues.py"), false),
    ("asyncio.runners", include_str!("../../lib/asyncio/runners.py"), false),
    ("asyncio.selector_events", include_str!("../../lib/asyncio/selector_events.py"), false),
    ("asyncio.streams", include_str!("../../lib/asyncio/streams.py"), false),
    ("asyncio.subprocess", include_str!("../../lib/asyncio/subprocess.py"), false),
    ("asyncio.taskgroups", include_str!("../../lib/asyncio/taskgroups.py"), false),
    ("asyncio.tasks", include_str!("../../lib/asyncio/tasks.py"), false),
    ("asyncio.threads", include_str!("../../lib/asyncio/threads.py"), false),
    ("asyncio.timeouts", include_str!("../../lib/asyncio/timeouts.py"), false),
    ("asyncio.unix_events", include_str!("../../lib/asyncio/unix_events.py"), false),
    ("argparse", include_str!("../../lib/argparse.py"), false),
    ("atexit", include_str!("../../lib/atexit.py"), false),
    ("base64", include_str!("../../lib/base64.py"), false),
    ("binascii", include_str!("../../lib/binascii.py"), false),
    ("bisect", include_str!("../../lib/bisect.py"), false),
    ("calendar", include_str!("../../lib/calendar.py"), false),
    ("collections", include_str!("../../lib/collections/__init__.py"), true),
    ("collections.abc", include_str!("../../lib/collections/abc.py"), false),
    ("concurrent", include_str!("../../lib/concurrent/__init__.py"), true),
    ("concurrent.futures", include_str!("../../lib/concurrent/futures/__init__.py"), true),
    ("concurrent.futures._base", include_str!("../../lib/concurrent/futures/_base.py"), false),
    ("concurrent.futures.thread", include_str!("../../lib/concurrent/futures/thread.py"), false),
    ("contextlib", include_str!("../../lib/contextlib.py"), false),
    ("contextvars", include_str!("../../lib/contextvars.py"), false),
    ("copy", include_str!("../../lib/copy.py"), false),
    ("copyreg", include_str!("../../lib/copyreg.py"), false),
    ("dataclasses", include_str!("../../lib/dataclasses.py"), false),
    ("datetime", include_str!("../../lib/datetime.py"), false),
    ("dis", include_str!("../../lib/dis.py"), false),
    ("enum", include_str!("../../lib/enum.py"), false),
    ("errno", include_str!("../../lib/errno.py"), false),
    ("fnmatch", include_str!("../../lib/fnmatch.py"), false),
    ("fractions", include_str!("../../lib/fractions.py"), false),
    ("functools", include_str!("../../lib/functools.py"), false),
    ("getopt", include_str!("../../lib/getopt.py"), false),
    ("glob", include_str!("../../lib/glob.py"), false),
    ("heapq", include_str!("../../lib/heapq.py"), false),
    ("importlib", include_str!("../../lib/importlib/__init__.py"), true),
    ("io", include_str!("../../lib/io.py"), false),
    ("itertools", include_str!("../../lib/itertools.py"), false),
    ("json", include_str!("../../lib/json/__init__.py"), true),
    ("json.decoder", include_str!("../../lib/json/decoder.py"), false),
    ("json.encoder", include_str!("../../lib/json/encoder.py"), false),
    ("keyword", include_str!("../../lib/keyword.py"), false),
    ("linecache", include_str!("../../lib/linecache.py"), false),
    ("logging", include_str!("../../lib/logging/__init__.py"), true),
    ("logging.config", include_str!("../../lib/logging/config.py"), false),
    ("logging.handlers", include_str!("../../lib/logging/handlers.py"), false),
    ("numbers", include_str!("../../lib/numbers.py"), false),
    ("opcode", include_str!("../../lib/opcode.py"), false),
    ("operator", include_str!("../../lib/operator.py"), false),
    ("os", include_str!("../../lib/os.py"), false),
    ("pathlib", include_str!("../../lib/pathlib.py"), false),
    ("posixpath", include_str!("../../lib/posixpath.py"), false),
    ("pickle", include_str!("../../lib/pickle.py"), false),
    ("pprint", include_str!("../../lib/pprint.py"), false),
    ("queue", include_str!("../../lib/queue.py"), false),
    ("random", include_str!("../../lib/random.py"), false),
    ("re", include_str!("../../lib/re.py"), false),
    ("reprlib", include_str!("../../lib/reprlib.py"), false),
    ("stat", include_str!("../../lib/stat.py"), false),
    ("statistics", include_str!("../../lib/statistics.py"), false),
    ("string", include_str!("../../lib/string.py"), false),
    ("struct", include_str!("../../lib/struct.py"), false),
    ("textwrap", include_str!("../../lib/textwrap.py"), false),
    ("threading", include_str!("../../lib/threading.py"), false),
    ("timeit", include_str!("../../lib/timeit.py"), false),
    ("traceback", include_str!("../../lib/traceback.py"), false),
    ("types", include_str!("../../lib/types.py"), false),
    ("typing", include_str!("../../lib/typing.py"), false),
    ("warnings", include_str!("../../lib/warnings.py"), false),
    ("weakref", include_str!("../../lib/weakref.py"), false),
    ("_weakrefset", include_str!("../../lib/_weakrefset.py"), false),
];

/// The embedded source of a standard-library module, if any.
pub fn embedded_source(name: &str) -> Option<(&'static str, bool)> {
    EMBEDDED.iter().find(|(n, _, _)| *n == name).map(|(_, s, p)| (*s, *p))
}
