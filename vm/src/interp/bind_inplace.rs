//! Binding a call's arguments where they lie on the value stack.
//!
//! `CALL` leaves `[positional..., keyword values...]` right above the
//! function's slot, which is where the callee's window starts. For a
//! Python function that is not a generator, [`bind_in_place`] first works
//! out where each keyword value goes (parameter names and `KW_NAMES`
//! strings are interned: pointer compares) and checks that every parameter
//! gets a value, then moves the values into place, builds the `*args`
//! tuple and `**kwargs` dict when the function has them, and fills the
//! defaults. No `Args`, no window copied in from a buffer, no count per
//! argument.
//!
//! Only calls that bind without error are bound here: anything else (too many
//! positional arguments, a duplicate or unknown keyword, a missing
//! argument, more keywords or parameters than the plan tracks) goes to the
//! generic binder (`bind.rs`), which raises CPython's exact `TypeError`.

use skein_compiler::bytecode::CodeFlags;

use crate::function::PyFunction;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::singletons::none;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::value::Value;
use crate::vm::Vm;

/// Most keyword arguments bound here.
const MAX_KW: usize = 8;

/// A keyword argument that goes into the `**kwargs` dict.
const TO_DICT: u8 = u8::MAX;

/// Binds the arguments of a call of `func` (not a generator's code) in
/// place: `values[base..]` holds `npos` positional arguments followed by
/// the values of the keyword arguments `kwnames`. Afterwards
/// `values[base..base + nlocalsplus]` is the callee's bound window (cells
/// and free variables unbound, for the prologue) and the result is
/// `true`; `false`, nothing changed, when the generic binder must run.
#[inline(never)]
pub(crate) fn bind_in_place(vm: &mut Vm, func: &PyFunction, base: usize, npos: usize, kwnames: &[Value]) -> bool {
    let code = &*func.code;
    let co = &*code.co;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let total = argcount + co.kwonlyargcount as usize;
    let has_varargs = co.flags.has(CodeFlags::VARARGS);
    let has_varkw = co.flags.has(CodeFlags::VARKEYWORDS);
    let nkw = kwnames.len();
    if (npos > argcount && !has_varargs) || nkw > MAX_KW || total >= 64 {
        return false;
    }

    // Where each keyword goes; `filled` marks the parameters given a value.
    let nfilled = npos.min(argcount);
    let mut filled: u64 = (1u64 << nfilled) - 1;
    let mut kw_slot = [TO_DICT; MAX_KW];
    let names = &code.localsplus_names[posonly..total];
    for (i, k) in kwnames.iter().enumerate() {
        let found = crate::interp::bind::find_kw_param(names, k);
        if found.is_none() && k.as_str().is_none() {
            // "keywords must be strings": the generic binder says so.
            return false;
        }
        match found {
            Some(j) => {
                let j = j + posonly;
                if filled & (1 << j) != 0 {
                    return false;
                }
                filled |= 1 << j;
                kw_slot[i] = j as u8;
            }
            None if has_varkw => {}
            None => return false,
        }
    }

    // The defaults the unfilled parameters need, read once (another
    // thread may replace them meanwhile) and checked before anything moves.
    let all: u64 = (1u64 << total) - 1;
    let pos_all: u64 = (1u64 << argcount) - 1;
    let defaults = if filled & pos_all != pos_all {
        let Some(d) = func.defaults.lock().clone() else { return false };
        // The first parameter without a default must have a value.
        let first_default = argcount.saturating_sub(d.len());
        if filled & ((1u64 << first_default) - 1) != (1u64 << first_default) - 1 || d.len() > argcount {
            return false;
        }
        Some((d, first_default))
    } else {
        None
    };
    let kw_all = all & !pos_all;
    let kwdefaults = if filled & kw_all != kw_all {
        let Some(kd) = func.kwdefaults.lock().clone() else { return false };
        let have =
            (argcount..total).all(|i| filled & (1 << i) != 0 || kd.get_str_value(&code.localsplus_names[i]).is_some());
        if !have {
            return false;
        }
        Some(kd)
    } else {
        None
    };

    // Keywords given in parameter order right after the positional
    // arguments (`f(x, y=1)` for `def f(x, y=0)`) already lie in place.
    let in_place =
        (npos <= argcount || !has_varargs) && kw_slot[..nkw].iter().enumerate().all(|(i, &j)| j as usize == npos + i);
    if in_place {
        vm.frames.enter_window(base, code);
        let values = &mut vm.frames.values;
        if has_varargs {
            values[base + total] = Some(new_tuple(Vec::new()));
        }
        if has_varkw {
            values[base + total + has_varargs as usize] = Some(PyDict::new_ref().to_value());
        }
        fill_defaults(vm, func, base, defaults, kwdefaults);
        return true;
    }

    // Move the values into place.
    let values = &mut vm.frames.values;
    let mut kwvalues: [Option<Value>; MAX_KW] = Default::default();
    for (i, slot) in values[base + npos..].iter_mut().enumerate() {
        kwvalues[i] = slot.take();
    }
    values.truncate(base + npos);
    let extra = if has_varargs {
        let items: Vec<Value> = if npos > argcount {
            values.drain(base + argcount..).map(|v| v.unwrap_or_else(none)).collect()
        } else {
            Vec::new()
        };
        Some(new_tuple(items))
    } else {
        None
    };
    vm.frames.enter_window(base, code);
    let values = &mut vm.frames.values;
    if let Some(t) = extra {
        values[base + total] = Some(t);
    }
    let dict = has_varkw.then(|| {
        let d = PyDict::new_ref();
        values[base + total + has_varargs as usize] = Some(d.to_value());
        d
    });
    for (i, v) in kwvalues.iter_mut().take(nkw).enumerate() {
        if kw_slot[i] != TO_DICT {
            values[base + kw_slot[i] as usize] = v.take();
        }
    }
    if let Some(d) = &dict {
        // The rest go into the new `**kwargs` dict under one lock.
        let rest = kwvalues.iter_mut().take(nkw).enumerate().filter(|(i, _)| kw_slot[*i] == TO_DICT);
        d.set_str_keys(rest.filter_map(|(i, v)| Some((kwnames[i].clone(), v.take()?))));
    }
    fill_defaults(vm, func, base, defaults, kwdefaults);
    true
}

/// Gives the parameters still unbound in the window at `base` their
/// defaults (checked to exist by the caller).
fn fill_defaults(
    vm: &mut Vm,
    func: &PyFunction,
    base: usize,
    defaults: Option<(PyRef<PyTuple>, usize)>,
    kwdefaults: Option<PyRef<PyDict>>,
) {
    let values = &mut vm.frames.values;
    if let Some((d, first_default)) = defaults {
        for (i, dv) in d.items().iter().enumerate() {
            let slot = &mut values[base + first_default + i];
            if slot.is_none() {
                *slot = Some(dv.clone());
            }
        }
    }
    if let Some(kd) = kwdefaults {
        let code = &*func.code;
        let argcount = code.co.argcount as usize;
        for i in argcount..argcount + code.co.kwonlyargcount as usize {
            if values[base + i].is_none() {
                values[base + i] = kd.get_str_value(&code.localsplus_names[i]);
            }
        }
    }
}
