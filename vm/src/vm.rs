//! `Vm`: the state of one OS thread running Python code, and `Interp`, the
//! state shared by all of them.
//!
//! A `Vm` is never shared: each thread owns its value stack, frame records,
//! the stack of exceptions being handled and its recursion depth. Anything
//! reachable from two threads lives in objects (which lock themselves) or in
//! `Interp`, whose fields are immutable after start-up or behind locks.

use std::sync::{Arc, OnceLock};

use skein_threading::registry::ThreadState;

use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::PyBaseException;
use crate::types::module::PyModule;
use crate::value::Value;

/// A raised Python exception. One word, so `PyResult<Value>` is two.
pub struct PyErr(pub PyRef<PyBaseException>);

impl PyErr {
    pub fn value(&self) -> Value {
        self.0.to_value()
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.0.class().name())
    }
}

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Process-wide interpreter state.
pub struct Interp {
    /// `sys.modules`.
    pub modules: PyRef<PyDict>,
    pub builtins: PyRef<PyModule>,
    pub sys: PyRef<PyModule>,
    pub config: Config,
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    pub argv: Vec<String>,
    pub path: Vec<String>,
    pub gil: bool,
    pub executable: String,
    pub warn_options: Vec<String>,
    pub x_options: Vec<String>,
    pub inspect: bool,
}

static INTERP: OnceLock<Interp> = OnceLock::new();

pub fn interp() -> &'static Interp {
    match INTERP.get() {
        Some(i) => i,
        None => panic!("interpreter used before initialisation"),
    }
}

pub(crate) fn set_interp(i: Interp) {
    let _ = INTERP.set(i);
}

pub fn interp_ready() -> bool {
    INTERP.get().is_some()
}

pub struct Vm {
    pub thread: Arc<ThreadState>,
    /// The exception being handled (`sys.exc_info()`), for implicit
    /// chaining and bare `raise`. `PUSH_EXC_INFO` saves the previous one on
    /// the value stack and `POP_EXCEPT` restores it.
    pub handled: Option<Value>,
    /// Python-level call depth, checked against the recursion limit.
    pub depth: usize,
    pub frames: crate::interp::frame::FrameStack,
    /// An exception to raise in the frame being resumed (generator `throw`).
    pub pending_throw: Option<PyErr>,
    /// This thread's inline caches (`interp/inline_cache.rs`).
    pub icache: crate::interp::inline_cache::InlineCaches,
    /// This thread's trace and profile functions (`interp/trace.rs`).
    pub trace: crate::interp::trace::TraceState,
    /// This thread's `sys.set_asyncgen_hooks` hooks.
    pub asyncgen_hooks: crate::types::async_generator_hooks::AsyncGenHooks,
}

impl Vm {
    pub fn new(thread: Arc<ThreadState>) -> Vm {
        crate::finalize::vm_created(&thread);
        Vm {
            thread,
            handled: None,
            depth: 0,
            frames: crate::interp::frame::FrameStack::new(),
            pending_throw: None,
            icache: Default::default(),
            trace: Default::default(),
            asyncgen_hooks: Default::default(),
        }
    }

    pub fn interp(&self) -> &'static Interp {
        interp()
    }

    /// The exception being handled now, if any. A generator frame has its
    /// own exception state (`handled` while it runs); when that is empty,
    /// CPython's chain of exception states falls back to what the code
    /// that resumed it was handling, which each generator frame records in
    /// `saved_handled` (other frames record nothing there).
    pub fn current_handled(&self) -> Option<Value> {
        if let Some(h) = &self.handled {
            return Some(h.clone());
        }
        self.frames.frames.iter().rev().find_map(|f| f.saved_handled.clone())
    }
}

impl Drop for Vm {
    /// Bookkeeping for finalizers (`finalize::vm_dropped`): whether this
    /// thread can still run them.
    fn drop(&mut self) {
        crate::finalize::vm_dropped(self);
    }
}
