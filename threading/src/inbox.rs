//! A thread's inbox: a lock-free multi-producer, single-consumer bag of words.
//!
//! Other threads push object addresses (biased reference counting's "queued"
//! objects) onto a thread's inbox; the owning thread takes them all at once
//! from its eval breaker, and closes the inbox when it exits.
//!
//! Representation: a Treiber stack of boxed nodes whose head is one
//! `AtomicUsize`. Nodes are at least 2-byte aligned, so bit 0 of the head is
//! free and holds the CLOSED flag.
//!
//! Invariants:
//! - Once CLOSED is set it is never cleared; a push that sees it fails and
//!   hands the value back to the caller (who must then handle it itself).
//! - Every value pushed successfully is returned exactly once, by a later
//!   `take_all` or by `close`.
//! - Consumers never pop single nodes: they detach the whole list with one
//!   atomic RMW (`fetch_and` / `swap`) and then own it privately. A producer's
//!   CAS only compares against the head it read and never dereferences it, so
//!   there is no ABA problem and no node is read after it is freed.
//!
//! `take_all` and `close` are meant for the owning thread only, but neither
//! relies on it for memory safety: both detach the list atomically.

use crate::sync::{AtomicUsize, Ordering, UnsafeCell};

/// Bit 0 of the head word: the inbox is closed.
const CLOSED: usize = 1;

/// The fields are cells so that loom sees the producer's writes and the
/// consumer's reads, and reports them as a race if the head's Release /
/// Acquire pair ever failed to order them (outside loom they are plain
/// fields: the wrapper is transparent).
struct Node {
    value: UnsafeCell<usize>,
    next: UnsafeCell<*mut Node>,
}

/// Error returned by [`Inbox::push`] once the inbox is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

/// Lock-free MPSC stack of `usize` values with a terminal closed state.
pub struct Inbox {
    /// Pointer to the newest node (or null), with `CLOSED` folded into bit 0.
    head: AtomicUsize,
}

// SAFETY: the inbox owns its nodes, which hold plain `usize` values; all
// shared access to the list goes through the atomic head word (see the module
// doc), so it may be sent to and shared between threads.
unsafe impl Send for Inbox {}
// SAFETY: as above.
unsafe impl Sync for Inbox {}

impl Inbox {
    /// An open, empty inbox.
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        Inbox { head: AtomicUsize::new(0) }
    }

    /// An open, empty inbox.
    #[cfg(loom)]
    pub fn new() -> Self {
        Inbox { head: AtomicUsize::new(0) }
    }

    /// Push `value`. Fails, giving nothing away, once the inbox is closed.
    pub fn push(&self, value: usize) -> Result<(), Closed> {
        let node = Box::into_raw(Box::new(Node {
            value: UnsafeCell::new(value),
            next: UnsafeCell::new(core::ptr::null_mut()),
        }));
        debug_assert!(node as usize & CLOSED == 0, "Box<Node> is word aligned");
        // Relaxed: the old head is only stored into `node.next`, never read
        // through here; the consumer's Acquire RMW makes it valid for them.
        let mut head = self.head.load(Ordering::Relaxed);
        loop {
            if head & CLOSED != 0 {
                // SAFETY: `node` came from `Box::into_raw` above and was never
                // published (every CAS so far failed), so we still own it.
                drop(unsafe { Box::from_raw(node) });
                return Err(Closed);
            }
            // SAFETY: `node` is unpublished, so this thread has exclusive
            // access: it is live (from `Box::into_raw` above) and nobody else
            // can reach it.
            unsafe { &*node }.next.with_mut(|next| unsafe { *next = head as *mut Node });
            // Release: publishes the node's `value` and `next`; pairs with the
            // Acquire `fetch_and` in `take_all` and `swap` in `close`.
            match self.head.compare_exchange_weak(head, node as usize, Ordering::Release, Ordering::Relaxed) {
                Ok(_) => return Ok(()),
                Err(current) => head = current,
            }
        }
    }

    /// Take every queued value (owner only). Order is unspecified.
    pub fn take_all(&self) -> Vec<usize> {
        // Clearing only the pointer bits detaches the list and keeps CLOSED
        // as it was, in one RMW. Acquire pairs with the Release CAS in `push`.
        let head = self.head.fetch_and(CLOSED, Ordering::Acquire);
        Self::drain(head & !CLOSED)
    }

    /// Close the inbox (owner only, at exit) and return what was queued.
    /// Pushes that happen after this fail with [`Closed`].
    pub fn close(&self) -> Vec<usize> {
        // Acquire pairs with the Release CAS in `push`.
        let head = self.head.swap(CLOSED, Ordering::Acquire);
        Self::drain(head & !CLOSED)
    }

    /// Whether nothing is queued (a snapshot; pushes may race with it).
    pub fn is_empty(&self) -> bool {
        self.head.load(Ordering::Relaxed) & !CLOSED == 0
    }

    /// Whether `close` has been called.
    pub fn is_closed(&self) -> bool {
        self.head.load(Ordering::Relaxed) & CLOSED != 0
    }

    /// Free a detached list, collecting its values.
    fn drain(mut ptr: usize) -> Vec<usize> {
        let mut values = Vec::new();
        while ptr != 0 {
            // SAFETY: `ptr` heads a list that the caller detached from the
            // shared head with an Acquire RMW, so no other thread can reach
            // these nodes and their fields (written before the Release CAS
            // that published them) are visible. Each node came from
            // `Box::into_raw` in `push` and is freed exactly once, here.
            let node = unsafe { Box::from_raw(ptr as *mut Node) };
            // SAFETY: as above: the node is ours and its fields were written
            // before its publication, which our Acquire RMW synchronised with.
            values.push(node.value.with(|v| unsafe { *v }));
            // SAFETY: as above.
            ptr = node.next.with(|n| unsafe { *n }) as usize;
        }
        values
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        // Values still queued here are lost; the owner is expected to have
        // closed the inbox and handled them. We only free the nodes.
        let head = self.head.swap(CLOSED, Ordering::Acquire);
        Self::drain(head & !CLOSED);
    }
}

impl core::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Inbox").field("empty", &self.is_empty()).field("closed", &self.is_closed()).finish()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn push_take_close() {
        let inbox = Inbox::new();
        assert!(inbox.is_empty());
        inbox.push(8).unwrap();
        inbox.push(16).unwrap();
        assert!(!inbox.is_empty());
        let mut got = inbox.take_all();
        got.sort();
        assert_eq!(got, vec![8, 16]);
        assert!(inbox.take_all().is_empty());
        inbox.push(24).unwrap();
        assert_eq!(inbox.close(), vec![24]);
        assert!(inbox.is_closed());
        assert_eq!(inbox.push(32), Err(Closed));
        assert!(inbox.take_all().is_empty());
        assert!(inbox.is_closed(), "take_all keeps the closed flag");
        assert!(inbox.close().is_empty());
    }

    #[test]
    fn many_producers() {
        let inbox = std::sync::Arc::new(Inbox::new());
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let inbox = inbox.clone();
                std::thread::spawn(move || {
                    for i in 0..10_000 {
                        inbox.push(t * 100_000 + i).unwrap();
                    }
                })
            })
            .collect();
        let mut got = Vec::new();
        while got.len() < 40_000 {
            got.extend(inbox.take_all());
        }
        for h in handles {
            h.join().unwrap();
        }
        got.extend(inbox.close());
        got.sort();
        let mut want: Vec<usize> = (0..4).flat_map(|t| (0..10_000).map(move |i| t * 100_000 + i)).collect();
        want.sort();
        assert_eq!(got, want);
    }
}
