//! Calling a type (`cls(...)`: `__new__` then `__init__`) and the methods
//! of `object` and `type`. Class creation itself is in `class_new`.

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::intern::{intern, names, StaticName};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::type_::{flags, PyType, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use crate::types::class_new::{build_class, update_special_flags};

/// Calls the class `cls`: through its metaclass's `__call__` when the
/// metaclass overrides it, else `call_type`.
pub fn call_class(vm: &mut Vm, cls: &PyRef<PyType>, args: Args<'_>) -> PyResult<Value> {
    let meta = cls.class();
    if !meta.is(TYPE_TYPE.get()) {
        if let Some(f) = meta.lookup("__call__") {
            let is_type_call = TYPE_TYPE.get().dict().get_str("__call__").is_some_and(|t| t.is(&f));
            if !is_type_call {
                let cls_v = cls.to_value();
                let with_cls = args.prepend(&cls_v);
                return vm.call_unbound_args(&f, &cls_v, with_cls.as_args());
            }
        }
    }
    call_type(vm, cls, args)
}

/// `type.__call__(cls, *args, **kwargs)`.
fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("descriptor '__call__' requires a 'type' object"));
    };
    call_type(vm, &cls, args.skip_self())
}

/// `cls(*args, **kwargs)`: `cls.__new__`, then `__init__` of the result
/// when it is an instance of `cls`.
pub fn call_type(vm: &mut Vm, cls: &PyRef<PyType>, args: Args<'_>) -> PyResult<Value> {
    let cls_v = cls.to_value();
    if cls.is(TYPE_TYPE.get()) {
        // type(x) with one argument; otherwise type(name, bases, ns).
        if args.pos.len() == 1 && !args.has_kwargs() {
            return Ok(args.pos[0].class_ref().into_value());
        }
        if args.pos.len() != 3 {
            return Err(vm.new_type_error("type() takes 1 or 3 arguments"));
        }
    }
    if cls.is(crate::types::str::STR_TYPE.get()) && args.pos.len() == 1 && !args.has_kwargs() {
        // str(x): all that str.__new__ does with one argument (str's
        // __init__ is object's), without the argument rows.
        return vm.str(&args.pos[0]);
    }
    if args.pos.len() <= 1 && !args.has_kwargs() {
        // list(x) and set(x): `__new__` and `__init__` in one step.
        if cls.is(crate::types::list::LIST_TYPE.get()) {
            let items = match args.pos.first() {
                Some(x) => vm.collect(x)?,
                None => Vec::new(),
            };
            return Ok(crate::types::list::new_list(items));
        }
        if cls.is(crate::types::small::SET_TYPE.get()) {
            let s = PyRef::new(crate::types::small::PySet::new());
            if let Some(x) = args.pos.first() {
                crate::types::set_methods::update_from(vm, &s, x)?;
            }
            return Ok(s.into_value());
        }
    }
    if let Some(f) = builtin_ctor(cls) {
        // range(n), tuple(x), enumerate(x), ...: the native `__new__` alone.
        let with_cls = args.prepend(&cls_v);
        let obj = f(vm, with_cls.as_args())?;
        if obj.is_exact(cls) || !obj.class().is_subtype(cls) {
            return Ok(obj);
        }
        return init_instance(vm, cls, obj, args);
    }
    let Some(new) = cls.lookup_value(names::NEW.get()) else {
        return Err(vm.new_type_error(format!("cannot create '{}' instances", cls.name())));
    };
    if is_native(&new, object_new) {
        return call_plain_class(vm, cls, args);
    }
    let with_cls = args.prepend(&cls_v);
    let new = vm.descr_get(&new, None, &cls_v)?;
    let obj = vm.call_args(&new, with_cls.as_args())?;
    if !obj.class().is_subtype(cls) {
        return Ok(obj);
    }
    init_instance(vm, cls, obj, args)
}

/// The `__init__` step of `call_type` for `obj`, an instance of `cls`.
fn init_instance(vm: &mut Vm, cls: &PyRef<PyType>, obj: Value, args: Args<'_>) -> PyResult<Value> {
    if let Some(init) = obj.class().lookup_value(names::INIT.get()) {
        // `object.__init__` on an instance of exactly `cls`, whose `__new__`
        // is not `object.__new__`, accepts any arguments and does nothing
        // (`range(n)`, `tuple(x)`, `enumerate(x)`, ...).
        if !(obj.is_exact(cls) && is_native(&init, object_init)) {
            run_init(vm, &init, &obj, args)?;
        }
    }
    Ok(obj)
}

/// The native `__new__` of a builtin (immutable) class whose `__init__`
/// is `object.__init__` (which then does nothing: `__new__` is not
/// `object.__new__`), found once per type and version; `None` for any other
/// class, including every heap type.
fn builtin_ctor(cls: &PyType) -> Option<crate::function::native::NativeFn> {
    use crate::function::native::PyMethodDescriptor;
    if cls.is_heap_type() {
        return None;
    }
    let version = cls.version();
    if let Some((v, f)) = cls.ctor_slot() {
        return f.filter(|_| v == version);
    }
    let init_is_object = cls.lookup_value(names::INIT.get()).is_none_or(|i| is_native(&i, object_init));
    let f = cls.lookup_value(names::NEW.get()).and_then(|new| {
        let d = new.downcast_ref::<PyMethodDescriptor>()?;
        let native_new = d.kind == MethodKind::Static && !std::ptr::fn_addr_eq(d.func, object_new as NativeFn);
        (native_new && init_is_object).then_some(d.func)
    });
    cls.set_ctor_slot((version, f));
    f
}

/// `call_type` for a class whose `__new__` is `object.__new__` (most
/// classes): what `object_new` and then `__init__` do, without building
/// argument arrays for `__new__` or looking anything up twice.
fn call_plain_class(vm: &mut Vm, cls: &PyRef<PyType>, args: Args<'_>) -> PyResult<Value> {
    let init = cls.lookup_value(names::INIT.get());
    let init_is_object = init.as_ref().is_none_or(|i| is_native(i, object_init));
    // object_new's check, with `__new__` known not to be overridden.
    if !args.is_empty() && init_is_object {
        return Err(vm.new_type_error(format!("{}() takes no arguments", cls.name())));
    }
    if cls.layout != std::any::TypeId::of::<()>() {
        return Err(vm.new_type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name(),
            cls.name()
        )));
    }
    if cls.has_flag(flags::ABSTRACT) {
        return Err(abstract_error(vm, cls));
    }
    let obj = PyRef::new_with_type((), cls).into_value();
    // `object.__init__` with no arguments does nothing.
    if let Some(init) = init.filter(|_| !init_is_object) {
        run_init(vm, &init, &obj, args)?;
    }
    Ok(obj)
}

/// The `__init__` of `cls` when `cls(...)` means `object.__new__(cls)`
/// followed by a Python `__init__` (the dispatch loop then runs the
/// initialiser as an inline frame, `interp/call_ops.rs`): `type` is the
/// metaclass, `__new__` is `object`'s, instances have no builtin base
/// payload and the class is not abstract. `None` for anything else.
pub(crate) fn plain_python_init(cls: &PyRef<PyType>) -> Option<Value> {
    if !may_have_plain_init(cls) {
        return None;
    }
    let new = cls.lookup_value(names::NEW.get())?;
    if !is_native(&new, object_new) {
        return None;
    }
    let init = cls.lookup_value(names::INIT.get())?;
    init.downcast_ref::<crate::function::PyFunction>()?;
    Some(init)
}

/// The checks of `plain_python_init` that need no lookup: `type` is the
/// metaclass, instances have no builtin base payload, not abstract.
#[inline]
pub(crate) fn may_have_plain_init(cls: &PyRef<PyType>) -> bool {
    cls.class().is(TYPE_TYPE.get()) && cls.layout == std::any::TypeId::of::<()>() && !cls.has_flag(flags::ABSTRACT)
}

/// Calls `init(obj, *args)` and checks that it returned `None`.
fn run_init(vm: &mut Vm, init: &Value, obj: &Value, args: Args<'_>) -> PyResult<()> {
    let with_self = args.prepend(obj);
    let r = vm.call_unbound_args(init, obj, with_self.as_args())?;
    if !r.is_none() {
        return Err(vm.new_type_error(format!("__init__() should return None, not '{}'", r.class().name())));
    }
    Ok(())
}

/// Whether `v` is the builtin method descriptor of `f` (e.g.
/// `object.__new__`, wherever it was found).
fn is_native(v: &Value, f: crate::function::native::NativeFn) -> bool {
    v.downcast_ref::<crate::function::native::PyMethodDescriptor>().is_some_and(|d| std::ptr::fn_addr_eq(d.func, f))
}

// ---- type methods ----------------------------------------------------------

/// `type.__init__(cls, [name, bases, ns], **kw)`: the class is already
/// built; only the argument count is checked.
fn type_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if args.has_kwargs() && n == 1 {
        return Err(vm.new_type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(vm.new_type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(none())
}

/// `cls.__abstractmethods__`: set by `abc.ABCMeta`; a non-empty value
/// makes `object.__new__` refuse to instantiate the class. `type` itself
/// has none (the name would otherwise be found as this descriptor).
fn type_get_abstractmethods(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let found = match v.downcast_ref::<PyType>() {
        Some(t) if !t.is(TYPE_TYPE.get()) => t.dict().get_str("__abstractmethods__"),
        _ => None,
    };
    found.ok_or_else(|| vm.new_attribute_error("__abstractmethods__"))
}

fn type_set_abstractmethods(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    let abstract_ = match n {
        Some(n) => {
            let b = vm.truthy(&n)?;
            t.dict().set_str_key(intern("__abstractmethods__"), n);
            b
        }
        None => {
            if t.dict().pop_item(vm, &intern("__abstractmethods__"))?.is_none() {
                return Err(vm.new_attribute_error("__abstractmethods__"));
            }
            false
        }
    };
    t.set_flag(flags::ABSTRACT, abstract_);
    t.modified();
    Ok(())
}

fn type_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    match a[0].downcast_ref::<PyType>() {
        Some(t) => Ok(new_str(crate::builtins::type_repr(t))),
        None => Err(vm.new_type_error("descriptor '__repr__' requires a 'type' object")),
    }
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "mro", 1)?;
    match a[0].downcast_ref::<PyType>() {
        Some(t) => Ok(crate::types::list::new_list(t.mro().into_iter().map(|x| x.into_value()).collect())),
        None => Err(vm.new_type_error("mro() requires a type")),
    }
}

fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__subclasses__", 1)?;
    match a[0].downcast_ref::<PyType>() {
        Some(t) => {
            let subs: Vec<Value> = t.subclasses.live().into_iter().map(PyRef::into_value).collect();
            Ok(crate::types::list::new_list(subs))
        }
        None => Err(vm.new_type_error("descriptor '__subclasses__' requires a 'type' object")),
    }
}

fn type_get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_str(t.name())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_str(t.qualname())),
        None => Err(vm.new_type_error("not a type")),
    }
}
/// CPython's `check_set_special_type_attr` and `type_set_name`'s checks:
/// builtin types are immutable, the names cannot be deleted, and only a
/// `str` is accepted. Returns the new text.
fn special_type_name(vm: &mut Vm, v: &Value, n: Option<Value>, attr: &str) -> PyResult<String> {
    let Some(t) = v.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    if !t.is_heap_type() {
        return Err(vm.new_type_error(format!("cannot set '{attr}' attribute of immutable type '{}'", t.name())));
    }
    let Some(n) = n else {
        return Err(vm.new_type_error(format!("cannot delete '{attr}' attribute of immutable type '{}'", t.name())));
    };
    match n.as_str() {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = format!("can only assign string to {}.{attr}, not '{}'", t.name(), n.class().name());
            Err(vm.new_type_error(msg))
        }
    }
}
fn type_set_name(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let s = special_type_name(vm, v, n, "__name__")?;
    if s.contains('\0') {
        return Err(vm.new_value_error("type name must not contain null characters"));
    }
    if let Some(t) = v.downcast_ref::<PyType>() {
        t.set_name(s);
    }
    Ok(())
}
fn type_set_qualname(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let s = special_type_name(vm, v, n, "__qualname__")?;
    if let Some(t) = v.downcast_ref::<PyType>() {
        t.set_qualname(s);
    }
    Ok(())
}
fn type_get_mro(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_tuple(t.mro().into_iter().map(|x| x.into_value()).collect())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_bases(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_tuple(t.bases.iter().map(|x| x.to_value()).collect())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_base(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(t.base.as_ref().map(|b| b.to_value()).unwrap_or_else(none)),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(crate::types::mappingproxy::new_mappingproxy(t.dict().to_value())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) if t.is_heap_type() => Ok(t.dict().get_str("__module__").unwrap_or_else(|| intern("builtins"))),
        // A native type names its module with a str in its dict; `type`'s
        // own dict holds this very descriptor under the name, which must
        // not come back as the answer (`type.__module__` is 'builtins').
        // Interned, as CPython's answer is one object: pickle memoizes it.
        Some(t) => {
            Ok(t.dict().get_str("__module__").filter(|m| m.as_str().is_some()).unwrap_or_else(|| intern("builtins")))
        }
        None => Err(vm.new_type_error("not a type")),
    }
}

fn type_set_module(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    match v.downcast_ref::<PyType>() {
        Some(t) if t.is_heap_type() => {
            t.dict().set_str_key(intern("__module__"), n.unwrap_or_else(none));
            Ok(())
        }
        Some(t) => {
            Err(vm.new_type_error(format!("cannot set '__module__' attribute of immutable type '{}'", t.name())))
        }
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => {
            let d = t.dict().get_str("__doc__").unwrap_or_else(none);
            if t.is_heap_type() {
                return vm.descr_get(&d, None, v);
            }
            Ok(d)
        }
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_set_doc(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    match v.downcast_ref::<PyType>() {
        Some(t) if t.is_heap_type() => {
            t.dict().set_str_key(intern("__doc__"), n.unwrap_or_else(none));
            Ok(())
        }
        Some(t) => Err(vm.new_type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", t.name()))),
        None => Err(vm.new_type_error("not a type")),
    }
}

/// `type.__prepare__(name, bases, **kw)`: the namespace of a class body
/// when the metaclass has no `__prepare__` of its own.
fn type_prepare(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(PyDict::new_ref().into_value())
}

/// `type.__instancecheck__(cls, obj)`: the check `isinstance` does when no
/// metaclass overrides it (so overrides can defer to it with `super()`).
fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__instancecheck__", 2)?;
    Ok(bool_value(crate::builtins::functions::recursive_isinstance(vm, &a[1], &a[0])?))
}

/// `type.__subclasscheck__(cls, sub)`.
fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__subclasscheck__", 2)?;
    Ok(bool_value(crate::builtins::functions::recursive_issubclass(vm, &a[1], &a[0])?))
}

/// `object.__dir__()` and `type.__dir__()`: the unsorted listing `dir()`
/// sorts.
fn default_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__dir__", 1)?;
    let names = crate::builtins::functions::default_dir(vm, &a[0])?;
    Ok(crate::types::list::new_list(names))
}

/// `cls.__annotations__` (3.10+): the class's own, created empty on first
/// access, never a base's.
fn type_get_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    if !t.is_heap_type() {
        return Err(vm.new_attribute_error(format!("type object '{}' has no attribute '__annotations__'", t.name())));
    }
    match t.dict().get_str("__annotations__") {
        Some(a) if a.class().lookup("__get__").is_some() => vm.descr_get(&a, None, v),
        Some(a) => Ok(a),
        None => {
            let d = PyDict::new_ref().into_value();
            t.dict().set_str_key(intern("__annotations__"), d.clone());
            t.modified();
            Ok(d)
        }
    }
}

fn type_set_annotations(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    if !t.is_heap_type() {
        return Err(
            vm.new_type_error(format!("cannot set '__annotations__' attribute of immutable type '{}'", t.name()))
        );
    }
    match n {
        Some(n) => t.dict().set_str_key(intern("__annotations__"), n),
        None => {
            if t.dict().pop_item(vm, &intern("__annotations__"))?.is_none() {
                return Err(vm.new_attribute_error("__annotations__"));
            }
        }
    }
    t.modified();
    Ok(())
}

// ---- object methods ----------------------------------------------------------

/// Whether `cls` has a `__new__` / `__init__` other than `object`'s.
fn overrides_new_init(cls: &PyType) -> (bool, bool) {
    let differs = |name: &StaticName, f: crate::function::native::NativeFn| {
        cls.lookup_value(name.get()).is_some_and(|v| !is_native(&v, f))
    };
    (differs(&names::NEW, object_new), differs(&names::INIT, object_init))
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("object.__new__(X): X is not a type object"));
    };
    if args.len() > 1 {
        let (overrides_new, overrides_init) = overrides_new_init(&cls);
        if !overrides_init || overrides_new {
            return Err(vm.new_type_error(format!("{}() takes no arguments", cls.name())));
        }
    }
    if cls.layout != std::any::TypeId::of::<()>() {
        return Err(vm.new_type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name(),
            cls.name()
        )));
    }
    if cls.has_flag(flags::ABSTRACT) {
        return Err(abstract_error(vm, &cls));
    }
    Ok(PyRef::new_with_type((), &cls).into_value())
}

/// "Can't instantiate abstract class C with abstract methods a, b".
fn abstract_error(vm: &mut Vm, cls: &PyRef<PyType>) -> crate::vm::PyErr {
    let names = match cls.dict().get_str("__abstractmethods__") {
        Some(m) => vm.collect(&m),
        None => Ok(Vec::new()),
    };
    let mut names = match names {
        Ok(n) => n.iter().map(|v| v.as_str().unwrap_or("?").to_string()).collect::<Vec<_>>(),
        Err(e) => return e,
    };
    names.sort();
    let s = if names.len() > 1 { "s" } else { "" };
    vm.new_type_error(format!(
        "Can't instantiate abstract class {} with abstract method{s} {}",
        cls.name(),
        names.join(", ")
    ))
}

fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.len() > 1 {
        let cls = args.pos[0].class_ref();
        let (overrides_new, overrides_init) = overrides_new_init(&cls);
        if !overrides_new || overrides_init {
            return Err(vm.new_type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                cls.name()
            )));
        }
    }
    Ok(none())
}

fn object_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    Ok(new_str(crate::protocol::text::default_repr(&a[0])))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__str__", 1)?;
    vm.repr(&a[0])
}

fn object_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__eq__", 2)?;
    Ok(if a[0].is(&a[1]) { bool_value(true) } else { not_implemented() })
}

fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__ne__", 2)?;
    let r = vm.rich_compare(&a[0], &a[1], skein_compiler::bytecode::CompareOp::Eq)?;
    if r.is_not_implemented() {
        return Ok(r);
    }
    let b = vm.truthy(&r)?;
    Ok(bool_value(!b))
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__hash__", 1)?;
    Ok(crate::types::int::int_from_i64(crate::protocol::hash::hash_pointer(a[0].raw_word())))
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__getattribute__", 2)?;
    vm.generic_getattr(&a[0], &a[1])
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__setattr__", 3)?;
    vm.generic_setattr(&a[0], &a[1], Some(a[2].clone()))?;
    Ok(none())
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__delattr__", 2)?;
    vm.generic_setattr(&a[0], &a[1], None)?;
    Ok(none())
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__format__", 2)?;
    if a[1].as_str().is_some_and(|s| !s.is_empty()) {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("unsupported format string passed to {t}.__format__")));
    }
    vm.str(&a[0])
}

/// `object.__init_subclass__()`: accepts nothing; class keywords that no
/// `__init_subclass__` consumed end up here and are an error.
fn object_init_subclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let who = match args.pos.first().and_then(|c| c.downcast_ref::<PyType>()) {
        Some(t) => format!("{}.__init_subclass__", t.qualname()),
        None => "object.__init_subclass__".to_string(),
    };
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("{who}() takes no keyword arguments")));
    }
    if args.pos.len() > 1 {
        return Err(vm.new_type_error(format!("{who}() takes no arguments ({} given)", args.pos.len() - 1)));
    }
    Ok(none())
}

/// `object.__subclasshook__(sub)`: no opinion, for ABCs to override.
fn object_subclasshook(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(not_implemented())
}

fn object_get_class(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.class_ref().into_value())
}

/// `obj.__class__ = C`: allowed between heap types with the same layout.
fn object_set_class(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let Some(newv) = n else {
        return Err(vm.new_type_error("can't delete __class__ attribute"));
    };
    let Some(new) = newv.downcast::<PyType>() else {
        let t = newv.class().name();
        return Err(vm.new_type_error(format!("__class__ must be set to a class, not '{t}' object")));
    };
    let old = v.class_ref();
    if !old.is_heap_type() || !new.is_heap_type() {
        return Err(vm.new_type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if old.layout != new.layout
        || old.slot_names != new.slot_names
        || old.has_flag(flags::HAS_DICT) != new.has_flag(flags::HAS_DICT)
    {
        return Err(vm.new_type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    // Inline values are indexed by the old class's layout: move them to a
    // dict first.
    if let Some(ext) = crate::object::alloc::instance_ext(v) {
        ext.materialize();
    }
    // The object holds a reference to its type: take one on the new type,
    // release the old one.
    std::mem::forget(new.clone());
    if let Some(h) = v.header() {
        h.set_type_info(&new.payload_ref().gc_info);
    }
    // Release the reference the object held on its old type.
    drop(crate::object::alloc::take_type_reference(&old));
    Ok(())
}

fn object_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::protocol::attr::instance_dict(v, true) {
        Some(d) => Ok(d.into_value()),
        None => Err(vm.new_attribute_error(format!("'{}' object has no attribute '__dict__'", v.class().name()))),
    }
}

fn object_set_dict(vm: &mut Vm, v: &Value, d: Option<Value>) -> PyResult<()> {
    // `del obj.__dict__` leaves the instance with an empty one.
    let d = d.unwrap_or_else(|| PyDict::new_ref().into_value());
    let Some(d) = d.downcast::<PyDict>() else {
        let t = d.class().name();
        return Err(vm.new_type_error(format!("__dict__ must be set to a dictionary, not a '{t}'")));
    };
    match crate::object::alloc::instance_ext(v) {
        Some(ext) => {
            ext.set_dict(d);
            Ok(())
        }
        None => Err(vm.new_attribute_error("no __dict__")),
    }
}

pub(crate) fn init_object_and_type_methods(object: &PyRef<PyType>, ty: &PyRef<PyType>) {
    add_method_kind(object, "__new__", object_new, MethodKind::Static);
    add_methods(
        object,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
        ],
    );
    add_method_kind(object, "__init_subclass__", object_init_subclass, MethodKind::Class);
    add_method_kind(object, "__subclasshook__", object_subclasshook, MethodKind::Class);
    add_methods(object, &[("__dir__", default_dir)]);
    crate::function::descriptors::add_getset(object, "__class__", object_get_class, Some(object_set_class));
    crate::function::descriptors::add_getset(object, "__dict__", object_get_dict, Some(object_set_dict));

    add_method_kind(ty, "__new__", crate::types::class_new::type_new, MethodKind::Static);
    add_methods(
        ty,
        &[
            ("__init__", type_init),
            ("__call__", type_call),
            ("__repr__", type_repr),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__dir__", default_dir),
        ],
    );
    add_method_kind(ty, "__prepare__", type_prepare, MethodKind::Class);
    use crate::function::descriptors::add_getset;
    add_getset(ty, "__name__", type_get_name, Some(type_set_name));
    add_getset(ty, "__qualname__", type_get_qualname, Some(type_set_qualname));
    add_getset(ty, "__mro__", type_get_mro, None);
    add_getset(ty, "__bases__", type_get_bases, None);
    add_getset(ty, "__base__", type_get_base, None);
    add_getset(ty, "__dict__", type_get_dict, None);
    add_getset(ty, "__module__", type_get_module, Some(type_set_module));
    add_getset(ty, "__doc__", type_get_doc, Some(type_set_doc));
    add_getset(ty, "__abstractmethods__", type_get_abstractmethods, Some(type_set_abstractmethods));
    add_getset(ty, "__annotations__", type_get_annotations, Some(type_set_annotations));
}
