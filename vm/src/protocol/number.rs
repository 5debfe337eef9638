//! Binary and unary operators, and truth testing.
//!
//! `binary_op` implements CPython's dispatch: the right operand's reflected
//! method goes first when its type is a proper subclass of the left's; an
//! in-place operator tries `__iop__` before the plain pair. Builtin types
//! provide these methods natively in their dicts; the interpreter takes
//! fast paths for tagged ints and floats before getting here, and
//! `binary_op` computes the remaining int/float combinations directly
//! ([`numeric_binary`]) -- the same results as the methods, without a
//! lookup, a call or an argument array.

use skein_compiler::bytecode::BinaryOp;

use crate::builtins::numeric::float_divmod;
use crate::intern::{names, StaticName};
use crate::types::float::new_float;
use crate::types::float_methods::float_pow;
use crate::types::int::int_from_i64;
use crate::types::int_methods::exact_int_binary;
use crate::types::singletons::PyBool;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// (operator symbol, method, reflected method) of a non-in-place op.
pub fn op_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    use BinaryOp::*;
    match base_op(op) {
        Add => ("+", "__add__", "__radd__"),
        And => ("&", "__and__", "__rand__"),
        FloorDivide => ("//", "__floordiv__", "__rfloordiv__"),
        Lshift => ("<<", "__lshift__", "__rlshift__"),
        MatrixMultiply => ("@", "__matmul__", "__rmatmul__"),
        Multiply => ("*", "__mul__", "__rmul__"),
        Remainder => ("%", "__mod__", "__rmod__"),
        Or => ("|", "__or__", "__ror__"),
        Power => ("**", "__pow__", "__rpow__"),
        Rshift => (">>", "__rshift__", "__rrshift__"),
        Subtract => ("-", "__sub__", "__rsub__"),
        TrueDivide => ("/", "__truediv__", "__rtruediv__"),
        Xor => ("^", "__xor__", "__rxor__"),
        _ => ("?", "", ""),
    }
}

/// The method and reflected method of each plain operator, interned, in
/// `BinaryOp` order (see `op_names`).
static OP_METHODS: [(StaticName, StaticName); 13] = [
    (StaticName::new("__add__"), StaticName::new("__radd__")),
    (StaticName::new("__and__"), StaticName::new("__rand__")),
    (StaticName::new("__floordiv__"), StaticName::new("__rfloordiv__")),
    (StaticName::new("__lshift__"), StaticName::new("__rlshift__")),
    (StaticName::new("__matmul__"), StaticName::new("__rmatmul__")),
    (StaticName::new("__mul__"), StaticName::new("__rmul__")),
    (StaticName::new("__mod__"), StaticName::new("__rmod__")),
    (StaticName::new("__or__"), StaticName::new("__ror__")),
    (StaticName::new("__pow__"), StaticName::new("__rpow__")),
    (StaticName::new("__rshift__"), StaticName::new("__rrshift__")),
    (StaticName::new("__sub__"), StaticName::new("__rsub__")),
    (StaticName::new("__truediv__"), StaticName::new("__rtruediv__")),
    (StaticName::new("__xor__"), StaticName::new("__rxor__")),
];

/// The in-place methods, interned, in the order of `OP_METHODS`.
static INPLACE_METHODS: [StaticName; 13] = [
    StaticName::new("__iadd__"),
    StaticName::new("__iand__"),
    StaticName::new("__ifloordiv__"),
    StaticName::new("__ilshift__"),
    StaticName::new("__imatmul__"),
    StaticName::new("__imul__"),
    StaticName::new("__imod__"),
    StaticName::new("__ior__"),
    StaticName::new("__ipow__"),
    StaticName::new("__irshift__"),
    StaticName::new("__isub__"),
    StaticName::new("__itruediv__"),
    StaticName::new("__ixor__"),
];

/// The in-place method name and symbol of an in-place op.
fn inplace_names(op: BinaryOp) -> Option<(&'static str, &'static str)> {
    use BinaryOp::*;
    Some(match op {
        InplaceAdd => ("+=", "__iadd__"),
        InplaceAnd => ("&=", "__iand__"),
        InplaceFloorDivide => ("//=", "__ifloordiv__"),
        InplaceLshift => ("<<=", "__ilshift__"),
        InplaceMatrixMultiply => ("@=", "__imatmul__"),
        InplaceMultiply => ("*=", "__imul__"),
        InplaceRemainder => ("%=", "__imod__"),
        InplaceOr => ("|=", "__ior__"),
        InplacePower => ("**=", "__ipow__"),
        InplaceRshift => (">>=", "__irshift__"),
        InplaceSubtract => ("-=", "__isub__"),
        InplaceTrueDivide => ("/=", "__itruediv__"),
        InplaceXor => ("^=", "__ixor__"),
        _ => return None,
    })
}

/// The plain operator for an in-place one.
#[inline]
pub fn base_op(op: BinaryOp) -> BinaryOp {
    use BinaryOp::*;
    match op {
        InplaceAdd => Add,
        InplaceAnd => And,
        InplaceFloorDivide => FloorDivide,
        InplaceLshift => Lshift,
        InplaceMatrixMultiply => MatrixMultiply,
        InplaceMultiply => Multiply,
        InplaceRemainder => Remainder,
        InplaceOr => Or,
        InplacePower => Power,
        InplaceRshift => Rshift,
        InplaceSubtract => Subtract,
        InplaceTrueDivide => TrueDivide,
        InplaceXor => Xor,
        other => other,
    }
}

impl Vm {
    /// `a op b` for any operator of `BINARY_OP`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        // int and float define no in-place methods, so `op` and its
        // in-place form are the same for them.
        match numeric_binary(a, b, base_op(op)) {
            Some(r) => Ok(r),
            None => self.binary_op_general(a, b, op),
        }
    }

    /// `binary_op` past the fast path: `float ** x`, then the methods.
    #[inline(never)]
    fn binary_op_general(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        // Exact ints have no in-place methods: the plain operator is theirs.
        if let Some(r) = exact_int_binary(self, a, b, base_op(op)) {
            return r;
        }
        if let Some(r) = crate::types::set_methods::binary_fast(self, a, b, op) {
            return r;
        }
        if base_op(op) == BinaryOp::Power && !(a.is_small_int() && b.is_small_int()) {
            if let (Some(x), Some(y)) = (exact_f64(a), exact_f64(b)) {
                return float_pow(self, x, y);
            }
        }
        if let Some((sym, _)) = inplace_names(op) {
            let iname = &INPLACE_METHODS[base_op(op) as usize];
            if let Some(f) = a.class().lookup_value(iname.get()) {
                let r = self.call_unbound(&f, a, &[a.clone(), b.clone()])?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
            return match self.binary_op1(a, b, base_op(op))? {
                Some(r) => Ok(r),
                None => Err(self.unsupported(sym, a, b)),
            };
        }
        match self.binary_op1(a, b, op)? {
            Some(r) => Ok(r),
            None => {
                let (sym, _, _) = op_names(op);
                Err(self.unsupported(sym, a, b))
            }
        }
    }

    fn unsupported(&mut self, sym: &str, a: &Value, b: &Value) -> crate::vm::PyErr {
        let (ta, tb) = (a.class().name(), b.class().name());
        if sym == "**" {
            return self.new_type_error(format!("unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"));
        }
        self.new_type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
    }

    /// The non-in-place dispatch; `None` if both sides said NotImplemented.
    pub fn binary_op1(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Option<Value>> {
        let Some((name, rname)) = OP_METHODS.get(op as usize) else { return Ok(None) };
        // The types are borrowed and read before any call (which could
        // reassign `__class__` and free them).
        let (ta, tb) = (a.class(), b.class());
        let same = std::ptr::eq(ta, tb);
        let fa = ta.lookup_value(name.get());
        let fb = if same { None } else { tb.lookup_value(rname.get()) };
        let reflected_first = fb.as_ref().is_some_and(|fbv| tb.is_subtype(ta) && !same_method(fa.as_ref(), fbv));
        let mut fb_done = false;
        if let Some(fbv) = &fb {
            if reflected_first {
                fb_done = true;
                let r = self.call_unbound(fbv, b, &[b.clone(), a.clone()])?;
                if !r.is_not_implemented() {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(f) = fa {
            let r = self.call_unbound(&f, a, &[a.clone(), b.clone()])?;
            if !r.is_not_implemented() {
                return Ok(Some(r));
            }
        }
        if !fb_done {
            if let Some(f) = fb {
                let r = self.call_unbound(&f, b, &[b.clone(), a.clone()])?;
                if !r.is_not_implemented() {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// `-v`, `+v`, `~v` via `__neg__`, `__pos__`, `__invert__`.
    pub fn unary_op(&mut self, v: &Value, method: &str, sym: &str) -> PyResult<Value> {
        if let Some(f) = v.as_exact_float() {
            match method {
                "__neg__" => return Ok(new_float(-f)),
                "__pos__" => return Ok(new_float(f)),
                _ => {}
            }
        }
        if let Some(r) = self.call_special(v, method, &[])? {
            return Ok(r);
        }
        let t = v.class().name();
        Err(self.new_type_error(format!("bad operand type for unary {sym}: '{t}'")))
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_tagged_float() {
            return Ok(f != 0.0);
        }
        if let Some(b) = v.as_bool_obj() {
            return Ok(b);
        }
        if v.is_none() {
            return Ok(false);
        }
        let ty = v.class();
        if !ty.is_heap_type() {
            if let Some(s) = v.downcast_ref::<PyStr>() {
                return Ok(s.char_len() != 0);
            }
            if let Some(b) = v.downcast_ref::<PyBool>() {
                return Ok(b.0);
            }
            if let Some(f) = v.as_float() {
                return Ok(f != 0.0);
            }
            // Containers: what their `__len__` returns, without the call.
            if let Some(l) = v.downcast_ref::<crate::types::list::PyList>() {
                return Ok(!l.is_empty());
            }
            if let Some(t) = v.as_tuple() {
                return Ok(!t.is_empty());
            }
            if let Some(d) = v.downcast_ref::<crate::types::dict::PyDict>() {
                return Ok(!d.is_empty());
            }
            if let Some(s) = v.downcast_ref::<crate::types::small::PySet>() {
                return Ok(!s.is_empty());
            }
        }
        if let Some(f) = ty.lookup_value(names::BOOL.get()) {
            let r = self.call_unbound(&f, v, std::slice::from_ref(v))?;
            return match r.as_bool_obj() {
                Some(b) => Ok(b),
                None => Err(self.new_type_error(format!("__bool__ should return bool, returned {}", r.class().name()))),
            };
        }
        if let Some(f) = ty.lookup_value(names::LEN.get()) {
            let r = self.call_unbound(&f, v, std::slice::from_ref(v))?;
            return self.len_result(&r).map(|n| n != 0);
        }
        Ok(true)
    }

    /// Validates what `__len__` returned.
    pub fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match r.as_int() {
            Some(i) => match i.to_i64() {
                Some(n) if n >= 0 => Ok(n as usize),
                Some(_) => Err(self.new_value_error("__len__() should return >= 0")),
                None => Err(self.new_overflow_error("cannot fit 'int' into an index-sized integer")),
            },
            None => {
                Err(self.new_type_error(format!("'{}' object cannot be interpreted as an integer", r.class().name())))
            }
        }
    }

    /// `operator.index(v)`: an int from `__index__`.
    pub fn index(&mut self, v: &Value) -> PyResult<Value> {
        if v.as_int().is_some() && (v.is_small_int() || !v.class().is_heap_type()) {
            return Ok(crate::types::int::int_from_bigint(v.as_int().map(|i| i.to_bigint()).unwrap_or_default()));
        }
        match self.call_special(v, "__index__", &[])? {
            Some(r) if r.as_int().is_some() => Ok(r),
            Some(r) => Err(self.new_type_error(format!("__index__ returned non-int (type {})", r.class().name()))),
            None => {
                Err(self.new_type_error(format!("'{}' object cannot be interpreted as an integer", v.class().name())))
            }
        }
    }

    /// `PyLong_AsSsize_t(PyNumber_Index(v))`: an `n`-format argument, with
    /// CPython's OverflowError when it does not fit.
    pub fn index_ssize(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(i);
        }
        let i = self.index(v)?;
        match i.as_i64() {
            Some(n) => Ok(n),
            None => Err(self.new_overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// An index-sized integer (`__index__`), clamped errors as CPython.
    pub fn index_isize(&mut self, v: &Value) -> PyResult<isize> {
        if let Some(i) = v.as_small_int() {
            return Ok(i as isize);
        }
        let r = self.index(v)?;
        match r.as_i64() {
            Some(i) => Ok(i as isize),
            None => Err(self.new_exception_msg(
                &crate::types::exceptions::exc().index_error,
                format!("cannot fit '{}' into an index-sized integer", v.class().name()),
            )),
        }
    }
}

/// A double that an operand of exact type `int` (tagged) or `float`
/// stands for, when the conversion is exact: `None` for anything else.
#[inline]
pub(crate) fn exact_f64(v: &Value) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    match v.as_small_int() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => Some(i as f64),
        Some(_) => None,
        None => v.as_exact_float(),
    }
}

/// `a op b` (`op` not in-place) computed directly when both operands are
/// tagged ints or exact floats and the case is one the int and float
/// methods would answer without an error: the same value they return.
/// `None` sends it to the general dispatch (errors, big results, powers of
/// floats, other types). Ints mixed with floats convert as the float
/// methods do (exactly, for |i| <= 2**53).
#[inline]
fn numeric_binary(a: &Value, b: &Value, op: BinaryOp) -> Option<Value> {
    use BinaryOp::*;
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return small_int_binary(x, y, op);
    }
    let (x, y) = (exact_f64(a)?, exact_f64(b)?);
    Some(new_float(match op {
        Add => x + y,
        Subtract => x - y,
        Multiply => x * y,
        TrueDivide if y != 0.0 => x / y,
        FloorDivide if y != 0.0 => float_divmod(x, y).0,
        Remainder if y != 0.0 => float_divmod(x, y).1,
        _ => return None,
    }))
}

/// The int-by-int cases the interpreter's inline path leaves out.
#[inline]
fn small_int_binary(x: i64, y: i64, op: BinaryOp) -> Option<Value> {
    use BinaryOp::*;
    const EXACT: i64 = 1 << 53;
    match op {
        Add => Some(int_from_i64(x + y)),
        Subtract => Some(int_from_i64(x - y)),
        Multiply => x.checked_mul(y).map(int_from_i64),
        And => Some(int_from_i64(x & y)),
        Or => Some(int_from_i64(x | y)),
        Xor => Some(int_from_i64(x ^ y)),
        FloorDivide if y != 0 => {
            let q = x / y;
            Some(int_from_i64(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }))
        }
        Remainder if y != 0 => {
            let r = x % y;
            Some(int_from_i64(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }))
        }
        // Both exact as doubles, so the one IEEE division is correctly
        // rounded, as int true division must be.
        TrueDivide if y != 0 && (-EXACT..=EXACT).contains(&x) && (-EXACT..=EXACT).contains(&y) => {
            Some(new_float(x as f64 / y as f64))
        }
        Power if (0..64).contains(&y) => x.checked_pow(y as u32).map(int_from_i64),
        Lshift if (0..63).contains(&y) => {
            let r = x.checked_shl(y as u32)?;
            (r >> y == x).then(|| int_from_i64(r))
        }
        Rshift if y >= 0 => Some(int_from_i64(x >> y.min(63))),
        _ => None,
    }
}

fn same_method(a: Option<&Value>, b: &Value) -> bool {
    matches!(a, Some(a) if a.is(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_method_tables_match_the_names() {
        for i in 0..26u32 {
            let op = BinaryOp::from_arg(i).expect("26 operators");
            let (_, name, rname) = op_names(op);
            let base = base_op(op) as usize;
            assert_eq!(OP_METHODS[base].0.as_str(), name);
            assert_eq!(OP_METHODS[base].1.as_str(), rname);
            if let Some((_, iname)) = inplace_names(op) {
                assert_eq!(INPLACE_METHODS[base].as_str(), iname);
            }
        }
    }
}
