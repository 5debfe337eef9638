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

mod compile_warnings;
mod frozen;
mod module_locks;
mod spec;

pub use spec::module_repr;

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
    match skein_compiler::compile_with_warnings(source, filename, mode) {
        Ok((co, warnings)) => {
            compile_warnings::report(vm, &warnings, filename, source)?;
            if std::env::var_os("SKEIN_DIS").is_some() {
                eprintln!("{}", skein_compiler::disassemble(&co));
            }
            // The dispatch loop trusts the verified stack depths (see
            // interp/frame.rs): never run code that fails the verifier.
            if let Err(msg) = skein_compiler::verify::verify(&co) {
                return Err(vm.new_exception_msg(
                    &crate::types::exceptions::exc().system_error,
                    format!("compiler produced invalid bytecode: {msg}"),
                ));
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

/// Where a module's code comes from.
enum Found {
    /// A `.py` file (`is_pkg`: a package's `__init__.py`).
    Source { path: String, source: String, is_pkg: bool },
    /// A namespace package: directories without `__init__.py`.
    Namespace(Vec<String>),
}

/// A search-path entry as an absolute directory: relative entries (and
/// `""`) are taken from the current directory, as CPython's path finder
/// does (without normalising `..`).
fn absolute_dir(entry: &str) -> String {
    if entry.starts_with('/') {
        return entry.trim_end_matches('/').to_string();
    }
    let cwd = std::env::current_dir().map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| ".".into());
    match entry {
        "" | "." => cwd,
        e => format!("{}/{}", cwd.trim_end_matches('/'), e.trim_end_matches('/')),
    }
}

/// Looks for `last` (the final part of a module name) in `dirs`: a
/// package, then a module, in each directory in turn; directories named
/// `last` without `__init__.py` make a namespace package if nothing else
/// is found.
fn find_in(vm: &mut Vm, last: &str, dirs: &[String]) -> PyResult<Option<Found>> {
    let mut portions = Vec::new();
    for d in dirs {
        let dir = absolute_dir(d);
        let pkg_dir = format!("{dir}/{last}");
        for (path, is_pkg) in [(format!("{pkg_dir}/__init__.py"), true), (format!("{dir}/{last}.py"), false)] {
            if std::path::Path::new(&path).is_file() {
                return match std::fs::read_to_string(&path) {
                    Ok(source) => Ok(Some(Found::Source { path, source, is_pkg })),
                    Err(e) => Err(vm.new_import_error(format!("{e}"))),
                };
            }
        }
        if std::path::Path::new(&pkg_dir).is_dir() {
            portions.push(pkg_dir);
        }
    }
    Ok((!portions.is_empty()).then_some(Found::Namespace(portions)))
}

/// The strings of a `sys.path`-like list (other entries are skipped).
fn path_entries(v: &Value) -> Vec<String> {
    let items = match v.downcast_ref::<crate::types::list::PyList>() {
        Some(l) => l.snapshot(),
        None => v.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
    };
    items.iter().filter_map(|e| e.as_str().map(str::to_string)).collect()
}

fn not_found(vm: &mut Vm, name: &str, msg: String) -> crate::vm::PyErr {
    let err = vm.new_exception_msg(&exc().module_not_found_error, msg);
    e_set_attr(&err.0, "name", new_str(name));
    err
}

/// The spec of a module built into the runtime (`sys`, `math`, ...).
pub fn builtin_spec(name: &str) -> Value {
    spec::new_spec(spec::SpecFields {
        name: name.to_string(),
        origin: Some("built-in".into()),
        search_locations: None,
        cached: None,
        has_location: false,
    })
}

/// `__cached__` of a source file, where CPython would write its bytecode.
fn cached_path(path: &str) -> Option<String> {
    let (dir, file) = path.rsplit_once('/')?;
    let stem = file.strip_suffix(".py")?;
    Some(format!("{dir}/__pycache__/{stem}.cpython-311.pyc"))
}

/// `sys.modules[name]` once its body has run: a module another thread is
/// still executing is waited for (CPython's `_lock_unlock_module`).
fn already_loaded(vm: &mut Vm, modules: &PyRef<PyDict>, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = modules.get_str(name) else { return Ok(None) };
    if !module_locks::busy() {
        return Ok(Some(m));
    }
    module_locks::wait_until_loaded(vm, name)?;
    Ok(Some(modules.get_str(name).unwrap_or(m)))
}

/// Loads module `name` (fully qualified), its parent first.
pub fn load_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let modules = interp().modules.clone();
    if let Some(m) = already_loaded(vm, &modules, name)? {
        return Ok(m);
    }
    let mut search: Option<Vec<String>> = None;
    if let Some((parent, _)) = name.rsplit_once('.') {
        let p = load_module(vm, parent)?;
        // The parent's body may have imported it (or another thread may be
        // importing it right now).
        if let Some(m) = already_loaded(vm, &modules, name)? {
            return Ok(m);
        }
        match vm.get_attr_opt(&p, "__path__")? {
            Some(path) => search = Some(path_entries(&path)),
            None if crate::modules::embedded_source(name).is_none() => {
                let msg = format!("No module named '{name}'; '{parent}' is not a package");
                return Err(not_found(vm, name, msg));
            }
            None => {}
        }
    }
    // Held until the body has run; another thread may have loaded the
    // module while we waited for it.
    let _loading = module_locks::acquire(vm, name)?;
    if let Some(m) = modules.get_str(name) {
        return Ok(m);
    }
    if let Some(m) = crate::modules::make_builtin_module(vm, name)? {
        if let Some(md) = m.downcast_ref::<PyModule>() {
            md.set_attr("__spec__", builtin_spec(name));
        }
        modules.set_str_key(crate::intern::intern(name), m.clone());
        return Ok(m);
    }
    let last = name.rsplit('.').next().unwrap_or(name);
    let found = match crate::modules::embedded_source(name) {
        Some((src, is_pkg)) => Found::Source { path: format!("<frozen {name}>"), source: src.to_string(), is_pkg },
        None => {
            let dirs = match search {
                Some(d) => d,
                None => interp().sys.get_attr("path").map(|p| path_entries(&p)).unwrap_or_default(),
            };
            match find_in(vm, last, &dirs)? {
                Some(f) => f,
                None => return Err(not_found(vm, name, format!("No module named '{name}'"))),
            }
        }
    };
    let m = PyModule::new(name);
    // Modules live for the whole run and every thread reads them.
    m.to_value().make_immortal();
    m.dict.to_value().make_immortal();
    let (filename, source, is_pkg) = match found {
        Found::Namespace(portions) => {
            let path = crate::types::list::new_list(portions.into_iter().map(new_str).collect());
            m.set_attr("__file__", crate::types::singletons::none());
            m.set_attr("__path__", path.clone());
            m.set_attr("__package__", new_str(name));
            m.set_attr(
                "__spec__",
                spec::new_spec(spec::SpecFields {
                    name: name.to_string(),
                    origin: None,
                    search_locations: Some(path),
                    cached: None,
                    has_location: false,
                }),
            );
            modules.set_str_key(crate::intern::intern(name), m.to_value());
            return bind_in_parent(vm, name, m.to_value());
        }
        Found::Source { path, source, is_pkg } => (path, source, is_pkg),
    };
    let frozen = filename.starts_with("<frozen");
    m.set_attr("__file__", new_str(filename.as_str()));
    let cached = if frozen { None } else { cached_path(&filename) };
    if let Some(c) = &cached {
        m.set_attr("__cached__", new_str(c.as_str()));
    }
    let mut search_locations = None;
    if is_pkg {
        let dir = std::path::Path::new(&filename).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
        let path = crate::types::list::new_list(vec![new_str(dir)]);
        m.set_attr("__path__", path.clone());
        search_locations = Some(path);
        m.set_attr("__package__", new_str(name));
    } else {
        let pkg = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
        m.set_attr("__package__", new_str(pkg));
    }
    m.set_attr(
        "__spec__",
        spec::new_spec(spec::SpecFields {
            name: name.to_string(),
            origin: Some(if frozen { "frozen".to_string() } else { filename.clone() }),
            search_locations,
            cached,
            has_location: !frozen,
        }),
    );
    modules.set_str_key(crate::intern::intern(name), m.to_value());
    let thawed = if frozen { frozen::code_for(name, &source) } else { None };
    let compiled = match thawed {
        Some(co) => {
            remember_source(&filename, &source);
            Ok(PyCode::new(std::sync::Arc::new(co)))
        }
        None => compile_source(vm, &source, &filename, skein_compiler::Mode::Exec),
    };
    let code = match compiled {
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
    bind_in_parent(vm, name, m)
}

/// Sets a submodule as an attribute of its parent package.
fn bind_in_parent(vm: &mut Vm, name: &str, m: Value) -> PyResult<Value> {
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Some(p) = interp().modules.get_str(parent) {
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
    // A relative import, or a top-level name, hands back the module itself.
    if level > 0 || !full.contains('.') {
        return Ok(m);
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
