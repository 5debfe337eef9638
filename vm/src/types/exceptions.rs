//! `BaseException` and the builtin exception hierarchy.
//!
//! Every exception instance has payload `PyBaseException` (with an
//! `InstanceExt`, so all exceptions have a `__dict__`). Attributes that
//! particular classes add (`StopIteration.value`, `SystemExit.code`,
//! `KeyError`'s args, `OSError.errno`, ...) are set by their `__init__` in
//! the instance dict, as CPython's members behave.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::object::{Locked, PyPayload, PyRef};
use crate::types::tuple::PyTuple;
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, Vm};

pub(crate) mod construct;
mod members;

pub static BASE_EXCEPTION_TYPE: TypeCell = TypeCell::new();

pub struct PyBaseException {
    pub args: Locked<PyRef<PyTuple>>,
    pub traceback: Locked<Option<Value>>,
    pub cause: Locked<Option<Value>>,
    pub context: Locked<Option<Value>>,
    pub suppress_context: AtomicBool,
    pub notes: Locked<Option<Value>>,
    /// `(message, exceptions)` of a `BaseExceptionGroup` (see `exception_group`).
    pub group: Locked<Option<Value>>,
}

impl PyPayload for PyBaseException {
    fn class() -> &'static PyRef<PyType> {
        BASE_EXCEPTION_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args.lock().to_value());
        for f in [&self.traceback, &self.cause, &self.context, &self.notes, &self.group] {
            if let Some(v) = f.lock().as_ref() {
                visit(v);
            }
        }
    }
}

impl PyBaseException {
    pub fn new(args: PyRef<PyTuple>) -> PyBaseException {
        PyBaseException {
            args: Locked::new(args),
            traceback: Locked::new(None),
            cause: Locked::new(None),
            context: Locked::new(None),
            suppress_context: AtomicBool::new(false),
            notes: Locked::new(None),
            group: Locked::new(None),
        }
    }

    pub fn args(&self) -> PyRef<PyTuple> {
        self.args.lock().clone()
    }
    pub fn set_args(&self, t: PyRef<PyTuple>) {
        let old = std::mem::replace(&mut *self.args.lock(), t);
        drop(old);
    }
    pub fn traceback(&self) -> Option<Value> {
        self.traceback.lock().clone()
    }
    pub fn set_traceback(&self, tb: Option<Value>) {
        let old = std::mem::replace(&mut *self.traceback.lock(), tb);
        drop(old);
    }
    pub fn cause(&self) -> Option<Value> {
        self.cause.lock().clone()
    }
    pub fn set_cause(&self, c: Option<Value>) {
        let old = std::mem::replace(&mut *self.cause.lock(), c);
        drop(old);
    }
    pub fn context(&self) -> Option<Value> {
        self.context.lock().clone()
    }
    pub fn set_context(&self, c: Option<Value>) {
        let old = std::mem::replace(&mut *self.context.lock(), c);
        drop(old);
    }
    pub fn suppress_context(&self) -> bool {
        self.suppress_context.load(Ordering::Relaxed)
    }
    pub fn set_suppress_context(&self, b: bool) {
        self.suppress_context.store(b, Ordering::Relaxed)
    }
}

/// Declares the builtin exception classes: (field, Python name, base field).
macro_rules! exception_table {
    (root $root:ident; $( $field:ident : $name:literal < $base:ident $(& $extra:ident)? ),* $(,)?) => {
        /// Every builtin exception class.
        pub struct ExceptionTypes {
            pub base_exception: PyRef<PyType>,
            $( pub $field: PyRef<PyType>, )*
        }

        fn build_exception_types() -> ExceptionTypes {
            let $root = BASE_EXCEPTION_TYPE.get().clone();
            $( let $field = new_exception_type($name, &[&$base $(, &$extra)?]); )*
            ExceptionTypes { base_exception: $root, $( $field, )* }
        }

        impl ExceptionTypes {
            /// `(name, class)` for every builtin exception, for `builtins`.
            pub fn all(&self) -> Vec<(&'static str, &PyRef<PyType>)> {
                vec![("BaseException", &self.base_exception), $( ($name, &self.$field), )*]
            }
        }
    };
}

exception_table! {
    root base_exception;
    base_exception_group: "BaseExceptionGroup" < base_exception,
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    exception: "Exception" < base_exception,
    exception_group: "ExceptionGroup" < base_exception_group & exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

fn new_exception_type(name: &str, bases: &[&PyRef<PyType>]) -> PyRef<PyType> {
    if let [base, extra] = bases {
        return crate::types::exception_group::new_exception_group_type(base, extra);
    }
    let base = bases[0];
    let t = PyType::new_builtin::<PyBaseException>(name, Some(base), flags::BASETYPE | flags::EXCEPTION, true);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    t.as_obj_ref().make_immortal();
    t
}

static EXCEPTION_TYPES: OnceLock<ExceptionTypes> = OnceLock::new();

/// The builtin exception classes.
#[inline]
pub fn exc() -> &'static ExceptionTypes {
    match EXCEPTION_TYPES.get() {
        Some(e) => e,
        None => panic!("exceptions used before types::init"),
    }
}

pub(crate) fn init_exception_types() {
    let _ = EXCEPTION_TYPES.set(build_exception_types());
    members::install();
}

/// Creates an exception instance of `cls` with `args` without running
/// Python-level `__init__` (for builtin classes raised by the runtime).
pub fn new_exception(cls: &PyRef<PyType>, args: Vec<Value>) -> PyRef<PyBaseException> {
    let t = PyRef::new(PyTuple::new(args));
    PyRef::new_with_type(PyBaseException::new(t), cls)
}

impl Vm {
    pub fn new_exception_msg(&mut self, cls: &PyRef<PyType>, msg: impl Into<String>) -> PyErr {
        let s = crate::types::str::new_str(msg.into());
        PyErr(new_exception(cls, vec![s]))
    }
    pub fn new_exception_empty(&mut self, cls: &PyRef<PyType>) -> PyErr {
        PyErr(new_exception(cls, vec![]))
    }
    pub fn new_type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().type_error, msg)
    }
    pub fn new_value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().value_error, msg)
    }
    pub fn new_index_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().index_error, msg)
    }
    pub fn new_attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().attribute_error, msg)
    }
    pub fn new_runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().runtime_error, msg)
    }
    pub fn new_overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().overflow_error, msg)
    }
    pub fn new_zero_division_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().zero_division_error, msg)
    }
    pub fn new_name_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().name_error, msg)
    }
    pub fn new_os_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().os_error, msg)
    }
    pub fn new_import_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception_msg(&exc().import_error, msg)
    }
    /// `KeyError(key)`: the key itself is the argument.
    pub fn new_key_error(&mut self, key: Value) -> PyErr {
        PyErr(new_exception(&exc().key_error, vec![key]))
    }
    pub fn new_stop_iteration(&mut self, value: Option<Value>) -> PyErr {
        let e = new_exception(&exc().stop_iteration, value.iter().cloned().collect());
        let v = value.unwrap_or_else(crate::types::singletons::none);
        e_set_attr(&e, "value", v);
        PyErr(e)
    }

    /// Whether `err` is an instance of `cls`.
    pub fn err_matches(&self, err: &PyErr, cls: &PyRef<PyType>) -> bool {
        err.0.class().is_subtype(cls)
    }
}

/// Stores an attribute in an exception's instance dict.
pub fn e_set_attr(e: &PyRef<PyBaseException>, name: &str, v: Value) {
    use crate::intern::names;
    let val = e.to_value();
    if let Some(ext) = crate::object::alloc::instance_ext(&val) {
        // The names set whenever the runtime raises AttributeError,
        // NameError or StopIteration skip the intern table's lock.
        let key = match name {
            "name" => names::NAME.get().clone(),
            "obj" => names::OBJ.get().clone(),
            "value" => names::VALUE.get().clone(),
            _ => crate::intern::intern(name),
        };
        ext.dict().set_str_key(key, v);
    }
}

/// Reads an attribute from an exception's instance dict.
pub fn e_get_attr(e: &PyRef<PyBaseException>, name: &str) -> Option<Value> {
    let val = e.to_value();
    crate::object::alloc::instance_ext(&val)?.dict_if_any()?.get_str(name)
}
