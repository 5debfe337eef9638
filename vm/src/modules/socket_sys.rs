//! The system calls under `_socket`: the one place the socket module
//! talks to libc, behind safe functions that take and return Rust values
//! (`SockAddr`, byte slices, errno codes as `Err(i32)`).
//!
//! Invariants: every descriptor this file creates is close-on-exec and in
//! non-blocking mode (`SOCK_CLOEXEC | SOCK_NONBLOCK`); `socket.rs` builds
//! blocking and timed calls on top of that with `poll(2)` (see there).
//! `send`/`recv` also pass `MSG_DONTWAIT`, so a descriptor adopted from
//! elsewhere still never blocks a thread inside the kernel. Nothing here
//! touches Python objects or the thread registry.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString};
use std::mem::{size_of, zeroed};

/// A socket address in Rust terms (the families `_socket` supports).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SockAddr {
    V4 {
        ip: [u8; 4],
        port: u16,
    },
    V6 {
        ip: [u8; 16],
        port: u16,
        flowinfo: u32,
        scope_id: u32,
    },
    /// The path's bytes; an abstract-namespace name starts with a NUL.
    Unix(Vec<u8>),
}

pub type SysResult<T> = Result<T, i32>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)
}

fn check(r: libc::c_int) -> SysResult<libc::c_int> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r)
    }
}

fn check_len(r: libc::ssize_t) -> SysResult<usize> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as usize)
    }
}

/// The longest AF_UNIX path (`sun_path`'s size).
pub const UNIX_PATH_MAX: usize = 108;

impl SockAddr {
    /// The C form of this address and its length.
    fn to_raw(&self) -> (libc::sockaddr_storage, libc::socklen_t) {
        // SAFETY: sockaddr_storage is plain old data; all-zero is valid.
        let mut st: libc::sockaddr_storage = unsafe { zeroed() };
        let len = match self {
            SockAddr::V4 { ip, port } => {
                // SAFETY: sockaddr_storage is larger than and aligned for
                // every sockaddr type; the cast views its first bytes.
                let sin = unsafe { &mut *(&mut st as *mut libc::sockaddr_storage as *mut libc::sockaddr_in) };
                sin.sin_family = libc::AF_INET as libc::sa_family_t;
                sin.sin_port = port.to_be();
                sin.sin_addr.s_addr = u32::from_ne_bytes(*ip);
                size_of::<libc::sockaddr_in>()
            }
            SockAddr::V6 { ip, port, flowinfo, scope_id } => {
                // SAFETY: as above, for sockaddr_in6.
                let sin6 = unsafe { &mut *(&mut st as *mut libc::sockaddr_storage as *mut libc::sockaddr_in6) };
                sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sin6.sin6_port = port.to_be();
                sin6.sin6_flowinfo = flowinfo.to_be();
                sin6.sin6_addr.s6_addr = *ip;
                sin6.sin6_scope_id = *scope_id;
                size_of::<libc::sockaddr_in6>()
            }
            SockAddr::Unix(path) => {
                // SAFETY: as above, for sockaddr_un.
                let sun = unsafe { &mut *(&mut st as *mut libc::sockaddr_storage as *mut libc::sockaddr_un) };
                sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
                // The caller checked the length against UNIX_PATH_MAX.
                let n = path.len().min(UNIX_PATH_MAX);
                for (dst, src) in sun.sun_path.iter_mut().zip(&path[..n]) {
                    *dst = *src as libc::c_char;
                }
                // A file path is NUL-terminated (the zeroed byte after it);
                // an abstract name is exactly its bytes.
                let extra = if path.first() == Some(&0) || n == UNIX_PATH_MAX { 0 } else { 1 };
                size_of::<libc::sa_family_t>() + n + extra
            }
        };
        (st, len as libc::socklen_t)
    }

    /// The address the kernel wrote into `st` (`len` bytes of it).
    fn from_raw(st: &libc::sockaddr_storage, len: libc::socklen_t) -> Option<SockAddr> {
        match st.ss_family as libc::c_int {
            libc::AF_INET => {
                // SAFETY: the family says the storage holds a sockaddr_in.
                let sin = unsafe { &*(st as *const libc::sockaddr_storage as *const libc::sockaddr_in) };
                Some(SockAddr::V4 { ip: sin.sin_addr.s_addr.to_ne_bytes(), port: u16::from_be(sin.sin_port) })
            }
            libc::AF_INET6 => {
                // SAFETY: the family says the storage holds a sockaddr_in6.
                let sin6 = unsafe { &*(st as *const libc::sockaddr_storage as *const libc::sockaddr_in6) };
                Some(SockAddr::V6 {
                    ip: sin6.sin6_addr.s6_addr,
                    port: u16::from_be(sin6.sin6_port),
                    flowinfo: u32::from_be(sin6.sin6_flowinfo),
                    scope_id: sin6.sin6_scope_id,
                })
            }
            libc::AF_UNIX => {
                // SAFETY: the family says the storage holds a sockaddr_un.
                let sun = unsafe { &*(st as *const libc::sockaddr_storage as *const libc::sockaddr_un) };
                let n = (len as usize).saturating_sub(size_of::<libc::sa_family_t>()).min(UNIX_PATH_MAX);
                let mut path: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
                if path.first() != Some(&0) {
                    // A file path ends at its first NUL.
                    if let Some(i) = path.iter().position(|b| *b == 0) {
                        path.truncate(i);
                    }
                }
                Some(SockAddr::Unix(path))
            }
            _ => None,
        }
    }
}

pub fn socket(family: i32, ty: i32, proto: i32) -> SysResult<i32> {
    // SAFETY: socket(2) takes plain integers.
    check(unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, proto) })
}

pub fn socketpair(family: i32, ty: i32, proto: i32) -> SysResult<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a live array of the two ints socketpair(2) writes.
    check(unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

pub fn close(fd: i32) -> SysResult<()> {
    // SAFETY: close(2) on a descriptor the caller owns and no longer uses.
    check(unsafe { libc::close(fd) }).map(|_| ())
}

pub fn dup(fd: i32) -> SysResult<i32> {
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) only creates a new descriptor.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

pub fn bind(fd: i32, addr: &SockAddr) -> SysResult<()> {
    let (st, len) = addr.to_raw();
    // SAFETY: `st` holds a valid address of `len` bytes for the call.
    check(unsafe { libc::bind(fd, &st as *const _ as *const libc::sockaddr, len) }).map(|_| ())
}

pub fn listen(fd: i32, backlog: i32) -> SysResult<()> {
    // SAFETY: listen(2) takes plain integers.
    check(unsafe { libc::listen(fd, backlog) }).map(|_| ())
}

pub fn connect(fd: i32, addr: &SockAddr) -> SysResult<()> {
    let (st, len) = addr.to_raw();
    // SAFETY: `st` holds a valid address of `len` bytes for the call.
    check(unsafe { libc::connect(fd, &st as *const _ as *const libc::sockaddr, len) }).map(|_| ())
}

/// A new connection: its descriptor (close-on-exec, non-blocking) and the
/// peer's address (`None` for a family this module does not decode).
pub fn accept(fd: i32) -> SysResult<(i32, Option<SockAddr>)> {
    // SAFETY: plain old data; all-zero is valid.
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: `st` and `len` are live locals the kernel writes the peer's
    // address and its length into, within the size given.
    let new = check(unsafe {
        libc::accept4(fd, &mut st as *mut _ as *mut libc::sockaddr, &mut len, libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK)
    })?;
    Ok((new, SockAddr::from_raw(&st, len)))
}

const SEND_FLAGS: i32 = libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL;

pub fn send(fd: i32, data: &[u8], flags: i32) -> SysResult<usize> {
    // SAFETY: `data` is a live slice; the kernel reads `data.len()` bytes.
    check_len(unsafe { libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), flags | SEND_FLAGS) })
}

pub fn sendto(fd: i32, data: &[u8], flags: i32, addr: &SockAddr) -> SysResult<usize> {
    let (st, len) = addr.to_raw();
    // SAFETY: `data` is a live slice and `st` a valid address of `len` bytes.
    check_len(unsafe {
        libc::sendto(
            fd,
            data.as_ptr() as *const libc::c_void,
            data.len(),
            flags | SEND_FLAGS,
            &st as *const _ as *const libc::sockaddr,
            len,
        )
    })
}

pub fn recv(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<usize> {
    // SAFETY: `buf` is a live, writable slice of `buf.len()` bytes.
    check_len(unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags | libc::MSG_DONTWAIT) })
}

pub fn recvfrom(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<(usize, Option<SockAddr>)> {
    // SAFETY: plain old data; all-zero is valid.
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: `buf` is a live writable slice; `st`/`len` live locals the
    // kernel fills with the sender's address within the size given.
    let n = check_len(unsafe {
        libc::recvfrom(
            fd,
            buf.as_mut_ptr() as *mut libc::c_void,
            buf.len(),
            flags | libc::MSG_DONTWAIT,
            &mut st as *mut _ as *mut libc::sockaddr,
            &mut len,
        )
    })?;
    // A connected stream socket reports no address (len 0).
    let addr = if len == 0 { None } else { SockAddr::from_raw(&st, len) };
    Ok((n, addr))
}

pub fn shutdown(fd: i32, how: i32) -> SysResult<()> {
    // SAFETY: shutdown(2) takes plain integers.
    check(unsafe { libc::shutdown(fd, how) }).map(|_| ())
}

fn name_of(
    fd: i32,
    f: unsafe extern "C" fn(libc::c_int, *mut libc::sockaddr, *mut libc::socklen_t) -> libc::c_int,
) -> SysResult<Option<SockAddr>> {
    // SAFETY: plain old data; all-zero is valid.
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: `f` is getsockname or getpeername; `st`/`len` are live locals
    // the kernel writes within the size given.
    check(unsafe { f(fd, &mut st as *mut _ as *mut libc::sockaddr, &mut len) })?;
    if len == 0 {
        // SAFETY: plain old data; all-zero is valid.
        let mut empty: libc::sockaddr_storage = unsafe { zeroed() };
        empty.ss_family = st.ss_family;
        return Ok(SockAddr::from_raw(&empty, size_of::<libc::sa_family_t>() as libc::socklen_t));
    }
    Ok(SockAddr::from_raw(&st, len))
}

pub fn getsockname(fd: i32) -> SysResult<Option<SockAddr>> {
    name_of(fd, libc::getsockname)
}

pub fn getpeername(fd: i32) -> SysResult<Option<SockAddr>> {
    name_of(fd, libc::getpeername)
}

pub fn setsockopt_bytes(fd: i32, level: i32, name: i32, value: &[u8]) -> SysResult<()> {
    // SAFETY: `value` is a live slice whose length is passed with it.
    check(unsafe {
        libc::setsockopt(fd, level, name, value.as_ptr() as *const libc::c_void, value.len() as libc::socklen_t)
    })
    .map(|_| ())
}

pub fn setsockopt_int(fd: i32, level: i32, name: i32, value: i32) -> SysResult<()> {
    setsockopt_bytes(fd, level, name, &value.to_ne_bytes())
}

/// `setsockopt(level, name, None, optlen)`: a NULL value of `len` bytes.
pub fn setsockopt_null(fd: i32, level: i32, name: i32, len: u32) -> SysResult<()> {
    // SAFETY: a NULL value is what the caller asked for; the kernel checks
    // the option's length and never dereferences NULL without failing.
    check(unsafe { libc::setsockopt(fd, level, name, std::ptr::null(), len) }).map(|_| ())
}

pub fn getsockopt_bytes(fd: i32, level: i32, name: i32, buflen: usize) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; buflen];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is a live writable buffer of `len` bytes; the kernel
    // writes at most that many and the new length into `len`.
    check(unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr() as *mut libc::c_void, &mut len) })?;
    buf.truncate(len as usize);
    Ok(buf)
}

pub fn getsockopt_int(fd: i32, level: i32, name: i32) -> SysResult<i32> {
    let b = getsockopt_bytes(fd, level, name, 4)?;
    let mut w = [0u8; 4];
    w[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
    Ok(i32::from_ne_bytes(w))
}

/// One `getaddrinfo` result: family, type, protocol, canonical name, address.
pub type AddrInfo = (i32, i32, i32, String, SockAddr);

/// `getaddrinfo(3)`. `Err((code, errno))`: a `EAI_*` code, and errno for
/// `EAI_SYSTEM`.
pub fn getaddrinfo(
    host: Option<&CStr>,
    port: Option<&CStr>,
    family: i32,
    ty: i32,
    proto: i32,
    flags: i32,
) -> Result<Vec<AddrInfo>, (i32, i32)> {
    // SAFETY: addrinfo is plain old data; all-zero is the documented
    // "no hints" value.
    let mut hints: libc::addrinfo = unsafe { zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = ty;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: host and port are NUL-terminated strings or NULL; `hints`
    // and `res` are live locals. The list is freed below.
    let rc = unsafe {
        libc::getaddrinfo(
            host.map_or(std::ptr::null(), |h| h.as_ptr()),
            port.map_or(std::ptr::null(), |p| p.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err((rc, if rc == libc::EAI_SYSTEM { errno() } else { 0 }));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*p };
        if !ai.ai_addr.is_null() && ai.ai_addrlen as usize <= size_of::<libc::sockaddr_storage>() {
            // SAFETY: plain old data; all-zero is valid.
            let mut st: libc::sockaddr_storage = unsafe { zeroed() };
            // SAFETY: `ai_addr` points to `ai_addrlen` bytes, which fit
            // in `st` (checked above); the regions do not overlap.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    ai.ai_addr as *const u8,
                    &mut st as *mut _ as *mut u8,
                    ai.ai_addrlen as usize,
                )
            };
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a non-NULL canonical name is a C string of the list.
                unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
            };
            if let Some(a) = SockAddr::from_raw(&st, ai.ai_addrlen) {
                out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, a));
            }
        }
        p = ai.ai_next;
    }
    // SAFETY: `res` is the list getaddrinfo returned; freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

/// The message of an `EAI_*` code (`gai_strerror(3)`).
pub fn gai_strerror(code: i32) -> String {
    // SAFETY: gai_strerror returns a static C string for any code.
    let p = unsafe { libc::gai_strerror(code) };
    if p.is_null() {
        return format!("getaddrinfo error {code}");
    }
    // SAFETY: non-NULL: a static NUL-terminated string.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

pub fn gethostname() -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` is a live writable buffer of the length passed.
    check(unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) })?;
    let n = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    buf.truncate(n);
    Ok(buf)
}

// glibc's text-address conversions, which the libc crate does not declare
// for Linux.
extern "C" {
    #[link_name = "inet_pton"]
    fn c_inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    #[link_name = "inet_ntop"]
    fn c_inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

/// `inet_pton(3)`: the packed address, or `None` if `text` is not one.
pub fn inet_pton(family: i32, text: &str) -> Option<Vec<u8>> {
    let c = CString::new(text).ok()?;
    let mut buf = [0u8; 16];
    // SAFETY: `c` is NUL-terminated and `buf` holds the 16 bytes an IPv6
    // address needs (4 for IPv4).
    let r = unsafe { c_inet_pton(family, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_void) };
    if r != 1 {
        return None;
    }
    Some(buf[..if family == libc::AF_INET { 4 } else { 16 }].to_vec())
}

/// `inet_ntop(3)` of a packed address of the family's size.
pub fn inet_ntop(family: i32, packed: &[u8]) -> Option<String> {
    let mut out = [0 as libc::c_char; 64];
    // SAFETY: the caller passes 4 (AF_INET) or 16 (AF_INET6) bytes, which
    // inet_ntop reads; `out` is larger than INET6_ADDRSTRLEN.
    let p = unsafe {
        c_inet_ntop(family, packed.as_ptr() as *const libc::c_void, out.as_mut_ptr(), out.len() as libc::socklen_t)
    };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success `out` holds a NUL-terminated string.
    Some(unsafe { CStr::from_ptr(out.as_ptr()) }.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip_through_c() {
        for a in [
            SockAddr::V4 { ip: [127, 0, 0, 1], port: 8080 },
            SockAddr::V6 { ip: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], port: 1, flowinfo: 3, scope_id: 0 },
            SockAddr::Unix(b"/tmp/x".to_vec()),
            SockAddr::Unix(b"\0abstract".to_vec()),
        ] {
            let (st, len) = a.to_raw();
            assert_eq!(SockAddr::from_raw(&st, len), Some(a));
        }
    }

    #[test]
    fn a_socketpair_carries_bytes() {
        let (a, b) = socketpair(libc::AF_UNIX, libc::SOCK_STREAM, 0).unwrap();
        assert_eq!(send(a, b"hi", 0), Ok(2));
        let mut buf = [0u8; 8];
        assert_eq!(recv(b, &mut buf, 0), Ok(2));
        assert_eq!(&buf[..2], b"hi");
        assert_eq!(recv(b, &mut buf, 0), Err(libc::EAGAIN));
        close(a).unwrap();
        close(b).unwrap();
    }

    #[test]
    fn text_addresses_convert() {
        assert_eq!(inet_pton(libc::AF_INET, "1.2.3.4"), Some(vec![1, 2, 3, 4]));
        assert_eq!(inet_pton(libc::AF_INET, "1.2.3"), None);
        assert_eq!(inet_ntop(libc::AF_INET6, &inet_pton(libc::AF_INET6, "::1").unwrap()).as_deref(), Some("::1"));
    }
}
