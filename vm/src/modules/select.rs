//! `_select`: the one system call under the pure-Python `select` and
//! `selectors` modules (`vm/lib/select.py`). `select.select` and
//! `select.poll` objects are built on `poll(2)` in Python; the wait itself
//! (`crate::signals::poll`) detaches the thread and lets Ctrl-C through.

use std::time::Duration;

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::modules::posix::os_error;
use crate::object::PyRef;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `_poll(fds, events, timeout_ms)`: fds and events are tuples of ints of
/// the same length; timeout_ms is a float, negative (or None) to wait
/// forever. Returns the list of (fd, revents) with revents non-zero, in
/// the order given.
fn select_poll(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "_poll", 3)?;
    let (Some(fds), Some(events)) = (a[0].as_tuple().map(|t| t.to_vec()), a[1].as_tuple().map(|t| t.to_vec())) else {
        return Err(vm.new_type_error("_poll() takes two tuples"));
    };
    if fds.len() != events.len() {
        return Err(vm.new_value_error("_poll(): fds and events differ in length"));
    }
    let mut set = Vec::with_capacity(fds.len());
    for (fd, ev) in fds.iter().zip(&events) {
        let fd = vm.index_isize(fd)?;
        let ev = vm.index_isize(ev)?;
        let (Ok(fd), Ok(ev)) = (i32::try_from(fd), u16::try_from(ev)) else {
            return Err(vm.new_overflow_error("file descriptor or event mask out of range"));
        };
        set.push((fd, ev as i16, 0i16));
    }
    let timeout = if a[2].is_none() {
        None
    } else {
        let ms = match a[2].as_float() {
            Some(f) => f,
            None => vm.index_isize(&a[2])? as f64,
        };
        if ms.is_nan() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        if ms < 0.0 {
            None
        } else {
            Some(Duration::try_from_secs_f64(ms / 1000.0).unwrap_or(Duration::MAX))
        }
    };
    match crate::signals::poll(vm, &mut set, timeout)? {
        Ok(_) => Ok(new_list(
            set.iter()
                .filter(|s| s.2 != 0)
                .map(|&(fd, _, rev)| new_tuple(vec![int_from_i64(fd as i64), int_from_i64(rev as u16 as i64)]))
                .collect(),
        )),
        Err(errno) => Err(os_error(vm, &std::io::Error::from_raw_os_error(errno), None, None)),
    }
}

pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_select");
    let funcs: &[(&'static str, NativeFn)] = &[("_poll", select_poll)];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_select"));
    }
    for (name, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP),
    ] {
        m.set_attr(name, int_from_i64(v as i64));
    }
    m
}
