//! Start-up, the top level of a run, and runtime-wide services (the eval
//! breaker handler, SyntaxError construction).

use skein_compiler::CompileError;

use crate::types::exceptions::{e_set_attr, exc, new_exception};
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{interp, Config, Interp, PyErr, PyResult, Vm};

/// Creates the types, builtins and sys, once per process.
pub fn init(config: Config) -> Vm {
    // The main thread stays attached until the process exits.
    let attachment = skein_gc::attach_thread();
    let Some(thread) = attachment.thread_state() else {
        eprintln!("skein: could not register the main thread");
        std::process::exit(1);
    };
    std::mem::forget(attachment);
    // Threads start detached; running Python code requires being attached
    // (which also takes the GIL when it is enabled).
    thread.attach();
    crate::signals::install(&thread);
    crate::types::init();
    let builtins = crate::builtins::make_builtins_module();
    crate::types::add_types_to_builtins(&builtins);
    crate::builtins::exec::add_exec_builtins(&builtins);
    // Builtins are read by every thread: immortal, so reading them costs no
    // reference-count traffic.
    builtins.to_value().make_immortal();
    builtins.dict.to_value().make_immortal();
    for v in builtins.dict.values() {
        v.make_immortal();
    }
    let sys = crate::modules::sys::make_sys_module(&config);
    sys.set_attr(
        "_getframe",
        crate::function::native::new_function("_getframe", crate::interp::frame_object::sys_getframe, "sys"),
    );
    sys.set_attr("exception", crate::function::native::new_function("exception", sys_exception, "sys"));
    sys.set_attr(
        "get_int_max_str_digits",
        crate::function::native::new_function(
            "get_int_max_str_digits",
            crate::types::int_methods::construct::sys_get_int_max_str_digits,
            "sys",
        ),
    );
    sys.set_attr(
        "set_int_max_str_digits",
        crate::function::native::new_function(
            "set_int_max_str_digits",
            crate::types::int_methods::construct::sys_set_int_max_str_digits,
            "sys",
        ),
    );
    sys.set_attr("__spec__", crate::import::builtin_spec("sys"));
    builtins.set_attr("__spec__", crate::import::builtin_spec("builtins"));
    let modules = crate::modules::sys::modules_dict_of(&sys);
    modules.set_str_key(crate::intern::intern("builtins"), builtins.to_value());
    modules.set_str_key(crate::intern::intern("sys"), sys.to_value());
    crate::vm::set_interp(Interp { modules, builtins, sys, config });
    Vm::new(thread)
}

/// Builds a `SyntaxError` (or subclass) instance from a compile error.
pub fn syntax_error(vm: &mut Vm, e: &CompileError, filename: &str, source: &str) -> PyErr {
    if e.kind == skein_compiler::ErrorKind::RecursionError {
        return vm.new_exception_msg(&exc().recursion_error, e.message.clone());
    }
    let cls = match e.kind {
        skein_compiler::ErrorKind::IndentationError => &exc().indentation_error,
        skein_compiler::ErrorKind::TabError => &exc().tab_error,
        _ => &exc().syntax_error,
    };
    let text = source.lines().nth((e.line as usize).saturating_sub(1)).map(|l| format!("{l}\n"));
    let text_v = text.clone().map(new_str).unwrap_or_else(none);
    let details = crate::types::tuple::new_tuple(vec![
        new_str(filename),
        crate::types::int::int_from_i64(e.line as i64),
        crate::types::int::int_from_i64(e.col as i64),
        text_v.clone(),
        crate::types::int::int_from_i64(e.end_line as i64),
        crate::types::int::int_from_i64(e.end_col as i64),
    ]);
    let exc_obj = new_exception(cls, vec![new_str(e.message.as_str()), details]);
    e_set_attr(&exc_obj, "msg", new_str(e.message.as_str()));
    e_set_attr(&exc_obj, "filename", new_str(filename));
    e_set_attr(&exc_obj, "lineno", crate::types::int::int_from_i64(e.line as i64));
    e_set_attr(&exc_obj, "offset", crate::types::int::int_from_i64(e.col as i64));
    e_set_attr(&exc_obj, "end_lineno", crate::types::int::int_from_i64(e.end_line as i64));
    e_set_attr(&exc_obj, "end_offset", crate::types::int::int_from_i64(e.end_col as i64));
    e_set_attr(&exc_obj, "text", text_v);
    PyErr(exc_obj)
}

/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut Vm, args: crate::function::args::Args<'_>) -> PyResult<Value> {
    args.exact(vm, "exception", 0)?;
    Ok(vm.current_handled().unwrap_or_else(none))
}

/// Services eval-breaker requests at a safepoint: queued refcount merges,
/// stop-the-world, GIL drop requests, QSBR reclamation, Ctrl-C, automatic
/// cycle collections.
pub fn handle_eval_breaker(vm: &mut Vm) -> PyResult<()> {
    use skein_threading::registry::{
        BREAKER_BRC_MERGE, BREAKER_GIL_DROP_REQUEST, BREAKER_SIGNAL, BREAKER_STOP_THE_WORLD,
    };
    let bits = vm.thread.breaker_bits();
    if bits & BREAKER_BRC_MERGE != 0 {
        skein_gc::process_queued_merges();
    }
    if bits & BREAKER_STOP_THE_WORLD != 0 {
        vm.thread.safepoint();
    }
    if bits & BREAKER_GIL_DROP_REQUEST != 0 {
        vm.thread.yield_gil();
    }
    if bits & skein_threading::qsbr::BREAKER_QSBR != 0 {
        // A quiescent point: report it and run deferred frees (lock-free
        // container reads, `object/lockfree.rs`).
        skein_threading::qsbr::process(&vm.thread);
    }
    if bits & skein_gc::BREAKER_GC_COLLECT != 0 {
        crate::gc_driver::collect_auto(vm);
    }
    if bits & BREAKER_SIGNAL != 0 {
        check_signals(vm)?;
    }
    if bits & crate::finalize::BREAKER_FINALIZERS != 0 {
        crate::finalize::run_pending(vm);
    }
    Ok(())
}

/// Runs the Python handlers of signals that arrived (in the main thread):
/// by default Ctrl-C raises `KeyboardInterrupt`.
pub fn check_signals(vm: &mut Vm) -> PyResult<()> {
    crate::signals::run_pending(vm)
}

/// `_thread.interrupt_main()`.
pub fn request_interrupt() {
    crate::signals::request_interrupt();
}

/// Runs a script file as `__main__`; returns the process exit code.
pub fn run_main_source(vm: &mut Vm, source: &str, filename: &str) -> i32 {
    let main = PyModule::new("__main__");
    main.to_value().make_immortal();
    main.dict.to_value().make_immortal();
    // CPython's __main__ starts with an empty __annotations__.
    main.set_attr("__annotations__", crate::types::dict::PyDict::new_ref().into_value());
    main.set_attr("__builtins__", interp().builtins.to_value());
    main.set_attr("__file__", new_str(filename));
    interp().modules.set_str_key(crate::intern::intern("__main__"), main.to_value());
    let r = crate::import::compile_source(vm, source, filename, skein_compiler::Mode::Exec)
        .and_then(|code| crate::import::exec_module(vm, &main, code));
    finish(vm, r)
}

/// Turns the outcome of the main program into an exit code, printing an
/// uncaught exception (or handling `SystemExit`).
pub fn finish(vm: &mut Vm, r: PyResult<()>) -> i32 {
    let mut code = match r {
        Ok(()) => 0,
        Err(e) => handle_uncaught_main(vm, e),
    };
    // Wait for non-daemon threads, as CPython does at exit.
    if let Some(threading) = interp().modules.get_str("threading") {
        let r = vm.get_attr_opt(&threading, "_shutdown").and_then(|f| match f {
            Some(f) => vm.call(&f, &[]).map(|_| ()),
            None => Ok(()),
        });
        if let Err(e) = r {
            code = handle_uncaught_main(vm, e);
        }
    }
    // Under `-i` the handlers run when the prompt ends (`main.rs`).
    if !interp().config.inspect {
        run_atexit(vm);
        // Daemon threads stop here for good, as CPython freezes them once
        // finalization starts: they must not see `__main__`'s globals
        // cleared (or run at all) while the runtime is torn down.
        skein_threading::stop_the_world::freeze_other_threads();
        crate::finalize::shutdown(vm);
    }
    crate::modules::sys::flush_std_streams();
    code
}

/// Runs the `atexit` handlers (when that module was imported), after the
/// non-daemon threads are joined, as CPython's finalization does.
pub fn run_atexit(vm: &mut Vm) {
    let Some(atexit) = interp().modules.get_str("atexit") else { return };
    if let Ok(Some(f)) = vm.get_attr_opt(&atexit, "_run_exitfuncs") {
        if let Err(e) = vm.call(&f, &[]) {
            crate::interp::traceback::print_exception(vm, &e);
        }
    }
    crate::modules::sys::flush_std_streams();
}

pub fn handle_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    // Under `-i` CPython reports even `SystemExit` as a traceback and goes
    // on to the prompt.
    if vm.err_matches(&e, &exc().system_exit) && !interp().config.inspect {
        let code = crate::types::exceptions::e_get_attr(&e.0, "code")
            .or_else(|| e.0.args().items().first().cloned())
            .unwrap_or_else(none);
        return exit_code_of(vm, &code);
    }
    print_uncaught(vm, &e);
    1
}

/// `handle_uncaught` for the main program (not a REPL statement): an
/// uncaught `KeyboardInterrupt` also makes the process end by SIGINT.
fn handle_uncaught_main(vm: &mut Vm, e: PyErr) -> i32 {
    if vm.err_matches(&e, &exc().keyboard_interrupt) && !interp().config.inspect {
        crate::signals::note_unhandled_interrupt();
    }
    handle_uncaught(vm, e)
}

/// Reports an uncaught exception through `sys.excepthook`, as CPython's
/// `PyErr_Display` does: the default hook prints the traceback; a hook that
/// fails gets its own error printed, then the original exception.
fn print_uncaught(vm: &mut Vm, e: &PyErr) {
    let sys = interp().sys.clone();
    sys.set_attr("last_type", e.value().class_ref().into_value());
    sys.set_attr("last_value", e.value());
    sys.set_attr("last_traceback", e.0.traceback().unwrap_or_else(none));
    let hook = sys.get_attr("excepthook");
    let default = sys.get_attr("__excepthook__");
    let hook = match hook {
        Some(h) if default.as_ref().is_some_and(|d| d.is(&h)) => None,
        Some(h) if !h.is_none() => Some(h),
        _ => {
            crate::modules::sys::flush_std_streams();
            eprintln!("sys.excepthook is missing");
            crate::interp::traceback::print_exception(vm, e);
            return;
        }
    };
    let Some(hook) = hook else {
        crate::interp::traceback::print_exception(vm, e);
        return;
    };
    let value = e.value();
    let tb = e.0.traceback().unwrap_or_else(none);
    let args = [e.value().class_ref().into_value(), value, tb];
    if let Err(hook_err) = vm.call(&hook, &args) {
        if vm.err_matches(&hook_err, &exc().system_exit) {
            // CPython exits quietly when the hook itself calls sys.exit().
            let code = handle_uncaught(vm, hook_err);
            crate::modules::sys::flush_std_streams();
            std::process::exit(code);
        }
        crate::modules::sys::flush_std_streams();
        eprintln!("Error in sys.excepthook:");
        crate::interp::traceback::print_exception(vm, &hook_err);
        eprintln!("\nOriginal exception was:");
        crate::interp::traceback::print_exception(vm, e);
    }
}

fn exit_code_of(vm: &mut Vm, code: &Value) -> i32 {
    if code.is_none() {
        return 0;
    }
    if let Some(i) = code.as_i64() {
        return i as i32;
    }
    let s = vm.str_string(code).unwrap_or_default();
    crate::modules::sys::flush_std_streams();
    eprintln!("{s}");
    1
}

/// `skein -m module`: runs a module found on the path as `__main__`.
pub fn run_module_as_main(vm: &mut Vm, name: &str) -> i32 {
    let found =
        crate::modules::embedded_source(name).map(|(s, _)| (format!("<frozen {name}>"), s.to_string())).or_else(|| {
            let sys_path = interp().sys.get_attr("path")?;
            let entries = sys_path.downcast_ref::<crate::types::list::PyList>()?.snapshot();
            entries.iter().find_map(|e| {
                let dir = e.as_str().unwrap_or(".");
                let p = format!("{dir}/{}.py", name.replace('.', "/"));
                std::fs::read_to_string(&p).ok().map(|s| (p, s))
            })
        });
    match found {
        Some((filename, source)) => {
            if let Some(argv) = interp().sys.get_attr("argv") {
                let _ = vm.set_item(&argv, &crate::types::int::int_from_i64(0), new_str(filename.as_str()));
            }
            run_main_source(vm, &source, &filename)
        }
        None => {
            crate::modules::sys::flush_std_streams();
            eprintln!("{}: No module named {name}", interp().config.executable.rsplit('/').next().unwrap_or("skein"));
            1
        }
    }
}

/// Whether REPL input needs more lines (an open block or bracket).
pub fn repl_needs_more(src: &str) -> bool {
    match skein_compiler::compile(src, "<stdin>", skein_compiler::Mode::Single) {
        Ok(_) => src.trim_end().ends_with(':') || src.contains('\n') && !src.ends_with('\n'),
        Err(e) => {
            let m = e.message.as_str();
            m.contains("was never closed")
                || m.contains("expected an indented block")
                || m.contains("unexpected EOF")
                || src.trim_end().ends_with(':')
        }
    }
}

/// Runs one REPL statement; `Some(code)` when the REPL should exit.
pub fn repl_run(vm: &mut Vm, src: &str) -> Option<i32> {
    let main = match interp().modules.get_str("__main__").and_then(|m| m.downcast::<PyModule>()) {
        Some(m) => m,
        None => {
            let m = PyModule::new("__main__");
            m.set_attr("__annotations__", crate::types::dict::PyDict::new_ref().into_value());
            m.set_attr("__builtins__", interp().builtins.to_value());
            interp().modules.set_str_key(crate::intern::intern("__main__"), m.to_value());
            m
        }
    };
    let r = crate::import::compile_source(vm, src, "<stdin>", skein_compiler::Mode::Single)
        .and_then(|code| crate::import::exec_module(vm, &main, code));
    crate::modules::sys::flush_std_streams();
    match r {
        Ok(()) => None,
        Err(e) if vm.err_matches(&e, &exc().system_exit) => Some(handle_uncaught(vm, e)),
        Err(e) => {
            handle_uncaught(vm, e);
            None
        }
    }
}
