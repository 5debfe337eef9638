//! The GIL with real threads. The GIL is process-wide, so every test in this
//! binary turns it on and all of them run with it on.
#![cfg(not(loom))]

use skein_threading::gil::{
    gil_enabled, gil_holder, set_gil_enabled, set_switch_interval, switch_interval, DEFAULT_SWITCH_INTERVAL,
};
use skein_threading::registry::{
    register_current_thread, unregister_current_thread, ThreadState, BREAKER_GIL_DROP_REQUEST, BREAKER_STOP_THE_WORLD,
};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// Tests here run one at a time: a stop-the-world in one test would make
/// the GIL change hands in another and hide a missing forced switch.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn setup() -> std::sync::MutexGuard<'static, ()> {
    let serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    set_gil_enabled(true);
    set_switch_interval(Duration::from_millis(1));
    serial
}

/// The eval breaker's GIL and stop checks.
fn poll(ts: &ThreadState) {
    let bits = ts.breaker_bits();
    if bits & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
    if bits & BREAKER_GIL_DROP_REQUEST != 0 {
        ts.yield_gil();
    }
}

fn exit(ts: &ThreadState) {
    ts.detach();
    ts.brc_inbox.close();
    unregister_current_thread();
}

#[test]
fn settings() {
    let _serial = setup();
    assert!(gil_enabled());
    set_switch_interval(Duration::from_millis(3));
    assert_eq!(switch_interval(), Duration::from_millis(3));
    set_switch_interval(DEFAULT_SWITCH_INTERVAL);
    assert_eq!(switch_interval(), Duration::from_millis(5));
    set_switch_interval(Duration::from_millis(1));
}

/// At most one thread is attached at a time, and CPU-bound threads that
/// never block still all make progress (forced switching).
#[test]
fn mutual_exclusion_and_fairness() {
    let _serial = setup();
    const THREADS: usize = 4;
    let inside = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let progress: Arc<Vec<AtomicU64>> = Arc::new((0..THREADS).map(|_| AtomicU64::new(0)).collect());
    let yields = Arc::new(AtomicU64::new(0));
    let handles: Vec<_> = (0..THREADS)
        .map(|i| {
            let (inside, done, progress, yields) = (inside.clone(), done.clone(), progress.clone(), yields.clone());
            thread::spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                assert_eq!(gil_holder(), ts.tid);
                while !done.load(Ordering::Relaxed) {
                    assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two threads hold the GIL");
                    progress[i].fetch_add(1, Ordering::Relaxed);
                    inside.fetch_sub(1, Ordering::SeqCst);
                    if ts.breaker_bits() & BREAKER_GIL_DROP_REQUEST != 0 {
                        yields.fetch_add(1, Ordering::Relaxed);
                    }
                    poll(&ts);
                }
                exit(&ts);
            })
        })
        .collect();
    // Every thread must get the GIL, repeatedly, although none ever blocks.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let low = progress.iter().map(|p| p.load(Ordering::Relaxed)).min().unwrap();
        if low >= 1000 && yields.load(Ordering::Relaxed) >= 20 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "starvation: progress {:?}, yields {}",
            progress.iter().map(|p| p.load(Ordering::Relaxed)).collect::<Vec<_>>(),
            yields.load(Ordering::Relaxed)
        );
        thread::sleep(Duration::from_millis(10));
    }
    done.store(true, Ordering::Relaxed);
    for h in handles {
        h.join().unwrap();
    }
}

/// A thread that detaches around a blocking call lets the others run, and a
/// stop-the-world works with the GIL on.
#[test]
fn detach_releases_and_stop_works() {
    let _serial = setup();
    let ran = Arc::new(AtomicU64::new(0));
    let ran2 = ran.clone();
    let blocker = thread::spawn(move || {
        let ts = register_current_thread();
        ts.attach();
        ts.detach();
        // "Blocking call" while another thread runs.
        let deadline = Instant::now() + Duration::from_secs(20);
        while ran2.load(Ordering::SeqCst) < 100 {
            assert!(Instant::now() < deadline, "the GIL was not released on detach");
            thread::sleep(Duration::from_millis(1));
        }
        ts.attach();
        ts.brc_inbox.close();
        exit(&ts);
    });
    let runner = thread::spawn(move || {
        let ts = register_current_thread();
        ts.attach();
        for _ in 0..100 {
            ran.fetch_add(1, Ordering::SeqCst);
            poll(&ts);
            thread::sleep(Duration::from_micros(100));
        }
        exit(&ts);
    });
    for _ in 0..20 {
        drop(skein_threading::stop_the_world());
        thread::sleep(Duration::from_millis(1));
    }
    runner.join().unwrap();
    blocker.join().unwrap();
}
