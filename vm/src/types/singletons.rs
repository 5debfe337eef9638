//! `None`, `NotImplemented`, `Ellipsis`, `True` and `False`: immortal
//! objects created once at start-up.

use skein_threading::sync::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static NONE_TYPE: TypeCell = TypeCell::new();
pub static NOT_IMPLEMENTED_TYPE: TypeCell = TypeCell::new();
pub static ELLIPSIS_TYPE: TypeCell = TypeCell::new();
pub static BOOL_TYPE: TypeCell = TypeCell::new();

pub struct PyNone;
pub struct PyNotImplemented;
pub struct PyEllipsis;
/// The payload of `True` and `False` (a subclass of `int`, but with its own
/// layout: arithmetic treats it as 0/1).
pub struct PyBool(pub bool);

impl PyPayload for PyNone {
    fn class() -> &'static PyRef<PyType> {
        NONE_TYPE.get()
    }
}
impl PyPayload for PyNotImplemented {
    fn class() -> &'static PyRef<PyType> {
        NOT_IMPLEMENTED_TYPE.get()
    }
}
impl PyPayload for PyEllipsis {
    fn class() -> &'static PyRef<PyType> {
        ELLIPSIS_TYPE.get()
    }
}
impl PyPayload for PyBool {
    fn class() -> &'static PyRef<PyType> {
        BOOL_TYPE.get()
    }
}

struct Singletons {
    none: Value,
    not_implemented: Value,
    ellipsis: Value,
    true_: Value,
    false_: Value,
}

static SINGLETONS: OnceLock<Singletons> = OnceLock::new();

fn immortal<T: PyPayload>(p: T) -> Value {
    let r = PyRef::new(p);
    r.as_obj_ref().make_immortal();
    r.into_value()
}

pub(crate) fn init_singletons() {
    let _ = SINGLETONS.set(Singletons {
        none: immortal(PyNone),
        not_implemented: immortal(PyNotImplemented),
        ellipsis: immortal(PyEllipsis),
        true_: immortal(PyBool(true)),
        false_: immortal(PyBool(false)),
    });
    let s = s();
    NONE_WORD.store(s.none.raw_word(), Ordering::Relaxed);
    NOT_IMPLEMENTED_WORD.store(s.not_implemented.raw_word(), Ordering::Relaxed);
    TRUE_WORD.store(s.true_.raw_word(), Ordering::Relaxed);
    FALSE_WORD.store(s.false_.raw_word(), Ordering::Relaxed);
}

#[inline]
fn s() -> &'static Singletons {
    match SINGLETONS.get() {
        Some(s) => s,
        None => panic!("singletons used before types::init"),
    }
}

#[inline]
pub fn none() -> Value {
    immortal_copy(&s().none)
}
#[inline]
pub fn not_implemented() -> Value {
    immortal_copy(&s().not_implemented)
}
#[inline]
pub fn ellipsis() -> Value {
    immortal_copy(&s().ellipsis)
}
#[inline]
pub fn bool_value(b: bool) -> Value {
    let s = s();
    immortal_copy(if b { &s.true_ } else { &s.false_ })
}

/// A singleton without touching its count: they are all immortal
/// (`immortal` above), so a copy of the word is a valid value, and the
/// push of a `None` or a bool costs no count check.
#[inline(always)]
fn immortal_copy(v: &Value) -> Value {
    crate::interp::inline_cache::cached_value(v.raw_word())
}

/// The singletons' words, for identity tests without the `OnceLock` state
/// check (`POP_JUMP_IF_*`, `is None`). Before `init_singletons` they are 0,
/// which no value has, so a test is simply false.
static NONE_WORD: AtomicUsize = AtomicUsize::new(0);
static NOT_IMPLEMENTED_WORD: AtomicUsize = AtomicUsize::new(0);
static TRUE_WORD: AtomicUsize = AtomicUsize::new(0);
static FALSE_WORD: AtomicUsize = AtomicUsize::new(0);

impl Value {
    #[inline(always)]
    fn is_word(&self, w: &AtomicUsize) -> bool {
        self.raw_word() == w.load(Ordering::Relaxed)
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        self.is_word(&NONE_WORD)
    }
    #[inline]
    pub fn is_not_implemented(&self) -> bool {
        self.is_word(&NOT_IMPLEMENTED_WORD)
    }
    #[inline]
    pub fn is_true_obj(&self) -> bool {
        self.is_word(&TRUE_WORD)
    }
    #[inline]
    pub fn is_false_obj(&self) -> bool {
        self.is_word(&FALSE_WORD)
    }
    /// `Some(b)` if this is `True` or `False`.
    #[inline]
    pub fn as_bool_obj(&self) -> Option<bool> {
        if self.is_true_obj() {
            Some(true)
        } else if self.is_false_obj() {
            Some(false)
        } else {
            None
        }
    }
}
