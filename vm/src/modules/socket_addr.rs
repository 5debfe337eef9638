//! Socket addresses between Python and `socket_sys::SockAddr` (CPython's
//! `getsockaddrarg` / `makesockaddr`, with their messages), host name
//! resolution, and the module-level address functions of `_socket`:
//! `getaddrinfo`, `gethostbyname`, `gethostname`, `inet_*`, `hton*`.
//!
//! `gaierror` and `herror` are the module's own `OSError` subclasses,
//! created once with the module; resolution failures raise `gaierror`.

use std::ffi::CString;

use crate::function::args::Args;
use crate::modules::socket_sys::{self as sys, SockAddr};
use crate::object::PyRef;
use crate::types::bytes_methods::buf_of;
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::small::{bytes_new, PyByteArray, PyBytes};
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub static GAIERROR_TYPE: TypeCell = TypeCell::new();
pub static HERROR_TYPE: TypeCell = TypeCell::new();

/// Creates `socket.gaierror` and `socket.herror` (once).
pub fn init_error_types() {
    for (cell, name) in [(&GAIERROR_TYPE, "gaierror"), (&HERROR_TYPE, "herror")] {
        let t = PyType::new_builtin::<PyBaseException>(
            name,
            Some(&exc().os_error),
            flags::BASETYPE | flags::EXCEPTION,
            true,
        );
        t.set_dict(crate::types::dict::PyDict::new_ref());
        t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("socket"));
        t.as_obj_ref().make_immortal();
        cell.set(t);
    }
}

/// An int argument as a C long, with CPython's messages.
pub fn long_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let i = vm.index(v)?;
    match i.as_i64() {
        Some(i) => Ok(i),
        None => Err(vm.new_overflow_error("Python int too large to convert to C long")),
    }
}

/// An int argument as a C int.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = long_arg(vm, v)?;
    i32::try_from(i).map_err(|_| {
        vm.new_overflow_error(if i < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// `OSError(errno, strerror)` (the subclass for the errno).
pub fn errno_error(vm: &mut Vm, errno: i32) -> PyErr {
    crate::modules::posix::os_error(vm, &std::io::Error::from_raw_os_error(errno), None, None)
}

/// An instance of an exception class, made by calling it.
pub fn exception_of(vm: &mut Vm, cls: &PyRef<PyType>, args: Vec<Value>) -> PyErr {
    match vm.call(&cls.to_value(), &args) {
        Ok(v) => match v.downcast::<PyBaseException>() {
            Some(e) => PyErr(e),
            None => vm.new_os_error("bad exception"),
        },
        Err(e) => e,
    }
}

/// `gaierror(code, message)` for a failed `getaddrinfo`, or `OSError`
/// for `EAI_SYSTEM`.
fn gai_error(vm: &mut Vm, code: i32, errno: i32) -> PyErr {
    if code == libc::EAI_SYSTEM && errno != 0 {
        return errno_error(vm, errno);
    }
    let msg = new_str(sys::gai_strerror(code));
    exception_of(vm, GAIERROR_TYPE.get(), vec![int_from_i64(code as i64), msg])
}

/// Resolves through `getaddrinfo` with the thread detached (a lookup may
/// wait on the network).
fn resolve(
    vm: &mut Vm,
    host: Option<&CString>,
    port: Option<&CString>,
    hints: (i32, i32, i32, i32),
) -> PyResult<Vec<sys::AddrInfo>> {
    vm.thread.detach();
    let r =
        sys::getaddrinfo(host.map(|h| h.as_c_str()), port.map(|p| p.as_c_str()), hints.0, hints.1, hints.2, hints.3);
    vm.thread.attach();
    r.map_err(|(code, errno)| gai_error(vm, code, errno))
}

/// The text of a host argument: str, bytes or bytearray.
fn host_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    if let Some(b) = v.downcast_ref::<PyByteArray>() {
        return Ok(String::from_utf8_lossy(&b.data.lock()).into_owned());
    }
    Err(vm.new_type_error(format!("str, bytes or bytearray expected, not {}", v.class().name())))
}

fn no_nul(vm: &mut Vm, s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| vm.new_type_error("host name must not contain null character"))
}

/// A host name as CPython's `setipaddr`: '' is the wildcard address,
/// '<broadcast>' the broadcast one, a numeric address is parsed, anything
/// else resolved for `family`.
fn host_addr(vm: &mut Vm, host: &str, family: i32) -> PyResult<SockAddr> {
    let any = |ip4: [u8; 4]| {
        if family == libc::AF_INET6 {
            SockAddr::V6 { ip: [0; 16], port: 0, flowinfo: 0, scope_id: 0 }
        } else {
            SockAddr::V4 { ip: ip4, port: 0 }
        }
    };
    if host.is_empty() {
        return Ok(any([0; 4]));
    }
    if host == "<broadcast>" || host == "255.255.255.255" {
        if family != libc::AF_INET {
            return Err(vm.new_os_error("address family mismatched"));
        }
        return Ok(any([255; 4]));
    }
    if family == libc::AF_INET {
        if let Some(p) = sys::inet_pton(libc::AF_INET, host) {
            return Ok(SockAddr::V4 { ip: [p[0], p[1], p[2], p[3]], port: 0 });
        }
    }
    if family == libc::AF_INET6 {
        if let Some(p) = sys::inet_pton(libc::AF_INET6, host) {
            let mut ip = [0u8; 16];
            ip.copy_from_slice(&p);
            return Ok(SockAddr::V6 { ip, port: 0, flowinfo: 0, scope_id: 0 });
        }
    }
    let c = no_nul(vm, host)?;
    let found = resolve(vm, Some(&c), None, (family, 0, 0, 0))?;
    match found.into_iter().next() {
        Some((_, _, _, _, a)) => Ok(a),
        None => Err(gai_error(vm, libc::EAI_NONAME, 0)),
    }
}

fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    let p = int_arg(vm, v)?;
    u16::try_from(p).map_err(|_| vm.new_overflow_error(format!("{caller}(): port must be 0-65535.")))
}

/// A Python address for a socket of `family` (CPython's `getsockaddrarg`);
/// `caller` names the method in messages ("connect", "bind", ...).
pub fn parse_addr(vm: &mut Vm, family: i32, v: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_INET | libc::AF_INET6 => {
            let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
            let Some(t) = v.downcast_ref::<PyTuple>() else {
                return Err(
                    vm.new_type_error(format!("{caller}(): {fam} address must be tuple, not {}", v.class().name()))
                );
            };
            let items = t.items().to_vec();
            let ok_len = if family == libc::AF_INET { items.len() == 2 } else { (2..=4).contains(&items.len()) };
            if !ok_len {
                return Err(vm.new_type_error(if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)"
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                }));
            }
            let host = host_text(vm, &items[0])?;
            let port = port_arg(vm, &items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(f) => {
                    let f = long_arg(vm, f)?;
                    if !(0..=0xfffff).contains(&f) {
                        return Err(vm.new_overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
                    }
                    f as u32
                }
                None => 0,
            };
            let scope = match items.get(3) {
                Some(s) => {
                    let s = long_arg(vm, s)?;
                    u32::try_from(s)
                        .map_err(|_| vm.new_overflow_error("Python int too large to convert to C unsigned int"))?
                }
                None => 0,
            };
            Ok(match host_addr(vm, &host, family)? {
                SockAddr::V4 { ip, .. } => SockAddr::V4 { ip, port },
                SockAddr::V6 { ip, scope_id, .. } => {
                    SockAddr::V6 { ip, port, flowinfo, scope_id: if scope != 0 { scope } else { scope_id } }
                }
                other => other,
            })
        }
        libc::AF_UNIX => {
            let path: Vec<u8> = if let Some(s) = v.as_str() {
                s.as_bytes().to_vec()
            } else if let Some(b) = buf_of(v) {
                b.into_owned()
            } else {
                return Err(vm.new_type_error(format!("a bytes-like object is required, not '{}'", v.class().name())));
            };
            if path.len() > sys::UNIX_PATH_MAX {
                return Err(vm.new_os_error("AF_UNIX path too long"));
            }
            Ok(SockAddr::Unix(path))
        }
        _ => Err(vm.new_os_error(format!("{caller}(): bad family"))),
    }
}

/// The Python form of an address (CPython's `makesockaddr`); `None` for
/// none.
pub fn make_addr(a: Option<&SockAddr>) -> Value {
    match a {
        None => crate::types::singletons::none(),
        Some(SockAddr::V4 { ip, port }) => {
            new_tuple(vec![new_str(format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])), int_from_i64(*port as i64)])
        }
        Some(SockAddr::V6 { ip, port, flowinfo, scope_id }) => new_tuple(vec![
            new_str(sys::inet_ntop(libc::AF_INET6, ip).unwrap_or_default()),
            int_from_i64(*port as i64),
            int_from_i64(*flowinfo as i64),
            int_from_i64(*scope_id as i64),
        ]),
        Some(SockAddr::Unix(path)) => {
            if path.first() == Some(&0) {
                bytes_new(path.clone())
            } else {
                new_str(String::from_utf8_lossy(path).into_owned())
            }
        }
    }
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list of
/// (family, type, proto, canonname, sockaddr) with plain ints (the Python
/// `socket.getaddrinfo` turns them into enum members).
pub fn getaddrinfo(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "getaddrinfo", &["host", "port", "family", "type", "proto", "flags"], 0)?;
    let (Some(host), Some(port)) = (a[0].clone(), a[1].clone()) else {
        return Err(vm.new_type_error("getaddrinfo() missing required argument 'host' or 'port'"));
    };
    let host = if host.is_none() {
        None
    } else if let Some(s) = host.as_str() {
        Some(s.to_string())
    } else if let Some(b) = host.downcast_ref::<PyBytes>() {
        Some(String::from_utf8_lossy(&b.data).into_owned())
    } else {
        return Err(vm.new_type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port = if port.is_none() {
        None
    } else if port.as_int().is_some() {
        Some(long_arg(vm, &port)?.to_string())
    } else if let Some(s) = port.as_str() {
        Some(s.to_string())
    } else if let Some(b) = port.downcast_ref::<PyBytes>() {
        Some(String::from_utf8_lossy(&b.data).into_owned())
    } else {
        return Err(vm.new_os_error("Int or String expected"));
    };
    let mut hints = [0i32; 4];
    for (slot, v) in hints.iter_mut().zip(&a[2..]) {
        if let Some(v) = v {
            *slot = int_arg(vm, v)?;
        }
    }
    let host = match host {
        Some(h) => Some(no_nul(vm, &h)?),
        None => None,
    };
    let port = match port {
        Some(p) => Some(no_nul(vm, &p)?),
        None => None,
    };
    let found = resolve(vm, host.as_ref(), port.as_ref(), (hints[0], hints[1], hints[2], hints[3]))?;
    Ok(new_list(
        found
            .iter()
            .map(|(f, t, p, canon, addr)| {
                new_tuple(vec![
                    int_from_i64(*f as i64),
                    int_from_i64(*t as i64),
                    int_from_i64(*p as i64),
                    new_str(canon.as_str()),
                    make_addr(Some(addr)),
                ])
            })
            .collect(),
    ))
}

/// `gethostbyname(name)`: the first IPv4 address of a host, as text.
pub fn gethostbyname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "gethostbyname", 1)?;
    let host = host_text(vm, &a[0])?;
    match host_addr(vm, &host, libc::AF_INET)? {
        SockAddr::V4 { ip, .. } => Ok(new_str(format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]))),
        _ => Err(gai_error(vm, libc::EAI_NONAME, 0)),
    }
}

pub fn gethostname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gethostname", 0)?;
    match sys::gethostname() {
        Ok(b) => Ok(new_str(String::from_utf8_lossy(&b).into_owned())),
        Err(e) => Err(errno_error(vm, e)),
    }
}

/// BSD `inet_aton`: one to four numbers (decimal, 0x hex or 0 octal), the
/// last filling the remaining bytes; glibc ignores anything after a space.
fn parse_aton(text: &str) -> Option<[u8; 4]> {
    let text = match text.find(|c: char| c.is_ascii_whitespace()) {
        Some(i) => &text[..i],
        None => text,
    };
    let mut parts = Vec::new();
    for p in text.split('.') {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let n = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        if n > u32::MAX as u64 {
            return None;
        }
        parts.push(n as u32);
    }
    let (last, head) = parts.split_last()?;
    if head.len() > 3 || head.iter().any(|&p| p > 255) {
        return None;
    }
    let rest_bits = 8 * (4 - head.len() as u32);
    if rest_bits < 32 && *last >> rest_bits != 0 {
        return None;
    }
    let mut v: u32 = 0;
    for (i, p) in head.iter().enumerate() {
        v |= p << (24 - 8 * i as u32);
    }
    Some((v | last).to_be_bytes())
}

fn str_arg<'a>(vm: &mut Vm, v: &'a Value, fname: &str, n: usize) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => Err(vm.new_type_error(format!("{fname}() argument {n} must be str, not {}", v.class().name()))),
    }
}

pub fn inet_aton(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "inet_aton", 1)?;
    let s = str_arg(vm, &a[0], "inet_aton", 1)?;
    match parse_aton(s) {
        Some(b) => Ok(bytes_new(b.to_vec())),
        None => Err(vm.new_os_error("illegal IP address string passed to inet_aton")),
    }
}

pub fn inet_ntoa(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "inet_ntoa", 1)?;
    let b = crate::types::bytes_methods::need_buf(vm, &a[0])?;
    if b.len() != 4 {
        return Err(vm.new_os_error("packed IP wrong length for inet_ntoa"));
    }
    Ok(new_str(format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])))
}

pub fn inet_pton(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "inet_pton", 2)?;
    let af = int_arg(vm, &a[0])?;
    let s = str_arg(vm, &a[1], "inet_pton", 2)?;
    if af != libc::AF_INET && af != libc::AF_INET6 {
        return Err(errno_error(vm, libc::EAFNOSUPPORT));
    }
    match sys::inet_pton(af, s) {
        Some(b) => Ok(bytes_new(b)),
        None => Err(vm.new_os_error("illegal IP address string passed to inet_pton")),
    }
}

pub fn inet_ntop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "inet_ntop", 2)?;
    let af = int_arg(vm, &a[0])?;
    let b = crate::types::bytes_methods::need_buf(vm, &a[1])?.into_owned();
    let want = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return Err(vm.new_value_error(format!("unknown address family {af}"))),
    };
    if b.len() != want {
        return Err(vm.new_value_error("invalid length of packed IP address string"));
    }
    match sys::inet_ntop(af, &b) {
        Some(s) => Ok(new_str(s)),
        None => Err(errno_error(vm, libc::EINVAL)),
    }
}

fn short_arg(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult<u16> {
    let a = args.exact(vm, fname, 1)?;
    let i = vm.index(&a[0])?;
    match i.as_i64() {
        Some(n) if n < 0 => {
            Err(vm
                .new_overflow_error(format!("{fname}: can't convert negative Python int to C 16-bit unsigned integer")))
        }
        Some(n) if n <= 0xffff => Ok(n as u16),
        _ => {
            Err(vm.new_overflow_error(format!("{fname}: Python int too large to convert to C 16-bit unsigned integer")))
        }
    }
}

fn long32_arg(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult<u32> {
    let a = args.exact(vm, fname, 1)?;
    let i = vm.index(&a[0])?;
    match i.as_int().map(|n| n.to_bigint()) {
        Some(n) if n.sign() == num_bigint::Sign::Minus => {
            Err(vm.new_overflow_error("can't convert negative value to unsigned int"))
        }
        Some(n) => match u64::try_from(&n) {
            Ok(v) if v <= u32::MAX as u64 => Ok(v as u32),
            Ok(_) => Err(vm.new_overflow_error("int larger than 32 bits")),
            Err(_) => Err(vm.new_overflow_error("Python int too large to convert to C unsigned long")),
        },
        None => Err(vm.new_type_error("expected int")),
    }
}

pub fn htons(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(short_arg(vm, args, "htons")?.to_be() as i64))
}

pub fn ntohs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(u16::from_be(short_arg(vm, args, "ntohs")?) as i64))
}

pub fn htonl(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(long32_arg(vm, args, "htonl")?.to_be() as i64))
}

pub fn ntohl(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(u32::from_be(long32_arg(vm, args, "ntohl")?) as i64))
}

#[cfg(test)]
mod tests {
    use super::parse_aton;

    #[test]
    fn aton_takes_the_bsd_forms() {
        for (text, want) in [
            ("1.2.3.4", Some([1, 2, 3, 4])),
            ("127.1", Some([127, 0, 0, 1])),
            ("0x7f.1", Some([127, 0, 0, 1])),
            ("010.0.0.1", Some([8, 0, 0, 1])),
            ("1.2.3.4 junk", Some([1, 2, 3, 4])),
            ("4294967295", Some([255, 255, 255, 255])),
            ("1.2.3.256", None),
            ("1.2.3.4.5", None),
            ("", None),
            ("1..2", None),
            ("09.1.1.1", None),
        ] {
            assert_eq!(parse_aton(text), want, "{text}");
        }
    }
}
