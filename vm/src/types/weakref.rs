//! Weak references: the `PyWeakRef` payload shared by `weakref.ref`,
//! `ProxyType` and `CallableProxyType`, creating them, dereferencing, and
//! clearing them when the referent is destroyed or collected.
//!
//! The table that finds an object's weak references, and the protocol that
//! makes dereferencing safe while another thread drops the referent's last
//! reference, are in `weakref_table.rs` (invariants there) and
//! `skein_gc::weak` (`try_incref`). docs/weakref.md has the whole design.
//!
//! Invariants of the payload:
//! - `referent` holds the referent's header address until the referent
//!   dies, then 0 (never anything else); see `weakref_table`.
//! - `callback` is set at creation and taken when the referent dies (the
//!   callback runs at most once, as in CPython); its lock is a leaf, taken
//!   (briefly, never blocking on anything else) also under a shard lock.
//! - `hash` caches the referent's hash once computed (`HASH_UNSET` before),
//!   so a dead reference keeps hashing as it did.
//!
//! Destroy path: an object whose `GC_BIT_HAS_WEAKREFS` is set (creating a
//! weak reference sets it, once) goes through [`clear_on_dealloc`] from its
//! type's `dealloc` before its payload is dropped; every other object pays
//! one bit test there.

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use skein_gc::{ObjHeader, TypeInfo, GC_BIT_HAS_WEAKREFS};

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::types::weakref_table as table;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static REF_TYPE: TypeCell = TypeCell::new();
pub static PROXY_TYPE: TypeCell = TypeCell::new();
pub static CALLABLE_PROXY_TYPE: TypeCell = TypeCell::new();

/// `hash` before the referent's hash is known (`hash()` never returns -1).
const HASH_UNSET: i64 = -1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

pub struct PyWeakRef {
    /// The referent's header address; 0 once it died (see the module doc).
    pub(crate) referent: AtomicUsize,
    /// A `parking_lot` mutex, not the object mutex: it is taken while a
    /// table shard is locked, and the object mutex may detach the thread
    /// while it waits (a stop-the-world could then stop it holding the
    /// shard lock that the collector needs).
    callback: parking_lot::Mutex<Option<Value>>,
    hash: AtomicI64,
    pub kind: WeakKind,
}

impl PyPayload for PyWeakRef {
    fn class() -> &'static PyRef<PyType> {
        REF_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(cb) = self.callback.lock().as_ref() {
            visit(cb);
        }
    }
}

impl Drop for PyWeakRef {
    fn drop(&mut self) {
        // Nobody else touches a dying weak reference: writers of
        // `referent` hold a strong reference to it (weakref_table).
        let referent = *self.referent.get_mut();
        if referent != 0 {
            table::unlink(self, referent);
        }
    }
}

impl PyWeakRef {
    pub(crate) fn take_callback(&self) -> Option<Value> {
        self.callback.lock().take()
    }

    pub(crate) fn has_callback(&self) -> bool {
        self.callback.lock().is_some()
    }

    /// `__callback__`: the callback while the referent lives.
    pub fn callback(&self) -> Option<Value> {
        self.callback.lock().clone()
    }

    /// The referent, if alive (a new strong reference).
    #[inline]
    pub fn get(&self) -> Option<Value> {
        table::deref(self)
    }

    pub fn is_dead(&self) -> bool {
        self.referent.load(Ordering::Acquire) == 0
    }

    /// The referent's hash, computed once.
    pub fn hash(&self, vm: &mut Vm) -> PyResult<i64> {
        let h = self.hash.load(Ordering::Relaxed);
        if h != HASH_UNSET {
            return Ok(h);
        }
        let Some(obj) = self.get() else {
            return Err(vm.new_type_error("weak object has gone away"));
        };
        let h = vm.hash(&obj)?;
        drop(obj);
        self.hash.store(h, Ordering::Relaxed);
        Ok(h)
    }
}

/// The `TypeInfo` a basic (exact type, no callback) reference of `kind`
/// points at.
pub(crate) fn basic_type_info(kind: WeakKind) -> *const TypeInfo {
    let cell = match kind {
        WeakKind::Ref => &REF_TYPE,
        WeakKind::Proxy => &PROXY_TYPE,
        WeakKind::CallableProxy => &CALLABLE_PROXY_TYPE,
    };
    match cell.get_opt() {
        Some(t) => &t.payload_ref().gc_info as *const TypeInfo,
        None => std::ptr::null(),
    }
}

/// Whether instances of `t` can be weakly referenced (CPython: a non-zero
/// `tp_weaklistoffset`): classes say so with `flags::WEAKREFABLE`, builtin
/// types by their payload.
pub fn weakrefable(t: &PyType) -> bool {
    use std::any::TypeId;
    if t.has_flag(flags::WEAKREFABLE) {
        return true;
    }
    let l = t.layout;
    [
        TypeId::of::<PyType>(),
        TypeId::of::<crate::types::small::PySet>(),
        TypeId::of::<crate::function::PyFunction>(),
        TypeId::of::<crate::function::native::PyNativeFunction>(),
        TypeId::of::<crate::function::PyCode>(),
        TypeId::of::<crate::function::method::PyBoundMethod>(),
        TypeId::of::<crate::types::module::PyModule>(),
        TypeId::of::<crate::types::generator::PyGenerator>(),
        TypeId::of::<crate::types::memoryview::PyMemoryView>(),
        TypeId::of::<crate::types::list_methods::generic_alias::PyGenericAlias>(),
        TypeId::of::<crate::types::deque::PyDeque>(),
        TypeId::of::<crate::modules::thread::PyLock>(),
        TypeId::of::<crate::modules::thread::PyRLock>(),
        TypeId::of::<crate::modules::thread::PyLocal>(),
        TypeId::of::<crate::modules::re::PyProgram>(),
    ]
    .contains(&l)
}

/// `ref(obj, callback)` / `proxy(obj, callback)` as an object of `cls`
/// (`cls` may be a subclass of `ref`). Basic references are shared.
pub fn new_weakref(
    vm: &mut Vm,
    obj: &Value,
    callback: Option<Value>,
    cls: &PyRef<PyType>,
    kind: WeakKind,
) -> PyResult<PyRef<PyWeakRef>> {
    let callback = callback.filter(|c| !c.is(&crate::types::singletons::none()));
    let t = obj.class();
    let Some(h) = obj.header().filter(|_| weakrefable(t)) else {
        return Err(vm.new_type_error(format!("cannot create weak reference to '{}' object", t.name())));
    };
    let addr = h as *const ObjHeader as usize;
    let basic = callback.is_none() && std::ptr::eq(&cls.payload_ref().gc_info, basic_type_info(kind));
    if basic {
        if let Some(existing) = table::find_basic(addr, kind) {
            return Ok(existing);
        }
    }
    // From now on the owner frees only through a CAS (so `try_incref` can
    // race it), and the destroy path knows to look in the table. Both are
    // published to whoever destroys the object by our strong reference's
    // release (`obj`), which happens after.
    obj.with_ref(|r| r.set_maybe_weakref());
    h.gc_bits().fetch_or(GC_BIT_HAS_WEAKREFS, Ordering::Relaxed);
    let payload = PyWeakRef {
        referent: AtomicUsize::new(addr),
        callback: parking_lot::Mutex::new(callback),
        hash: AtomicI64::new(HASH_UNSET),
        kind,
    };
    let w = PyRef::new_with_type(payload, cls);
    // The table hands out the weak reference object itself through
    // `try_incref` too (a referent's destroyer, `getweakrefs`, basic-ref
    // reuse), which needs the flag on it as well: without it a count held
    // by another thread's owner reads as "dying" and the destroyer would
    // skip clearing it, leaving it pointing at freed memory.
    w.as_obj_ref().set_maybe_weakref();
    match table::insert(addr, &w, basic) {
        None => Ok(w),
        // Another thread made the basic reference first; ours is dropped
        // here, outside the table lock (it was never listed).
        Some(existing) => Ok(existing),
    }
}

/// A basic `weakref.ref(obj)` made by the runtime itself (a type's
/// subclass list), or `None` if `obj` cannot be weakly referenced.
pub(crate) fn internal_ref(obj: &Value) -> Option<PyRef<PyWeakRef>> {
    let h = obj.header().filter(|_| weakrefable(obj.class()))?;
    let addr = h as *const ObjHeader as usize;
    if let Some(existing) = table::find_basic(addr, WeakKind::Ref) {
        return Some(existing);
    }
    // As in `new_weakref`.
    obj.with_ref(|r| r.set_maybe_weakref());
    h.gc_bits().fetch_or(GC_BIT_HAS_WEAKREFS, Ordering::Relaxed);
    let payload = PyWeakRef {
        referent: AtomicUsize::new(addr),
        callback: parking_lot::Mutex::new(None),
        hash: AtomicI64::new(HASH_UNSET),
        kind: WeakKind::Ref,
    };
    crate::modules::weakref::ensure_types();
    let w = PyRef::new_with_type(payload, REF_TYPE.get());
    w.as_obj_ref().set_maybe_weakref();
    Some(table::insert(addr, &w, true).unwrap_or(w))
}

/// The live weak references to `obj`, in CPython's order.
pub fn weakrefs_of(obj: &Value) -> Vec<Value> {
    match obj.header() {
        Some(h) if has_weakrefs(h) => table::refs_to(h as *const ObjHeader as usize),
        _ => Vec::new(),
    }
}

/// The head of `obj`'s weak reference list (the `__weakref__` attribute).
pub fn first_weakref(obj: &Value) -> Option<Value> {
    weakrefs_of(obj).into_iter().next()
}

pub fn weakref_count(obj: &Value) -> usize {
    match obj.header() {
        Some(h) if has_weakrefs(h) => table::count_refs(h as *const ObjHeader as usize),
        _ => 0,
    }
}

#[inline]
pub(crate) fn has_weakrefs(h: &ObjHeader) -> bool {
    h.gc_bits().load(Ordering::Relaxed) & GC_BIT_HAS_WEAKREFS != 0
}

/// The slow half of `weakref_table::clear_on_dealloc`: the object at
/// `addr` is dying and had weak references.
#[cold]
#[inline(never)]
pub(crate) fn clear_dead_referent(addr: usize) {
    let live = table::detach_all(addr);
    if live.is_empty() {
        return;
    }
    let calls = take_callbacks(live);
    if !calls.is_empty() {
        crate::types::weakref_callbacks::run_detached(calls);
    }
}

/// Takes the callbacks of cleared weak references: (reference, callback)
/// pairs in list order; references without one are dropped here.
pub(crate) fn take_callbacks(live: Vec<PyRef<PyWeakRef>>) -> Vec<(PyRef<PyWeakRef>, Value)> {
    let mut calls = Vec::new();
    for w in live {
        if let Some(cb) = w.take_callback() {
            calls.push((w, cb));
        }
    }
    calls
}

/// Callbacks whose weak references were cleared by [`clear_for_collection`],
/// to be run once the world is running again.
#[must_use = "run the callbacks (or drop them when no Python code may run)"]
pub struct PendingCallbacks {
    calls: Vec<(PyRef<PyWeakRef>, Value)>,
    /// Values to release only once Python code may run again (dropping
    /// them may destroy objects whose weak references have callbacks).
    discard: Vec<Value>,
}

impl PendingCallbacks {
    /// Runs them in order; an exception is reported ("Exception ignored
    /// in: <callback>") and the next one runs.
    pub fn run(self, vm: &mut Vm) {
        crate::types::weakref_callbacks::run(vm, self.calls);
        drop(self.discard);
    }

    /// How many callbacks will run.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }
}

pub use crate::types::weakref_table::{
    clear_for_collection, clear_for_collection_held, clear_on_dealloc, run_collection_callbacks,
};

impl PendingCallbacks {
    pub(crate) fn new(calls: Vec<(PyRef<PyWeakRef>, Value)>, discard: Vec<Value>) -> PendingCallbacks {
        PendingCallbacks { calls, discard }
    }
}
