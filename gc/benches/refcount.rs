//! Reference counting micro-benchmark: one increment + one decrement, in
//! nanoseconds per pair.
//!
//! Run: `cargo bench -p skein-gc` (release profile: fat LTO). Compares
//! Skein's biased counts (owner path, non-owner path, `ObjRef` clone/drop)
//! with a non-atomic count and an `Arc`-style atomic count, on one thread
//! and on two threads touching the same objects. Each figure is the best of
//! several runs (the machine is shared; the minimum is the least disturbed).
//! `std::hint::black_box` keeps each increment and decrement as a real load
//! and store: the counter's address escapes between them.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use skein_gc::{alloc_object, attach_thread, decref, incref, ObjHeader, ObjRef, TypeInfo};
use std::cell::Cell;
use std::hint::black_box;
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Instant;

const ITERS: u64 = 4_000_000;
const RUNS: usize = 25;

unsafe fn nop_dealloc(_p: NonNull<ObjHeader>) {}

static BENCH_TYPE: TypeInfo = TypeInfo {
    dealloc: nop_dealloc,
    traverse: None,
};

fn new_object() -> ObjRef {
    let p = alloc_object(size_of::<ObjHeader>(), align_of::<ObjHeader>(), &BENCH_TYPE);
    // SAFETY: a fresh object whose reference we take over.
    unsafe { ObjRef::from_raw(p) }
}

/// A named benchmark body: runs the given number of iterations.
type Case<'a> = (&'static str, Box<dyn FnMut(u64) + 'a>);

/// Time every case `RUNS` times, interleaved (case 1, case 2, ..., case 1,
/// ...), so a burst of load from other processes hits all cases alike; keep
/// each case's best run, in nanoseconds per iteration.
fn measure_interleaved(cases: &mut [Case<'_>]) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; cases.len()];
    for _ in 0..RUNS {
        for (i, (_, body)) in cases.iter_mut().enumerate() {
            let start = Instant::now();
            body(ITERS);
            best[i] = best[i].min(start.elapsed().as_nanos() as f64 / ITERS as f64);
        }
    }
    best
}

fn non_atomic(count: &Cell<u32>) -> impl FnMut(u64) + '_ {
    move |n| {
        for _ in 0..n {
            let c = black_box(count);
            c.set(c.get() + 1);
            let c = black_box(c);
            c.set(c.get() - 1);
            if c.get() == 0 {
                unreachable!();
            }
        }
    }
}

fn rc_clone_drop(rc: &Rc<()>) -> impl FnMut(u64) + '_ {
    move |n| {
        for _ in 0..n {
            let c = black_box(rc).clone();
            drop(black_box(c));
        }
    }
}

fn atomic_arc_style(count: &AtomicUsize) -> impl FnMut(u64) + '_ {
    move |n| {
        for _ in 0..n {
            let c = black_box(count);
            c.fetch_add(1, Ordering::Relaxed);
            let c = black_box(c);
            if c.fetch_sub(1, Ordering::Release) == 1 {
                std::sync::atomic::fence(Ordering::Acquire);
                unreachable!();
            }
        }
    }
}

fn arc_clone_drop(a: &Arc<()>) -> impl FnMut(u64) + '_ {
    move |n| {
        for _ in 0..n {
            let c = black_box(a).clone();
            drop(black_box(c));
        }
    }
}

fn skein_raw(p: NonNull<ObjHeader>) -> impl FnMut(u64) {
    move |n| {
        for _ in 0..n {
            let p = black_box(p);
            // SAFETY: the caller keeps a reference, so `p` stays alive.
            unsafe { incref(p) };
            let p = black_box(p);
            // SAFETY: drops the reference taken just above.
            unsafe { decref(p) };
        }
    }
}

fn skein_handle(r: &ObjRef) -> impl FnMut(u64) + '_ {
    move |n| {
        for _ in 0..n {
            let c = black_box(r).clone();
            drop(black_box(c));
        }
    }
}

/// Two threads, each running `work` for `ITERS` iterations at the same time;
/// returns (ns/pair on thread A, ns/pair on thread B).
fn two_threads(
    work_a: impl FnMut(u64) + Send + 'static,
    work_b: impl FnMut(u64) + Send + 'static,
) -> (f64, f64) {
    fn side(
        mut work: impl FnMut(u64) + Send + 'static,
        barrier: Arc<Barrier>,
    ) -> std::thread::JoinHandle<f64> {
        std::thread::spawn(move || {
            let _attachment = attach_thread();
            let mut best = f64::INFINITY;
            for _ in 0..RUNS {
                barrier.wait();
                let start = Instant::now();
                work(ITERS / 2);
                best = best.min(start.elapsed().as_nanos() as f64 / (ITERS / 2) as f64);
            }
            best
        })
    }
    let barrier = Arc::new(Barrier::new(2));
    let a = side(work_a, barrier.clone());
    let b = side(work_b, barrier);
    (a.join().unwrap(), b.join().unwrap())
}

fn clone_drop_loop(r: ObjRef) -> impl FnMut(u64) + Send + 'static {
    move |n| {
        for _ in 0..n {
            let c = black_box(&r).clone();
            drop(black_box(c));
        }
    }
}

fn arc_loop(a: Arc<()>) -> impl FnMut(u64) + Send + 'static {
    move |n| {
        for _ in 0..n {
            let c = black_box(&a).clone();
            drop(black_box(c));
        }
    }
}

fn main() {
    let _attachment = attach_thread();

    // Single thread.
    let cell = Cell::new(1u32);
    let rc = Rc::new(());
    let atomic = AtomicUsize::new(1);
    let arc = Arc::new(());
    let owned = new_object();
    let foreign: ObjRef = std::thread::spawn(new_object).join().unwrap(); // merged at exit
    let mut cases: Vec<Case<'_>> = vec![
        (
            "non-atomic count (`Cell<u32>` +1/-1)",
            Box::new(non_atomic(&cell)),
        ),
        (
            "std `Rc` clone/drop (non-atomic)",
            Box::new(rc_clone_drop(&rc)),
        ),
        (
            "atomic count, Arc-style `fetch_add`/`fetch_sub`",
            Box::new(atomic_arc_style(&atomic)),
        ),
        (
            "std `Arc` clone/drop (atomic)",
            Box::new(arc_clone_drop(&arc)),
        ),
        (
            "skein `incref`/`decref`, owner (biased) path",
            Box::new(skein_raw(owned.as_ptr())),
        ),
        (
            "skein `ObjRef` clone/drop, owner path",
            Box::new(skein_handle(&owned)),
        ),
        (
            "skein `incref`/`decref`, non-owner (shared) path",
            Box::new(skein_raw(foreign.as_ptr())),
        ),
    ];
    let best = measure_interleaved(&mut cases);
    println!("Single thread ({ITERS} increment+decrement pairs per run, best of {RUNS} interleaved runs)\n");
    println!("| operation (one increment + one decrement) | ns/pair |");
    println!("|---|---|");
    for ((name, _), ns) in cases.iter().zip(&best) {
        println!("| {name} | {ns:.2} |");
    }
    drop(cases);
    println!(
        "\nowner path / non-atomic count = {:.2}x; ObjRef / Rc = {:.2}x; atomic count / owner path = {:.2}x; Arc / ObjRef = {:.2}x\n",
        best[4] / best[0],
        best[5] / best[1],
        best[2] / best[4],
        best[3] / best[5],
    );

    // Two threads touching the same objects.
    println!(
        "Two threads at once ({} pairs per thread, best of {RUNS} runs)\n",
        ITERS / 2
    );
    println!("| scenario | thread A ns/pair | thread B ns/pair |");
    println!("|---|---|---|");
    let (a, b) = {
        let shared = std::thread::spawn(new_object).join().unwrap();
        two_threads(clone_drop_loop(shared.clone()), clone_drop_loop(shared))
    };
    println!("| one merged object, both non-owners (contended atomics) | {a:.2} | {b:.2} |");
    let (a, b) = two_threads(arc_loop(arc.clone()), arc_loop(arc));
    println!("| one std Arc, both threads (contended atomics) | {a:.2} | {b:.2} |");
    let (a, b) = {
        // Thread A allocates the object (owner), then B starts on it.
        let (tx, rx) = std::sync::mpsc::channel::<ObjRef>();
        let barrier = Arc::new(Barrier::new(2));
        let barrier_b = barrier.clone();
        let mut mine: Option<ObjRef> = None;
        let owner_side = move |n: u64| {
            let r = mine.get_or_insert_with(|| {
                let obj = new_object();
                tx.send(obj.clone()).unwrap();
                barrier.wait();
                obj
            });
            for _ in 0..n {
                let c = black_box(&*r).clone();
                drop(black_box(c));
            }
        };
        let mut held: Option<ObjRef> = None;
        let other_side = move |n: u64| {
            if held.is_none() {
                held = Some(rx.recv().unwrap());
                barrier_b.wait();
            }
            let r = held.as_ref().unwrap();
            for _ in 0..n {
                let c = black_box(r).clone();
                drop(black_box(c));
            }
        };
        two_threads(owner_side, other_side)
    };
    println!("| one object: A is its owner (local path), B not (shared path) | {a:.2} | {b:.2} |");
    let (a, b) = two_threads(
        clone_drop_loop(new_object_later()),
        clone_drop_loop(new_object_later()),
    );
    println!("| each thread its own merged object (uncontended atomics) | {a:.2} | {b:.2} |");
    let (a, b) = two_threads(owned_loop(), owned_loop());
    println!("| each thread its own object, owner path | {a:.2} | {b:.2} |");
    let (a, b) = two_threads(arc_loop(Arc::new(())), arc_loop(Arc::new(())));
    println!("| each thread its own std Arc | {a:.2} | {b:.2} |");
}

/// An object allocated (and merged) by a short-lived thread.
fn new_object_later() -> ObjRef {
    std::thread::spawn(new_object).join().unwrap()
}

/// A loop over an object that the running thread allocates (and owns).
fn owned_loop() -> impl FnMut(u64) + Send + 'static {
    let mut obj: Option<ObjRef> = None;
    move |n| {
        let r = obj.get_or_insert_with(new_object);
        for _ in 0..n {
            let c = black_box(&*r).clone();
            drop(black_box(c));
        }
    }
}
