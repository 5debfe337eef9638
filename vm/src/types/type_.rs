//! `type`: Python type objects.
//!
//! A `PyType` is `#[repr(C)]` with gc's `TypeInfo` first: every object
//! header's `ob_type` points at that field, which is how `gc` finds the
//! destructor and traversal of any object without knowing the VM.
//!
//! Builtin types are created once at start-up and are immortal; each lives
//! in a `TypeCell` static next to its payload. Heap types (classes) are
//! ordinary objects. What never changes after creation (layout, bases, MRO,
//! flags) is plain data; the dict and names are behind locks. Attribute
//! caches will key on `version`, bumped whenever this type's dict or a
//! base's dict changes.

use std::any::TypeId;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use skein_gc::TypeInfo;

use crate::object::{alloc, Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::value::Value;

pub static TYPE_TYPE: TypeCell = TypeCell::new();

/// A lazily set static holding a builtin type.
pub struct TypeCell(OnceLock<PyRef<PyType>>);

impl TypeCell {
    pub const fn new() -> TypeCell {
        TypeCell(OnceLock::new())
    }

    /// The type; builtin types are all created by `types::init` before any
    /// Python code runs, so a miss is a start-up ordering bug.
    #[inline]
    pub fn get(&'static self) -> &'static PyRef<PyType> {
        match self.0.get() {
            Some(t) => t,
            None => panic!("builtin type used before types::init"),
        }
    }

    /// The type if already created.
    pub fn get_opt(&'static self) -> Option<&'static PyRef<PyType>> {
        self.0.get()
    }

    pub fn set(&self, t: PyRef<PyType>) {
        t.as_obj_ref().make_immortal();
        let _ = self.0.set(t);
    }

    pub fn is_set(&self) -> bool {
        self.0.get().is_some()
    }
}

impl Default for TypeCell {
    fn default() -> Self {
        TypeCell::new()
    }
}

pub mod flags {
    /// Instances of this type may be subclassed.
    pub const BASETYPE: u32 = 1 << 0;
    /// A class created by `class`/`type()`.
    pub const HEAPTYPE: u32 = 1 << 1;
    /// Subclass of `BaseException`.
    pub const EXCEPTION: u32 = 1 << 2;
    /// Instances have a `__dict__`.
    pub const HAS_DICT: u32 = 1 << 3;
    /// Has abstract methods; `__abstractmethods__` non-empty.
    pub const ABSTRACT: u32 = 1 << 4;
    /// Some class in the MRO overrides `__getattribute__`.
    pub const CUSTOM_GETATTRIBUTE: u32 = 1 << 5;
    /// Some class in the MRO defines `__getattr__`.
    pub const HAS_GETATTR: u32 = 1 << 6;
    /// Some class in the MRO overrides `__setattr__` or `__delattr__`.
    pub const CUSTOM_SETATTR: u32 = 1 << 7;
    /// Instances are sequences / mappings for `match`.
    pub const SEQUENCE: u32 = 1 << 8;
    pub const MAPPING: u32 = 1 << 9;
    /// Instances can be weakly referenced (a class that has `__weakref__`;
    /// builtin types are listed in `types::weakref::weakrefable`).
    pub const WEAKREFABLE: u32 = 1 << 10;
    /// Some class in the MRO defines `__del__` (instances need finalizing).
    pub const HAS_DEL: u32 = 1 << 11;
}

/// How to build and destroy instances that extend a given base layout with
/// an `InstanceExt`; inherited by every subclass of that layout.
#[derive(Clone, Copy)]
pub struct SubclassOps {
    pub dealloc: unsafe fn(std::ptr::NonNull<skein_gc::ObjHeader>),
    pub traverse:
        unsafe fn(std::ptr::NonNull<skein_gc::ObjHeader>, &mut dyn FnMut(std::ptr::NonNull<skein_gc::ObjHeader>)),
    pub ext_offset: usize,
}

impl SubclassOps {
    pub fn of<T: PyPayload>() -> SubclassOps {
        SubclassOps {
            dealloc: alloc::dealloc_instance::<T>,
            traverse: alloc::traverse_instance::<T>,
            ext_offset: alloc::instance_ext_offset_of::<T>(),
        }
    }
}

#[repr(C)]
pub struct PyType {
    /// Must stay the first field (see the module doc).
    pub gc_info: TypeInfo,
    /// Rust layout of the builtin base payload of instances.
    pub layout: TypeId,
    pub subclass_ops: SubclassOps,
    /// Offset of the `InstanceExt` when instances carry one.
    ext_offset: Option<usize>,
    flags: std::sync::atomic::AtomicU32,
    name: Locked<String>,
    qualname: Locked<String>,
    pub base: Option<PyRef<PyType>>,
    pub bases: Vec<PyRef<PyType>>,
    /// Method resolution order without the type itself.
    mro: OnceLock<Vec<PyRef<PyType>>>,
    dict: OnceLock<PyRef<PyDict>>,
    /// Names of `__slots__` entries, including those of bases, by index.
    pub slot_names: Vec<String>,
    version: AtomicU64,
    /// Direct subclasses, for `__subclasses__()`, held weakly.
    pub subclasses: crate::types::subclasses::Subclasses,
    /// The attribute layout its instances' inline values follow, made on
    /// first use (boxed: blocks point at it).
    shared_keys: OnceLock<Box<crate::types::shared_keys::SharedKeys>>,
    /// How `next()` finds the native iterator in an instance of this
    /// builtin type, found once (`types::iterators::as_native_iterator`).
    native_iter: OnceLock<crate::types::iterators::NativeIterOf>,
    /// A builtin type's native `__new__` when calling the type needs
    /// nothing else, with the type version it was found at
    /// (`type_call::builtin_ctor`).
    ctor: OnceLock<(u64, Option<crate::function::native::NativeFn>)>,
}

impl PyPayload for PyType {
    fn class() -> &'static PyRef<PyType> {
        TYPE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = self.dict.get() {
            visit(&d.to_value());
        }
        // Every handle below is a counted reference of its own (the same
        // class may appear in `base`, `bases` and `mro`: once per handle).
        if let Some(b) = &self.base {
            visit(&b.to_value());
        }
        for b in &self.bases {
            visit(&b.to_value());
        }
        if let Some(mro) = self.mro.get() {
            for t in mro {
                visit(&t.to_value());
            }
        }
        self.subclasses.traverse(visit);
    }
}

static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

/// What `PyType::build` needs to know.
pub struct TypeSpec {
    pub name: String,
    pub qualname: String,
    pub flags: u32,
    pub base: Option<PyRef<PyType>>,
    pub bases: Vec<PyRef<PyType>>,
    pub slot_names: Vec<String>,
}

impl PyType {
    /// A builtin type whose instances are `PyObject<T>` (or `Instance<T>`
    /// when `with_ext`). `meta` is `type` except while bootstrapping it.
    pub fn new_builtin<T: PyPayload>(
        name: &str,
        base: Option<&PyRef<PyType>>,
        flags: u32,
        with_ext: bool,
    ) -> PyRef<PyType> {
        let subclass_ops = SubclassOps::of::<T>();
        let gc_info = if with_ext {
            TypeInfo { dealloc: subclass_ops.dealloc, traverse: Some(subclass_ops.traverse), finalize: None }
        } else {
            TypeInfo {
                dealloc: alloc::dealloc_plain::<T>,
                traverse: if T::IS_CONTAINER { Some(alloc::traverse_plain::<T>) } else { None },
                finalize: alloc::builtin_finalizer::<T>(),
            }
        };
        let ty = PyType {
            gc_info,
            layout: TypeId::of::<T>(),
            subclass_ops,
            ext_offset: if with_ext { Some(subclass_ops.ext_offset) } else { None },
            flags: std::sync::atomic::AtomicU32::new(flags | if with_ext { flags::HAS_DICT } else { 0 }),
            name: Locked::new(name.to_string()),
            qualname: Locked::new(name.to_string()),
            base: base.cloned(),
            bases: base.into_iter().cloned().collect(),
            mro: OnceLock::new(),
            dict: OnceLock::new(),
            slot_names: Vec::new(),
            version: AtomicU64::new(NEXT_VERSION.fetch_add(1, Ordering::Relaxed)),
            subclasses: Default::default(),
            shared_keys: OnceLock::new(),
            native_iter: OnceLock::new(),
            ctor: OnceLock::new(),
        };
        let r = if TYPE_TYPE.is_set() { PyRef::new(ty) } else { crate::types::bootstrap::new_type_object(ty) };
        if let Some(b) = base {
            let mut mro = vec![b.clone()];
            mro.extend(b.mro_without_self().iter().cloned());
            let _ = r.mro.set(mro);
        } else {
            let _ = r.mro.set(Vec::new());
        }
        r
    }

    /// A heap type (class). `layout_base` is the solid base whose payload
    /// instances carry; `mro` is already linearised (without the new type).
    pub fn new_heap(
        meta: &PyRef<PyType>,
        spec: TypeSpec,
        layout_base: &PyType,
        mro: Vec<PyRef<PyType>>,
        dict: PyRef<PyDict>,
    ) -> PyRef<PyType> {
        let ops = layout_base.subclass_ops;
        let ty = PyType {
            gc_info: TypeInfo {
                dealloc: ops.dealloc,
                traverse: Some(ops.traverse),
                finalize: Some(alloc::finalize_instance),
            },
            layout: layout_base.layout,
            subclass_ops: ops,
            ext_offset: Some(ops.ext_offset),
            flags: std::sync::atomic::AtomicU32::new(spec.flags | flags::HEAPTYPE),
            name: Locked::new(spec.name),
            qualname: Locked::new(spec.qualname),
            base: spec.base,
            bases: spec.bases,
            mro: OnceLock::new(),
            dict: OnceLock::new(),
            slot_names: spec.slot_names,
            version: AtomicU64::new(NEXT_VERSION.fetch_add(1, Ordering::Relaxed)),
            subclasses: Default::default(),
            shared_keys: OnceLock::new(),
            native_iter: OnceLock::new(),
            ctor: OnceLock::new(),
        };
        let r = PyRef::new_with_type(ty, meta);
        let _ = r.mro.set(mro);
        let _ = r.dict.set(dict);
        r
    }

    pub fn set_dict(&self, d: PyRef<PyDict>) {
        let _ = self.dict.set(d);
    }

    #[inline]
    pub fn dict(&self) -> &PyRef<PyDict> {
        match self.dict.get() {
            Some(d) => d,
            None => panic!("type dict used before types::init"),
        }
    }

    pub fn name(&self) -> String {
        self.name.lock().clone()
    }

    pub fn set_name(&self, n: String) {
        *self.name.lock() = n;
    }

    pub fn qualname(&self) -> String {
        self.qualname.lock().clone()
    }

    pub fn set_qualname(&self, n: String) {
        *self.qualname.lock() = n;
    }

    #[inline]
    pub fn flags(&self) -> u32 {
        self.flags.load(Ordering::Relaxed)
    }

    /// The native-iterator accessor recorded for this type, if any yet.
    #[inline]
    pub fn native_iter_slot(&self) -> Option<crate::types::iterators::NativeIterOf> {
        self.native_iter.get().copied()
    }

    /// Records how instances reach their native iterator (for builtin
    /// types, whose instances' layout never changes; a class records that
    /// it has none).
    pub fn set_native_iter_slot(&self, f: crate::types::iterators::NativeIterOf) {
        let _ = self.native_iter.set(f);
    }

    /// What `type_call::builtin_ctor` recorded for this type, if anything yet.
    #[inline]
    pub fn ctor_slot(&self) -> Option<(u64, Option<crate::function::native::NativeFn>)> {
        self.ctor.get().copied()
    }

    pub fn set_ctor_slot(&self, v: (u64, Option<crate::function::native::NativeFn>)) {
        let _ = self.ctor.set(v);
    }

    #[inline]
    pub fn is_heap_type(&self) -> bool {
        self.flags() & flags::HEAPTYPE != 0
    }

    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags() & f != 0
    }

    pub fn set_flag(&self, f: u32, on: bool) {
        if on {
            self.flags.fetch_or(f, Ordering::Relaxed);
        } else {
            self.flags.fetch_and(!f, Ordering::Relaxed);
        }
    }

    #[inline]
    pub fn instance_ext_offset(&self) -> Option<usize> {
        self.ext_offset
    }

    /// The layout of its instances' inline values.
    #[inline]
    pub fn shared_keys(&self) -> &crate::types::shared_keys::SharedKeys {
        self.shared_keys.get_or_init(Default::default)
    }

    pub fn slot_count(&self) -> usize {
        self.slot_names.len()
    }

    /// The MRO without the type itself.
    #[inline]
    pub fn mro_without_self(&self) -> &[PyRef<PyType>] {
        self.mro.get().map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The full MRO as owned references, the type first.
    pub fn mro(&self) -> Vec<PyRef<PyType>> {
        let mut v = vec![self.to_ref()];
        v.extend(self.mro_without_self().iter().cloned());
        v
    }

    pub fn to_ref(&self) -> PyRef<PyType> {
        alloc::type_to_ref(self)
    }

    pub fn to_value(&self) -> Value {
        self.to_ref().into_value()
    }

    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }

    /// Invalidates cached lookups on this type and every subclass (whose
    /// MRO includes this type's dict).
    pub fn modified(&self) {
        self.version.store(NEXT_VERSION.fetch_add(1, Ordering::Relaxed), Ordering::Release);
        for s in self.subclasses.live() {
            s.modified();
        }
    }

    /// Looks `name` up along the MRO, without descriptors. Results are
    /// cached per thread (see `type_cache`).
    #[inline]
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let hash = crate::types::str::hash_str(name);
        let ty = self as *const PyType as usize;
        let version = self.version.load(Ordering::Acquire);
        if let Some(hit) = crate::types::type_cache::get(ty, version, hash, name) {
            return hit;
        }
        let r = self.lookup_uncached(name);
        crate::types::type_cache::put(ty, version, hash, name, r.clone());
        r
    }

    /// `lookup` for a `str` value (an interned attribute name).
    #[inline]
    pub fn lookup_value(&self, name: &Value) -> Option<Value> {
        let Some(s) = name.downcast_ref::<crate::types::str::PyStr>() else { return None };
        let hash = s.hash();
        let ty = self as *const PyType as usize;
        let version = self.version.load(Ordering::Acquire);
        if let Some(hit) = crate::types::type_cache::get_value(ty, version, hash, name) {
            return hit;
        }
        let r = self.lookup_uncached(s.as_str());
        crate::types::type_cache::put(ty, version, hash, s.as_str(), r.clone());
        r
    }

    /// The MRO walk behind `lookup`.
    pub fn lookup_uncached(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict().get_str(name) {
            return Some(v);
        }
        for t in self.mro_without_self() {
            if let Some(v) = t.dict().get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// `issubclass(self, other)` by MRO.
    #[inline]
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.mro_without_self().iter().any(|t| std::ptr::eq(t.payload_ref(), other))
    }

    #[inline]
    pub fn is(&self, other: &PyRef<PyType>) -> bool {
        std::ptr::eq(self, other.payload_ref())
    }

    #[inline]
    pub fn is_syntax_error_like(&self) -> bool {
        self.is_subtype(&crate::types::exceptions::exc().syntax_error)
    }

    #[inline]
    pub fn is_str_exact(&self) -> bool {
        self.is(crate::types::str::STR_TYPE.get())
    }
}
