//! `sorted()` and the stable sort it shares with `list.sort`.
//!
//! Keys that are all small ints, exact `str`s or exact NaN-free `float`s
//! are compared natively (Rust's stable sort). Otherwise a bottom-up merge
//! sort over a permutation of indices, with binary insertion sort for short
//! runs, compares with `Vm::lt`, which may run Python code and fail, so:
//! - no lock is held while comparing (callers pass owned vectors);
//! - an error leaves the data a permutation of the input (the permutation
//!   array is only rearranged after the comparisons that decide a step).
//!
//! `reverse=True` reverses, sorts, and reverses back, which keeps equal
//! elements in their original order, as CPython does.

use crate::builtins::{not_none, take_kwargs};
use crate::function::args::Args;
use crate::types::list::new_list;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Runs shorter than this are sorted by binary insertion.
const MIN_RUN: usize = 16;

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.new_type_error(format!("sorted expected 1 argument, got {n}")));
    }
    let [key, reverse] = take_kwargs(vm, &args, "sort", ["key", "reverse"])?;
    let key = not_none(key);
    let reverse = match reverse {
        Some(r) => reverse_flag(vm, &r)?,
        None => false,
    };
    let mut items = vm.collect(&args.pos[0])?;
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(new_list(items))
}

/// The `reverse=` flag: an integer (CPython parses it as `int`).
pub fn reverse_flag(vm: &mut Vm, r: &Value) -> PyResult<bool> {
    if let Some(b) = r.as_bool_obj() {
        return Ok(b);
    }
    let i = vm.index(r)?;
    Ok(i.as_int().is_some_and(|i| i.to_i64() != Some(0)))
}

/// Sorts `items` in place, stably, by `key(item)` (or the items).
/// On error, `items` holds a permutation of what it held before.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    // Keys are computed even for a single item (errors show), as CPython.
    if items.len() < 2 {
        if let (Some(f), Some(x)) = (key, items.first()) {
            vm.call(f, std::slice::from_ref(x))?;
        }
        return Ok(());
    }
    if reverse {
        items.reverse();
    }
    let keys: Vec<Value> = match key {
        None => items.clone(),
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                match vm.call(f, std::slice::from_ref(x)) {
                    Ok(k) => ks.push(k),
                    Err(e) => {
                        if reverse {
                            items.reverse();
                        }
                        return Err(e);
                    }
                }
            }
            ks
        }
    };
    let mut perm: Vec<usize> = (0..items.len()).collect();
    let r = sort_permutation(vm, &keys, &mut perm);
    drop(keys);
    apply_permutation(items, &perm, reverse);
    r
}

/// Reorders `items` by `perm`, then undoes the reversal that made a
/// reverse sort stable.
fn apply_permutation(items: &mut Vec<Value>, perm: &[usize], reverse: bool) {
    let mut slots: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    let mut out: Vec<Value> = perm.iter().filter_map(|&i| slots[i].take()).collect();
    if reverse {
        out.reverse();
    }
    *items = out;
}

/// Sorts `perm` so that `keys[perm[..]]` is non-decreasing, stably.
///
/// Like CPython's `unsafe_*_compare` pre-checks: when every key is a small
/// int, an exact `str` or an exact NaN-free `float`, comparisons cannot run
/// Python code or fail, so the keys are compared natively.
fn sort_permutation(vm: &mut Vm, keys: &[Value], perm: &mut [usize]) -> PyResult<()> {
    if sort_permutation_native(keys, perm) {
        return Ok(());
    }
    merge_sort(vm, perm, &mut |vm: &mut Vm, a: usize, b: usize| vm.lt(&keys[a], &keys[b]))
}

/// Sorts `items` (no key function) if their comparisons cannot run Python
/// code or fail; false, with `items` untouched, otherwise. Needs no `Vm`,
/// so `list.sort` can run it with the list's lock held: the sort is then
/// one atomic step for other threads, as under CPython's GIL and in 3.13t
/// (whose critical section is held through a sort of ints or strings).
pub fn sort_values_native(items: &mut Vec<Value>, reverse: bool) -> bool {
    if items.len() < 2 {
        return true;
    }
    if reverse {
        items.reverse();
    }
    let mut perm: Vec<usize> = (0..items.len()).collect();
    if !sort_permutation_native(items, &mut perm) {
        if reverse {
            items.reverse();
        }
        return false;
    }
    apply_permutation(items, &perm, reverse);
    true
}

/// The native half of `sort_permutation`: true when done.
fn sort_permutation_native(keys: &[Value], perm: &mut [usize]) -> bool {
    if let Some(ints) = keys.iter().map(|k| k.as_small_int()).collect::<Option<Vec<i64>>>() {
        perm.sort_by(|&a, &b| ints[a].cmp(&ints[b]));
        return true;
    }
    let str_type = crate::types::str::STR_TYPE.get();
    if keys.iter().all(|k| k.is_exact(str_type)) {
        // `PyStr`'s order is code point order with lone surrogates
        // included; `as_str` would compare them as U+FFFD.
        let strs: Option<Vec<&PyStr>> = keys.iter().map(|k| k.downcast_ref::<PyStr>()).collect();
        if let Some(strs) = strs {
            if strs.iter().any(|s| s.has_surrogates()) {
                perm.sort_by(|&a, &b| strs[a].partial_cmp(strs[b]).unwrap_or(std::cmp::Ordering::Equal));
            } else {
                let text: Vec<&str> = strs.iter().map(|s| s.as_str()).collect();
                perm.sort_by(|&a, &b| text[a].cmp(text[b]));
            }
            return true;
        }
    }
    let float_type = crate::types::float::FLOAT_TYPE.get();
    if keys.iter().all(|k| k.is_exact(float_type)) {
        let floats: Vec<f64> = keys.iter().map(|k| k.as_float().unwrap_or(0.0)).collect();
        if !floats.iter().any(|f| f.is_nan()) {
            // -0.0 and 0.0 compare equal, as in Python.
            perm.sort_by(|&a, &b| floats[a].partial_cmp(&floats[b]).unwrap_or(std::cmp::Ordering::Equal));
            return true;
        }
    }
    sort_native_tuples(keys, perm)
}

/// One tuple item a key comparison can order without Python code.
#[derive(Clone, Copy, PartialEq)]
enum ItemKind {
    Int,
    Str,
}

fn item_kind(v: &Value) -> Option<ItemKind> {
    if v.is_small_int() {
        Some(ItemKind::Int)
    } else if v.is_exact(crate::types::str::STR_TYPE.get()) {
        // `as_str` is lossy for lone surrogates: those take the general path.
        v.downcast_ref::<PyStr>().filter(|s| !s.has_surrogates()).map(|_| ItemKind::Str)
    } else {
        None
    }
}

/// Keys that are exact tuples (`key=lambda v: (v % 101, -v)`) whose items
/// at each position are all small ints or all exact `str` (without lone
/// surrogates): compared
/// lexicographically in Rust, which is what tuple comparison would do
/// without running any Python code. False (nothing done) otherwise.
fn sort_native_tuples(keys: &[Value], perm: &mut [usize]) -> bool {
    let tuple_type = crate::types::tuple::TUPLE_TYPE.get();
    let mut kinds: smallvec::SmallVec<[ItemKind; 4]> = smallvec::SmallVec::new();
    for k in keys {
        let Some(items) = k.as_tuple().filter(|_| k.is_exact(tuple_type)) else { return false };
        for (i, x) in items.iter().enumerate() {
            let Some(kind) = item_kind(x) else { return false };
            match kinds.get(i) {
                Some(&known) if known != kind => return false,
                Some(_) => {}
                None => kinds.push(kind),
            }
        }
    }
    let tuples: Vec<&[Value]> = keys.iter().map(|k| k.as_tuple().unwrap_or(&[])).collect();
    let cmp_item = |x: &Value, y: &Value| match (x.as_small_int(), y.as_small_int()) {
        (Some(p), Some(q)) => p.cmp(&q),
        _ => x.as_str().unwrap_or("").cmp(y.as_str().unwrap_or("")),
    };
    perm.sort_by(|&a, &b| {
        let (ta, tb) = (tuples[a], tuples[b]);
        for (x, y) in ta.iter().zip(tb) {
            let o = cmp_item(x, y);
            if o != std::cmp::Ordering::Equal {
                return o;
            }
        }
        ta.len().cmp(&tb.len())
    });
    true
}

/// Stable merge sort of `perm` by `lt` (which compares two key indices).
fn merge_sort<F>(vm: &mut Vm, perm: &mut [usize], lt: &mut F) -> PyResult<()>
where
    F: FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
{
    let n = perm.len();
    let mut lo = 0;
    while lo < n {
        let hi = (lo + MIN_RUN).min(n);
        insertion_sort(vm, &mut perm[lo..hi], lt)?;
        lo = hi;
    }
    let mut buf = vec![0usize; n];
    let mut width = MIN_RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            merge(vm, &mut perm[lo..hi], mid - lo, &mut buf[lo..hi], lt)?;
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Stable binary insertion sort of a short run.
fn insertion_sort<F>(vm: &mut Vm, run: &mut [usize], lt: &mut F) -> PyResult<()>
where
    F: FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
{
    for i in 1..run.len() {
        let x = run[i];
        // First position whose key is greater than x's (upper bound), so
        // x lands after equal keys.
        let (mut l, mut r) = (0, i);
        while l < r {
            let m = (l + r) / 2;
            if lt(vm, x, run[m])? {
                r = m;
            } else {
                l = m + 1;
            }
        }
        run[l..=i].rotate_right(1);
    }
    Ok(())
}

/// Merges the sorted halves `run[..mid]` and `run[mid..]`; `run` is only
/// overwritten once every comparison has succeeded.
fn merge<F>(vm: &mut Vm, run: &mut [usize], mid: usize, buf: &mut [usize], lt: &mut F) -> PyResult<()>
where
    F: FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
{
    // Already in order: the common case for partially sorted data.
    if !lt(vm, run[mid], run[mid - 1])? {
        return Ok(());
    }
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < run.len() {
        // Take from the right only when strictly smaller: stability.
        if lt(vm, run[j], run[i])? {
            buf[k] = run[j];
            j += 1;
        } else {
            buf[k] = run[i];
            i += 1;
        }
        k += 1;
    }
    buf[k..k + (mid - i)].copy_from_slice(&run[i..mid]);
    k += mid - i;
    let rest = run.len() - j;
    buf[k..k + rest].copy_from_slice(&run[j..]);
    run.copy_from_slice(buf);
    Ok(())
}
