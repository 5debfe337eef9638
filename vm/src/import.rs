//! The import system: `sys.modules`, builtin modules, embedded Python
//! modules, and `.py` files and packages found on `sys.path`.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::function::PyCode;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::{e_set_attr, exc};
use crate::types::module::PyModule;
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{interp, PyResult, Vm};

/// Source text of files we compiled, for tracebacks.
static SOURCES: Mutex<Option<HashMap<String, String>>> = Mutex::new(None);

pub fn remember_source(filename: &str, text: &str) {
    let mut s = SOURCES.lock().unwrap_or_else(|p| p.into_inner());
    s.get_or_insert_with(HashMap::new).insert(filename.to_string(), text.to_string());
}

pub fn source_of(filename: &str) -> Option<String> {
    let s = SOURCES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(t) = s.as_ref().and_then(|m| m.get(filename)) {
        return Some(t.clone());
    }
    drop(s);
    std::fs::read_to_string(filename).ok()
}

/// Compiles source into a runtime code object, or raises SyntaxError.
pub fn compile_source(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    mode: skein_compiler::Mode,
) -> PyResult<PyRef<PyCode>> {
    remember_source(filename, source);
    match skein_compiler::compile(source, filename, mode) {
        Ok(co) => {
            if std::env::var_os("SKEIN_DIS").is_some() {
                eprintln!("{}", skein_compiler::disassemble(&co));
            }
            Ok(PyCode::new(std::sync::Arc::new(co)))
        }
        Err(e) => Err(crate::runtime::syntax_error(vm, &e, filename, source)),
    }
}

/// Runs `code` as the body of module `m`.
pub fn exec_module(vm: &mut Vm, m: &PyRef<PyModule>, code: PyRef<PyCode>) -> PyResult<()> {
    let globals = m.dict.clone();
    if globals.get_str("__builtins__").is_none() {
        globals.set_str_key(crate::intern::intern("__builtins__"), interp().builtins.to_value());
    }
    vm.run_code(code, globals.clone(), Some(globals.into_value()), None)?;
    Ok(())
}

fn find_on_path(name: &str) -> Option<(String, bool)> {
    let rel = name.replace('.', "/");
    let sys_path = interp().sys.get_attr("path")?;
    let entries = sys_path.downcast_ref::<crate::types::list::PyList>()?.snapshot();
    for e in entries {
        let dir = e.as_str().unwrap_or("").to_string();
        let dir = if dir.is_empty() { ".".to_string() } else { dir };
        let pkg = format!("{dir}/{rel}/__init__.py");
        if std::path::Path::new(&pkg).is_file() {
            return Some((pkg, true));
        }
        let file = format!("{dir}/{rel}.py");
        if std::path::Path::new(&file).is_file() {
            return Some((file, false));
        }
    }
    None
}

/// Loads module `name` (fully qualified), its parent first.
pub fn load_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let modules = interp().modules.clone();
    if let Some(m) = modules.get_str(name) {
        return Ok(m);
    }
    if let Some((parent, _)) = name.rsplit_once('.') {
        load_module(vm, parent)?;
        if let Some(m) = modules.get_str(name) {
            return Ok(m);
        }
    }
    if let Some(m) = crate::modules::make_builtin_module(vm, name)? {
        modules.set_str_key(crate::intern::intern(name), m.clone());
        return Ok(m);
    }
    let (filename, source, is_pkg) = match crate::modules::embedded_source(name) {
        Some((src, is_pkg)) => (format!("<frozen {name}>"), src.to_string(), is_pkg),
        None => match find_on_path(name) {
            Some((path, is_pkg)) => match std::fs::read_to_string(&path) {
                Ok(src) => (path, src, is_pkg),
                Err(e) => return Err(vm.new_import_error(format!("{e}"))),
            },
            None => {
                let err = vm.new_exception_msg(&exc().module_not_found_error, format!("No module named '{name}'"));
                e_set_attr(&err.0, "name", new_str(name));
                return Err(err);
            }
        },
    };
    let m = PyModule::new(name);
    // Modules live for the whole run and every thread reads them.
    m.to_value().make_immortal();
    m.dict.to_value().make_immortal();
    m.set_attr("__file__", new_str(filename.as_str()));
    if is_pkg {
        let dir = std::path::Path::new(&filename).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
        m.set_attr("__path__", crate::types::list::new_list(vec![new_str(dir)]));
        m.set_attr("__package__", new_str(name));
    } else {
        let pkg = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
        m.set_attr("__package__", new_str(pkg));
    }
    modules.set_str_key(crate::intern::intern(name), m.to_value());
    let code = match compile_source(vm, &source, &filename, skein_compiler::Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            let _ = modules.pop_item(vm, &crate::intern::intern(name));
            return Err(e);
        }
    };
    if let Err(e) = exec_module(vm, &m, code) {
        let _ = modules.pop_item(vm, &crate::intern::intern(name));
        return Err(e);
    }
    let m = modules.get_str(name).unwrap_or_else(|| m.to_value());
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Some(p) = modules.get_str(parent) {
            vm.set_attr_str(&p, child, m.clone())?;
        }
    }
    Ok(m)
}

/// `IMPORT_NAME`.
pub fn import_name(
    vm: &mut Vm,
    name: &Value,
    globals: &PyRef<PyDict>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    let name = name.as_str().unwrap_or("").to_string();
    let full = if level > 0 {
        let package = globals
            .get_str("__package__")
            .and_then(|p| p.as_str().map(str::to_string))
            .filter(|p| !p.is_empty())
            .or_else(|| {
                let n = globals.get_str("__name__")?.as_str()?.to_string();
                if globals.get_str("__path__").is_some() {
                    Some(n)
                } else {
                    n.rsplit_once('.').map(|(p, _)| p.to_string())
                }
            });
        let Some(package) = package else {
            return Err(vm.new_import_error("attempted relative import with no known parent package"));
        };
        let mut parts: Vec<&str> = package.split('.').collect();
        for _ in 1..level {
            if parts.pop().is_none() {
                return Err(vm.new_import_error("attempted relative import beyond top-level package"));
            }
        }
        if parts.is_empty() {
            return Err(vm.new_import_error("attempted relative import beyond top-level package"));
        }
        let base = parts.join(".");
        if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        }
    } else {
        name.clone()
    };
    let m = load_module(vm, &full)?;
    let has_fromlist = !fromlist.is_none() && fromlist.as_tuple().map(|t| !t.is_empty()).unwrap_or(true);
    if has_fromlist {
        if m.downcast_ref::<PyModule>().and_then(|pm| pm.get_attr("__path__")).is_some() {
            for item in fromlist.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
                let s = item.as_str().unwrap_or("").to_string();
                if s != "*" && vm.get_attr_opt(&m, &s)?.is_none() {
                    let sub = format!("{full}.{s}");
                    match load_module(vm, &sub) {
                        Ok(_) => {}
                        Err(e) if vm.err_matches(&e, &exc().module_not_found_error) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        return Ok(m);
    }
    if level > 0 || !full.contains('.') {
        if level > 0 && name.is_empty() {
            return Ok(m);
        }
        return if level > 0 { Ok(m) } else { Ok(m) };
    }
    let top = full.split('.').next().unwrap_or("");
    Ok(interp().modules.get_str(top).unwrap_or(m))
}

/// `IMPORT_FROM`.
pub fn import_from(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Value> {
    let n = name.as_str().unwrap_or("").to_string();
    if let Some(v) = vm.get_attr_opt(module, &n)? {
        return Ok(v);
    }
    let mname = module.downcast_ref::<PyModule>().map(|m| m.name()).unwrap_or_default();
    if let Some(v) = interp().modules.get_str(&format!("{mname}.{n}")) {
        return Ok(v);
    }
    let file = module
        .downcast_ref::<PyModule>()
        .and_then(|m| m.get_attr("__file__"))
        .and_then(|f| f.as_str().map(str::to_string));
    let msg = match file {
        Some(f) => format!("cannot import name '{n}' from '{mname}' ({f})"),
        None => format!("cannot import name '{n}' from '{mname}' (unknown location)"),
    };
    let err = vm.new_import_error(msg);
    e_set_attr(&err.0, "name", new_str(mname.as_str()));
    Err(err)
}

/// `from m import *`.
pub fn import_star(vm: &mut Vm, module: &Value, locals: Option<Value>) -> PyResult<()> {
    let Some(locals) = locals else { return Ok(()) };
    let names: Vec<Value> = match vm.get_attr_opt(module, "__all__")? {
        Some(all) => vm.collect(&all)?,
        None => match module.downcast_ref::<PyModule>() {
            Some(m) => m.dict.keys().into_iter().filter(|k| !k.as_str().unwrap_or("_").starts_with('_')).collect(),
            None => Vec::new(),
        },
    };
    for n in names {
        let v = vm.get_attr(module, &n)?;
        vm.set_item(&locals, &n, v)?;
    }
    Ok(())
}
