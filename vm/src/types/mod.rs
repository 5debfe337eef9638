//! The builtin types: one file per type's payload, one per method suite,
//! and `init`, which creates every builtin type object once per process.
//!
//! Start-up order matters and is spelled out in `init`: `object` and
//! `type` first (they refer to each other), then `dict` (every type needs a
//! dict), `str` (interned names), the singletons, everything else, then the
//! exception hierarchy and the method suites.

/// Defines `name`/`rname` native methods for each operator pair, calling
/// the including module's `binop(vm, args, dunder, op, reflected)`, and a
/// `BINOPS` table of them for `install`. Shared by int, float and complex.
macro_rules! reflected_binops {
    ($($name:ident, $rname:ident, $dunder:literal, $rdunder:literal => $op:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                binop(vm, args, $dunder, $op, false)
            }
            fn $rname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                binop(vm, args, $rdunder, $op, true)
            }
        )*
        const BINOPS: &[(&str, NativeFn)] = &[$(($dunder, $name), ($rdunder, $rname),)*];
    };
}

pub mod async_generator;
pub mod async_generator_awaitables;
pub mod async_generator_hooks;
pub mod bootstrap;
pub mod class_new;
pub mod deque;
pub mod deque_methods;
pub mod dict;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod generator;
pub mod instance;
pub mod int;
pub mod iterators;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod shared_keys;
pub mod singletons;
pub mod small;
pub mod str;
pub mod subclasses;
pub mod tuple;
pub mod type_;
pub mod type_cache;
pub mod type_call;
pub mod weakref;
pub mod weakref_callbacks;
pub mod weakref_table;

pub mod bytes_methods;
pub mod code_methods;
pub mod code_new;
pub mod complex_methods;
pub mod dict_methods;
pub mod float_methods;
pub mod int_methods;
pub mod list_methods;
pub mod list_slice;
pub mod misc_methods;
pub mod range;
pub mod set_methods;
pub mod str_methods;
pub mod tuple_methods;
pub mod union_type;

pub use small::{bytes_new, complex_new, frozenset_new, set_from_values, slice_new};

use crate::function::descriptors as descr;
use crate::function::native;
use crate::object::{PyPayload, PyRef};
use crate::types::type_::{flags, PyType, TypeCell};

pub static OBJECT_TYPE: TypeCell = TypeCell::new();

/// The `object` type.
pub fn instance_object_type() -> &'static PyRef<PyType> {
    OBJECT_TYPE.get()
}

/// Handles to the builtin types, for the method suites.
pub struct Types {
    pub object: &'static PyRef<PyType>,
    pub type_: &'static PyRef<PyType>,
    pub int: &'static PyRef<PyType>,
    pub bool_: &'static PyRef<PyType>,
    pub float: &'static PyRef<PyType>,
    pub complex: &'static PyRef<PyType>,
    pub str_: &'static PyRef<PyType>,
    pub bytes: &'static PyRef<PyType>,
    pub bytearray: &'static PyRef<PyType>,
    pub list: &'static PyRef<PyType>,
    pub tuple: &'static PyRef<PyType>,
    pub dict: &'static PyRef<PyType>,
    pub set: &'static PyRef<PyType>,
    pub frozenset: &'static PyRef<PyType>,
    pub slice: &'static PyRef<PyType>,
    pub none: &'static PyRef<PyType>,
}

/// The builtin types (after `init`).
pub fn builtin_types() -> Types {
    Types {
        object: OBJECT_TYPE.get(),
        type_: type_::TYPE_TYPE.get(),
        int: int::INT_TYPE.get(),
        bool_: singletons::BOOL_TYPE.get(),
        float: float::FLOAT_TYPE.get(),
        complex: small::COMPLEX_TYPE.get(),
        str_: str::STR_TYPE.get(),
        bytes: small::BYTES_TYPE.get(),
        bytearray: small::BYTEARRAY_TYPE.get(),
        list: list::LIST_TYPE.get(),
        tuple: tuple::TUPLE_TYPE.get(),
        dict: dict::DICT_TYPE.get(),
        set: small::SET_TYPE.get(),
        frozenset: small::FROZENSET_TYPE.get(),
        slice: small::SLICE_TYPE.get(),
        none: singletons::NONE_TYPE.get(),
    }
}

impl Types {
    /// For `Value::class` of tagged ints.
    pub fn int_ref(&self) -> &'static PyRef<PyType> {
        self.int
    }
}

/// Creates a builtin type deriving from `base` and stores it in `cell`.
fn make<T: PyPayload>(
    cell: &'static TypeCell,
    name: &str,
    base: &PyRef<PyType>,
    fl: u32,
    with_ext: bool,
) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(base), fl, with_ext);
    t.set_dict(dict::PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    cell.set(t);
    cell.get()
}

/// Creates every builtin type. Called once, before any Python code runs.
pub fn init() {
    if OBJECT_TYPE.is_set() {
        return;
    }
    // object and type refer to each other: allocate both with no metatype,
    // then patch.
    let object = PyType::new_builtin::<()>("object", None, flags::BASETYPE, false);
    let ty = PyType::new_builtin::<PyType>("type", Some(&object), flags::BASETYPE, false);
    bootstrap::set_metatype(&object, &ty);
    bootstrap::set_metatype(&ty, &ty);
    type_::TYPE_TYPE.set(ty);
    OBJECT_TYPE.set(object);
    let object = OBJECT_TYPE.get();
    let ty = type_::TYPE_TYPE.get();
    // dict next: every type needs one.
    let d = PyType::new_builtin::<dict::PyDict>("dict", Some(object), flags::BASETYPE | flags::MAPPING, false);
    dict::DICT_TYPE.set(d);
    for t in [object, ty, dict::DICT_TYPE.get()] {
        t.set_dict(dict::PyDict::new_ref());
    }
    // str before anything interns names.
    let s = PyType::new_builtin::<str::PyStr>("str", Some(object), flags::BASETYPE, false);
    s.set_dict(dict::PyDict::new_ref());
    str::STR_TYPE.set(s);
    for t in [object, ty, dict::DICT_TYPE.get(), str::STR_TYPE.get()] {
        t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    }

    let int_t = make::<int::PyInt>(&int::INT_TYPE, "int", object, flags::BASETYPE, false);
    make::<singletons::PyBool>(&singletons::BOOL_TYPE, "bool", int_t, 0, false);
    make::<singletons::PyNone>(&singletons::NONE_TYPE, "NoneType", object, 0, false);
    make::<singletons::PyNotImplemented>(&singletons::NOT_IMPLEMENTED_TYPE, "NotImplementedType", object, 0, false);
    make::<singletons::PyEllipsis>(&singletons::ELLIPSIS_TYPE, "ellipsis", object, 0, false);
    make::<float::PyFloat>(&float::FLOAT_TYPE, "float", object, flags::BASETYPE, false);
    make::<small::PyComplex>(&small::COMPLEX_TYPE, "complex", object, flags::BASETYPE, false);
    make::<list::PyList>(&list::LIST_TYPE, "list", object, flags::BASETYPE | flags::SEQUENCE, false);
    make::<tuple::PyTuple>(&tuple::TUPLE_TYPE, "tuple", object, flags::BASETYPE | flags::SEQUENCE, false);
    make::<small::PySet>(&small::SET_TYPE, "set", object, flags::BASETYPE, false);
    make::<small::PySet>(&small::FROZENSET_TYPE, "frozenset", object, flags::BASETYPE, false);
    make::<small::PyBytes>(&small::BYTES_TYPE, "bytes", object, flags::BASETYPE, false);
    make::<small::PyByteArray>(&small::BYTEARRAY_TYPE, "bytearray", object, flags::BASETYPE, false);
    make::<small::PySlice>(&small::SLICE_TYPE, "slice", object, 0, false);
    make::<module::PyModule>(&module::MODULE_TYPE, "module", object, flags::BASETYPE, false);
    make::<crate::function::PyFunction>(&crate::function::FUNCTION_TYPE, "function", object, 0, true);
    make::<crate::function::PyCode>(&crate::function::CODE_TYPE, "code", object, 0, false);
    make::<crate::function::PyCell>(&crate::function::CELL_TYPE, "cell", object, 0, false);
    make::<crate::function::method::PyBoundMethod>(
        &crate::function::method::BOUND_METHOD_TYPE,
        "method",
        object,
        0,
        false,
    );
    make::<native::PyNativeFunction>(&native::BUILTIN_FUNCTION_TYPE, "builtin_function_or_method", object, 0, false);
    make::<native::PyMethodDescriptor>(&native::METHOD_DESCRIPTOR_TYPE, "method_descriptor", object, 0, false);
    make::<native::PyMethodDescriptor>(
        &native::CLASSMETHOD_DESCRIPTOR_TYPE,
        "classmethod_descriptor",
        object,
        0,
        false,
    );
    make::<descr::PyProperty>(&descr::PROPERTY_TYPE, "property", object, flags::BASETYPE, false);
    make::<descr::PyClassMethod>(&descr::CLASSMETHOD_TYPE, "classmethod", object, flags::BASETYPE, true);
    make::<descr::PyStaticMethod>(&descr::STATICMETHOD_TYPE, "staticmethod", object, flags::BASETYPE, true);
    make::<descr::PyGetSet>(&descr::GETSET_TYPE, "getset_descriptor", object, 0, false);
    make::<descr::PyMemberDescriptor>(&descr::MEMBER_TYPE, "member_descriptor", object, 0, false);
    make::<iterators::PySeqIter>(&iterators::SEQ_ITER_TYPE, "iterator", object, 0, false);
    make::<iterators::PyListIter>(&iterators::LIST_ITER_TYPE, "list_iterator", object, 0, false);
    make::<iterators::PyTupleIter>(&iterators::TUPLE_ITER_TYPE, "tuple_iterator", object, 0, false);
    make::<iterators::PyCallableIter>(&iterators::CALLABLE_ITER_TYPE, "callable_iterator", object, 0, false);
    let gen_t = make::<generator::PyGenerator>(&generator::GENERATOR_TYPE, "generator", object, 0, false);
    let coro_t = make::<generator::PyGenerator>(&generator::COROUTINE_TYPE, "coroutine", object, 0, false);
    make::<generator::PyGenerator>(&generator::ASYNC_GENERATOR_TYPE, "async_generator", object, 0, false);
    make::<crate::interp::traceback::PyTraceback>(
        &crate::interp::traceback::TRACEBACK_TYPE,
        "traceback",
        object,
        0,
        false,
    );
    make::<exceptions::PyBaseException>(
        &exceptions::BASE_EXCEPTION_TYPE,
        "BaseException",
        object,
        flags::BASETYPE | flags::EXCEPTION,
        true,
    );
    singletons::init_singletons();
    exceptions::init_exception_types();

    type_call::init_object_and_type_methods(object, ty);
    generator::add_generator_methods(gen_t);
    generator::add_coroutine_methods(coro_t);
    iterators::install_iterator_methods();
    crate::builtins::init_builtin_iterator_types();

    let types = builtin_types();
    str_methods::install(&types);
    int_methods::install(&types);
    float_methods::install(&types);
    complex_methods::install(&types);
    list_methods::install(&types);
    tuple_methods::install(&types);
    dict_methods::install(&types);
    set_methods::install(&types);
    bytes_methods::install(&types);
    memoryview::install(&types);
    range::install(&types);
    mappingproxy::install(&types);
    misc_methods::install(&types);
    async_generator::install();
    exception_group::install();
    crate::protocol::reduce::install();
    crate::function::method::install();
    type_cache::invalidate_all();
    union_type::install(&types);
}

/// Puts the builtin types into the `builtins` module.
pub fn add_types_to_builtins(m: &PyRef<module::PyModule>) {
    let t = builtin_types();
    let named: [(&str, &PyRef<PyType>); 15] = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str_),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("slice", t.slice),
    ];
    for (name, ty) in named {
        m.set_attr(name, ty.to_value());
    }
    m.set_attr("property", descr::PROPERTY_TYPE.get().to_value());
    m.set_attr("classmethod", descr::CLASSMETHOD_TYPE.get().to_value());
    m.set_attr("staticmethod", descr::STATICMETHOD_TYPE.get().to_value());
    m.set_attr("__build_class__", native::new_function("__build_class__", type_call::build_class, "builtins"));
    range::add_to_builtins(m);
    memoryview::add_to_builtins(m);
    misc_methods::add_to_builtins(m);
}
