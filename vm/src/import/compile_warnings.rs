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
//! Skein has no `warnings` module; the filters applied are the `-W`
//! options (`sys.warnoptions`, later ones first) and then CPython's
//! default filters. The `error` action turns a warning into the
//! `SyntaxError` CPython's compiler raises in its place.

use skein_compiler::{CompileError, CompileWarning, ErrorKind, WarningKind};

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
    for w in warnings {
        match action_for(w, module, &filters) {
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

fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<()> {
    match crate::modules::sys::sys_attr("stderr") {
        Some(err) if !err.is_none() => crate::modules::sys::write_to(vm, &err, text),
        _ => Ok(()),
    }
}
