//! Reference counting micro-benchmark: one increment + one decrement, in
//! nanoseconds per pair.
//!
//! Run: `cargo bench -p skein-gc` (release profile: fat LTO). Compares
//! Skein's biased counts (owner path, non-owner path, `ObjRef` clone/drop)
//! with a non-atomic count (`Cell`, `Rc`) and an atomic one (Arc-style,
//! `Arc`), on one thread and on two threads touching shared objects.
//!
//! Method: many short timed runs, the cases interleaved, keeping each
//! case's fastest run -- on a shared machine that is the run no other
//! process disturbed. `std::hint::black_box` keeps every increment and
//! decrement a real load and store: the counter's address escapes between
//! them. Two-thread figures count only chunks during which both threads
//! really ran at the same time (set `BENCH_DEBUG=1` to see each thread's
//! time span and median chunk).

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

/// Pairs per timed single-thread run, and runs per case.
const ITERS: u64 = 250_000;
const RUNS: usize = 200;
/// Two-thread scenarios: pairs per timed chunk, chunks per thread.
const CHUNK: u64 = 2_000;
const CHUNKS: usize = 10_000;

unsafe fn nop_dealloc(_p: NonNull<ObjHeader>) {}

static BENCH_TYPE: TypeInfo = TypeInfo { dealloc: nop_dealloc, traverse: None, finalize: None };

/// Benchmark objects fill whole cache lines, so that two threads' objects
/// never share one (false sharing would make "uncontended" look contended).
const OBJECT_SIZE: usize = 128;
const CACHE_LINE: usize = 64;

/// What the `Arc` cases count: also one whole cache line apart.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Padded(#[allow(dead_code)] [u8; CACHE_LINE]);

fn new_arc() -> Arc<Padded> {
    Arc::new(Padded([0; CACHE_LINE]))
}

/// An object owned by the calling thread.
fn new_object() -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(OBJECT_SIZE, CACHE_LINE, &BENCH_TYPE) };
    // SAFETY: a fresh object whose reference we take over.
    unsafe { ObjRef::from_raw(p) }
}

/// An object allocated by a short-lived thread, so merged and unowned.
fn new_merged_object() -> ObjRef {
    std::thread::spawn(new_object).join().unwrap()
}

// ---------------------------------------------------------------- bodies

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

/// Clone and drop a handle (`ObjRef`, `Rc`, `Arc`).
fn clone_drop<T: Clone>(handle: &T) -> impl FnMut(u64) + '_ {
    move |n| {
        for _ in 0..n {
            let c = black_box(handle).clone();
            drop(black_box(c));
        }
    }
}

/// Like [`clone_drop`] but owning the handle (for other threads).
fn clone_drop_owned<T: Clone + Send + 'static>(handle: T) -> impl FnMut(u64) + Send + 'static {
    move |n| {
        for _ in 0..n {
            let c = black_box(&handle).clone();
            drop(black_box(c));
        }
    }
}

/// Clone and drop an object that the running thread allocates (and owns).
fn clone_drop_own_object() -> impl FnMut(u64) + Send + 'static {
    let mut obj: Option<ObjRef> = None;
    move |n| {
        let r = obj.get_or_insert_with(new_object);
        for _ in 0..n {
            let c = black_box(&*r).clone();
            drop(black_box(c));
        }
    }
}

// ---------------------------------------------------------------- timing

/// A named benchmark body: runs the given number of iterations.
type Case<'a> = (&'static str, Box<dyn FnMut(u64) + 'a>);

/// Time every case `RUNS` times, interleaved, keeping each case's best run
/// in nanoseconds per iteration.
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

/// Two-thread result: median ns/pair on each thread, over the chunks that
/// ran while the other thread was running too, and how many chunks those
/// were (of `CHUNKS`).
struct TwoThreadResult {
    a: f64,
    b: f64,
    concurrent: (usize, usize),
}

/// Run `work_a` and `work_b` on two threads, each `CHUNKS` chunks of
/// `CHUNK` iterations back to back, timing every chunk.
///
/// On a busy machine a thread is often descheduled, and then the other one
/// runs alone (measuring the uncontended cost). So a chunk of thread A
/// counts only if thread B was running normally the whole time: B's chunks
/// cover A's chunk, and none of them took longer than 30x B's median chunk
/// (contention slows a chunk down several times; being descheduled costs a
/// scheduler slice, milliseconds, far more).
fn two_threads(work_a: impl FnMut(u64) + Send + 'static, work_b: impl FnMut(u64) + Send + 'static) -> TwoThreadResult {
    fn side(
        mut work: impl FnMut(u64) + Send + 'static,
        barrier: Arc<Barrier>,
        epoch: Instant,
    ) -> std::thread::JoinHandle<Vec<(f64, f64)>> {
        std::thread::spawn(move || {
            let _attachment = attach_thread();
            work(1); // setup (e.g. handing an object over)
            barrier.wait();
            (0..CHUNKS)
                .map(|_| {
                    let start = epoch.elapsed().as_nanos() as f64;
                    work(CHUNK);
                    (start, epoch.elapsed().as_nanos() as f64)
                })
                .collect()
        })
    }
    let barrier = Arc::new(Barrier::new(2));
    let epoch = Instant::now();
    let a = side(work_a, barrier.clone(), epoch);
    let b = side(work_b, barrier, epoch);
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    if std::env::var_os("BENCH_DEBUG").is_some() {
        let span = |v: &[(f64, f64)]| (v[0].0 / 1e6, v[v.len() - 1].1 / 1e6);
        let med = |v: &[(f64, f64)]| median(v.iter().map(|(s, e)| e - s).collect()) / 1e3;
        eprintln!("A span {:?} med {:.1}us; B span {:?} med {:.1}us", span(&a), med(&a), span(&b), med(&b));
    }
    let (ra, na) = concurrent_median(&a, &b);
    let (rb, nb) = concurrent_median(&b, &a);
    TwoThreadResult { a: ra, b: rb, concurrent: (na, nb) }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Median ns/pair of `mine`'s chunks that ran while `other` ran normally.
fn concurrent_median(mine: &[(f64, f64)], other: &[(f64, f64)]) -> (f64, usize) {
    let limit = 30.0 * median(other.iter().map(|(s, e)| e - s).collect());
    let samples: Vec<f64> = mine
        .iter()
        .filter(|&&(s, e)| {
            let covered = other.first().is_some_and(|o| o.0 <= s) && other.last().is_some_and(|o| o.1 >= e);
            covered && other.iter().filter(|o| o.1 > s && o.0 < e).all(|o| o.1 - o.0 <= limit)
        })
        .map(|(s, e)| (e - s) / CHUNK as f64)
        .collect();
    let n = samples.len();
    (median(samples), n)
}

fn print_row(name: &str, r: TwoThreadResult) {
    let (na, nb) = r.concurrent;
    println!("| {name} | {:.2} | {:.2} | {na}+{nb} of {} |", r.a, r.b, 2 * CHUNKS);
}

/// Thread A allocates one object and clones/drops it (owner path) while
/// thread B clones/drops the same object (shared path).
fn owner_and_non_owner() -> TwoThreadResult {
    let (tx, rx) = std::sync::mpsc::channel::<ObjRef>();
    let mut mine: Option<ObjRef> = None;
    let owner_side = move |n: u64| {
        let r = mine.get_or_insert_with(|| {
            let obj = new_object();
            tx.send(obj.clone()).unwrap();
            obj
        });
        for _ in 0..n {
            let c = black_box(&*r).clone();
            drop(black_box(c));
        }
    };
    let mut held: Option<ObjRef> = None;
    let other_side = move |n: u64| {
        let r = held.get_or_insert_with(|| rx.recv().unwrap());
        for _ in 0..n {
            let c = black_box(&*r).clone();
            drop(black_box(c));
        }
    };
    two_threads(owner_side, other_side)
}

fn main() {
    let _attachment = attach_thread();

    let cell = Cell::new(1u32);
    let rc = Rc::new(());
    let atomic = AtomicUsize::new(1);
    let arc = new_arc();
    let owned = new_object();
    let merged = new_merged_object();
    let mut cases: Vec<Case<'_>> = vec![
        ("non-atomic count (`Cell<u32>` +1/-1)", Box::new(non_atomic(&cell))),
        ("std `Rc` clone/drop (non-atomic)", Box::new(clone_drop(&rc))),
        ("atomic count, Arc-style `fetch_add`/`fetch_sub`", Box::new(atomic_arc_style(&atomic))),
        ("std `Arc` clone/drop (atomic)", Box::new(clone_drop(&arc))),
        ("skein `incref`/`decref`, owner (biased) path", Box::new(skein_raw(owned.as_ptr()))),
        ("skein `ObjRef` clone/drop, owner path", Box::new(clone_drop(&owned))),
        ("skein `incref`/`decref`, non-owner (shared) path", Box::new(skein_raw(merged.as_ptr()))),
    ];
    let best = measure_interleaved(&mut cases);
    println!("Single thread ({ITERS} pairs per run, best of {RUNS} interleaved runs)\n");
    println!("| operation (one increment + one decrement) | ns/pair |");
    println!("|---|---|");
    for ((name, _), ns) in cases.iter().zip(&best) {
        println!("| {name} | {ns:.2} |");
    }
    drop(cases);
    println!(
        "\nowner path / non-atomic count = {:.2}x; atomic count / owner path = {:.2}x; \
         ObjRef / Rc = {:.2}x; Arc / ObjRef = {:.2}x\n",
        best[4] / best[0],
        best[2] / best[4],
        best[5] / best[1],
        best[3] / best[5],
    );

    println!(
        "Two threads at once ({CHUNKS} chunks of {CHUNK} pairs per thread; median over the \
         chunks during which the other thread was running too)\n"
    );
    println!("| scenario | thread A ns/pair | thread B ns/pair | concurrent chunks (A+B) |");
    println!("|---|---|---|---|");
    let shared = new_merged_object();
    print_row(
        "one merged object, both threads non-owners (contended atomics)",
        two_threads(clone_drop_owned(shared.clone()), clone_drop_owned(shared)),
    );
    print_row(
        "one std `Arc`, both threads (contended atomics)",
        two_threads(clone_drop_owned(arc.clone()), clone_drop_owned(arc)),
    );
    print_row("one object: A is its owner (local path), B is not (shared path)", owner_and_non_owner());
    print_row("each thread its own object, owner path", two_threads(clone_drop_own_object(), clone_drop_own_object()));
    print_row(
        "each thread its own merged object (uncontended atomics)",
        two_threads(clone_drop_owned(new_merged_object()), clone_drop_owned(new_merged_object())),
    );
    print_row(
        "each thread its own std `Arc` (uncontended atomics)",
        two_threads(clone_drop_owned(new_arc()), clone_drop_owned(new_arc())),
    );
}
