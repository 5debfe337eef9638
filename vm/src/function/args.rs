//! `Args`: the arguments of a call, as the interpreter lays them out.
//!
//! Positional values, then keyword values whose names are in `kwnames` (the
//! vectorcall convention): no tuple or dict is built unless the callee asks.
//! A receiver is put in front with [`Args::prepend`]: up to
//! `VALUE_ROW_LEN` values are copied into a [`ValueRow`] on the Rust stack,
//! sharing the caller's references (bound methods, `__init__`, `__call__`,
//! bound builtins): no heap allocation and no reference counting per call.

use crate::value::{ValueRow, VALUE_ROW_LEN};

use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    /// `str` values naming the keyword arguments, same length as `kwvalues`.
    pub kwnames: &'a [Value],
    pub kwvalues: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kwnames: &[], kwvalues: &[] }
    }

    pub fn empty() -> Args<'static> {
        Args { pos: &[], kwnames: &[], kwvalues: &[] }
    }

    #[inline]
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }

    pub fn len(&self) -> usize {
        self.pos.len() + self.kwvalues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn kwarg_name(&self, i: usize) -> &str {
        self.kwnames[i].downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("")
    }

    /// Without the first positional argument (the receiver of a method).
    pub fn skip_self(&self) -> Args<'a> {
        Args { pos: &self.pos[1..], kwnames: self.kwnames, kwvalues: self.kwvalues }
    }

    /// Rejects keyword arguments: "f() takes no keyword arguments".
    pub fn no_kwargs(&self, vm: &mut Vm, fname: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(vm.new_type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Checks the positional count for a function without keywords,
    /// with CPython's messages for builtins.
    #[inline]
    pub fn exact(&self, vm: &mut Vm, fname: &str, n: usize) -> PyResult<&'a [Value]> {
        if self.pos.len() == n && !self.has_kwargs() {
            return Ok(self.pos);
        }
        Err(self.exact_error(vm, fname, n))
    }

    #[cold]
    #[inline(never)]
    fn exact_error(&self, vm: &mut Vm, fname: &str, n: usize) -> crate::vm::PyErr {
        if let Err(e) = self.no_kwargs(vm, fname) {
            return e;
        }
        let msg = match n {
            0 => format!("{fname}() takes no arguments ({} given)", self.pos.len()),
            1 => format!("{fname}() takes exactly one argument ({} given)", self.pos.len()),
            _ => format!("{fname} expected {n} arguments, got {}", self.pos.len()),
        };
        vm.new_type_error(msg)
    }

    /// Checks `min <= positional count <= max`, without keywords.
    #[inline]
    pub fn range(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let n = self.pos.len();
        if n >= min && n <= max && !self.has_kwargs() {
            return Ok(self.pos);
        }
        Err(self.range_error(vm, fname, min, max))
    }

    #[cold]
    #[inline(never)]
    fn range_error(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> crate::vm::PyErr {
        if let Err(e) = self.no_kwargs(vm, fname) {
            return e;
        }
        let n = self.pos.len();
        if n < min {
            return vm.new_type_error(if min == max {
                format!("{fname} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
            } else {
                format!("{fname} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
            });
        }
        // Called only for an invalid count: here `n > max`.
        vm.new_type_error(if max == 0 {
            format!("{fname}() takes no arguments ({n} given)")
        } else if min == max {
            format!("{fname} expected {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        } else {
            format!("{fname} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        })
    }

    /// Binds positional-or-keyword parameters by name. `names` lists the
    /// parameters in order; the first `posonly` may not be given by keyword.
    /// Returns one slot per name. Extra arguments are errors.
    pub fn bind(&self, vm: &mut Vm, fname: &str, names: &[&str], posonly: usize) -> PyResult<Vec<Option<Value>>> {
        let mut out: Vec<Option<Value>> = vec![None; names.len()];
        if self.pos.len() > names.len() {
            return Err(vm.new_type_error(format!(
                "{fname}() takes at most {} argument{} ({} given)",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                self.len()
            )));
        }
        for (i, v) in self.pos.iter().enumerate() {
            out[i] = Some(v.clone());
        }
        for (k, v) in self.kwnames.iter().zip(self.kwvalues) {
            let k = k.as_str().unwrap_or("");
            match names.iter().position(|n| *n == k) {
                Some(i) if i >= posonly => {
                    if out[i].is_some() {
                        return Err(vm.new_type_error(format!(
                            "argument for {fname}() given by name ('{k}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(v.clone());
                }
                _ => return Err(vm.new_type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
            }
        }
        Ok(out)
    }

    /// These arguments with `first` in front of the positional ones (the
    /// keyword names are borrowed, not copied).
    #[inline]
    pub fn prepend(&self, first: &'a Value) -> Prepended<'a> {
        let npos = self.pos.len() + 1;
        let mut row = ValueRow::new();
        if self.len() < VALUE_ROW_LEN {
            row.push(first);
            self.pos.iter().chain(self.kwvalues).for_each(|v| {
                row.push(v);
            });
            return Prepended { row, spilled: Vec::new(), npos, kwnames: self.kwnames };
        }
        let mut spilled = Vec::with_capacity(1 + self.len());
        spilled.push(first.clone());
        spilled.extend(self.pos.iter().chain(self.kwvalues).cloned());
        Prepended { row, spilled, npos, kwnames: self.kwnames }
    }

    /// Copies into owned vectors (for storing them).
    pub fn to_owned(&self) -> OwnedArgs {
        OwnedArgs {
            values: self.pos.iter().chain(self.kwvalues).cloned().collect(),
            npos: self.pos.len(),
            kwnames: self.kwnames.to_vec(),
        }
    }
}

/// Arguments with a receiver in front ([`Args::prepend`]): borrowed copies
/// in `row`, or owned ones in `spilled` when there are too many.
pub struct Prepended<'a> {
    row: ValueRow<'a>,
    spilled: Vec<Value>,
    npos: usize,
    kwnames: &'a [Value],
}

impl Prepended<'_> {
    #[inline]
    pub fn as_args(&self) -> Args<'_> {
        let values = if self.spilled.is_empty() { self.row.as_slice() } else { &self.spilled[..] };
        Args { pos: &values[..self.npos], kwnames: self.kwnames, kwvalues: &values[self.npos..] }
    }
}

/// Arguments that own their values, convertible back to `Args`.
#[derive(Clone, Default)]
pub struct OwnedArgs {
    pub values: Vec<Value>,
    pub npos: usize,
    pub kwnames: Vec<Value>,
}

impl OwnedArgs {
    pub fn positional(values: Vec<Value>) -> OwnedArgs {
        let npos = values.len();
        OwnedArgs { values, npos, kwnames: Vec::new() }
    }

    pub fn as_args(&self) -> Args<'_> {
        Args { pos: &self.values[..self.npos], kwnames: &self.kwnames, kwvalues: &self.values[self.npos..] }
    }

    /// Puts `v` in front of the positional arguments.
    pub fn prepend(&mut self, v: Value) {
        self.values.insert(0, v);
        self.npos += 1;
    }
}
