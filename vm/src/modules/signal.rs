//! `_signal`: the native half of `signal` (the enums and `ItimerError`
//! are added by `vm/lib/signal.py`). The flag-setting C handler and the
//! table of Python handlers are in `crate::signals`; Python handlers run
//! in the main thread at its next eval-breaker check.
//!
//! As CPython, handlers can only be set from the main thread, the frame
//! argument is the frame that was running when the handler ran, and SIGINT
//! starts with `default_int_handler` (which raises `KeyboardInterrupt`).

use std::sync::OnceLock;

use crate::builtins::functions::is_callable;
use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::modules::posix::os_error;
use crate::object::PyRef;
use crate::signals::{self, Disposition, NSIG};
use crate::types::exceptions::exc;
use crate::types::float::new_float;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// `default_int_handler`, one object for the life of the process (it is
/// compared by identity: `getsignal(SIGINT) is default_int_handler`).
static DEFAULT_INT_HANDLER: OnceLock<Value> = OnceLock::new();

fn default_int_handler_value() -> Value {
    DEFAULT_INT_HANDLER
        .get_or_init(|| {
            let f = new_function("default_int_handler", default_int_handler, "_signal");
            f.make_immortal();
            f
        })
        .clone()
}

fn errno_error(vm: &mut Vm, errno: i32) -> PyErr {
    os_error(vm, &std::io::Error::from_raw_os_error(errno), None, None)
}

/// A signal number argument, checked to be in 1..NSIG.
fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = vm.index_isize(v)?;
    if n < 1 || n >= NSIG as isize {
        return Err(vm.new_value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn require_main(vm: &mut Vm, what: &str) -> PyResult<()> {
    if !signals::is_main(&vm.thread) {
        return Err(vm.new_value_error(format!("{what} only works in main thread of the main interpreter")));
    }
    Ok(())
}

/// What `getsignal` reports for a signal Python never set.
fn initial_handler(sig: usize) -> Value {
    if sig == libc::SIGINT as usize && signals::sigint_installed() {
        return default_int_handler_value();
    }
    match signals::disposition(sig as i32) {
        Some(Disposition::Default) => int_from_i64(SIG_DFL),
        Some(Disposition::Ignore) => int_from_i64(SIG_IGN),
        _ => none(),
    }
}

fn current_handler(sig: usize) -> Value {
    signals::handler(sig).unwrap_or_else(|| initial_handler(sig))
}

fn signal_signal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "signal", 2)?;
    let sig = signum_arg(vm, &a[0])?;
    let h = &a[1];
    require_main(vm, "signal")?;
    let disp = match h.as_i64().filter(|_| h.as_float().is_none()) {
        Some(SIG_DFL) => Disposition::Default,
        Some(SIG_IGN) => Disposition::Ignore,
        _ if is_callable(h) => Disposition::Catch,
        _ => {
            return Err(vm.new_type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"))
        }
    };
    let old = current_handler(sig);
    if let Err(errno) = signals::set_disposition(sig as i32, disp) {
        return Err(errno_error(vm, errno));
    }
    let stored = match disp {
        Disposition::Catch => h.clone(),
        _ => int_from_i64(if disp == Disposition::Default { SIG_DFL } else { SIG_IGN }),
    };
    signals::set_handler(sig, Some(stored));
    Ok(old)
}

fn signal_getsignal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getsignal", 1)?;
    let sig = signum_arg(vm, &a[0])?;
    Ok(current_handler(sig))
}

fn default_int_handler(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    crate::modules::sys::flush_std_streams();
    Err(vm.new_exception_empty(&exc().keyboard_interrupt))
}

fn signal_alarm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "alarm", 1)?;
    let secs = vm.index_isize(&a[0])?;
    let secs =
        u32::try_from(secs).map_err(|_| vm.new_overflow_error("Python int too large to convert to C unsigned int"))?;
    Ok(int_from_i64(signals::alarm(secs) as i64))
}

fn signal_pause(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "pause", 0)?;
    signals::pause(vm)?;
    Ok(none())
}

fn signal_raise_signal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "raise_signal", 1)?;
    let sig = signum_arg(vm, &a[0])?;
    if let Err(errno) = signals::raise(sig as i32) {
        return Err(errno_error(vm, errno));
    }
    // As CPython: the handler runs before raise_signal returns.
    signals::run_pending(vm)?;
    Ok(none())
}

fn signal_strsignal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "strsignal", 1)?;
    let sig = signum_arg(vm, &a[0])?;
    Ok(signals::strsignal(sig as i32).map(new_str).unwrap_or_else(none))
}

fn signal_set_wakeup_fd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "set_wakeup_fd", &["fd", "warn_on_full_buffer"], 1)?;
    let Some(fdv) = &a[0] else {
        return Err(vm.new_type_error("set_wakeup_fd() missing required argument 'fd' (pos 1)"));
    };
    let fd = vm.index_isize(fdv)? as i32;
    require_main(vm, "set_wakeup_fd")?;
    if fd != -1 {
        match signals::fd_nonblocking(fd) {
            Err(errno) => return Err(errno_error(vm, errno)),
            Ok(false) => return Err(vm.new_value_error(format!("the fd {fd} must be in non-blocking mode"))),
            Ok(true) => {}
        }
    }
    Ok(int_from_i64(signals::set_wakeup_fd(fd) as i64))
}

fn signal_siginterrupt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "siginterrupt", 2)?;
    let sig = signum_arg(vm, &a[0])?;
    let flag = vm.index_isize(&a[1])? != 0;
    if let Err(errno) = signals::siginterrupt(sig as i32, flag) {
        return Err(errno_error(vm, errno));
    }
    Ok(none())
}

fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    Ok(vm.index_isize(v)? as f64)
}

fn timer_pair(vm: &mut Vm, r: Result<(f64, f64), i32>) -> PyResult<Value> {
    match r {
        Ok((d, i)) => Ok(new_tuple(vec![new_float(d), new_float(i)])),
        Err(errno) => Err(errno_error(vm, errno)),
    }
}

fn signal_setitimer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "setitimer", 2, 3)?;
    let which = vm.index_isize(&a[0])? as i32;
    let delay = seconds_arg(vm, &a[1])?;
    let interval = match a.get(2) {
        Some(v) => seconds_arg(vm, v)?,
        None => 0.0,
    };
    let r = signals::itimer(which, Some((delay, interval)));
    timer_pair(vm, r)
}

fn signal_getitimer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getitimer", 1)?;
    let which = vm.index_isize(&a[0])? as i32;
    let r = signals::itimer(which, None);
    timer_pair(vm, r)
}

/// `os.kill` lives here too: it shares the errno handling.
fn signal_kill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "kill", 2)?;
    let pid = vm.index_isize(&a[0])? as i32;
    let sig = vm.index_isize(&a[1])? as i32;
    if let Err(errno) = signals::kill(pid, sig) {
        return Err(errno_error(vm, errno));
    }
    // Signalling ourselves: run the handler now, as CPython does.
    if pid == std::process::id() as i32 {
        signals::await_own_signal(sig);
        signals::run_pending(vm)?;
    }
    Ok(none())
}

/// The signal names Linux has, with their numbers.
fn signal_names() -> Vec<(&'static str, i32)> {
    vec![
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGIOT", libc::SIGIOT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGSTKFLT", libc::SIGSTKFLT),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        ("SIGPOLL", libc::SIGPOLL),
        ("SIGPWR", libc::SIGPWR),
        ("SIGSYS", libc::SIGSYS),
        ("SIGRTMIN", libc::SIGRTMIN()),
        ("SIGRTMAX", libc::SIGRTMAX()),
    ]
}

/// Creates the `_signal` module.
pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_signal");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("signal", signal_signal),
        ("getsignal", signal_getsignal),
        ("alarm", signal_alarm),
        ("pause", signal_pause),
        ("raise_signal", signal_raise_signal),
        ("strsignal", signal_strsignal),
        ("set_wakeup_fd", signal_set_wakeup_fd),
        ("siginterrupt", signal_siginterrupt),
        ("setitimer", signal_setitimer),
        ("getitimer", signal_getitimer),
        ("_kill", signal_kill),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_signal"));
    }
    m.set_attr("default_int_handler", default_int_handler_value());
    for (name, n) in signal_names() {
        m.set_attr(name, int_from_i64(n as i64));
    }
    let ints: &[(&str, i64)] = &[
        ("SIG_DFL", SIG_DFL),
        ("SIG_IGN", SIG_IGN),
        ("NSIG", NSIG as i64),
        ("SIG_BLOCK", libc::SIG_BLOCK as i64),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
        ("SIG_SETMASK", libc::SIG_SETMASK as i64),
        ("ITIMER_REAL", libc::ITIMER_REAL as i64),
        ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
        ("ITIMER_PROF", libc::ITIMER_PROF as i64),
    ];
    for (name, v) in ints {
        m.set_attr(name, int_from_i64(*v));
    }
    m
}
