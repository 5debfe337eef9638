//! `print` and `input`, on top of `sys.stdout` / `sys.stdin`.
//!
//! `print` to the standard streams builds the whole line and hands it to
//! the stream in one piece (so lines printed by different threads do not
//! interleave); to any other file it calls `file.write` once per piece, as
//! CPython does. If `sys` has no `stdout` at all (start-up), output goes to
//! the process stdout.

use crate::builtins::{not_none, take_kwargs};
use crate::function::args::Args;
use crate::modules::sys::{flush_stream, stdin_readline, stream_write, sys_attr, PyStdStream, StreamKind};
use crate::types::exceptions::exc;
use crate::types::singletons::none;
use crate::types::str::{new_str, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A `sep=`/`end=` argument: `None` or a `str`.
fn text_arg(vm: &mut Vm, v: Option<Value>, what: &str, default: &str) -> PyResult<String> {
    match not_none(v) {
        None => Ok(default.to_string()),
        Some(s) => match s.downcast_ref::<PyStr>() {
            Some(s) => Ok(s.as_str().to_string()),
            None => {
                let t = s.class().name();
                Err(vm.new_type_error(format!("{what} must be None or a string, not {t}")))
            }
        },
    }
}

/// The process stream behind a file object, if it is a standard output
/// stream we can write to directly.
fn direct_stream(file: &Value) -> Option<StreamKind> {
    let s = file.downcast_ref::<PyStdStream>()?;
    if file.class().is_heap_type() || s.kind == StreamKind::Stdin {
        return None;
    }
    Some(s.kind)
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [sep, end, file, flush] = take_kwargs(vm, &args, "print", ["sep", "end", "file", "flush"])?;
    let sep = text_arg(vm, sep, "sep", " ")?;
    let end = text_arg(vm, end, "end", "\n")?;
    let file = match not_none(file) {
        Some(f) => Some(f),
        None => match sys_attr("stdout") {
            Some(v) if v.is_none() => return Ok(none()),
            other => other,
        },
    };
    let flush = match flush {
        Some(f) => vm.truthy(&f)?,
        None => false,
    };
    let kind = match &file {
        None => Some(StreamKind::Stdout),
        Some(f) => direct_stream(f),
    };
    if let Some(kind) = kind {
        let mut out = String::new();
        for (i, a) in args.pos.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match vm.str(a) {
                Ok(s) => out.push_str(s.as_str().unwrap_or("")),
                Err(e) => {
                    // What was printed before the failing argument stays
                    // printed, as with CPython's piecewise writes.
                    stream_write(Some(vm), kind, &out);
                    return Err(e);
                }
            }
        }
        out.push_str(&end);
        stream_write(Some(vm), kind, &out);
        if flush {
            flush_stream(Some(vm), kind);
        }
        return Ok(none());
    }
    let Some(file) = file else { return Ok(none()) };
    let write = vm.get_attr_str(&file, "write")?;
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            vm.call(&write, &[new_str(sep.as_str())])?;
        }
        let s = vm.str(a)?;
        vm.call(&write, &[s])?;
    }
    vm.call(&write, &[new_str(end.as_str())])?;
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(none())
}

/// Flushes a file object (the standard streams directly).
fn flush_file(vm: &mut Vm, file: &Value) -> PyResult<()> {
    match direct_stream(file) {
        Some(kind) => flush_stream(Some(vm), kind),
        None => {
            vm.call_method(file, "flush", &[])?;
        }
    }
    Ok(())
}

/// `input([prompt])`: writes the prompt to `sys.stdout`, reads a line from
/// `sys.stdin` without its newline; `EOFError` at end of input.
pub fn builtin_input(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "input", 0, 1)?;
    let stdin = sys_attr("stdin");
    let stdout = sys_attr("stdout");
    if stdin.as_ref().is_some_and(|v| v.is_none()) {
        return Err(vm.new_runtime_error("input(): lost sys.stdin"));
    }
    if stdout.as_ref().is_some_and(|v| v.is_none()) {
        return Err(vm.new_runtime_error("input(): lost sys.stdout"));
    }
    if let Some(err) = sys_attr("stderr").filter(|e| !e.is_none()) {
        // CPython ignores a failing stderr flush here.
        let _ = flush_file(vm, &err);
    }
    if let Some(p) = a.first() {
        let text = vm.str(p)?;
        match &stdout {
            Some(out) => {
                crate::modules::sys::write_to(vm, out, text.as_str().unwrap_or(""))?;
            }
            None => stream_write(Some(vm), StreamKind::Stdout, text.as_str().unwrap_or("")),
        }
    }
    match &stdout {
        Some(out) => flush_file(vm, out)?,
        None => flush_stream(Some(vm), StreamKind::Stdout),
    }
    let native_stdin = match &stdin {
        None => true,
        Some(s) => {
            s.downcast_ref::<PyStdStream>().is_some_and(|st| st.kind == StreamKind::Stdin && !s.class().is_heap_type())
        }
    };
    let mut line = if native_stdin {
        match stdin_readline(vm, None) {
            Ok(l) => l,
            Err(e) => return Err(vm.new_os_error(e.to_string())),
        }
    } else {
        let stdin = stdin.unwrap_or_else(none);
        let r = vm.call_method(&stdin, "readline", &[])?;
        match r.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = r.class().name();
                return Err(vm.new_type_error(format!("object.readline() returned non-string (type {t})")));
            }
        }
    };
    if line.is_empty() {
        return Err(vm.new_exception_msg(&exc().eof_error, "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
    }
    Ok(new_str(line))
}

/// `open(file, mode='r', ...)`: the file classes are pure Python, so this
/// hands every argument to `_fileio.open` (imported on first use; `io.open`
/// is this builtin, as in CPython).
pub fn builtin_open(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let io = crate::import::load_module(vm, "_fileio")?;
    let open = vm.get_attr_str(&io, "open")?;
    vm.call_args(&open, args)
}
