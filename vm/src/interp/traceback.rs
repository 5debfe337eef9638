//! Tracebacks: the chain of (code, instruction) entries an exception
//! collects while unwinding, and printing in CPython's format.

use std::io::Write;

use crate::function::PyCode;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::{e_get_attr, PyBaseException};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, Vm};

pub static TRACEBACK_TYPE: TypeCell = TypeCell::new();

pub struct PyTraceback {
    pub code: PyRef<PyCode>,
    pub lasti: usize,
    pub next: Locked<Option<Value>>,
}

impl PyPayload for PyTraceback {
    fn class() -> &'static PyRef<PyType> {
        TRACEBACK_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(n) = self.next.lock().as_ref() {
            visit(n)
        }
    }
}

impl PyTraceback {
    pub fn lineno(&self) -> u32 {
        self.code.co.locations.get(self.lasti).map(|l| l.line).unwrap_or(self.code.co.first_line)
    }
}

/// Prepends an entry for the frame running `code` at `lasti`.
pub fn add_entry(err: &PyErr, code: &PyRef<PyCode>, lasti: usize) {
    let old = err.0.traceback();
    let tb = PyRef::new(PyTraceback { code: code.clone(), lasti, next: Locked::new(old) });
    err.0.set_traceback(Some(tb.into_value()));
}

/// Formats one exception (without its chain) as CPython does.
fn format_single(vm: &mut Vm, e: &PyRef<PyBaseException>, out: &mut String) {
    if let Some(tb) = e.traceback() {
        out.push_str("Traceback (most recent call last):\n");
        let mut cur = tb.downcast::<PyTraceback>();
        while let Some(t) = cur {
            let co = &t.code.co;
            let loc = co.locations.get(t.lasti).copied().unwrap_or_default();
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", co.filename, loc.line, co.name));
            if let Some(line) = source_line(&co.filename, loc.line) {
                let stripped = line.trim_start();
                let indent = line.len() - stripped.len();
                let stripped = stripped.trim_end();
                out.push_str(&format!("    {stripped}\n"));
                if loc.line == loc.end_line && loc.end_col > loc.col {
                    let (c0, c1) = (loc.col as usize, loc.end_col as usize);
                    let whole = c0 <= indent && c1 >= indent + stripped.len();
                    if !whole && c0 >= indent {
                        let start = line[..c0.min(line.len())].chars().count() - line[..indent].chars().count();
                        let width = line.get(c0..c1.min(line.len())).map(|s| s.chars().count()).unwrap_or(1).max(1);
                        out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
                    }
                }
            }
            cur = t.next.lock().clone().and_then(|n| n.downcast::<PyTraceback>());
        }
    }
    let ev = e.to_value();
    let cls = ev.class();
    let mut name = cls.qualname();
    if let Some(m) = cls.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string)) {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{name}");
        }
    }
    let msg = match vm.str_string(&ev) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    let _ = e_get_attr;
}

fn source_line(filename: &str, line: u32) -> Option<String> {
    if line == 0 {
        return None;
    }
    let text = crate::import::source_of(filename)?;
    text.lines().nth(line as usize - 1).map(str::to_string)
}

/// Formats an exception with its `__cause__`/`__context__` chain.
pub fn format_exception(vm: &mut Vm, e: &PyRef<PyBaseException>) -> String {
    let mut chain: Vec<(PyRef<PyBaseException>, &'static str)> = Vec::new();
    let mut cur = Some(e.clone());
    let mut seen: Vec<usize> = Vec::new();
    let mut link = "";
    while let Some(x) = cur {
        if seen.contains(&x.to_value().raw_word()) {
            break;
        }
        seen.push(x.to_value().raw_word());
        chain.push((x.clone(), link));
        if let Some(c) = x.cause().and_then(|c| c.downcast::<PyBaseException>()) {
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = Some(c);
        } else if !x.suppress_context() {
            cur = x.context().and_then(|c| c.downcast::<PyBaseException>());
            link = "\nDuring handling of the above exception, another exception occurred:\n\n";
        } else {
            cur = None;
        }
    }
    let mut out = String::new();
    for (x, link) in chain.iter().rev() {
        format_single(vm, x, &mut out);
        out.push_str(link);
    }
    out
}

/// Prints an uncaught exception to stderr.
pub fn print_exception(vm: &mut Vm, err: &PyErr) {
    let s = format_exception(vm, &err.0);
    crate::modules::sys::flush_std_streams();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(s.as_bytes());
    let _ = stderr.flush();
}
