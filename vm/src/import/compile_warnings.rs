//! Reporting the compiler's warnings (`SyntaxWarning`, and the
//! `DeprecationWarning` for invalid escape sequences) as CPython 3.11 does.
//!
//! CPython passes them to `warnings.warn_explicit` with no module name, so
//! the module is the file name without `.py`: the default filter that
//! shows `DeprecationWarning` in `__main__` never matches, and only
//! `SyntaxWarning`s are printed, as
//! `<file>:<line>: SyntaxWarning: <message>` plus the stripped source line
//! when the file can be read, on `sys.stderr`. Compile-time warnings have
//! no registry, so each compilation prints them again.
//!
//! Once the `warnings` module is imported, its `warn_explicit` decides
//! (its filters and `showwarning`); before that, the filters applied are
//! the `-W` options (`sys.warnoptions`, later ones first) and then
//! CPython's default filters, which is what `warnings` starts with. The
//! `error` action turns a warning into the `SyntaxError` CPython's
//! compiler raises in its place.

use skein_compiler::{CompileError, CompileWarning, ErrorKind, WarningKind};

use crate::types::exceptions::exc;
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Show,
    Ignore,
    Error,
}

/// One `-W action:message:category:module:lineno` filter.
struct Filter {
    action: Action,
    message: String,
    category: String,
    module: String,
    lineno: u32,
}

fn parse_action(a: &str) -> Option<Action> {
    let a = a.trim();
    if a.is_empty() {
        return Some(Action::Show);
    }
    let full = ["default", "always", "module", "once", "ignore", "error"].into_iter().find(|f| f.starts_with(a))?;
    Some(match full {
        "ignore" => Action::Ignore,
        "error" => Action::Error,
        _ => Action::Show,
    })
}

fn parse_filter(opt: &str) -> Option<Filter> {
    let mut parts = opt.splitn(5, ':').map(str::trim);
    let action = parse_action(parts.next()?)?;
    let message = parts.next().unwrap_or("").to_lowercase();
    let category = parts.next().unwrap_or("").to_string();
    let module = parts.next().unwrap_or("").to_string();
    let lineno = parts.next().map(|l| l.parse().unwrap_or(u32::MAX)).unwrap_or(0);
    Some(Filter { action, message, category, module, lineno })
}

/// Whether `kind` is `category` or a subclass of it.
fn category_matches(category: &str, kind: WarningKind) -> bool {
    category.is_empty()
        || category == "Warning"
        || category == "builtins.Warning"
        || category == kind.name()
        || category.strip_prefix("builtins.") == Some(kind.name())
}

fn user_filters() -> Vec<Filter> {
    let opts = match crate::modules::sys::sys_attr("warnoptions") {
        Some(list) => list
            .downcast_ref::<crate::types::list::PyList>()
            .map(|l| l.snapshot().iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    opts.iter().rev().filter_map(|o: &String| parse_filter(o)).collect()
}

fn action_for(w: &CompileWarning, module: &str, filters: &[Filter]) -> Action {
    for f in filters {
        if (f.message.is_empty() || w.message.to_lowercase().starts_with(&f.message))
            && category_matches(&f.category, w.kind)
            && (f.module.is_empty() || f.module == module)
            && (f.lineno == 0 || f.lineno == w.line)
        {
            return f.action;
        }
    }
    // CPython's default filters: DeprecationWarning only in `__main__`.
    match w.kind {
        WarningKind::DeprecationWarning if module == "__main__" => Action::Show,
        WarningKind::DeprecationWarning => Action::Ignore,
        WarningKind::SyntaxWarning => Action::Show,
    }
}

/// Prints (or raises, under `-W error`) the warnings of one compilation.
pub(super) fn report(vm: &mut Vm, warnings: &[CompileWarning], filename: &str, source: &str) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let module = filename.strip_suffix(".py").unwrap_or(filename);
    let filters = user_filters();
    let warnings_module = crate::vm::interp().modules.get_str("warnings");
    for w in warnings {
        // Once `warnings` is imported its filters decide, as in CPython.
        let action = match &warnings_module {
            Some(m) => via_warnings_module(vm, m, w, filename)?,
            None => action_for(w, module, &filters),
        };
        match action {
            Action::Ignore => {}
            Action::Error => {
                let text = source.lines().nth(w.line.saturating_sub(1) as usize).unwrap_or("").to_string();
                let e = CompileError {
                    kind: ErrorKind::SyntaxError,
                    message: w.message.clone(),
                    line: w.line,
                    col: 0,
                    end_line: w.line,
                    end_col: 0,
                    text,
                };
                return Err(crate::runtime::syntax_error(vm, &e, filename, source));
            }
            Action::Show => {
                let mut text = format!("{filename}:{}: {}: {}\n", w.line, w.kind.name(), w.message);
                // The line comes from the file, as `linecache` reads it.
                let line = std::fs::read_to_string(filename)
                    .ok()
                    .and_then(|s| s.lines().nth(w.line.saturating_sub(1) as usize).map(|l| l.trim().to_string()));
                if let Some(l) = line.filter(|l| !l.is_empty()) {
                    text.push_str(&format!("  {l}\n"));
                }
                write_stderr(vm, &text)?;
            }
        }
    }
    Ok(())
}

/// Passes `w` to `warnings.warn_explicit` (which shows it, or not): Ignore
/// when it returned, Error when it raised the warning (the `error` action;
/// CPython's compiler then raises SyntaxError in its place); other
/// exceptions propagate.
fn via_warnings_module(vm: &mut Vm, m: &Value, w: &CompileWarning, filename: &str) -> PyResult<Action> {
    let Some(warn_explicit) = vm.get_attr_opt(m, "warn_explicit")? else { return Ok(Action::Show) };
    let cls = match w.kind {
        WarningKind::SyntaxWarning => &exc().syntax_warning,
        WarningKind::DeprecationWarning => &exc().deprecation_warning,
    };
    let args = [
        new_str(w.message.as_str()),
        cls.to_value(),
        new_str(filename),
        crate::types::int::int_from_i64(w.line as i64),
    ];
    match vm.call(&warn_explicit, &args) {
        Ok(_) => Ok(Action::Ignore),
        Err(e) if vm.err_matches(&e, cls) => Ok(Action::Error),
        Err(e) => Err(e),
    }
}

fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<()> {
    match crate::modules::sys::sys_attr("stderr") {
        Some(err) if !err.is_none() => crate::modules::sys::write_to(vm, &err, text),
        _ => Ok(()),
    }
}
