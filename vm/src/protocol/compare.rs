//! Rich comparison and equality.

use compiler_ops::CompareOp;
use skein_compiler::bytecode as compiler_ops;

use crate::intern::StaticName;
use crate::types::list::PyList;
use crate::types::singletons::bool_value;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Equality of two values without running Python code, when their types
/// make that possible: `Some(result)` or `None` ("ask `__eq__`").
#[inline]
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x == y);
    }
    if let Some(r) = numeric_compare(a, b, CompareOp::Eq) {
        return Some(r);
    }
    let (ta, tb) = (a.class(), b.class());
    if ta.is_heap_type() || tb.is_heap_type() {
        return None;
    }
    if let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
        return Some(x == y);
    }
    if a.as_small_int().is_some() && b.downcast_ref::<PyStr>().is_some()
        || b.as_small_int().is_some() && a.downcast_ref::<PyStr>().is_some()
    {
        return Some(false);
    }
    None
}

pub fn op_symbol(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "<",
        CompareOp::Le => "<=",
        CompareOp::Eq => "==",
        CompareOp::Ne => "!=",
        CompareOp::Gt => ">",
        CompareOp::Ge => ">=",
    }
}

/// The comparison methods, interned.
static DUNDERS: [StaticName; 6] = [
    StaticName::new("__lt__"),
    StaticName::new("__le__"),
    StaticName::new("__eq__"),
    StaticName::new("__ne__"),
    StaticName::new("__gt__"),
    StaticName::new("__ge__"),
];

fn dunder(op: CompareOp) -> &'static Value {
    let i = match op {
        CompareOp::Lt => 0,
        CompareOp::Le => 1,
        CompareOp::Eq => 2,
        CompareOp::Ne => 3,
        CompareOp::Gt => 4,
        CompareOp::Ge => 5,
    };
    DUNDERS[i].get()
}

fn swapped(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Lt => CompareOp::Gt,
        CompareOp::Le => CompareOp::Ge,
        CompareOp::Eq => CompareOp::Eq,
        CompareOp::Ne => CompareOp::Ne,
        CompareOp::Gt => CompareOp::Lt,
        CompareOp::Ge => CompareOp::Le,
    }
}

/// Comparison of exact floats with each other and with small ints that a
/// double holds exactly (|i| <= 2**53), without any lookup: `None` for
/// every other pair. Larger ints go to `float`'s exact int comparison.
#[inline]
pub fn numeric_compare(a: &Value, b: &Value, op: CompareOp) -> Option<bool> {
    const EXACT: i64 = 1 << 53;
    let x = match a.as_small_int() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => i as f64,
        Some(_) => return None,
        None => a.as_exact_float()?,
    };
    let y = match b.as_small_int() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => i as f64,
        Some(_) => return None,
        None => b.as_exact_float()?,
    };
    Some(cmp_result(op, x, y))
}

/// `a op b` for two tagged ints, or exact floats / small ints as
/// [`numeric_compare`] takes them; `None` for every other pair.
/// [`Vm::rich_compare`] starts here (`COMPARE_OP` settles tagged pairs
/// in place first, then calls [`numeric_compare`]).
#[inline]
pub fn small_numeric_compare(a: &Value, b: &Value, op: CompareOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(cmp_result(op, x, y));
    }
    numeric_compare(a, b, op)
}

/// `a op b` for any ordered Rust values.
#[inline]
pub(crate) fn cmp_result<T: PartialOrd>(op: CompareOp, a: T, b: T) -> bool {
    match op {
        CompareOp::Lt => a < b,
        CompareOp::Le => a <= b,
        CompareOp::Eq => a == b,
        CompareOp::Ne => a != b,
        CompareOp::Gt => a > b,
        CompareOp::Ge => a >= b,
    }
}

impl Vm {
    /// `a op b`, returning whatever the comparison returns.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        if let Some(r) = small_numeric_compare(a, b, op) {
            return Ok(bool_value(r));
        }
        self.rich_compare_general(a, b, op)
    }

    /// `rich_compare` past the fast paths: strings, then the methods.
    #[inline(never)]
    fn rich_compare_general(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
            if !a.class().is_heap_type() && !b.class().is_heap_type() {
                return Ok(bool_value(cmp_result(op, x, y)));
            }
        }
        // Exact tuples and lists compare item by item, as their methods do.
        if let Some(r) = self.sequence_compare(a, b, op) {
            return r;
        }
        let ta = a.class_ref();
        let tb = b.class_ref();
        let mut checked_reflected = false;
        if !ta.is(&tb) && tb.is_subtype(&ta) {
            if let Some(f) = tb.lookup_value(dunder(swapped(op))) {
                checked_reflected = true;
                let r = self.call_unbound(&f, b, &[b.clone(), a.clone()])?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = ta.lookup_value(dunder(op)) {
            let r = self.call_unbound(&f, a, &[a.clone(), b.clone()])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if !checked_reflected {
            if let Some(f) = tb.lookup_value(dunder(swapped(op))) {
                let r = self.call_unbound(&f, b, &[b.clone(), a.clone()])?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(bool_value(a.is(b))),
            CompareOp::Ne => Ok(bool_value(!a.is(b))),
            _ => Err(self.new_type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op_symbol(op),
                ta.name(),
                tb.name()
            ))),
        }
    }

    /// Two exact tuples or two exact lists: `tuple_methods::seq_compare`,
    /// what their comparison methods call, without looking them up.
    fn sequence_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> Option<PyResult<Value>> {
        use crate::types::tuple_methods::{seq_compare, Seq};
        let (ta, tb) = (a.class(), b.class());
        if !std::ptr::eq(ta, tb) || ta.is_heap_type() {
            return None;
        }
        if let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) {
            return Some(seq_compare(self, Seq::Tuple(x), Seq::Tuple(y), op));
        }
        let (x, y) = (a.downcast_ref::<PyList>()?, b.downcast_ref::<PyList>()?);
        Some(seq_compare(self, Seq::List(x), Seq::List(y), op))
    }

    /// `a == b` as a bool (identity implies equality, as in containers).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CompareOp::Eq)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (for sorting, min/max).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(x < y);
        }
        let r = self.rich_compare(a, b, CompareOp::Lt)?;
        self.truthy(&r)
    }
}
