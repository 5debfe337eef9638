//! Binding call arguments to a Python function's parameters, with
//! CPython's exact `TypeError` messages.

use skein_compiler::bytecode::CodeFlags;

use crate::function::args::Args;
use crate::function::PyFunction;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Fills `dest` (the callee's fast locals, all `None`) from `args`.
pub fn bind_arguments(vm: &mut Vm, func: &PyFunction, args: Args<'_>, dest: &mut [Option<Value>]) -> PyResult<()> {
    let code = &func.code;
    let co = &code.co;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = co.flags.has(CodeFlags::VARARGS);
    let has_varkw = co.flags.has(CodeFlags::VARKEYWORDS);
    let npos = args.pos.len();

    // Fast path: exact positional call.
    if npos == argcount && !args.has_kwargs() && !has_varargs && !has_varkw && kwonly == 0 {
        for (d, v) in dest.iter_mut().zip(args.pos) {
            *d = Some(v.clone());
        }
        return Ok(());
    }

    let n = npos.min(argcount);
    for i in 0..n {
        dest[i] = Some(args.pos[i].clone());
    }
    let mut slot = total;
    if has_varargs {
        let extra = if npos > argcount { args.pos[argcount..].to_vec() } else { Vec::new() };
        dest[slot] = Some(new_tuple(extra));
        slot += 1;
    }
    let kwdict = if has_varkw {
        let d = PyDict::new_ref();
        dest[slot] = Some(d.to_value());
        Some(d)
    } else {
        None
    };

    let mut posonly_as_kw: Vec<String> = Vec::new();
    let kw_params = &code.localsplus_names[posonly..total];
    for (kname, kval) in args.kwnames.iter().zip(args.kwvalues) {
        let found = find_kw_param(kw_params, kname);
        let kstr = kname.as_str().unwrap_or("");
        match found.map(|j| j + posonly) {
            Some(j) => {
                if dest[j].is_some() {
                    let q = func.qualname_string();
                    return Err(vm.new_type_error(format!("{q}() got multiple values for argument '{kstr}'")));
                }
                dest[j] = Some(kval.clone());
            }
            None => {
                if let Some(d) = &kwdict {
                    d.set_item(vm, kname.clone(), kval.clone())?;
                    continue;
                }
                if code.localsplus_names[..posonly].iter().any(|n| n.as_str() == Some(kstr)) {
                    posonly_as_kw.push(kstr.to_string());
                    continue;
                }
                let q = func.qualname_string();
                return Err(vm.new_type_error(format!("{q}() got an unexpected keyword argument '{kstr}'")));
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        let q = func.qualname_string();
        return Err(vm.new_type_error(format!(
            "{q}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }

    // Read once (another thread may replace the tuple meanwhile), and only
    // when some positional parameter may need it.
    let defaults: Option<PyRef<crate::types::tuple::PyTuple>> =
        if n < argcount || npos > argcount { func.defaults.lock().clone() } else { None };
    let ndefaults = defaults.as_ref().map(|d| d.len()).unwrap_or(0);

    if npos > argcount && !has_varargs {
        let q = func.qualname_string();
        let kwonly_given = (argcount..total).filter(|&i| dest[i].is_some()).count();
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else if npos == 1 {
            "1 was given".to_string()
        } else {
            format!("{npos} were given")
        };
        return Err(vm.new_type_error(format!("{q}() takes {takes} but {given}")));
    }

    // Defaults for missing positional parameters.
    if n < argcount {
        let first_default = argcount - ndefaults;
        let mut missing = Vec::new();
        for i in n..argcount {
            if dest[i].is_none() {
                if i >= first_default {
                    if let Some(d) = &defaults {
                        dest[i] = Some(d.items()[i - first_default].clone());
                    }
                } else {
                    missing.push(code.localsplus_names[i].as_str().unwrap_or("?").to_string());
                }
            }
        }
        if !missing.is_empty() {
            let q = func.qualname_string();
            return Err(vm.new_type_error(format!(
                "{q}() missing {} required positional {}: {}",
                missing.len(),
                if missing.len() == 1 { "argument" } else { "arguments" },
                name_list(&missing)
            )));
        }
    }

    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.lock().clone();
        let mut missing = Vec::new();
        for i in argcount..total {
            if dest[i].is_none() {
                let name = &code.localsplus_names[i];
                let dv = kwdefaults.as_ref().and_then(|d| d.get_str(name.as_str().unwrap_or("")));
                match dv {
                    Some(v) => dest[i] = Some(v),
                    None => missing.push(name.as_str().unwrap_or("?").to_string()),
                }
            }
        }
        if !missing.is_empty() {
            let q = func.qualname_string();
            return Err(vm.new_type_error(format!(
                "{q}() missing {} required keyword-only {}: {}",
                missing.len(),
                if missing.len() == 1 { "argument" } else { "arguments" },
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// The index in `params` of the parameter named by keyword `k`. Parameter
/// names and the names of `KW_NAMES` are interned, so a pointer compare
/// finds them; other strings (`**mapping` keys built at run time) are
/// compared by value; a key that is not a string names none.
pub(crate) fn find_kw_param(params: &[Value], k: &Value) -> Option<usize> {
    params.iter().position(|n| n.is(k)).or_else(|| {
        let ks = k.as_str()?;
        params.iter().position(|n| n.as_str() == Some(ks))
    })
}
