//! `_bisect`: `bisect_left`, `bisect_right`, `insort_left` and
//! `insort_right` under `vm/lib/bisect.py`, with CPython 3.11's
//! arguments `(a, x, lo=0, hi=None, *, key=None)`, checks and messages
//! (`Modules/_bisectmodule.c`).
//!
//! Threads: nothing is locked across the search. Each probe reads one
//! item (for a list, one atomic read), and the comparison and the key
//! function run with no lock held; a list that shrinks meanwhile gives
//! IndexError "list index out of range", as in CPython. `insort` on a
//! list ends with one atomic `insert`, clamped to the length at that
//! moment (`PyList_Insert`), so a concurrent change can leave the list
//! unsorted but never loses or duplicates an item.

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::modules::heapq::native_lt;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::list::{PyList, LIST_TYPE};
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The parsed arguments of every function here.
struct Call {
    a: Value,
    x: Value,
    lo: i64,
    /// -1 stands for `None` (the length of `a`), as in CPython.
    hi: i64,
    key: Option<Value>,
}

/// `_Py_convert_optional_to_ssize_t`: `hi`'s conversion.
fn optional_ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_none() {
        return Ok(-1);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if v.as_int().is_none() && v.class().lookup("__index__").is_none() {
        return Err(vm.new_type_error(format!("argument should be integer or None, not '{}'", v.class().name())));
    }
    let i = vm.index(v)?;
    match i.as_i64() {
        Some(n) => Ok(n),
        // `PyNumber_AsSsize_t(v, OverflowError)`: names the argument's type.
        None => Err(vm.new_overflow_error(format!("cannot fit '{}' into an index-sized integer", v.class().name()))),
    }
}

fn parse(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<Call> {
    if args.pos.len() > 4 {
        return Err(
            vm.new_type_error(format!("{fname}() takes at most 4 positional arguments ({} given)", args.pos.len()))
        );
    }
    let [a, x, lo, hi, key]: [Option<Value>; 5] = args
        .bind(vm, fname, &["a", "x", "lo", "hi", "key"], 0)?
        .try_into()
        .unwrap_or_else(|_| unreachable!("bind returns one slot per name"));
    let Some(a) = a else {
        return Err(vm.new_type_error(format!("{fname}() missing required argument 'a' (pos 1)")));
    };
    let Some(x) = x else {
        return Err(vm.new_type_error(format!("{fname}() missing required argument 'x' (pos 2)")));
    };
    let lo = match lo {
        Some(v) => vm.index_ssize(&v)?,
        None => 0,
    };
    let hi = match hi {
        Some(v) => optional_ssize_arg(vm, &v)?,
        None => -1,
    };
    let key = key.filter(|k| !k.is_none());
    Ok(Call { a, x, lo, hi, key })
}

/// `PySequence_Size`: a mapping without sequence methods is refused.
fn sequence_len(vm: &mut Vm, a: &Value) -> PyResult<i64> {
    if let Some(l) = a.downcast_ref::<PyList>() {
        if !a.class().is_heap_type() {
            return Ok(l.len() as i64);
        }
    }
    if a.downcast_ref::<PyDict>().is_some() {
        return Err(vm.new_type_error(format!("{} is not a sequence", a.class().name())));
    }
    Ok(vm.len(a)? as i64)
}

/// `PySequence_GetItem(a, i)` for `0 <= i`.
fn sequence_item(vm: &mut Vm, a: &Value, i: i64) -> PyResult<Value> {
    if a.is_exact(LIST_TYPE.get()) {
        if let Some(l) = a.downcast_ref::<PyList>() {
            return match l.get(i as usize) {
                Some(v) => Ok(v),
                None => Err(vm.new_index_error("list index out of range")),
            };
        }
    }
    if a.downcast_ref::<PyDict>().is_some() {
        return Err(vm.new_type_error(format!("{} is not a sequence", a.class().name())));
    }
    vm.get_item(a, &int_from_i64(i))
}

/// The search itself; `right`: after equal items (`x < item` decides),
/// else before them (`item < x` decides).
fn search(vm: &mut Vm, c: &Call, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = c.lo;
    if lo < 0 {
        return Err(vm.new_value_error("lo must be non-negative"));
    }
    let mut hi = if c.hi == -1 { sequence_len(vm, &c.a)? } else { c.hi };
    while lo < hi {
        // Both are non-negative here, so the sum cannot overflow as u64.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = sequence_item(vm, &c.a, mid)?;
        if let Some(k) = &c.key {
            item = vm.call(k, std::slice::from_ref(&item))?;
        }
        let go_left = if right { vm.lt(x, &item)? } else { !vm.lt(&item, x)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// The search, and for `insort` the insert, as one critical section under
/// the list's lock, when that needs no Python code: an exact list, no key,
/// and items Rust can order (`heapq::native_lt`: ints, floats, strs,
/// tuples of them). Then nothing can change the list between the reads
/// and the insert, as under CPython's GIL, and a thread that shrinks the
/// list meanwhile cannot make the search read past its end. `None` sends
/// the call to the general path (a comparison that would run Python code,
/// or bounds beyond the list, which must raise IndexError there).
fn search_locked(c: &Call, right: bool, insert: bool) -> Option<i64> {
    if c.key.is_some() || c.lo < 0 || c.hi < -1 || !c.a.is_exact(LIST_TYPE.get()) {
        return None;
    }
    let l = c.a.downcast_ref::<PyList>()?;
    let mut g = l.lock();
    let n = g.len();
    let mut hi = if c.hi == -1 { n } else { c.hi as usize };
    if hi > n {
        return None;
    }
    let mut lo = c.lo as usize;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let go_left = if right { native_lt(&c.x, &g[mid])? } else { !native_lt(&g[mid], &c.x)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    if insert {
        // `lo` may exceed the length when the caller's `lo` did (the loop
        // never ran); list.insert clamps, and so does this.
        g.insert(lo.min(n), c.x.clone());
    }
    Some(lo as i64)
}

fn bisect_common(vm: &mut Vm, args: Args<'_>, fname: &str, right: bool) -> PyResult<Value> {
    let c = parse(vm, &args, fname)?;
    if let Some(i) = search_locked(&c, right, false) {
        return Ok(int_from_i64(i));
    }
    let i = search(vm, &c, &c.x, right)?;
    Ok(int_from_i64(i))
}

fn insort_common(vm: &mut Vm, args: Args<'_>, fname: &str, right: bool) -> PyResult<Value> {
    let c = parse(vm, &args, fname)?;
    if search_locked(&c, right, true).is_some() {
        return Ok(none());
    }
    // The key of `x` is computed before the search, as in CPython.
    let key_x = match &c.key {
        Some(k) => vm.call(k, std::slice::from_ref(&c.x))?,
        None => c.x.clone(),
    };
    let i = search(vm, &c, &key_x, right)?;
    if c.a.is_exact(LIST_TYPE.get()) {
        if let Some(l) = c.a.downcast_ref::<PyList>() {
            l.insert_clamped(i, c.x.clone());
            return Ok(none());
        }
    }
    vm.call_method(&c.a, "insert", &[int_from_i64(i), c.x.clone()])?;
    Ok(none())
}

fn bisect_right(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bisect_common(vm, args, "bisect_right", true)
}

fn bisect_left(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bisect_common(vm, args, "bisect_left", false)
}

fn insort_right(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    insort_common(vm, args, "insort_right", true)
}

fn insort_left(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    insort_common(vm, args, "insort_left", false)
}

const DOC: &str = "Bisection algorithms.

This module provides support for maintaining a list in sorted order without
having to sort the list after each insertion. For long lists of items with
expensive comparison operations, this can be an improvement over the more
common approach.
";

/// The native `_bisect` module.
pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_bisect");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("bisect_right", bisect_right),
        ("insort_right", insort_right),
        ("bisect_left", bisect_left),
        ("insort_left", insort_left),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_bisect"));
    }
    m.set_attr("__doc__", crate::types::str::new_str(DOC));
    m
}
