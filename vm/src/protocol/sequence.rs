//! Subscription, `len()` and `in`.

use crate::intern::names;
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::list_slice;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::tuple_methods::eq_nested;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Normalises a Python index against `len`; `None` if out of range.
#[inline]
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) {
        Some(j as usize)
    } else {
        None
    }
}

impl Vm {
    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        // Builtin lists and tuples only: a subclass may override
        // `__getitem__` (found below).
        if let Some(i) = key.as_small_int().filter(|_| !obj.class().is_heap_type()) {
            if let Some(l) = obj.downcast_ref::<PyList>() {
                return match l.get_signed(i) {
                    Some(v) => Ok(v),
                    None => Err(self.new_index_error("list index out of range")),
                };
            } else if let Some(t) = obj.downcast_ref::<PyTuple>() {
                return match normalize_index(i, t.len()) {
                    Some(j) => Ok(t.items()[j].clone()),
                    None => Err(self.new_index_error("tuple index out of range")),
                };
            }
        }
        if let Some(i) = key.as_small_int() {
            if let Some(v) = crate::types::str_methods::getitem_exact(obj, i) {
                return Ok(v);
            }
        } else if let Some(spec) = list_slice::spec_of(key) {
            if let Some(v) = list_slice::get_slice(obj, spec) {
                return Ok(v);
            }
        }
        if obj.is_exact(crate::types::dict::DICT_TYPE.get()) {
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                return match d.get_item(self, key)? {
                    Some(v) => Ok(v),
                    None => Err(self.new_key_error(key.clone())),
                };
            }
        }
        let ty = obj.class();
        if let Some(f) = ty.lookup_value(names::GETITEM.get()) {
            return self.call_unbound(&f, obj, &[obj.clone(), key.clone()]);
        }
        if let Some(t) = obj.downcast_ref::<crate::types::type_::PyType>() {
            if let Some(f) = t.lookup_value(names::CLASS_GETITEM.get()) {
                let f = self.descr_get(&f, None, obj)?;
                return self.call(&f, &[key.clone()]);
            }
            if obj.is(&crate::types::type_::TYPE_TYPE.get().to_value()) {
                return Ok(obj.clone());
            }
        }
        let t = ty.name();
        Err(self.new_type_error(format!("'{t}' object is not subscriptable")))
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        if let Some(i) = key.as_small_int() {
            if obj.is_exact(crate::types::list::LIST_TYPE.get()) {
                if let Some(l) = obj.downcast_ref::<PyList>() {
                    return match l.store_signed(i, value) {
                        Ok(()) => Ok(()),
                        Err(_) => Err(self.new_index_error("list assignment index out of range")),
                    };
                }
            }
        }
        if obj.is_exact(crate::types::dict::DICT_TYPE.get()) {
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                return d.set_item(self, key.clone(), value);
            }
        }
        if let Some(spec) = list_slice::spec_of(key) {
            if let Some(r) = list_slice::set_slice(self, obj, spec, &value) {
                return r;
            }
        }
        let ty = obj.class();
        if let Some(f) = ty.lookup_value(names::SETITEM.get()) {
            self.call_unbound(&f, obj, &[obj.clone(), key.clone(), value])?;
            return Ok(());
        }
        let t = ty.name();
        Err(self.new_type_error(format!("'{t}' object does not support item assignment")))
    }

    /// `obj[start:stop]` (`BINARY_SLICE`): exact lists and tuples with
    /// int or `None` bounds need no slice object.
    pub fn get_slice(&mut self, obj: &Value, start: Value, stop: Value) -> PyResult<Value> {
        if let Some(spec) = list_slice::fast_spec(&start, &stop, None) {
            if let Some(v) = list_slice::get_slice(obj, spec) {
                return Ok(v);
            }
        }
        let s = crate::types::slice_new(start, stop, crate::types::singletons::none());
        self.get_item(obj, &s)
    }

    /// `obj[start:stop] = value` (`STORE_SLICE`), as [`Vm::get_slice`].
    pub fn set_slice(&mut self, obj: &Value, start: Value, stop: Value, value: Value) -> PyResult<()> {
        if let Some(spec) = list_slice::fast_spec(&start, &stop, None) {
            if let Some(r) = list_slice::set_slice(self, obj, spec, &value) {
                return r;
            }
        }
        let s = crate::types::slice_new(start, stop, crate::types::singletons::none());
        self.set_item(obj, &s, value)
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        let ty = obj.class();
        if let Some(f) = ty.lookup_value(names::DELITEM.get()) {
            self.call_unbound(&f, obj, &[obj.clone(), key.clone()])?;
            return Ok(());
        }
        // CPython words it "doesn't" when the index reaches the sequence
        // protocol (an index key on a type with sequence methods; classes
        // always have them) and "does not" otherwise.
        let sequence =
            ty.is_heap_type() || ["__getitem__", "__contains__", "__len__"].iter().any(|n| ty.lookup(n).is_some());
        let index_key = key.as_int().is_some() || key.class().lookup("__index__").is_some();
        let verb = if sequence && index_key { "doesn't" } else { "does not" };
        let t = ty.name();
        Err(self.new_type_error(format!("'{t}' object {verb} support item deletion")))
    }

    /// `len(obj)`.
    pub fn len(&mut self, obj: &Value) -> PyResult<usize> {
        if !obj.is_small_int() && !obj.class().is_heap_type() {
            if let Some(l) = obj.downcast_ref::<PyList>() {
                return Ok(l.len());
            }
            if let Some(t) = obj.downcast_ref::<PyTuple>() {
                return Ok(t.len());
            }
            if let Some(s) = obj.downcast_ref::<PyStr>() {
                return Ok(s.char_len());
            }
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                return Ok(d.len());
            }
        }
        match obj.class().lookup_value(names::LEN.get()) {
            Some(f) => {
                let r = self.call_unbound(&f, obj, std::slice::from_ref(obj))?;
                self.len_result(&r)
            }
            None => {
                let t = obj.class().name();
                Err(self.new_type_error(format!("object of type '{t}' has no len()")))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let ty = container.class();
        if !ty.is_heap_type() {
            if let Some(d) = container.downcast_ref::<PyDict>() {
                return d.contains(self, item);
            }
            // What `list.__contains__` and `tuple.__contains__` do, without
            // looking them up: items compared in order (a list re-read by
            // index, as it may change during a comparison).
            if let Some(so) = container.downcast_ref::<crate::types::small::PySet>() {
                return crate::types::set_methods::set_has(self, so, item);
            }
            if let Some(l) = container.downcast_ref::<PyList>() {
                // Tagged ints are equal only to the same word or to other
                // kinds of numbers: scan for either without counting.
                let mut i = match item.is_small_int() {
                    true => match l.scan_small_int(item) {
                        Ok(found) => return Ok(found),
                        Err(from) => from,
                    },
                    false => 0,
                };
                while let Some(x) = l.get(i) {
                    if eq_nested(self, &x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                return Ok(false);
            }
            if let Some(t) = container.as_tuple() {
                for x in t {
                    if eq_nested(self, x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
        if let Some(f) = ty.lookup_value(names::CONTAINS.get()) {
            let r = self.call_unbound(&f, container, &[container.clone(), item.clone()])?;
            return self.truthy(&r);
        }
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => {
                let t = container.class().name();
                return Err(self.new_type_error(format!("argument of type '{t}' is not iterable")));
            }
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
