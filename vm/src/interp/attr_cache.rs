//! `LOAD_ATTR` and `STORE_ATTR` through the per-thread inline caches.
//!
//! The generic path (`protocol/attr.rs`) looks the name up on the type,
//! classifies what it found (data descriptor? method? plain value?) and only
//! then looks in the instance. The answer to everything but the last step
//! depends only on the type, so each instruction remembers it keyed by the
//! type's version and the next execution goes straight to the instance dict,
//! the `__slots__` array, the module dict or the cached method. A fast path
//! that does not find what it needs falls back to the generic path, which
//! keeps every corner of CPython's semantics (`__getattr__`, error
//! messages) in one place.

use crate::function::descriptors::PyMemberDescriptor;
use crate::function::native::{MethodKind, PyMethodDescriptor};
use crate::function::PyFunction;
use crate::interp::inline_cache::{cached_value, Entry, Slots, BACKOFF, WAYS};
use crate::object::alloc;
use crate::object::inline_values::Load;
use crate::object::PyRef;
use crate::protocol::attr::is_data_descriptor;
use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::types::type_::{flags, PyType};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Whether the instance has its own attribute `name` (an interned `str`
/// from a code object), shadowing a method of its class.
#[inline]
fn instance_shadows(obj: &Value, name: &Value) -> bool {
    alloc::instance_ext(obj).is_some_and(|e| e.has_interned_attr(obj.class().shared_keys(), name))
}

/// The entry for instance attribute `name` of `ty`'s instances: by index
/// into the shared layout when the name has (or takes) one.
fn instance_entry(ty: &PyType, name: &Value, fallback: usize) -> Entry {
    match ty.shared_keys().index_or_add(name).and_then(|i| u32::try_from(i).ok()) {
        Some(index) => Entry::InstanceValue { type_version: ty.version(), fallback, index },
        None => Entry::InstanceDict { type_version: ty.version(), fallback, hint: u32::MAX },
    }
}

/// The instance dict lookup of `name`, trying dict entry `*hint` first.
#[inline]
fn instance_dict_get_hinted(obj: &Value, name: &Value, hint: &mut u32) -> Option<Value> {
    alloc::instance_ext(obj)?.with_dict(|d| d.get_str_value_hinted(name, hint)).flatten()
}

/// A class attribute that `LOAD_ATTR` returns as is (it has no `__get__`)
/// and that needs no count: its word, for `Entry::InstanceDict`'s fallback
/// and `Entry::ClassValue`.
fn plain_class_value(a: &Value) -> Option<usize> {
    let w = a.immortal_word()?;
    if a.is_small_int() || a.class().lookup("__get__").is_none() {
        Some(w)
    } else {
        None
    }
}

/// Whether `LOAD_ATTR` may treat this class attribute as a method to call
/// with `self` (no bound-method object).
fn is_plain_method(a: &Value) -> bool {
    a.downcast_ref::<PyFunction>().is_some()
        || a.downcast_ref::<PyMethodDescriptor>().is_some_and(|d| d.kind == MethodKind::Instance)
}

/// The hits of `LOAD_ATTR`'s plain form that run no Python code (an
/// inline value, a `__slots__` slot, a cached module value): the dispatch
/// loop takes them without recording its instruction (`here!` in
/// `eval.rs`), which a miss does before [`Vm::load_attr_miss`]. (Without a
/// `Vm` these lookups cannot run Python code.)
#[inline(always)]
pub(crate) fn load_attr_hit(slots: Slots, slot: usize, obj: &Value) -> Option<Value> {
    let tv = obj.class().version();
    for w in 0..WAYS {
        match slots.get(slot, w) {
            Entry::InstanceValue { type_version, index, .. } if type_version == tv => {
                return match alloc::instance_ext(obj)?.values.load(index as usize) {
                    Load::Hit(v) => Some(v),
                    _ => None,
                };
            }
            Entry::Slot { type_version, index } if type_version == tv => {
                return alloc::instance_ext(obj).and_then(|e| e.values.slot_get(index));
            }
            Entry::ModuleValue { type_version, dict, version, value } if type_version == tv => {
                if let Some(v) = module_value(obj, dict, version, value) {
                    return Some(v);
                }
            }
            Entry::ModuleValue { .. } | Entry::InstanceValue { .. } | Entry::Slot { .. } => {}
            _ => return None,
        }
    }
    None
}

/// The method `LOAD_ATTR`'s method form calls with `obj` as first
/// argument, when a `Method` entry has it and the instance does not shadow
/// it: as [`load_attr_hit`], no Python code runs (the shadowing check reads
/// the instance's own attributes without a `Vm`).
#[inline(always)]
pub(crate) fn load_method_hit(slots: Slots, slot: usize, obj: &Value, name: &Value) -> Option<Value> {
    let tv = obj.class().version();
    for w in 0..WAYS {
        match slots.get(slot, w) {
            Entry::Method { type_version, func, has_dict } if type_version == tv => {
                return (!(has_dict && instance_shadows(obj, name))).then(|| cached_value(func));
            }
            Entry::Method { .. } => {}
            _ => return None,
        }
    }
    None
}

/// `STORE_ATTR`'s hits that run no Python code (an inline value, a
/// `__slots__` slot); gives `v` back otherwise, for [`Vm::store_attr_miss`].
#[inline(always)]
pub(crate) fn store_attr_hit(slots: Slots, slot: usize, obj: &Value, v: Value) -> Result<(), Value> {
    let ty = obj.class();
    let tv = ty.version();
    for w in 0..WAYS {
        match slots.get(slot, w) {
            Entry::InstanceValue { type_version, index, .. } if type_version == tv => {
                return match alloc::instance_ext(obj) {
                    Some(ext) => ext.values.store(ty.shared_keys(), index as usize, v),
                    None => Err(v),
                };
            }
            Entry::Slot { type_version, index } if type_version == tv => {
                return match alloc::instance_ext(obj).filter(|e| index < e.values.slot_count()) {
                    Some(ext) => {
                        ext.values.slot_swap(index, Some(v));
                        Ok(())
                    }
                    None => Err(v),
                };
            }
            Entry::Empty => return Err(v),
            _ => {}
        }
    }
    Err(v)
}

impl Vm {
    /// `LOAD_ATTR` (plain form) after [`load_attr_hit`] missed.
    #[inline(never)]
    pub(crate) fn load_attr_miss(&mut self, slots: Slots, slot: usize, obj: &Value, name: &Value) -> PyResult<Value> {
        self.load_attr_cached(slots, slot, obj, name)
    }

    /// `LOAD_ATTR` (method form) after [`load_method_hit`] missed.
    #[inline(never)]
    pub(crate) fn load_method_miss(
        &mut self,
        slots: Slots,
        slot: usize,
        obj: &Value,
        name: &Value,
    ) -> PyResult<(Option<Value>, Value)> {
        self.load_method_cached(slots, slot, obj, name)
    }

    /// `STORE_ATTR` after [`store_attr_hit`] gave the value back: the hit
    /// cases were tried, so this goes straight to the slow path.
    #[inline(never)]
    pub(crate) fn store_attr_miss(
        &mut self,
        slots: Slots,
        slot: usize,
        obj: &Value,
        name: &Value,
        v: Value,
    ) -> PyResult<()> {
        self.store_attr_slow(slots, slot, obj, name, v)
    }

    /// `LOAD_ATTR` (plain form): `obj.name`. The common case (way 0 an
    /// inline value the instance has) is inlined into the dispatch loop;
    /// everything else is [`Vm::load_attr_slow`].
    #[inline(always)]
    pub(crate) fn load_attr_cached(&mut self, slots: Slots, slot: usize, obj: &Value, name: &Value) -> PyResult<Value> {
        let tv = obj.class().version();
        for w in 0..WAYS {
            match slots.get(slot, w) {
                Entry::InstanceValue { type_version, index, .. } if type_version == tv => {
                    if let Some(ext) = alloc::instance_ext(obj) {
                        if let Load::Hit(v) = ext.values.load(index as usize) {
                            return Ok(v);
                        }
                    }
                    break;
                }
                Entry::Slot { type_version, index } if type_version == tv => {
                    if let Some(v) = alloc::instance_ext(obj).and_then(|e| e.values.slot_get(index)) {
                        return Ok(v);
                    }
                    break;
                }
                Entry::ModuleValue { type_version, dict, version, value } if type_version == tv => {
                    if let Some(v) = module_value(obj, dict, version, value) {
                        return Ok(v);
                    }
                    // Another module (a later way may hold it) or a changed dict.
                }
                Entry::Module { type_version } if type_version == tv => return self.load_module_attr(obj, name),
                Entry::Empty => break,
                _ => {}
            }
        }
        self.load_attr_slow(slots, slot, obj, name)
    }

    /// `Entry::Module`'s lookup: the module dict, else the generic path
    /// (module `__getattr__`, the error).
    #[inline(never)]
    fn load_module_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = obj.downcast_ref::<PyModule>().and_then(|m| m.dict.get_str_value(name)) {
            return Ok(v);
        }
        self.get_attr(obj, name)
    }

    #[inline(never)]
    fn load_attr_slow(&mut self, slots: Slots, slot: usize, obj: &Value, name: &Value) -> PyResult<Value> {
        let tv = obj.class().version();
        for w in 0..WAYS {
            match slots.get(slot, w) {
                Entry::InstanceValue { type_version, fallback, index } if type_version == tv => {
                    if let Some(ext) = alloc::instance_ext(obj) {
                        let found = match ext.values.load(index as usize) {
                            Load::Hit(v) => return Ok(v),
                            Load::Missing => None,
                            Load::Dict => ext.with_dict(|d| d.get_str_value(name)).flatten(),
                        };
                        if let Some(v) = found {
                            return Ok(v);
                        }
                        if fallback != 0 {
                            return Ok(cached_value(fallback));
                        }
                    }
                    return self.get_attr(obj, name);
                }
                Entry::InstanceDict { type_version, fallback, hint } if type_version == tv => {
                    let mut h = hint;
                    let found = instance_dict_get_hinted(obj, name, &mut h);
                    if h != hint {
                        slots.set(slot, w, Entry::InstanceDict { type_version, fallback, hint: h });
                    }
                    if let Some(v) = found {
                        return Ok(v);
                    }
                    if fallback != 0 {
                        return Ok(cached_value(fallback));
                    }
                    return self.get_attr(obj, name);
                }
                Entry::Module { type_version } if type_version == tv => return self.load_module_attr(obj, name),
                Entry::ModuleValue { type_version, dict, version, value } if type_version == tv => {
                    if let Some(v) = module_value(obj, dict, version, value) {
                        return Ok(v);
                    }
                    if obj.downcast_ref::<PyModule>().is_some_and(|m| dict_word(&m.dict) == dict) {
                        // The module's dict changed since this entry was
                        // made: a module whose globals are rebound while
                        // this site runs keeps the dict lookup from now on.
                        slots.set(slot, w, Entry::Module { type_version });
                        return self.get_attr(obj, name);
                    }
                }
                Entry::Slot { type_version, index } if type_version == tv => {
                    let v = alloc::instance_ext(obj).and_then(|e| e.values.slot_get(index));
                    if let Some(v) = v {
                        return Ok(v);
                    }
                    return self.get_attr(obj, name);
                }
                Entry::ClassValue { type_version, meta_version, value }
                    if meta_version == tv
                        && obj.downcast_ref::<PyType>().is_some_and(|t| t.version() == type_version) =>
                {
                    return Ok(cached_value(value));
                }
                Entry::Backoff(n) => {
                    if n > 0 {
                        slots.set(slot, w, Entry::Backoff(n - 1));
                        return self.get_attr(obj, name);
                    }
                    break;
                }
                Entry::Empty => break,
                _ => {}
            }
        }
        let e = specialize_load(obj, name);
        if matches!(e, Entry::Backoff(_)) {
            // Only a site that never specialised backs off as a whole.
            if matches!(slots.get(slot, 0), Entry::Empty | Entry::Backoff(_)) {
                slots.set(slot, 0, e);
            }
        } else {
            slots.insert(slot, e);
        }
        self.get_attr(obj, name)
    }

    /// `LOAD_ATTR` (method form) for `obj.name(...)`: `(Some(method),
    /// obj)` when the method can be called with `obj` as first argument,
    /// else `(None, attribute)`.
    #[inline]
    pub(crate) fn load_method_cached(
        &mut self,
        slots: Slots,
        slot: usize,
        obj: &Value,
        name: &Value,
    ) -> PyResult<(Option<Value>, Value)> {
        let tv = obj.class().version();
        for w in 0..WAYS {
            match slots.get(slot, w) {
                Entry::Method { type_version, func, has_dict } if type_version == tv => {
                    if !(has_dict && instance_shadows(obj, name)) {
                        return Ok((Some(cached_value(func)), obj.clone()));
                    }
                    // The instance shadows the method.
                    return self.get_attr(obj, name).map(|v| (None, v));
                }
                Entry::ModuleValue { type_version, dict, version, value } if type_version == tv => {
                    if let Some(v) = module_value(obj, dict, version, value) {
                        return Ok((None, v));
                    }
                    return self.load_attr_cached(slots, slot, obj, name).map(|v| (None, v));
                }
                Entry::Empty => break,
                Entry::Method { .. } => {}
                // Plain-form entries: this site loads a non-method.
                _ => return self.load_attr_cached(slots, slot, obj, name).map(|v| (None, v)),
            }
        }
        if let Some(e) = specialize_method(obj, name) {
            slots.insert(slot, e);
            if let Entry::Method { func, .. } = e {
                return Ok((Some(cached_value(func)), obj.clone()));
            }
        }
        if matches!(slots.get(slot, 0), Entry::Method { .. }) {
            // A method site meeting a non-method: generic path, keeping the
            // method entries.
            return self.get_attr(obj, name).map(|v| (None, v));
        }
        self.load_attr_cached(slots, slot, obj, name).map(|v| (None, v))
    }

    #[inline(never)]
    fn store_attr_slow(&mut self, slots: Slots, slot: usize, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let tv = obj.class().version();
        for w in 0..WAYS {
            match slots.get(slot, w) {
                Entry::InstanceValue { type_version, index, .. } if type_version == tv => {
                    if let Some(ext) = alloc::instance_ext(obj) {
                        match ext.values.store(obj.class().shared_keys(), index as usize, v) {
                            Ok(()) => {}
                            Err(v) => {
                                if let Some(d) = ext.dict_value().downcast_ref::<PyDict>() {
                                    d.set_str_key(name.clone(), v);
                                }
                            }
                        }
                        return Ok(());
                    }
                    return self.set_attr(obj, name, Some(v));
                }
                Entry::InstanceDict { type_version, fallback, hint } if type_version == tv => {
                    if let Some(ext) = alloc::instance_ext(obj) {
                        // A counted reference: the store may drop a replaced
                        // value, which may run Python code.
                        let d = ext.dict_value();
                        if let Some(d) = d.downcast_ref::<PyDict>() {
                            let mut h = hint;
                            d.set_str_key_hinted(name.clone(), v, &mut h);
                            if h != hint {
                                slots.set(slot, w, Entry::InstanceDict { type_version, fallback, hint: h });
                            }
                            return Ok(());
                        }
                    }
                    return self.set_attr(obj, name, Some(v));
                }
                Entry::Slot { type_version, index } if type_version == tv => {
                    if let Some(ext) = alloc::instance_ext(obj).filter(|e| index < e.values.slot_count()) {
                        ext.values.slot_swap(index, Some(v));
                        return Ok(());
                    }
                    return self.set_attr(obj, name, Some(v));
                }
                Entry::Backoff(n) => {
                    if n > 0 {
                        slots.set(slot, w, Entry::Backoff(n - 1));
                        return self.set_attr(obj, name, Some(v));
                    }
                    break;
                }
                Entry::Empty => break,
                _ => {}
            }
        }
        let e = specialize_store(obj, name);
        if matches!(e, Entry::Backoff(_)) {
            if matches!(slots.get(slot, 0), Entry::Empty | Entry::Backoff(_)) {
                slots.set(slot, 0, e);
            }
        } else {
            slots.insert(slot, e);
        }
        self.set_attr(obj, name, Some(v))
    }
}

/// Decides how `LOAD_ATTR` (plain form) should find `name` on objects of
/// `obj`'s type from now on.
fn specialize_load(obj: &Value, name: &Value) -> Entry {
    let ty = obj.class();
    if ty.has_flag(flags::CUSTOM_GETATTRIBUTE) {
        return Entry::Backoff(BACKOFF);
    }
    if let Some(t) = obj.downcast_ref::<PyType>() {
        // `Class.attr`: metatype data descriptors (`__name__`, `__dict__`)
        // and anything found on the metatype take the generic path.
        if ty.lookup_value(name).is_some() {
            return Entry::Backoff(BACKOFF);
        }
        return match t.lookup_value(name) {
            Some(a) => {
                // Functions accessed on their class come back unbound.
                let word =
                    if a.downcast_ref::<PyFunction>().is_some() { a.immortal_word() } else { plain_class_value(&a) };
                match word {
                    Some(value) => Entry::ClassValue { type_version: t.version(), meta_version: ty.version(), value },
                    None => Entry::Backoff(BACKOFF),
                }
            }
            None => Entry::Backoff(BACKOFF),
        };
    }
    if let Some(m) = obj.downcast_ref::<PyModule>() {
        return specialize_module(ty, m, name);
    }
    let attr = ty.lookup_value(name);
    match attr {
        Some(a) if is_data_descriptor(&a) => match a.downcast_ref::<PyMemberDescriptor>() {
            Some(m) if alloc::instance_ext(obj).is_some() => Entry::Slot { type_version: ty.version(), index: m.index },
            _ => Entry::Backoff(BACKOFF),
        },
        attr => {
            if ty.has_flag(flags::HAS_DICT) && alloc::instance_ext(obj).is_some() {
                let fallback = attr.as_ref().and_then(plain_class_value).unwrap_or(0);
                instance_entry(ty, name, fallback)
            } else {
                Entry::Backoff(BACKOFF)
            }
        }
    }
}

/// The entry for `module.name`: the value itself when it needs no count
/// and the dict is immortal, else a lookup in the module's dict.
fn specialize_module(ty: &PyType, m: &PyModule, name: &Value) -> Entry {
    // Both versions are read before what they guard: a change made after
    // the read moves the version past the one cached (a store bumps the
    // dict's version after writing the value, with Release, and the load
    // here is Acquire), so a racing store leaves a stale entry, never a
    // wrong one.
    let type_version = ty.version();
    if ty.lookup_value(name).is_some() {
        // Type attributes (`__dict__`, `__class__`, a subclass's
        // descriptors) come before the module's dict.
        return Entry::Backoff(BACKOFF);
    }
    let version = m.dict.version();
    if m.dict.as_obj_ref().header().is_immortal() {
        if let Some(value) = m.dict.get_str_value(name).and_then(|v| v.immortal_word()) {
            return Entry::ModuleValue { type_version, dict: dict_word(&m.dict), version, value };
        }
    }
    Entry::Module { type_version }
}

/// A module dict's identity in an entry (its address).
#[inline(always)]
fn dict_word(d: &PyRef<PyDict>) -> usize {
    d.header_ptr().as_ptr() as usize
}

/// The value a `ModuleValue` entry caches, if `obj` is its module and the
/// module's dict has not changed since.
#[inline(always)]
fn module_value(obj: &Value, dict: usize, version: u64, value: usize) -> Option<Value> {
    let m = obj.downcast_ref::<PyModule>()?;
    (dict_word(&m.dict) == dict && m.dict.version() == version).then(|| cached_value(value))
}

/// A `Method` entry for `obj.name(...)` if the name is a plain method on the
/// type; `None` to use the plain-form entry instead.
fn specialize_method(obj: &Value, name: &Value) -> Option<Entry> {
    let ty = obj.class();
    if ty.has_flag(flags::CUSTOM_GETATTRIBUTE) || obj.downcast_ref::<PyType>().is_some() {
        return None;
    }
    let attr = ty.lookup_value(name)?;
    if !is_plain_method(&attr) {
        return None;
    }
    let func = attr.immortal_word()?;
    let has_dict = ty.has_flag(flags::HAS_DICT) && alloc::instance_ext(obj).is_some();
    if obj.downcast_ref::<PyModule>().is_some() {
        return None;
    }
    if has_dict && instance_shadows(obj, name) {
        return None;
    }
    Some(Entry::Method { type_version: ty.version(), func, has_dict })
}

/// Decides how `STORE_ATTR` should store `name` on objects of `obj`'s type.
fn specialize_store(obj: &Value, name: &Value) -> Entry {
    let ty = obj.class();
    if ty.has_flag(flags::CUSTOM_SETATTR) || obj.downcast_ref::<PyType>().is_some() {
        return Entry::Backoff(BACKOFF);
    }
    if alloc::instance_ext(obj).is_none() {
        return Entry::Backoff(BACKOFF);
    }
    match ty.lookup_value(name) {
        Some(a) if is_data_descriptor(&a) => match a.downcast_ref::<PyMemberDescriptor>() {
            Some(m) => Entry::Slot { type_version: ty.version(), index: m.index },
            None => Entry::Backoff(BACKOFF),
        },
        _ if ty.has_flag(flags::HAS_DICT) => instance_entry(ty, name, 0),
        _ => Entry::Backoff(BACKOFF),
    }
}
