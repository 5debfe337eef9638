//! Iteration: `iter()` and `next()`.
//!
//! `next` returns `Ok(None)` at the end instead of raising `StopIteration`,
//! so `for` loops over builtin iterators never allocate an exception.

use crate::intern::names;
use crate::object::PyRef;
use crate::types::exceptions::exc;
use crate::types::iterators::PySeqIter;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let ty = v.class();
        if let Some(f) = ty.lookup_value(names::ITER.get()) {
            if f.is_none() {
                return Err(self.not_iterable(v));
            }
            let it = self.call_unbound(&f, v, std::slice::from_ref(v))?;
            if it.class().lookup_value(names::NEXT.get()).is_none() {
                return Err(
                    self.new_type_error(format!("iter() returned non-iterator of type '{}'", it.class().name()))
                );
            }
            return Ok(it);
        }
        if ty.lookup_value(names::GETITEM.get()).is_some() {
            return Ok(PyRef::new(PySeqIter::new(v.clone())).into_value());
        }
        Err(self.not_iterable(v))
    }

    pub fn not_iterable(&mut self, v: &Value) -> crate::vm::PyErr {
        let t = v.class().name();
        self.new_type_error(format!("'{t}' object is not iterable"))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(n) = crate::types::iterators::as_native_iterator(it) {
            return n.next(self);
        }
        let ty = it.class();
        let Some(f) = ty.lookup_value(names::NEXT.get()) else {
            let t = ty.name();
            return Err(self.new_type_error(format!("'{t}' object is not an iterator")));
        };
        match self.call_unbound(&f, it, std::slice::from_ref(it)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &exc().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Collects an iterable into a vector (fast for exact lists and
    /// tuples; a subclass may override `__iter__`).
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let exact = !v.class().is_heap_type();
        if let Some(t) = v.as_tuple().filter(|_| exact) {
            return Ok(t.to_vec());
        }
        if let Some(l) = v.downcast_ref::<crate::types::list::PyList>().filter(|_| exact) {
            return Ok(l.snapshot());
        }
        // An exact dict is read in one locked step, so `list(d)` is atomic
        // with respect to other threads' writes (as in CPython).
        if v.is_exact(crate::types::dict::DICT_TYPE.get()) {
            if let Some(d) = v.downcast_ref::<crate::types::dict::PyDict>() {
                return Ok(d.keys());
            }
        }
        // Likewise an exact set or frozenset: `list(s)` while another
        // thread adds to `s` is a snapshot, not "Set changed size during
        // iteration" (CPython 3.13t reads it under the set's lock too).
        if v.is_exact(crate::types::small::SET_TYPE.get()) || v.is_exact(crate::types::small::FROZENSET_TYPE.get()) {
            if let Some(s) = v.downcast_ref::<crate::types::small::PySet>() {
                return Ok(s.snapshot());
            }
        }
        if let Some(view) = v.downcast_ref::<crate::types::dict_methods::PyDictView>() {
            if view.dict.to_value().is_exact(crate::types::dict::DICT_TYPE.get()) {
                use crate::types::dict_methods::ViewKind;
                return Ok(match view.kind {
                    ViewKind::Keys => view.dict.keys(),
                    ViewKind::Values => view.dict.values(),
                    ViewKind::Items => {
                        view.dict.items().into_iter().map(|(k, v)| crate::types::tuple::new_tuple(vec![k, v])).collect()
                    }
                });
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
