//! Functions written in Rust: `builtin_function_or_method` and the method
//! descriptors that builtin types keep in their dicts.

use crate::function::args::Args;
use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

pub static BUILTIN_FUNCTION_TYPE: TypeCell = TypeCell::new();
pub static METHOD_DESCRIPTOR_TYPE: TypeCell = TypeCell::new();
pub static CLASSMETHOD_DESCRIPTOR_TYPE: TypeCell = TypeCell::new();

/// A builtin function, possibly bound to a receiver (`[].append`) or owned
/// by a module (`len`, whose `__self__` is the builtins module).
pub struct PyNativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// Prepended to the arguments when set (bound builtin methods).
    pub bound: Option<Value>,
    /// Owner type name for bound methods' reprs.
    pub owner: Option<&'static str>,
    pub module: Option<&'static str>,
    pub doc: Option<&'static str>,
}

impl PyPayload for PyNativeFunction {
    fn class() -> &'static PyRef<PyType> {
        BUILTIN_FUNCTION_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(b) = &self.bound {
            visit(b);
        }
    }
}

impl PyNativeFunction {
    pub fn new(name: &'static str, func: NativeFn) -> PyNativeFunction {
        PyNativeFunction { name, func, bound: None, owner: None, module: None, doc: None }
    }

    pub fn call(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
        match &self.bound {
            None => (self.func)(vm, args),
            Some(recv) => {
                let with_self = args.prepend(recv);
                (self.func)(vm, with_self.as_args())
            }
        }
    }
}

/// How a method descriptor binds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// `list.append`: receives the instance first.
    Instance,
    /// `dict.fromkeys`: receives the class first.
    Class,
    /// `str.maketrans`: receives nothing extra.
    Static,
}

/// A Rust method in a builtin type's dict, e.g. `list.append`.
pub struct PyMethodDescriptor {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    /// The type that defines the method; the receiver must be an instance.
    pub owner: PyRef<PyType>,
    pub doc: Option<&'static str>,
}

impl PyPayload for PyMethodDescriptor {
    fn class() -> &'static PyRef<PyType> {
        METHOD_DESCRIPTOR_TYPE.get()
    }
}

impl PyMethodDescriptor {
    /// Calls with the receiver as the first positional argument.
    pub fn call(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
        match self.kind {
            MethodKind::Static => (self.func)(vm, args),
            MethodKind::Class | MethodKind::Instance => {
                let Some(first) = args.pos.first() else {
                    let owner = self.owner.name();
                    return Err(vm.new_type_error(format!("unbound method {owner}.{}() needs an argument", self.name)));
                };
                if self.kind == MethodKind::Instance
                    && !std::ptr::eq(first.class(), self.owner.payload_ref())
                    && !first.class().is_subtype(&self.owner)
                {
                    let owner = self.owner.name();
                    let got = first.class().name();
                    return Err(vm.new_type_error(format!(
                        "descriptor '{}' for '{owner}' objects doesn't apply to a '{got}' object",
                        self.name
                    )));
                }
                (self.func)(vm, args)
            }
        }
    }
}

/// Adds Rust methods to a builtin type's dict.
pub fn add_methods(ty: &PyRef<PyType>, methods: &[(&'static str, NativeFn)]) {
    for (name, func) in methods {
        add_method_kind(ty, name, *func, MethodKind::Instance);
    }
}

pub fn add_method_kind(ty: &PyRef<PyType>, name: &'static str, func: NativeFn, kind: MethodKind) {
    let d = PyMethodDescriptor { name, func, kind, owner: ty.clone(), doc: None };
    let cls = if kind == MethodKind::Class { CLASSMETHOD_DESCRIPTOR_TYPE.get() } else { METHOD_DESCRIPTOR_TYPE.get() };
    let v = PyRef::new_with_type(d, cls).into_value();
    // Builtin types live as long as the program and every thread calls
    // their methods: immortal, so calls need no count and inline caches
    // can keep the descriptor without a reference.
    v.make_immortal();
    ty.dict().set_str_key(crate::intern::intern(name), v);
    crate::types::type_cache::invalidate_all();
}

/// A module-level builtin function value.
pub fn new_function(name: &'static str, func: NativeFn, module: &'static str) -> Value {
    let mut f = PyNativeFunction::new(name, func);
    f.module = Some(module);
    PyRef::new(f).into_value()
}
