//! Calling values.

use crate::function::args::{Args, OwnedArgs};
use crate::function::method::PyBoundMethod;
use crate::function::native::{PyMethodDescriptor, PyNativeFunction};
use crate::function::PyFunction;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `callable(*args)` with positional arguments only.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(callable, Args::positional(args))
    }

    /// `callable(...)` with full arguments.
    pub fn call_args(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        if let Some(f) = callable.downcast_ref::<PyFunction>() {
            return self.call_python_function(callable, f, args);
        }
        if let Some(f) = callable.downcast_ref::<PyNativeFunction>() {
            return f.call(self, args);
        }
        if let Some(d) = callable.downcast_ref::<PyMethodDescriptor>() {
            return d.call(self, args);
        }
        if let Some(m) = callable.downcast_ref::<PyBoundMethod>() {
            let with_self = args.prepend(&m.receiver);
            // The bound method stays alive (the caller holds `callable`),
            // so its function needs no extra reference.
            let func = &m.function;
            if let Some(f) = func.downcast_ref::<PyFunction>() {
                return self.call_python_function(func, f, with_self.as_args());
            }
            return self.call_args(func, with_self.as_args());
        }
        if let Some(t) = callable.downcast::<PyType>() {
            return crate::types::type_call::call_class(self, &t, args);
        }
        match callable.class().lookup_value(crate::intern::names::CALL.get()) {
            Some(f) => {
                let with_self = args.prepend(callable);
                self.call_unbound_args(&f, callable, with_self.as_args())
            }
            None => {
                let name = callable.class().name();
                Err(self.new_type_error(format!("'{name}' object is not callable")))
            }
        }
    }

    /// Calls an attribute found on a type with the receiver already first in
    /// `args`: plain functions and method descriptors are called directly
    /// (no bound method is built); anything else is bound via `__get__`.
    #[inline]
    pub fn call_unbound(&mut self, f: &Value, receiver: &Value, args: &[Value]) -> PyResult<Value> {
        // Special methods written in Python (`__add__`, `__eq__`,
        // `__getitem__`...) take this path: straight into a frame.
        if let Some(func) = f.downcast::<PyFunction>() {
            if args.len() == func.code.fast_argcount as usize {
                return self.run_function_positional(func, args);
            }
        }
        self.call_unbound_args(f, receiver, Args::positional(args))
    }

    pub fn call_unbound_args(&mut self, f: &Value, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
        if f.downcast_ref::<PyFunction>().is_some() || f.downcast_ref::<PyMethodDescriptor>().is_some() {
            return self.call_args(f, args);
        }
        let bound = self.descr_get(f, Some(receiver), &receiver.class_ref().into_value())?;
        self.call_args(&bound, args.skip_self())
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.get_attr_str(obj, name)?;
        self.call(&m, args)
    }

    /// The positional arguments of `f(*args)`. Something neither iterable
    /// nor a sequence is reported against the callee, as CPython does:
    /// "f() argument after * must be an iterable, not int".
    pub fn collect_star_args(&mut self, callable: &Value, args: &Value) -> PyResult<Vec<Value>> {
        let t = args.class();
        let sequence = t.lookup("__getitem__").is_some() && args.downcast_ref::<crate::types::dict::PyDict>().is_none();
        if t.lookup("__iter__").is_none() && !sequence {
            let fname = crate::builtins::callable_name(self, callable);
            return Err(self.new_type_error(format!("{fname} argument after * must be an iterable, not {}", t.name())));
        }
        self.collect(args)
    }

    /// Calls with owned arguments.
    pub fn call_owned(&mut self, callable: &Value, args: &OwnedArgs) -> PyResult<Value> {
        self.call_args(callable, args.as_args())
    }
}
