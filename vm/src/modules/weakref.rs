//! `_weakref`: `ref` (`ReferenceType`, subclassable), `proxy` with
//! `ProxyType` / `CallableProxyType`, `getweakrefcount`, `getweakrefs`,
//! `_remove_dead_weakref`. The payload and the table behind them are in
//! `types/weakref.rs` and `types/weakref_table.rs`.
//!
//! A proxy forwards every operation to its referent (dereferenced for each
//! operation, `ReferenceError` once it is gone), unwrapping proxies among
//! the operands as CPython's `UNWRAP` does.

use skein_compiler::bytecode::{BinaryOp, CompareOp};

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, new_function, MethodKind, NativeFn};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::types::weakref::{
    first_weakref, new_weakref, weakref_count, weakrefs_of, PyWeakRef, WeakKind, CALLABLE_PROXY_TYPE, PROXY_TYPE,
    REF_TYPE,
};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ---- ref --------------------------------------------------------------------------------

/// `(ob, callback)` of `ref.__new__` / `ref.__init__`: one or two
/// positional arguments; keywords are ignored (subclasses take their own,
/// as CPython's `parse_weakref_init_args` does).
fn ob_and_callback<'a>(vm: &mut Vm, pos: &'a [Value], fname: &str) -> PyResult<(&'a Value, Option<Value>)> {
    match pos {
        [] => Err(vm.new_type_error(format!("{fname} expected at least 1 argument, got 0"))),
        [ob] => Ok((ob, None)),
        [ob, cb] => Ok((ob, Some(cb.clone()))),
        _ => Err(vm.new_type_error(format!("{fname} expected at most 2 arguments, got {}", pos.len()))),
    }
}

fn ref_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("ReferenceType.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(REF_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("ReferenceType.__new__({n}): {n} is not a subtype of ReferenceType")));
    }
    let (ob, cb) = ob_and_callback(vm, &args.pos[1..], "__new__")?;
    Ok(new_weakref(vm, ob, cb, &cls, WeakKind::Ref)?.into_value())
}

fn ref_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    ob_and_callback(vm, args.pos.get(1..).unwrap_or(&[]), "__init__")?;
    Ok(none())
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyWeakRef> {
    match v.downcast_ref::<PyWeakRef>() {
        Some(w) => Ok(w),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(format!("descriptor requires a 'weakref' object but received '{t}'")))
        }
    }
}

fn ref_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else { return Err(vm.new_type_error("weakref() needs an argument")) };
    if args.pos.len() > 1 || args.has_kwargs() {
        let n = args.pos.len() - 1 + args.kwnames.len();
        return Err(vm.new_type_error(format!("weakref expected 0 arguments, got {n}")));
    }
    Ok(this(vm, s)?.get().unwrap_or_else(none))
}

fn ref_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let w = this(vm, &args.pos[0])?;
    Ok(int_from_i64(w.hash(vm)?))
}

/// `==` / `!=`: by referent when both are alive, else by identity.
fn ref_compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let [a, b] = args.pos else { return Err(vm.new_type_error("expected 1 argument")) };
    let (Some(x), Some(y)) = (a.downcast_ref::<PyWeakRef>(), b.downcast_ref::<PyWeakRef>()) else {
        return Ok(not_implemented());
    };
    match (x.get(), y.get()) {
        (Some(p), Some(q)) => vm.rich_compare(&p, &q, op),
        _ => {
            let same = a.is(b);
            Ok(bool_value(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

fn ref_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    ref_compare(vm, args, CompareOp::Eq)
}

fn ref_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    ref_compare(vm, args, CompareOp::Ne)
}

/// CPython's `tp_name` of an object's type, for reprs: the module-qualified
/// name for types outside `builtins`.
fn type_display(t: &PyType) -> String {
    let module = t.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string));
    match module {
        Some(m) if t.is_heap_type() || m == "builtins" => t.name(),
        Some(m) => format!("{m}.{}", t.name()),
        None => t.name(),
    }
}

fn ref_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = &args.pos[0];
    let w = this(vm, s)?;
    let text = match w.get() {
        None => format!("<weakref at {:#x}; dead>", s.raw_word()),
        Some(obj) => {
            let t = type_display(obj.class());
            let name = vm.get_attr_opt(&obj, "__name__")?;
            match name.as_ref().and_then(|n| n.as_str()) {
                Some(n) => format!("<weakref at {:#x}; to '{t}' at {:#x} ({n})>", s.raw_word(), obj.raw_word()),
                None => format!("<weakref at {:#x}; to '{t}' at {:#x}>", s.raw_word(), obj.raw_word()),
            }
        }
    };
    Ok(crate::types::str::new_str(text))
}

fn ref_callback(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.callback().unwrap_or_else(none))
}

fn ref_class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [cls, item] = args.pos else {
        return Err(vm.new_type_error("__class_getitem__ expected 1 argument"));
    };
    Ok(crate::types::list_methods::generic_alias::generic_alias_new(cls.clone(), item.clone()))
}

// ---- proxies ------------------------------------------------------------------------------

fn dead_proxy(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_exception_msg(&exc().reference_error, "weakly-referenced object no longer exists")
}

/// The referent of a proxy operand; other operands as they are.
fn unwrap(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyWeakRef>() {
        Some(w) if w.kind != WeakKind::Ref => w.get().ok_or_else(|| dead_proxy(vm)),
        _ => Ok(v.clone()),
    }
}

fn referent(vm: &mut Vm, args: &Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else { return Err(vm.new_type_error("proxy method needs self")) };
    unwrap(vm, s)
}

fn arg(vm: &mut Vm, args: &Args<'_>, i: usize) -> PyResult<Value> {
    match args.pos.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.new_type_error(format!("expected {i} argument(s)"))),
    }
}

fn proxy_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let name = arg(vm, &args, 1)?;
    vm.get_attr(&obj, &name)
}

fn proxy_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let name = arg(vm, &args, 1)?;
    let value = arg(vm, &args, 2)?;
    vm.set_attr(&obj, &name, Some(value))?;
    Ok(none())
}

fn proxy_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let name = arg(vm, &args, 1)?;
    vm.set_attr(&obj, &name, None)?;
    Ok(none())
}

fn proxy_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = &args.pos[0];
    let w = this(vm, s)?;
    let obj = w.get().unwrap_or_else(none);
    let t = type_display(obj.class());
    Ok(crate::types::str::new_str(format!("<weakproxy at {:#x} to {t} at {:#x}>", s.raw_word(), obj.raw_word())))
}

fn proxy_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.str(&obj)
}

fn proxy_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.call(&crate::types::small::BYTES_TYPE.get().to_value(), &[obj])
}

fn proxy_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = args.pos[0].class().name();
    Err(vm.new_type_error(format!("unhashable type: 'weakref.{t}'")))
}

fn proxy_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    Ok(bool_value(vm.truthy(&obj)?))
}

fn proxy_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    Ok(int_from_i64(vm.len(&obj)? as i64))
}

fn proxy_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let item = arg(vm, &args, 1)?;
    Ok(bool_value(vm.contains(&obj, &item)?))
}

fn proxy_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let key = arg(vm, &args, 1)?;
    vm.get_item(&obj, &key)
}

fn proxy_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let key = arg(vm, &args, 1)?;
    let value = arg(vm, &args, 2)?;
    vm.set_item(&obj, &key, value)?;
    Ok(none())
}

fn proxy_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    let key = arg(vm, &args, 1)?;
    vm.del_item(&obj, &key)?;
    Ok(none())
}

fn proxy_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.iter(&obj)
}

fn proxy_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    if obj.class().lookup("__next__").is_none() {
        let t = obj.class().name();
        return Err(vm.new_type_error(format!("Weakref proxy referenced a non-iterator '{t}' object")));
    }
    match vm.next(&obj)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn proxy_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.call_method(&obj, "__reversed__", &[])
}

fn proxy_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.call_args(&obj, Args { pos: &args.pos[1..], kwnames: args.kwnames, kwvalues: args.kwvalues })
}

fn proxy_compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let a = referent(vm, &args)?;
    let b = arg(vm, &args, 1)?;
    let b = unwrap(vm, &b)?;
    vm.rich_compare(&a, &b, op)
}

fn proxy_binop(vm: &mut Vm, args: Args<'_>, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let a = referent(vm, &args)?;
    let b = arg(vm, &args, 1)?;
    let b = unwrap(vm, &b)?;
    if reflected {
        vm.binary_op(&b, &a, op)
    } else {
        vm.binary_op(&a, &b, op)
    }
}

fn proxy_unary(vm: &mut Vm, args: Args<'_>, method: &str, sym: &str) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.unary_op(&obj, method, sym)
}

fn proxy_convert(vm: &mut Vm, args: Args<'_>, to: &'static TypeCell) -> PyResult<Value> {
    let obj = referent(vm, &args)?;
    vm.call(&to.get().to_value(), &[obj])
}

macro_rules! forwarders {
    ($($name:ident => |$vm:ident, $args:ident| $body:expr;)*) => {
        $(fn $name($vm: &mut Vm, $args: Args<'_>) -> PyResult<Value> { $body })*
    };
}

forwarders! {
    proxy_eq => |vm, args| proxy_compare(vm, args, CompareOp::Eq);
    proxy_ne => |vm, args| proxy_compare(vm, args, CompareOp::Ne);
    proxy_lt => |vm, args| proxy_compare(vm, args, CompareOp::Lt);
    proxy_le => |vm, args| proxy_compare(vm, args, CompareOp::Le);
    proxy_gt => |vm, args| proxy_compare(vm, args, CompareOp::Gt);
    proxy_ge => |vm, args| proxy_compare(vm, args, CompareOp::Ge);
    proxy_neg => |vm, args| proxy_unary(vm, args, "__neg__", "-");
    proxy_pos => |vm, args| proxy_unary(vm, args, "__pos__", "+");
    proxy_invert => |vm, args| proxy_unary(vm, args, "__invert__", "~");
    proxy_abs => |vm, args| { let o = referent(vm, &args)?; vm.call_method(&o, "__abs__", &[]) };
    proxy_index => |vm, args| { let o = referent(vm, &args)?; vm.index(&o) };
    proxy_int => |vm, args| proxy_convert(vm, args, &crate::types::int::INT_TYPE);
    proxy_float => |vm, args| proxy_convert(vm, args, &crate::types::float::FLOAT_TYPE);
}

/// `name`, `rname` and `iname` natives per operator, and the `BINOPS` table.
macro_rules! proxy_binops {
    ($($name:ident, $rname:ident, $iname:ident, $d:literal, $rd:literal, $id:literal => $op:ident, $iop:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                proxy_binop(vm, args, BinaryOp::$op, false)
            }
            fn $rname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                proxy_binop(vm, args, BinaryOp::$op, true)
            }
            fn $iname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                proxy_binop(vm, args, BinaryOp::$iop, false)
            }
        )*
        const BINOPS: &[(&str, NativeFn)] = &[$(($d, $name), ($rd, $rname), ($id, $iname),)*];
    };
}

proxy_binops! {
    p_add, p_radd, p_iadd, "__add__", "__radd__", "__iadd__" => Add, InplaceAdd;
    p_sub, p_rsub, p_isub, "__sub__", "__rsub__", "__isub__" => Subtract, InplaceSubtract;
    p_mul, p_rmul, p_imul, "__mul__", "__rmul__", "__imul__" => Multiply, InplaceMultiply;
    p_matmul, p_rmatmul, p_imatmul, "__matmul__", "__rmatmul__", "__imatmul__" => MatrixMultiply, InplaceMatrixMultiply;
    p_truediv, p_rtruediv, p_itruediv, "__truediv__", "__rtruediv__", "__itruediv__" => TrueDivide, InplaceTrueDivide;
    p_floordiv, p_rfloordiv, p_ifloordiv, "__floordiv__", "__rfloordiv__", "__ifloordiv__" => FloorDivide, InplaceFloorDivide;
    p_mod, p_rmod, p_imod, "__mod__", "__rmod__", "__imod__" => Remainder, InplaceRemainder;
    p_pow, p_rpow, p_ipow, "__pow__", "__rpow__", "__ipow__" => Power, InplacePower;
    p_lshift, p_rlshift, p_ilshift, "__lshift__", "__rlshift__", "__ilshift__" => Lshift, InplaceLshift;
    p_rshift, p_rrshift, p_irshift, "__rshift__", "__rrshift__", "__irshift__" => Rshift, InplaceRshift;
    p_and, p_rand, p_iand, "__and__", "__rand__", "__iand__" => And, InplaceAnd;
    p_or, p_ror, p_ior, "__or__", "__ror__", "__ior__" => Or, InplaceOr;
    p_xor, p_rxor, p_ixor, "__xor__", "__rxor__", "__ixor__" => Xor, InplaceXor;
}

fn proxy_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos;
    let (ob, cb) = match pos {
        [ob] => (ob, None),
        [ob, cb] => (ob, Some(cb.clone())),
        _ => {
            let msg = if pos.is_empty() {
                "proxy expected at least 1 argument, got 0".to_string()
            } else {
                format!("proxy expected at most 2 arguments, got {}", pos.len())
            };
            return Err(vm.new_type_error(msg));
        }
    };
    if args.has_kwargs() {
        return Err(vm.new_type_error("proxy() takes no keyword arguments"));
    }
    let callable = ob.class().lookup("__call__").is_some();
    let (cell, kind) =
        if callable { (&CALLABLE_PROXY_TYPE, WeakKind::CallableProxy) } else { (&PROXY_TYPE, WeakKind::Proxy) };
    Ok(new_weakref(vm, ob, cb, cell.get(), kind)?.into_value())
}

// ---- module functions ---------------------------------------------------------------------

fn getweakrefcount(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [ob] = args.pos else {
        return Err(
            vm.new_type_error(format!("getweakrefcount() takes exactly one argument ({} given)", args.pos.len()))
        );
    };
    Ok(int_from_i64(weakref_count(ob) as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [ob] = args.pos else {
        return Err(vm.new_type_error(format!("getweakrefs() takes exactly one argument ({} given)", args.pos.len())));
    };
    Ok(new_list(weakrefs_of(ob)))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if its value is a
/// dead weak reference (used by `WeakValueDictionary`'s callbacks).
fn remove_dead_weakref(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [d, key] = args.pos else {
        return Err(vm.new_type_error("_remove_dead_weakref expected 2 arguments"));
    };
    let Some(dict) = d.downcast_ref::<PyDict>() else {
        let t = d.class().name();
        return Err(vm.new_type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {t}")));
    };
    if let Some(v) = dict.get_item(vm, key)? {
        if v.downcast_ref::<PyWeakRef>().is_some_and(PyWeakRef::is_dead) {
            let removed = dict.pop_item(vm, key)?;
            drop(removed);
        }
    }
    Ok(none())
}

/// The `__weakref__` attribute of instances of classes that add weak
/// reference support.
pub fn weakref_attr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(first_weakref(v).unwrap_or_else(none))
}

// ---- types and the module -----------------------------------------------------------------

fn new_type(cell: &'static TypeCell, name: &str, fl: u32) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<PyWeakRef>(name, Some(crate::types::instance_object_type()), fl, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("weakref"));
    cell.set(t);
    cell.get()
}

fn init_types() {
    let r = new_type(&REF_TYPE, "ReferenceType", flags::BASETYPE);
    add_method_kind(r, "__new__", ref_new, MethodKind::Static);
    add_method_kind(r, "__class_getitem__", ref_class_getitem, MethodKind::Class);
    add_methods(
        r,
        &[
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
            ("__repr__", ref_repr),
        ],
    );
    add_getset(r, "__callback__", ref_callback, None);

    let proxy_methods: &[(&'static str, NativeFn)] = &[
        ("__getattribute__", proxy_getattribute),
        ("__setattr__", proxy_setattr),
        ("__delattr__", proxy_delattr),
        ("__repr__", proxy_repr),
        ("__str__", proxy_str),
        ("__bytes__", proxy_bytes),
        ("__hash__", proxy_hash),
        ("__bool__", proxy_bool),
        ("__len__", proxy_len),
        ("__contains__", proxy_contains),
        ("__getitem__", proxy_getitem),
        ("__setitem__", proxy_setitem),
        ("__delitem__", proxy_delitem),
        ("__iter__", proxy_iter),
        ("__next__", proxy_next),
        ("__reversed__", proxy_reversed),
        ("__eq__", proxy_eq),
        ("__ne__", proxy_ne),
        ("__lt__", proxy_lt),
        ("__le__", proxy_le),
        ("__gt__", proxy_gt),
        ("__ge__", proxy_ge),
        ("__neg__", proxy_neg),
        ("__pos__", proxy_pos),
        ("__invert__", proxy_invert),
        ("__abs__", proxy_abs),
        ("__index__", proxy_index),
        ("__int__", proxy_int),
        ("__float__", proxy_float),
    ];
    for (cell, name) in [(&PROXY_TYPE, "ProxyType"), (&CALLABLE_PROXY_TYPE, "CallableProxyType")] {
        let t = new_type(cell, name, 0);
        add_methods(t, proxy_methods);
        add_methods(t, BINOPS);
        t.set_flag(flags::CUSTOM_GETATTRIBUTE | flags::CUSTOM_SETATTR, true);
    }
    add_methods(CALLABLE_PROXY_TYPE.get(), &[("__call__", proxy_call)]);
}

/// Creates the weak reference types once (the runtime makes weak
/// references before `_weakref` is imported: type subclass lists).
pub fn ensure_types() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(init_types);
}

/// The native `_weakref` module.
pub fn make_module() -> PyRef<PyModule> {
    ensure_types();
    let m = PyModule::new("_weakref");
    m.set_attr("ref", REF_TYPE.get().to_value());
    m.set_attr("ReferenceType", REF_TYPE.get().to_value());
    m.set_attr("ProxyType", PROXY_TYPE.get().to_value());
    m.set_attr("CallableProxyType", CALLABLE_PROXY_TYPE.get().to_value());
    m.set_attr("proxy", new_function("proxy", proxy_new, "_weakref"));
    m.set_attr("getweakrefcount", new_function("getweakrefcount", getweakrefcount, "_weakref"));
    m.set_attr("getweakrefs", new_function("getweakrefs", getweakrefs, "_weakref"));
    m.set_attr("_remove_dead_weakref", new_function("_remove_dead_weakref", remove_dead_weakref, "_weakref"));
    m
}
