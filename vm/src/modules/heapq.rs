//! `_heapq`: the heap primitives under `vm/lib/heapq.py`, as CPython's
//! `Modules/_heapqmodule.c` provides them (`heappush`, `heappop`,
//! `heapify`, `heapreplace`, `heappushpop` and the max-heap helpers
//! `_heappop_max`, `_heapify_max`, `_heapreplace_max` that `merge` and
//! `nlargest` use), with the same sift algorithms, so a sequence of
//! operations leaves a list in exactly CPython's order.
//!
//! Locking: a heap is a plain list shared by any number of threads, and
//! every step that reads or moves items holds the list's lock, so each
//! append, pop, store and swap is atomic and the list's multiset of items
//! only changes by the operation's own push or pop: under any race every
//! pushed item is popped exactly once. Comparisons are the difficulty:
//! `__lt__` may run arbitrary code, which must never run with the lock
//! held. So a comparison first tries [`native_order`] (ints, floats, strs
//! and tuples of those, compared in Rust with the lock held); only when
//! that cannot decide are both items cloned, the lock released, `<`
//! called, and the lock taken again, after which the size is checked as
//! CPython checks it ("list changed size during iteration"; an empty or
//! too-short list gives IndexError "index out of range"). With natively
//! comparable items a whole push or pop is one critical section, as in
//! CPython's free-threaded build (whose critical section is held through
//! a comparison of ints); with other items concurrent pushes and pops may
//! raise those errors or leave the order unsorted, never lose an item.

use std::cmp::Ordering as CmpOrdering;

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::shared_vec::ListGuard;
use crate::object::PyRef;
use crate::protocol::number::exact_f64;
use crate::types::list::PyList;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// How two items compare when Rust can tell without running Python
/// code: `Some(None)` for unordered (a NaN), `None` when it cannot tell.
fn native_order(a: &Value, b: &Value, depth: u32) -> Option<Option<CmpOrdering>> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(Some(x.cmp(&y)));
    }
    if let (Some(x), Some(y)) = (exact_f64(a), exact_f64(b)) {
        return Some(x.partial_cmp(&y));
    }
    let str_type = crate::types::str::STR_TYPE.get();
    if a.is_exact(str_type) && b.is_exact(str_type) {
        let (x, y) = (a.downcast_ref::<PyStr>()?, b.downcast_ref::<PyStr>()?);
        return Some(x.partial_cmp(y));
    }
    let tuple_type = crate::types::tuple::TUPLE_TYPE.get();
    if depth > 0 && a.is_exact(tuple_type) && b.is_exact(tuple_type) {
        let (x, y) = (a.as_tuple()?, b.as_tuple()?);
        // Tuple order: the first pair of items that are not identical and
        // not equal decides; identical items are equal without `==`
        // (`PyObject_RichCompareBool`'s shortcut).
        for (p, q) in x.iter().zip(y) {
            if p.is(q) {
                continue;
            }
            match native_order(p, q, depth - 1)? {
                Some(CmpOrdering::Equal) => continue,
                other => return Some(other),
            }
        }
        return Some(Some(x.len().cmp(&y.len())));
    }
    None
}

/// `a < b` decided in Rust, if it can be.
#[inline]
pub(crate) fn native_lt(a: &Value, b: &Value) -> Option<bool> {
    // Nesting deeper than this falls back to Python's comparison.
    const DEPTH: u32 = 4;
    native_order(a, b, DEPTH).map(|o| o == Some(CmpOrdering::Less))
}

/// One heap operation on one list: min-heap or max-heap order.
struct Heap<'l> {
    list: &'l PyList,
    max: bool,
}

impl<'l> Heap<'l> {
    /// Whether `heap[i]` goes above `heap[j]` (min-heap: `heap[i] <
    /// heap[j]`; max-heap: `heap[j] < heap[i]`). `size` is the length the
    /// caller's indices rely on; a comparison that has to run Python code
    /// releases the lock, and after it a different length is an error.
    fn before(
        &self,
        vm: &mut Vm,
        g: ListGuard<'l>,
        i: usize,
        j: usize,
        size: usize,
    ) -> PyResult<(ListGuard<'l>, bool)> {
        let (a, b) = if self.max { (j, i) } else { (i, j) };
        if let Some(r) = native_lt(&g[a], &g[b]) {
            return Ok((g, r));
        }
        let (x, y) = (g[a].clone(), g[b].clone());
        drop(g);
        let r = vm.lt(&x, &y);
        // Dropping the items may run a destructor: not under the lock.
        drop((x, y));
        let r = r?;
        let g = self.list.lock();
        if g.len() != size {
            drop(g);
            return Err(vm.new_runtime_error("list changed size during iteration"));
        }
        Ok((g, r))
    }

    /// CPython's `siftdown`: moves `heap[pos]` towards `startpos` while it
    /// goes above its parent.
    fn siftdown(&self, vm: &mut Vm, mut g: ListGuard<'l>, startpos: usize, mut pos: usize) -> PyResult<()> {
        let size = g.len();
        if pos >= size {
            drop(g);
            return Err(index_error(vm));
        }
        while pos > startpos {
            let parentpos = (pos - 1) >> 1;
            let (g2, up) = self.before(vm, g, pos, parentpos, size)?;
            g = g2;
            if !up {
                break;
            }
            g.swap(parentpos, pos);
            pos = parentpos;
        }
        Ok(())
    }

    /// CPython's `siftup`: walks the hole at `pos` down to a leaf along
    /// the children that go first, then sifts the item back up.
    fn siftup(&self, vm: &mut Vm, mut g: ListGuard<'l>, mut pos: usize) -> PyResult<()> {
        let endpos = g.len();
        let startpos = pos;
        if pos >= endpos {
            drop(g);
            return Err(index_error(vm));
        }
        let limit = endpos >> 1;
        while pos < limit {
            let mut childpos = 2 * pos + 1;
            if childpos + 1 < endpos {
                let (g2, left_first) = self.before(vm, g, childpos, childpos + 1, endpos)?;
                g = g2;
                if !left_first {
                    childpos += 1;
                }
            }
            g.swap(childpos, pos);
            pos = childpos;
        }
        self.siftdown(vm, g, startpos, pos)
    }
}

fn index_error(vm: &mut Vm) -> PyErr {
    vm.new_index_error("index out of range")
}

/// The list argument, with the messages of CPython's argument clinic:
/// `fname() argument 1 must be list, not T` (two-argument functions) or
/// `fname() argument must be list, not T`.
fn heap_arg<'a>(vm: &mut Vm, v: &'a Value, fname: &str, two_args: bool) -> PyResult<&'a PyList> {
    match v.downcast_ref::<PyList>() {
        Some(l) => Ok(l),
        None => {
            let which = if two_args { "argument 1" } else { "argument" };
            Err(vm.new_type_error(format!("{fname}() {which} must be list, not {}", v.class().name())))
        }
    }
}

/// `(heap, item, /)`: CPython's messages for a fast-call builtin.
fn two_args<'a>(vm: &mut Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a PyList, &'a Value)> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("_heapq.{fname}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.new_type_error(format!("{fname} expected 2 arguments, got {}", args.pos.len())));
    }
    Ok((heap_arg(vm, &args.pos[0], fname, true)?, &args.pos[1]))
}

/// `(heap, /)`: CPython's messages for a one-argument builtin.
fn one_arg<'a>(vm: &mut Vm, args: &Args<'a>, fname: &str) -> PyResult<&'a PyList> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("_heapq.{fname}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        return Err(
            vm.new_type_error(format!("_heapq.{fname}() takes exactly one argument ({} given)", args.pos.len()))
        );
    }
    heap_arg(vm, &args.pos[0], fname, false)
}

fn heappush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (list, item) = two_args(vm, &args, "heappush")?;
    let mut g = list.lock();
    g.push(item.clone());
    let last = g.len() - 1;
    Heap { list, max: false }.siftdown(vm, g, 0, last)?;
    Ok(none())
}

/// Pops the last item and, if the list is not empty then, puts it at the
/// top and sifts it down: one critical section up to the first
/// comparison that needs Python code.
fn pop_internal(vm: &mut Vm, list: &PyList, max: bool) -> PyResult<Value> {
    let mut g = list.lock();
    let Some(last) = g.pop() else {
        drop(g);
        return Err(index_error(vm));
    };
    if g.is_empty() {
        return Ok(last);
    }
    let top = g[0].clone();
    g.set(0, last);
    Heap { list, max }.siftup(vm, g, 0)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let list = one_arg(vm, &args, "heappop")?;
    pop_internal(vm, list, false)
}

fn heappop_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let list = one_arg(vm, &args, "_heappop_max")?;
    pop_internal(vm, list, true)
}

fn replace_internal(vm: &mut Vm, list: &PyList, item: &Value, max: bool) -> PyResult<Value> {
    let mut g = list.lock();
    if g.is_empty() {
        drop(g);
        return Err(index_error(vm));
    }
    let top = g[0].clone();
    g.set(0, item.clone());
    Heap { list, max }.siftup(vm, g, 0)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (list, item) = two_args(vm, &args, "heapreplace")?;
    replace_internal(vm, list, item, false)
}

fn heapreplace_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (list, item) = two_args(vm, &args, "_heapreplace_max")?;
    replace_internal(vm, list, item, true)
}

/// `heappushpop(heap, item)`: `item` itself unless the top goes before
/// it, else the top, replaced by `item` and sifted.
fn heappushpop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (list, item) = two_args(vm, &args, "heappushpop")?;
    let mut g = list.lock();
    if g.is_empty() {
        return Ok(item.clone());
    }
    let top_first = match native_lt(&g[0], item) {
        Some(r) => r,
        None => {
            let top = g[0].clone();
            drop(g);
            let r = vm.lt(&top, item);
            drop(top);
            let r = r?;
            g = list.lock();
            // CPython checks only that the list is not empty now.
            if r && g.is_empty() {
                drop(g);
                return Err(index_error(vm));
            }
            r
        }
    };
    if !top_first {
        return Ok(item.clone());
    }
    let top = g[0].clone();
    g.set(0, item.clone());
    Heap { list, max: false }.siftup(vm, g, 0)?;
    Ok(top)
}

/// Sifts every item that has children, from the last one back to the
/// root. (CPython visits large lists in a cache-friendly order; each
/// sift touches only its own subtree, so the result is the same.)
fn heapify_internal(vm: &mut Vm, list: &PyList, max: bool) -> PyResult<Value> {
    let heap = Heap { list, max };
    let n = list.len();
    for i in (0..n / 2).rev() {
        heap.siftup(vm, list.lock(), i)?;
    }
    Ok(none())
}

fn heapify(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let list = one_arg(vm, &args, "heapify")?;
    heapify_internal(vm, list, false)
}

fn heapify_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let list = one_arg(vm, &args, "_heapify_max")?;
    heapify_internal(vm, list, true)
}

const DOC: &str = "Heap queue algorithm (a.k.a. priority queue).

Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
all k, counting elements from 0.  For the sake of comparison,
non-existing elements are considered to be infinite.  The interesting
property of a heap is that a[0] is always its smallest element.
";

/// The native `_heapq` module.
pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_heapq");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("_heappop_max", heappop_max),
        ("_heapify_max", heapify_max),
        ("_heapreplace_max", heapreplace_max),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_heapq"));
    }
    m.set_attr("__doc__", crate::types::str::new_str(DOC));
    m
}

#[cfg(test)]
mod tests {
    use super::{exact_f64, native_lt};
    use crate::value::Value;

    /// Tagged ints and floats only: the other kinds need the runtime's
    /// types (covered by `heapq/basics.py`).
    #[test]
    fn small_ints_and_mixed_floats_order_natively() {
        let (one, two) = (Value::from_small_int(1), Value::from_small_int(2));
        assert_eq!(native_lt(&one, &two), Some(true));
        assert_eq!(native_lt(&two, &one), Some(false));
        assert_eq!(native_lt(&one, &one), Some(false));
        let f = crate::types::float::new_float(1.5);
        assert_eq!(native_lt(&one, &f), Some(true));
        assert_eq!(native_lt(&f, &two), Some(true));
        // Not exactly a double: left to Python's exact int/float rules.
        assert_eq!(exact_f64(&Value::from_small_int((1 << 53) + 1)), None);
        assert_eq!(exact_f64(&Value::from_small_int(1 << 53)), Some(9_007_199_254_740_992.0));
    }
}
