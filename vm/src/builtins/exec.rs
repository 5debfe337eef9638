//! `compile`, `eval`, `exec` and `__import__`.

use crate::function::args::Args;
use crate::function::native::new_function;
use crate::function::PyCode;
use crate::intern::intern;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn mode_of(vm: &mut Vm, m: &Value, only_ast: bool) -> PyResult<skein_compiler::Mode> {
    let Some(m) = m.as_str() else {
        let t = m.class().name();
        return Err(vm.new_type_error(format!("compile() argument 'mode' must be str, not {t}")));
    };
    match m {
        "exec" => Ok(skein_compiler::Mode::Exec),
        "eval" => Ok(skein_compiler::Mode::Eval),
        "single" => Ok(skein_compiler::Mode::Single),
        "func_type" if only_ast => Ok(skein_compiler::Mode::Exec),
        "func_type" => Err(vm.new_value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST")),
        _ if only_ast => Err(vm.new_value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
        _ => Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
}

/// `ast.PyCF_ONLY_AST`.
const PYCF_ONLY_AST: i64 = 0x400;
/// The `compile()` flags CPython 3.11 accepts: the `__future__` feature
/// bits (`CO_FUTURE_*`), the obsolete `CO_NESTED`, and `PyCF_ONLY_AST`,
/// `PyCF_DONT_IMPLY_DEDENT`, `PyCF_TYPE_COMMENTS`,
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`, `PyCF_ALLOW_INCOMPLETE_INPUT`.
const COMPILE_FLAGS: i64 = 0x1fe_0000 | 0x10 | PYCF_ONLY_AST | 0x200 | 0x1000 | 0x2000 | 0x4000;

/// CPython's `SyntaxError` for a source with NUL characters (made by
/// calling the class, so `filename`, `lineno`, ... exist and are None).
fn null_bytes_error(vm: &mut Vm) -> crate::vm::PyErr {
    let cls = crate::types::exceptions::exc().syntax_error.to_value();
    let msg = crate::types::str::new_str("source code string cannot contain null bytes");
    match vm.call(&cls, &[msg]) {
        Ok(e) => match e.downcast::<crate::types::exceptions::PyBaseException>() {
            Some(e) => crate::vm::PyErr(e),
            None => vm.new_type_error("SyntaxError() did not return an exception"),
        },
        Err(e) => e,
    }
}

/// The encoding named by a PEP 263 coding cookie in the first two lines.
fn coding_cookie(b: &[u8]) -> Option<String> {
    for line in b.split(|&c| c == b'\n').take(2) {
        let line = String::from_utf8_lossy(line);
        let t = line.trim_start();
        if !t.starts_with('#') {
            if t.is_empty() {
                continue;
            }
            return None;
        }
        if let Some(p) = t.find("coding") {
            let rest = &t[p + 6..];
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Decodes a source given as bytes: UTF-8 unless a BOM or coding cookie
/// says otherwise; a decoding error is a `SyntaxError` as in CPython.
fn decode_source(vm: &mut Vm, obj: &Value, b: &[u8], filename: &str) -> PyResult<String> {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let enc = coding_cookie(b).unwrap_or_else(|| "utf-8".into());
    match crate::types::str_methods::codec::decode(vm, b, obj, &enc, "strict") {
        Ok(s) => Ok(s.as_str().to_string()),
        Err(e) => {
            let cls = e.0.class();
            let is_lookup = cls.is_subtype(&crate::types::exceptions::exc().lookup_error);
            let msg = vm.str_string(&e.value())?;
            let (message, line, col) = if is_lookup { (msg, 0, -1) } else { (format!("(unicode error) {msg}"), 1, 1) };
            let err = skein_compiler::CompileError {
                kind: skein_compiler::ErrorKind::SyntaxError,
                message,
                line,
                col,
                end_line: line,
                end_col: -1,
                text: String::new(),
            };
            let lossy = if is_lookup { String::new() } else { String::from_utf8_lossy(b).into_owned() };
            Err(crate::runtime::syntax_error(vm, &err, filename, &lossy))
        }
    }
}

/// Source text of a `str` or bytes-like argument; `None` if `v` is neither.
fn source_text(vm: &mut Vm, v: &Value, filename: &str) -> PyResult<Option<String>> {
    let text = if let Some(s) = v.as_str() {
        s.to_string()
    } else if let Some(b) = v.downcast_ref::<crate::types::small::PyBytes>() {
        decode_source(vm, v, &b.data, filename)?
    } else if let Some(b) = v.downcast_ref::<crate::types::small::PyByteArray>() {
        let data = b.data.lock().clone();
        decode_source(vm, v, &data, filename)?
    } else if v.downcast_ref::<crate::types::memoryview::PyMemoryView>().is_some() {
        let data = vm.call_method(v, "tobytes", &[])?;
        let data = data.downcast_ref::<crate::types::small::PyBytes>().map(|b| b.data.to_vec()).unwrap_or_default();
        decode_source(vm, v, &data, filename)?
    } else {
        return Ok(None);
    };
    if text.contains('\0') {
        return Err(null_bytes_error(vm));
    }
    Ok(Some(text))
}

/// A `compile()` file name: `str`, `bytes` or `os.PathLike`.
fn filename_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let v = match v.class().lookup("__fspath__") {
        Some(f) if v.as_str().is_none() && v.downcast_ref::<crate::types::small::PyBytes>().is_none() => {
            vm.call(&f, std::slice::from_ref(v))?
        }
        _ => v.clone(),
    };
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.downcast_ref::<crate::types::small::PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {t}")))
}

fn int_arg(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => {
            if v.downcast_ref::<crate::types::float::PyFloat>().is_some() {
                return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
            }
            let i = vm.index(v)?;
            Ok(i.as_i64().unwrap_or(i64::MAX))
        }
        None => Ok(default),
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1, *, _feature_version=-1)`.  The flags are checked as
/// CPython does; the `__future__` bits and `dont_inherit` do not change
/// the code Skein produces. ASTs: `compile_ast.rs`.
fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.len() > 6 {
        return Err(
            vm.new_type_error(format!("compile() takes at most 6 positional arguments ({} given)", args.pos.len()))
        );
    }
    let s = args.bind(
        vm,
        "compile",
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        0,
    )?;
    for (i, name) in ["source", "filename", "mode"].iter().enumerate() {
        if s[i].is_none() {
            return Err(vm.new_type_error(format!("compile() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    let (Some(src), Some(filename), Some(mode)) = (&s[0], &s[1], &s[2]) else { unreachable!() };
    let filename = filename_arg(vm, filename)?;
    let flags = int_arg(vm, &s[3], 0)?;
    int_arg(vm, &s[4], 0)?;
    let optimize = int_arg(vm, &s[5], -1)?;
    int_arg(vm, &s[6], -1)?;
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let mode_value = mode.clone();
    let mode = mode_of(vm, &mode_value, only_ast)?;
    if flags & !COMPILE_FLAGS != 0 {
        return Err(vm.new_value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.new_value_error("compile(): invalid optimize value"));
    }
    let mode_name = mode_value.as_str().unwrap_or("exec").to_string();
    let Some(text) = source_text(vm, src, &filename)? else {
        if let Some(r) = super::compile_ast::compile_tree(vm, src, &filename, &mode_name, only_ast)? {
            return Ok(r);
        }
        return Err(vm.new_type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if only_ast {
        return super::compile_ast::parse_to_ast(vm, &text, &filename, &mode_name);
    }
    Ok(crate::import::compile_source(vm, &text, &filename, mode)?.into_value())
}

/// Resolves the globals and locals of `eval`/`exec`.
fn namespaces(
    vm: &mut Vm,
    globals: Option<&Value>,
    locals: Option<&Value>,
    fname: &str,
) -> PyResult<(PyRef<PyDict>, Value)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    if let Some(g) = globals {
        if g.downcast::<PyDict>().is_none() {
            let t = g.class().name();
            return Err(vm.new_type_error(if fname == "eval" {
                if locals.is_some() {
                    "globals must be a dict".to_string()
                } else {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                }
            } else {
                format!("{fname}() globals must be a dict, not {t}")
            }));
        }
    }
    if let Some(l) = locals {
        if l.class().lookup("__getitem__").is_none() {
            let t = l.class().name();
            return Err(vm.new_type_error(if fname == "eval" {
                "locals must be a mapping".to_string()
            } else {
                format!("locals must be a mapping or None, not {t}")
            }));
        }
    }
    let (g, l) = match globals {
        Some(g) => {
            let gd = g.downcast::<PyDict>().unwrap_or_else(PyDict::new_ref);
            let l = locals.cloned().unwrap_or_else(|| gd.to_value());
            (gd, l)
        }
        None => {
            let g = super::functions::current_globals(vm);
            let l = match locals {
                Some(l) => l.clone(),
                None => super::functions::current_locals(vm),
            };
            match g.downcast::<PyDict>() {
                Some(gd) => (gd, l),
                None => (PyDict::new_ref(), l),
            }
        }
    };
    if g.get_str("__builtins__").is_none() {
        g.set_str_key(intern("__builtins__"), crate::vm::interp().builtins.to_value());
    }
    Ok((g, l))
}

/// `exec(..., closure=)`: a tuple of exactly `nfree` cells.
fn closure_arg(vm: &mut Vm, code: &PyCode, closure: Option<&Value>) -> PyResult<Option<PyRef<PyTuple>>> {
    let closure = closure.filter(|c| !c.is_none());
    let nfree = code.nfree;
    if nfree == 0 {
        if closure.is_some() {
            return Err(vm.new_type_error("cannot use a closure with this code object"));
        }
        return Ok(None);
    }
    let t = closure.and_then(|c| c.downcast::<PyTuple>());
    match t {
        Some(t)
            if t.len() == nfree && t.items().iter().all(|c| c.downcast_ref::<crate::function::PyCell>().is_some()) =>
        {
            Ok(Some(t))
        }
        _ => Err(vm.new_type_error(format!("code object requires a closure of exactly length {nfree}"))),
    }
}

fn run(vm: &mut Vm, args: Args<'_>, fname: &str, mode: skein_compiler::Mode) -> PyResult<Value> {
    let is_eval = mode == skein_compiler::Mode::Eval;
    let closure = if is_eval {
        args.no_kwargs(vm, "eval")?;
        if args.pos.len() > 3 {
            return Err(vm.new_type_error(format!("eval expected at most 3 arguments, got {}", args.pos.len())));
        }
        None
    } else {
        if args.pos.len() > 3 {
            return Err(
                vm.new_type_error(format!("exec() takes at most 3 positional arguments ({} given)", args.pos.len()))
            );
        }
        let mut closure = None;
        for (i, v) in args.kwvalues.iter().enumerate() {
            match args.kwarg_name(i) {
                "closure" => closure = Some(v.clone()),
                _ if args.pos.is_empty() => break,
                k => return Err(vm.new_type_error(format!("'{k}' is an invalid keyword argument for exec()"))),
            }
        }
        closure
    };
    let src = match args.pos.first() {
        Some(src) => src,
        None if is_eval => return Err(vm.new_type_error("eval expected at least 1 argument, got 0")),
        None => return Err(vm.new_type_error("exec() takes at least 1 positional argument (0 given)")),
    };
    let s = [args.pos.first().cloned(), args.pos.get(1).cloned(), args.pos.get(2).cloned()];
    let (globals, locals) = namespaces(vm, s[1].as_ref(), s[2].as_ref(), fname)?;
    let (code, closure) = match src.downcast::<PyCode>() {
        Some(c) => {
            if is_eval && c.nfree > 0 {
                return Err(vm.new_type_error("code object passed to eval() may not contain free variables"));
            }
            let cl = closure_arg(vm, &c, closure.as_ref())?;
            (c, cl)
        }
        None => {
            if closure.as_ref().is_some_and(|c| !c.is_none()) {
                return Err(vm.new_type_error("closure can only be used when source is a code object"));
            }
            let Some(text) = source_text(vm, src, "<string>")? else {
                return Err(vm.new_type_error(format!("{fname}() arg 1 must be a string, bytes or code object")));
            };
            let text = if is_eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
            (crate::import::compile_source(vm, &text, "<string>", mode)?, None)
        }
    };
    let r = vm.run_code(code, globals, Some(locals), closure)?;
    Ok(if is_eval { r } else { none() })
}

fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    run(vm, args, "eval", skein_compiler::Mode::Eval)
}

fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    run(vm, args, "exec", skein_compiler::Mode::Exec)
}

fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.bind(vm, "__import__", &["name", "globals", "locals", "fromlist", "level"], 0)?;
    let Some(name) = s[0].clone() else {
        return Err(vm.new_type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    if name.as_str().is_none() {
        let t = name.class().name();
        return Err(vm.new_type_error(format!("module name must be str, not {t}")));
    }
    let globals = s[1].as_ref().and_then(|g| g.downcast::<PyDict>()).unwrap_or_else(PyDict::new_ref);
    let fromlist = s[3].clone().unwrap_or_else(none);
    let level = s[4].as_ref().and_then(|l| l.as_i64()).unwrap_or(0);
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    if name.as_str() == Some("") && level == 0 {
        return Err(vm.new_value_error("Empty module name"));
    }
    crate::import::import_name(vm, &name, &globals, &fromlist, level)
}

/// Adds these builtins to the module.
pub fn add_exec_builtins(m: &PyRef<PyModule>) {
    m.set_attr("compile", new_function("compile", builtin_compile, "builtins"));
    m.set_attr("eval", new_function("eval", builtin_eval, "builtins"));
    m.set_attr("exec", new_function("exec", builtin_exec, "builtins"));
    m.set_attr("__import__", new_function("__import__", builtin_import, "builtins"));
}
