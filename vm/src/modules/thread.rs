//! `_thread`: OS threads running Python code, locks, thread-local data.
//!
//! Every Python thread is an OS thread with its own `Vm` (value stack,
//! frames, handled exception) attached to the runtime through
//! `skein_gc::attach_thread` (thread id, object heap, refcount inbox).
//! Blocking waits (lock acquisition, joins) detach the thread first, so a
//! stop-the-world request or the GIL is never held up by a waiting thread,
//! and re-attach afterwards.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use skein_threading::pylock::{Acquired, ThreadLock};
use skein_threading::registry::BREAKER_SIGNAL;

use crate::function::args::{Args, OwnedArgs};
use crate::function::native::{add_method_kind, add_methods, new_function, MethodKind, NativeFn};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::float::new_float;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static LOCK_TYPE: TypeCell = TypeCell::new();
pub static RLOCK_TYPE: TypeCell = TypeCell::new();
pub static LOCAL_TYPE: TypeCell = TypeCell::new();

/// The largest timeout `acquire` accepts, in seconds.
const TIMEOUT_MAX: f64 = 4_294_967.0;

// ---- thread identity -----------------------------------------------------------

static NEXT_IDENT: AtomicU64 = AtomicU64::new(1);
static RUNNING_THREADS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static IDENT: u64 = NEXT_IDENT.fetch_add(1, Ordering::Relaxed) + 139_000_000_000_000;
    /// The lock `_set_sentinel` handed out on this thread, released once
    /// the thread's interpreter state is gone (`thread_main`).
    static SENTINEL: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
    /// Weak references to the `_thread._local` objects that hold a dict for
    /// this thread: emptied of it when the thread ends (`drop_local_dicts`).
    static LOCALS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Remembers that `local` now holds a dict for this thread.
fn note_local(vm: &mut Vm, local: &Value) -> PyResult<()> {
    let kind = crate::types::weakref::WeakKind::Ref;
    crate::modules::weakref::ensure_types();
    let w = crate::types::weakref::new_weakref(vm, local, None, crate::types::weakref::REF_TYPE.get(), kind)?;
    let dead = LOCALS.with(|l| {
        let mut l = l.borrow_mut();
        l.push(w.into_value());
        // A long-lived thread that touches many short-lived locals: forget
        // the dead ones whenever the list doubles.
        let n = l.len();
        if n >= 64 && n.is_power_of_two() {
            let (live, dead): (Vec<Value>, Vec<Value>) = std::mem::take(&mut *l)
                .into_iter()
                .partition(|w| w.downcast_ref::<crate::types::weakref::PyWeakRef>().is_some_and(|w| !w.is_dead()));
            *l = live;
            dead
        } else {
            Vec::new()
        }
    });
    // Dropped outside the borrow.
    drop(dead);
    Ok(())
}

/// At the end of a thread: take this thread's dict out of every
/// `_thread._local` still alive, so what it holds is released now, on this
/// thread (finalizers included), as CPython clears a thread's locals with
/// its thread state.
fn drop_local_dicts() {
    let me = current_ident();
    let weak = LOCALS.with(|l| std::mem::take(&mut *l.borrow_mut()));
    let mut dicts = Vec::new();
    for w in &weak {
        let Some(local) = w.downcast_ref::<crate::types::weakref::PyWeakRef>().and_then(|w| w.get()) else { continue };
        if let Some(l) = local.downcast_ref::<PyLocal>() {
            dicts.extend(l.dicts.lock().remove(&me));
        }
    }
    // Dropped with no lock held: a destructor may run Python code.
    drop(dicts);
    drop(weak);
}

/// `get_ident()`: unique for the life of the process.
pub fn current_ident() -> u64 {
    IDENT.with(|i| *i)
}

/// The kernel's id for the calling thread (`get_native_id()`).
pub fn native_id() -> i64 {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().and_then(|n| n.to_str().and_then(|s| s.parse().ok())))
        .unwrap_or(std::process::id() as i64)
}

// ---- locks ---------------------------------------------------------------------------

/// The state behind `_thread.LockType` and `RLock`: a
/// `skein_threading::pylock::ThreadLock` (atomic fast paths, a short spin,
/// detached sleeps, GIL-aware wake-ups; its module doc has the protocol),
/// plus Python's Ctrl-C handling.
pub struct RawLock {
    lock: ThreadLock,
}

impl RawLock {
    fn new() -> RawLock {
        RawLock { lock: ThreadLock::new() }
    }

    fn try_acquire(&self) -> bool {
        self.lock.try_acquire()
    }

    /// Blocks (detached) until acquired or the deadline passes. Ctrl-C
    /// (the main thread's `BREAKER_SIGNAL`) is looked for every
    /// `signals::SIGNAL_POLL` while detached and raises `KeyboardInterrupt`.
    fn acquire(&self, vm: &mut Vm, deadline: Option<Instant>) -> PyResult<bool> {
        loop {
            match self.lock.acquire(&vm.thread, deadline, BREAKER_SIGNAL, crate::signals::SIGNAL_POLL) {
                Acquired::Yes => return Ok(true),
                Acquired::TimedOut => return Ok(false),
                Acquired::Interrupted => crate::runtime::check_signals(vm)?,
            }
        }
    }

    fn release(&self) -> bool {
        self.lock.release()
    }

    fn is_locked(&self) -> bool {
        self.lock.is_locked()
    }
}

pub struct PyLock {
    pub raw: RawLock,
}

impl PyPayload for PyLock {
    fn class() -> &'static PyRef<PyType> {
        LOCK_TYPE.get()
    }
}

/// A reentrant lock: owner ident and recursion count.
pub struct PyRLock {
    raw: RawLock,
    owner: AtomicU64,
    count: AtomicU64,
}

impl PyPayload for PyRLock {
    fn class() -> &'static PyRef<PyType> {
        RLOCK_TYPE.get()
    }
}

/// Parses `acquire(blocking=True, timeout=-1)` into a deadline.
fn acquire_args(vm: &mut Vm, args: Args<'_>) -> PyResult<(bool, Option<Instant>)> {
    let rest = args.skip_self();
    let slots = rest.bind(vm, "acquire", &["blocking", "timeout"], 0)?;
    let blocking = match &slots[0] {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match &slots[1] {
        Some(t) => match t.as_float().or_else(|| t.as_i64().map(|i| i as f64)) {
            Some(f) => f,
            None => {
                let n = t.class().name();
                return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer or float")));
            }
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.new_value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.new_value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.new_overflow_error("timeout value is too large"));
    }
    if !blocking {
        return Ok((false, None));
    }
    let deadline = if timeout >= 0.0 { Some(Instant::now() + Duration::from_secs_f64(timeout)) } else { None };
    Ok((true, deadline))
}

fn lock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyLock> {
    match v.downcast_ref::<PyLock>() {
        Some(l) => Ok(l),
        None => Err(vm.new_type_error("descriptor requires a 'lock' object")),
    }
}

fn lock_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.len() > 1 || args.has_kwargs() {
        return Err(vm.new_type_error("lock() takes no arguments"));
    }
    Ok(PyRef::new(PyLock { raw: RawLock::new() }).into_value())
}

fn lock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos[0].clone();
    let (blocking, deadline) = acquire_args(vm, args)?;
    let l = lock_of(vm, &this)?;
    let got = if blocking { l.raw.acquire(vm, deadline)? } else { l.raw.try_acquire() };
    Ok(bool_value(got))
}

fn lock_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "release", 1)?;
    let l = lock_of(vm, &a[0])?;
    if !l.raw.release() {
        return Err(vm.new_runtime_error("release unlocked lock"));
    }
    Ok(none())
}

fn lock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock_of(vm, &args.pos[0])?;
    if !l.raw.release() {
        return Err(vm.new_runtime_error("release unlocked lock"));
    }
    Ok(none())
}

fn lock_locked(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "locked", 1)?;
    Ok(bool_value(lock_of(vm, &a[0])?.raw.is_locked()))
}

fn lock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let l = lock_of(vm, &a[0])?;
    let state = if l.raw.is_locked() { "locked" } else { "unlocked" };
    Ok(crate::types::str::new_str(format!("<{state} _thread.lock object at {:#x}>", a[0].raw_word())))
}

fn rlock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyRLock> {
    match v.downcast_ref::<PyRLock>() {
        Some(l) => Ok(l),
        None => Err(vm.new_type_error("descriptor requires a '_thread.RLock' object")),
    }
}

fn rlock_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("RLock.__new__(X): X is not a type object"));
    };
    let l = PyRLock { raw: RawLock::new(), owner: AtomicU64::new(0), count: AtomicU64::new(0) };
    Ok(PyRef::new_with_type(l, &cls).into_value())
}

fn rlock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos[0].clone();
    let (blocking, deadline) = acquire_args(vm, args)?;
    let l = rlock_of(vm, &this)?;
    let me = current_ident();
    if l.owner.load(Ordering::Relaxed) == me {
        l.count.fetch_add(1, Ordering::Relaxed);
        return Ok(bool_value(true));
    }
    let got = if blocking { l.raw.acquire(vm, deadline)? } else { l.raw.try_acquire() };
    if got {
        l.owner.store(me, Ordering::Relaxed);
        l.count.store(1, Ordering::Relaxed);
    }
    Ok(bool_value(got))
}

fn rlock_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = rlock_of(vm, &args.pos[0])?;
    if l.owner.load(Ordering::Relaxed) != current_ident() || l.count.load(Ordering::Relaxed) == 0 {
        return Err(vm.new_runtime_error("cannot release un-acquired lock"));
    }
    if l.count.fetch_sub(1, Ordering::Relaxed) == 1 {
        l.owner.store(0, Ordering::Relaxed);
        l.raw.release();
    }
    Ok(none())
}

fn rlock_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = rlock_of(vm, &args.pos[0])?;
    Ok(bool_value(l.owner.load(Ordering::Relaxed) == current_ident() && l.count.load(Ordering::Relaxed) > 0))
}

/// `_release_save()` for `Condition`: fully releases, returning the state.
fn rlock_release_save(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = rlock_of(vm, &args.pos[0])?;
    let count = l.count.swap(0, Ordering::Relaxed);
    if count == 0 {
        return Err(vm.new_runtime_error("cannot release un-acquired lock"));
    }
    let owner = l.owner.swap(0, Ordering::Relaxed);
    l.raw.release();
    Ok(crate::types::tuple::new_tuple(vec![int_from_i64(count as i64), int_from_i64(owner as i64)]))
}

/// `_acquire_restore(state)` for `Condition`.
fn rlock_acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "_acquire_restore", 2)?;
    let l = rlock_of(vm, &a[0])?;
    l.raw.acquire(vm, None)?;
    let st = a[1].as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let count = st.first().and_then(|c| c.as_i64()).unwrap_or(1) as u64;
    let owner = st.get(1).and_then(|c| c.as_i64()).unwrap_or(current_ident() as i64) as u64;
    l.owner.store(owner, Ordering::Relaxed);
    l.count.store(count, Ordering::Relaxed);
    Ok(none())
}

fn rlock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let l = rlock_of(vm, &a[0])?;
    let count = l.count.load(Ordering::Relaxed);
    let state = if count > 0 { "locked" } else { "unlocked" };
    let cls = a[0].class();
    let module = cls.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string)).unwrap_or_default();
    Ok(crate::types::str::new_str(format!(
        "<{state} {module}.{} object owner={} count={count} at {:#x}>",
        cls.qualname(),
        l.owner.load(Ordering::Relaxed),
        a[0].raw_word()
    )))
}

// ---- thread-local data ------------------------------------------------------------

/// `_thread._local`: a dict per thread, created (and `__init__` run with the
/// constructor's arguments) on a thread's first access.
pub struct PyLocal {
    dicts: Locked<HashMap<u64, PyRef<PyDict>>>,
    init_args: OwnedArgs,
}

impl PyPayload for PyLocal {
    fn class() -> &'static PyRef<PyType> {
        LOCAL_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for d in self.dicts.lock().values() {
            visit(&d.to_value());
        }
    }
}

fn local_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("_local.__new__(X): X is not a type object"));
    };
    let rest = args.skip_self();
    let has_init = cls
        .lookup("__init__")
        .is_some_and(|i| !i.is(&crate::types::instance_object_type().dict().get_str("__init__").unwrap_or_else(none)));
    if !rest.is_empty() && !has_init {
        return Err(vm.new_type_error("Initialization arguments are not supported"));
    }
    let l = PyLocal { dicts: Locked::new(HashMap::new()), init_args: rest.to_owned() };
    let v = PyRef::new_with_type(l, &cls).into_value();
    // The creating thread's dict exists from the start (and `type.__call__`
    // runs `__init__` for it).
    if let Some(loc) = v.downcast_ref::<PyLocal>() {
        loc.dicts.lock().insert(current_ident(), PyDict::new_ref());
    }
    note_local(vm, &v)?;
    Ok(v)
}

/// The calling thread's dict, creating it and running `__init__` if new.
fn local_dict(vm: &mut Vm, this: &Value) -> PyResult<PyRef<PyDict>> {
    let Some(l) = this.downcast_ref::<PyLocal>() else {
        return Err(vm.new_type_error("descriptor requires a '_thread._local' object"));
    };
    let me = current_ident();
    if let Some(d) = l.dicts.lock().get(&me) {
        return Ok(d.clone());
    }
    let d = PyDict::new_ref();
    l.dicts.lock().insert(me, d.clone());
    note_local(vm, this)?;
    if let Some(init) = this.class().lookup("__init__") {
        let mut a = l.init_args.clone();
        a.prepend(this.clone());
        vm.call_unbound_args(&init, this, a.as_args())?;
    }
    Ok(d)
}

fn local_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__getattribute__", 2)?;
    let name = a[1].as_str().unwrap_or("").to_string();
    if name == "__dict__" {
        return Ok(local_dict(vm, &a[0])?.into_value());
    }
    let ty = a[0].class_ref();
    let attr = ty.lookup(&name);
    if let Some(at) = &attr {
        if crate::protocol::attr::is_data_descriptor(at) {
            return vm.descr_get(at, Some(&a[0]), &ty.to_value());
        }
    }
    let d = local_dict(vm, &a[0])?;
    if let Some(v) = d.get_str(&name) {
        return Ok(v);
    }
    match attr {
        Some(at) => vm.descr_get(&at, Some(&a[0]), &ty.to_value()),
        None => Err(vm.attribute_error_for(&a[0], &a[1])),
    }
}

fn local_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__setattr__", 3)?;
    if a[1].as_str() == Some("__dict__") {
        return Err(
            vm.new_attribute_error(format!("'{}' object attribute '__dict__' is read-only", a[0].class().name()))
        );
    }
    if let Some(at) = a[0].class().lookup(a[1].as_str().unwrap_or("")) {
        if crate::protocol::attr::is_data_descriptor(&at) {
            return vm.generic_setattr(&a[0], &a[1], Some(a[2].clone())).map(|_| none());
        }
    }
    let d = local_dict(vm, &a[0])?;
    d.set_item(vm, a[1].clone(), a[2].clone())?;
    Ok(none())
}

fn local_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__delattr__", 2)?;
    let d = local_dict(vm, &a[0])?;
    if d.pop_item(vm, &a[1])?.is_none() {
        return Err(vm.attribute_error_for(&a[0], &a[1]));
    }
    Ok(none())
}

// ---- starting threads -----------------------------------------------------------

/// The body of every thread `start_new_thread` makes.
fn thread_main(func: Value, args: OwnedArgs, done: Arc<dyn Fn() + Send + Sync>) {
    let attachment = skein_gc::attach_thread();
    let Some(thread) = attachment.thread_state() else {
        RUNNING_THREADS.fetch_sub(1, Ordering::AcqRel);
        done();
        return;
    };
    thread.attach();
    let mut vm = Vm::new(thread.clone());
    let r = vm.call_owned(&func, &args);
    if let Err(e) = r {
        if !vm.err_matches(&e, &exc().system_exit) {
            crate::modules::sys::flush_std_streams();
            let fr = vm.repr_string(&func).unwrap_or_else(|_| "?".into());
            eprintln!("Exception ignored in thread started by: {fr}");
            crate::interp::traceback::print_exception(&mut vm, &e);
        }
    }
    drop(func);
    drop(args);
    drop_local_dicts();
    crate::finalize::run_pending(&mut vm);
    // The attribute cache owns what it caches (methods, and through them
    // classes): emptied now, attached, rather than by the thread-local's
    // destructor after this thread left the runtime.
    crate::types::type_cache::clear_thread();
    let sentinel = SENTINEL.with(|s| s.borrow_mut().take());
    drop(vm);
    // Everything this thread's interpreter held is released: a join() that
    // waits for the sentinel (threading.Thread.join) now returns, as
    // CPython's does once the thread state is cleared. The objects this
    // thread owns are merged or freed next, attached, so a collection
    // started by the joiner waits for that to end.
    if let Some(lock) = sentinel {
        if let Some(l) = lock.downcast_ref::<PyLock>() {
            l.raw.release();
        }
    }
    // The exit protocol (merging and freeing this thread's objects, deleting
    // its heap) runs while still attached, so a stop-the-world waits for it
    // instead of walking a heap that is being deleted; it detaches at its
    // end (`unregister_current_thread`).
    drop(attachment);
    RUNNING_THREADS.fetch_sub(1, Ordering::AcqRel);
    done();
}

fn start_new_thread(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "start_new_thread", 2, 3)?;
    let func = a[0].clone();
    if !crate::builtins::functions::is_callable(&func) {
        return Err(vm.new_type_error("first arg must be callable"));
    }
    let Some(pos) = a[1].as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.new_type_error("2nd arg must be a tuple"));
    };
    let mut call_args = OwnedArgs::positional(pos);
    if let Some(kw) = a.get(2) {
        match kw.downcast_ref::<PyDict>() {
            Some(d) => {
                for (k, v) in d.items() {
                    call_args.kwnames.push(k);
                    call_args.values.push(v);
                }
            }
            None => return Err(vm.new_type_error("optional 3rd arg must be a dictionary")),
        }
    }
    spawn_python_thread(vm, func, call_args, Arc::new(|| {}))
}

/// Starts an OS thread running `func(*args)`; returns its ident.
pub fn spawn_python_thread(
    vm: &mut Vm,
    func: Value,
    args: OwnedArgs,
    done: Arc<dyn Fn() + Send + Sync>,
) -> PyResult<Value> {
    crate::modules::thread_share::before_thread_start();
    let (tx, rx) = std::sync::mpsc::channel::<u64>();
    RUNNING_THREADS.fetch_add(1, Ordering::AcqRel);
    let spawned = std::thread::Builder::new().stack_size(64 << 20).spawn(move || {
        let _ = tx.send(current_ident());
        thread_main(func, args, done);
    });
    match spawned {
        Ok(_) => {
            vm.thread.detach();
            let ident = rx.recv().unwrap_or(0);
            vm.thread.attach();
            Ok(int_from_i64(ident as i64))
        }
        Err(e) => {
            RUNNING_THREADS.fetch_sub(1, Ordering::AcqRel);
            Err(vm.new_runtime_error(format!("can't start new thread: {e}")))
        }
    }
}

/// `_thread._set_sentinel()`: a new lock, held, that is released when
/// this thread's interpreter state has been torn down (after its last
/// Python code ran and its frames and caches were dropped).
fn set_sentinel(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let raw = RawLock::new();
    raw.try_acquire();
    let lock = PyRef::new(PyLock { raw }).into_value();
    let old = SENTINEL.with(|s| s.borrow_mut().replace(lock.clone()));
    // A second call replaces the first lock, which is then never released
    // by the runtime (CPython behaves the same).
    drop(old);
    Ok(lock)
}

fn get_ident(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(current_ident() as i64))
}

fn get_native_id(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(native_id()))
}

fn allocate_lock(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(PyRef::new(PyLock { raw: RawLock::new() }).into_value())
}

fn count(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(RUNNING_THREADS.load(Ordering::Acquire) as i64))
}

fn stack_size(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "stack_size", 0, 1)?;
    if let Some(s) = a.first() {
        let n = s.as_i64().unwrap_or(-1);
        if n != 0 && n < 32768 {
            return Err(vm.new_value_error(format!("size not valid: {n} bytes")));
        }
    }
    Ok(int_from_i64(0))
}

fn interrupt_main(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    crate::runtime::request_interrupt();
    Ok(none())
}

/// `_print_exception(exc)`: prints a traceback to stderr (excepthook).
fn print_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "_print_exception", 1)?;
    let e = vm.exception_instance(&a[0])?;
    crate::interp::traceback::print_exception(vm, &crate::vm::PyErr(e));
    Ok(none())
}

fn exit_thread(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_exception_empty(&exc().system_exit))
}

fn new_type<T: PyPayload>(cell: &'static TypeCell, name: &str, fl: u32) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(crate::types::instance_object_type()), fl, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("_thread"));
    cell.set(t);
    cell.get()
}

/// Creates the lock and local types (once).
fn init_types() {
    if LOCK_TYPE.is_set() {
        return;
    }
    let lock = new_type::<PyLock>(&LOCK_TYPE, "lock", 0);
    add_method_kind(lock, "__new__", lock_new, MethodKind::Static);
    add_methods(
        lock,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("__enter__", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("__exit__", lock_exit),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__repr__", lock_repr),
        ],
    );
    let rlock = new_type::<PyRLock>(&RLOCK_TYPE, "RLock", flags::BASETYPE);
    add_method_kind(rlock, "__new__", rlock_new, MethodKind::Static);
    add_methods(
        rlock,
        &[
            ("acquire", rlock_acquire),
            ("__enter__", rlock_acquire),
            ("release", rlock_release),
            ("__exit__", rlock_release),
            ("_is_owned", rlock_is_owned),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("__repr__", rlock_repr),
        ],
    );
    let local = new_type::<PyLocal>(&LOCAL_TYPE, "_local", flags::BASETYPE);
    add_method_kind(local, "__new__", local_new, MethodKind::Static);
    add_methods(
        local,
        &[("__getattribute__", local_getattribute), ("__setattr__", local_setattr), ("__delattr__", local_delattr)],
    );
    local.set_flag(flags::CUSTOM_GETATTRIBUTE | flags::CUSTOM_SETATTR, true);
}

pub fn make_thread_module() -> PyRef<PyModule> {
    init_types();
    let m = PyModule::new("_thread");
    let fns: &[(&'static str, NativeFn)] = &[
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("get_ident", get_ident),
        ("_set_sentinel", set_sentinel),
        ("get_native_id", get_native_id),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_count", count),
        ("stack_size", stack_size),
        ("interrupt_main", interrupt_main),
        ("exit", exit_thread),
        ("_print_exception", print_exception),
    ];
    for (name, f) in fns {
        m.set_attr(name, new_function(name, *f, "_thread"));
    }
    m.set_attr("LockType", LOCK_TYPE.get().to_value());
    m.set_attr("lock", LOCK_TYPE.get().to_value());
    m.set_attr("RLock", RLOCK_TYPE.get().to_value());
    m.set_attr("_local", LOCAL_TYPE.get().to_value());
    m.set_attr("error", exc().runtime_error.to_value());
    m.set_attr("TIMEOUT_MAX", new_float(TIMEOUT_MAX));
    m
}
