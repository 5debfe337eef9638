//! Loom model: the per-object mutex gives mutual exclusion. Threads
//! increment a plain (non-atomic) counter in a loom `UnsafeCell` under the
//! lock; loom flags any two accesses not ordered by the lock, and the final
//! count is checked.
#![cfg(loom)]

use skein_threading::sync::{spawn, Arc, UnsafeCell};
use skein_threading::RawObjMutex;

struct Counter {
    lock: RawObjMutex,
    value: UnsafeCell<usize>,
}

// SAFETY: `value` is only accessed with `lock` held.
unsafe impl Sync for Counter {}
// SAFETY: as above; the fields are plain data.
unsafe impl Send for Counter {}

impl Counter {
    fn increment(&self) {
        let _guard = self.lock.guard();
        // SAFETY: the lock is held, so no other access overlaps this one
        // (which is exactly what loom checks).
        self.value.with_mut(|v| unsafe { *v += 1 });
    }

    fn get(&self) -> usize {
        let _guard = self.lock.guard();
        // SAFETY: the lock is held.
        self.value.with(|v| unsafe { *v })
    }
}

fn new_counter() -> Arc<Counter> {
    Arc::new(Counter { lock: RawObjMutex::new(), value: UnsafeCell::new(0) })
}

#[test]
fn two_threads() {
    loom::model(|| {
        let counter = new_counter();
        let other = {
            let counter = counter.clone();
            spawn(move || {
                counter.increment();
                counter.increment();
            })
        };
        counter.increment();
        other.join().unwrap();
        assert_eq!(counter.get(), 3);
        assert!(!counter.lock.is_locked());
    });
}

#[test]
fn three_threads_park() {
    loom::model(|| {
        let counter = new_counter();
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let counter = counter.clone();
                spawn(move || counter.increment())
            })
            .collect();
        counter.increment();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(counter.get(), 3);
        assert!(!counter.lock.is_locked());
    });
}

#[test]
fn try_lock_excludes() {
    loom::model(|| {
        let counter = new_counter();
        let other = {
            let counter = counter.clone();
            spawn(move || {
                if counter.lock.try_lock() {
                    // SAFETY: the lock is held.
                    counter.value.with_mut(|v| unsafe { *v += 1 });
                    counter.lock.unlock();
                    1
                } else {
                    0
                }
            })
        };
        counter.increment();
        let extra = other.join().unwrap();
        assert_eq!(counter.get(), 1 + extra);
    });
}
