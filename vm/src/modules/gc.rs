//! The `gc` module: CPython's interface to the cycle collector
//! (`skein_gc::collect`, driven by `gc_driver.rs`).
//!
//! Skein's collector has two generations (docs/gc.md, "Generations"):
//! young (the containers allocated since the last collection) and old.
//! CPython's three generation numbers map onto them: 0 and 1 are the young
//! generation for `collect`, 1 is always empty for `get_objects` (young
//! survivors go straight to the old generation), 2 is the old generation
//! (`collect(2)` is a full collection). `get_count()` reports the
//! allocation count and the young collections since the last full one.

use skein_gc::{Generation, ObjRef};

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::gc_driver as driver;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const NUM_GENERATIONS: isize = 3;

pub fn make_gc_module() -> PyRef<PyModule> {
    let m = PyModule::new("gc");
    m.set_attr("__doc__", crate::types::str::new_str("This module provides access to the garbage collector for reference cycles.\n\nenable() -- Enable automatic garbage collection.\ndisable() -- Disable automatic garbage collection.\nisenabled() -- Returns true if automatic collection is enabled.\ncollect() -- Do a full collection right now.\nget_count() -- Return the current collection counts.\nget_stats() -- Return list of dictionaries containing per-generation stats.\nset_debug() -- Set debugging flags.\nget_debug() -- Get debugging flags.\nset_threshold() -- Set the collection thresholds.\nget_threshold() -- Return the current the collection thresholds.\nget_objects() -- Return a list of all objects tracked by the collector.\nis_tracked() -- Returns true if a given object is tracked.\nis_finalized() -- Returns true if a given object has been already finalized.\nget_referrers() -- Return the list of objects that refer to an object.\nget_referents() -- Return the list of objects that an object refers to.\nfreeze() -- Freeze all tracked objects and ignore them for future collections.\nunfreeze() -- Unfreeze all objects in the permanent generation.\nget_freeze_count() -- Return the number of objects in the permanent generation.\n"));
    let funcs: &[(&'static str, NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("get_debug", gc_get_debug),
        ("set_debug", gc_set_debug),
        ("get_stats", gc_get_stats),
        ("get_objects", gc_get_objects),
        ("get_referrers", gc_get_referrers),
        ("get_referents", gc_get_referents),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("freeze", gc_freeze),
        ("unfreeze", gc_unfreeze),
        ("get_freeze_count", gc_get_freeze_count),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "gc"));
    }
    for (name, v) in [
        ("DEBUG_STATS", driver::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", driver::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", driver::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", driver::DEBUG_SAVEALL),
        ("DEBUG_LEAK", driver::DEBUG_LEAK),
    ] {
        m.set_attr(name, int_from_i64(v as i64));
    }
    m.set_attr("garbage", driver::garbage_list().clone());
    m.set_attr("callbacks", driver::callbacks_list().clone());
    m
}

/// A C `int` argument the way Argument Clinic converts it.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if v.as_float().is_some() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_isize(v)
}

fn gc_collect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "collect", &["generation"], 0)?;
    let mut generation = Generation::Full;
    if let Some(g) = &a[0] {
        let g = int_arg(vm, g)?;
        if !(0..NUM_GENERATIONS).contains(&g) {
            return Err(vm.new_value_error("invalid generation"));
        }
        // Two generations: 0 and 1 name the young one.
        if g < 2 {
            generation = Generation::Young;
        }
    }
    Ok(int_from_i64(driver::collect_explicit(vm, generation) as i64))
}

fn gc_enable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.enable", 0)?;
    skein_gc::trigger::set_enabled(true);
    Ok(none())
}

fn gc_disable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.disable", 0)?;
    skein_gc::trigger::set_enabled(false);
    Ok(none())
}

fn gc_isenabled(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.isenabled", 0)?;
    Ok(bool_value(skein_gc::trigger::is_enabled()))
}

fn gc_get_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.get_count", 0)?;
    let young = skein_gc::trigger::young_count() as i64;
    let young_collections = skein_gc::trigger::young_collections() as i64;
    Ok(new_tuple(vec![int_from_i64(young), int_from_i64(young_collections), int_from_i64(0)]))
}

fn gc_get_threshold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.get_threshold", 0)?;
    let t = skein_gc::trigger::thresholds();
    Ok(new_tuple(t.iter().map(|&v| int_from_i64(v as i64)).collect()))
}

fn gc_set_threshold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "set_threshold")?;
    let n = args.len();
    if n == 0 {
        return Err(vm.new_type_error("set_threshold() takes at least 1 argument (0 given)"));
    }
    if n > 3 {
        return Err(vm.new_type_error(format!("set_threshold() takes at most 3 arguments ({n} given)")));
    }
    let mut values = [None; 3];
    for (slot, v) in values.iter_mut().zip(args.pos.iter()) {
        *slot = Some(int_arg(vm, v)?);
    }
    skein_gc::trigger::set_thresholds(values);
    Ok(none())
}

fn gc_get_debug(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.get_debug", 0)?;
    Ok(int_from_i64(driver::debug_flags() as i32 as i64))
}

fn gc_set_debug(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "gc.set_debug", 1)?;
    let flags = int_arg(vm, &a[0])?;
    driver::set_debug_flags(flags as u32);
    Ok(none())
}

fn gc_get_stats(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.get_stats", 0)?;
    let (young, full) = driver::stats();
    let gens = [young, (0, 0, 0), full]
        .into_iter()
        .map(|(a, b, c)| {
            let d = PyDict::new_ref();
            d.set_str_key(crate::intern::intern("collections"), int_from_i64(a));
            d.set_str_key(crate::intern::intern("collected"), int_from_i64(b));
            d.set_str_key(crate::intern::intern("uncollectable"), int_from_i64(c));
            d.into_value()
        })
        .collect();
    Ok(new_list(gens))
}

fn gc_get_objects(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "get_objects", &["generation"], 0)?;
    let mut generation = None;
    if let Some(g) = a[0].as_ref().filter(|g| !g.is_none()) {
        if g.as_int().is_none() {
            return Err(vm.new_type_error(format!("argument should be integer or None, not '{}'", g.class().name())));
        }
        let g = int_arg(vm, g)?;
        if g >= NUM_GENERATIONS {
            return Err(
                vm.new_value_error("generation parameter must be less than the number of available generations (3)")
            );
        }
        // -1 is Argument Clinic's stand-in for None.
        if g < -1 {
            return Err(vm.new_value_error("generation parameter cannot be negative"));
        }
        // Generation 1 is always empty: a young collection promotes its
        // survivors straight to the old generation (2).
        if g == 1 {
            return Ok(new_list(Vec::new()));
        }
        generation = match g {
            -1 => None,
            0 => Some(Generation::Young),
            _ => Some(Generation::Full),
        };
    }
    let objects = skein_gc::collect::tracked_objects_of(generation);
    Ok(new_list(objects.into_iter().map(Value::from_ref).collect()))
}

/// The objects of a `*objs` argument list (tagged ints and floats are not
/// objects: nothing refers to them as such).
fn object_refs(args: &Args<'_>) -> Vec<ObjRef> {
    args.pos.iter().filter_map(|v| v.with_ref(ObjRef::clone)).collect()
}

fn gc_get_referrers(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "get_referrers")?;
    let targets = object_refs(&args);
    let found = skein_gc::collect::referrers(&targets);
    drop(targets);
    Ok(new_list(found.into_iter().map(Value::from_ref).collect()))
}

fn gc_get_referents(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "get_referents")?;
    let mut out = Vec::new();
    for r in object_refs(&args) {
        out.extend(skein_gc::collect::referents(&r).into_iter().map(Value::from_ref));
    }
    Ok(new_list(out))
}

fn gc_is_tracked(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "gc.is_tracked", 1)?;
    Ok(bool_value(a[0].with_ref(skein_gc::collect::is_container).unwrap_or(false)))
}

fn gc_is_finalized(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "gc.is_finalized", 1)?;
    let finalized = a[0]
        .header()
        .is_some_and(|h| h.gc_bits().load(std::sync::atomic::Ordering::Relaxed) & skein_gc::GC_BIT_FINALIZED != 0);
    Ok(bool_value(finalized))
}

fn gc_freeze(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.freeze", 0)?;
    skein_gc::collect::freeze_all();
    Ok(none())
}

fn gc_unfreeze(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.unfreeze", 0)?;
    skein_gc::collect::unfreeze_all();
    Ok(none())
}

fn gc_get_freeze_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gc.get_freeze_count", 0)?;
    Ok(int_from_i64(skein_gc::collect::frozen_count() as i64))
}
