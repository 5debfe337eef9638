#!/usr/bin/env python3
"""Mutation check of the loom models (docs/threading.md, "Loom models and
the mutations they catch").

Copies the working tree to target/loom-mutants/src, plants every mutation
there behind a run-time switch (`SKEIN_MUTANT=<name>`), builds the loom
tests once, then runs each mutant against the models of its protocol and
checks that some model fails. Mutants listed in EQUIVALENT are expected to
pass (the table says why). The working tree itself is never modified.

Usage: .ci/loom_mutants.py [name-prefix ...]
"""
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "loom-mutants")
SRC = os.path.join(WORK, "src")

# The switch, appended to threading/src/lib.rs in the scratch copy only.
HELPER = """
#[doc(hidden)]
pub fn mutant(name: &str) -> bool {
    static M: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    M.get_or_init(|| std::env::var("SKEIN_MUTANT").unwrap_or_default()) == name
}
#[doc(hidden)]
pub fn mord(name: &str, good: sync::Ordering, bad: sync::Ordering) -> sync::Ordering {
    if mutant(name) { bad } else { good }
}
"""

# (file, exact text, replacement naming the mutant). Each text must occur
# exactly once.
PLANTS = [
    # inbox
    ("threading/src/inbox.rs", "if head & CLOSED != 0 {", "if head & CLOSED != 0 && !crate::mutant(\"inbox_push_ignores_closed\") {"),
    ("threading/src/inbox.rs", "compare_exchange_weak(head, node as usize, Ordering::Release, Ordering::Relaxed)", "compare_exchange_weak(head, node as usize, crate::mord(\"inbox_push_relaxed\", Ordering::Release, Ordering::Relaxed), Ordering::Relaxed)"),
    ("threading/src/inbox.rs", "let head = self.head.fetch_and(CLOSED, Ordering::Acquire);", "let head = self.head.fetch_and(CLOSED, crate::mord(\"inbox_take_relaxed\", Ordering::Acquire, Ordering::Relaxed));"),
    # gil
    ("threading/src/gil.rs", "                    holder.request(BREAKER_GIL_DROP_REQUEST);", "                    if !crate::mutant(\"gil_no_drop_request\") { holder.request(BREAKER_GIL_DROP_REQUEST); }"),
    ("threading/src/gil.rs", "    gil.switched.notify_all();\n}", "    if !crate::mutant(\"gil_no_switched_notify\") { gil.switched.notify_all(); }\n}"),
    ("threading/src/gil.rs", "    if forced {", "    if forced && !crate::mutant(\"gil_no_forced_wait\") {"),
    ("threading/src/gil.rs", "    if st.holder != 0 {\n        stats::count(Counter::GilWait);\n        st.waiters += 1;", "    if st.holder != 0 && !crate::mutant(\"gil_take_ignores_holder\") {\n        stats::count(Counter::GilWait);\n        st.waiters += 1;"),
    ("threading/src/gil.rs", "    gil.released.notify_one();", "    if !crate::mutant(\"gil_no_released_notify\") { gil.released.notify_one(); }"),
    ("threading/src/gil.rs", "    ts.clear(BREAKER_GIL_DROP_REQUEST);", "    if !crate::mutant(\"gil_keep_stale_request\") { ts.clear(BREAKER_GIL_DROP_REQUEST); }"),
    # obj mutex
    ("threading/src/obj_mutex.rs", "if self.0.compare_exchange(LOCKED, 0, Ordering::Release, Ordering::Relaxed).is_err() {", "if self.0.compare_exchange(LOCKED, 0, crate::mord(\"om_unlock_relaxed\", Ordering::Release, Ordering::Relaxed), Ordering::Relaxed).is_err() {"),
    ("threading/src/obj_mutex.rs", "if self.0.compare_exchange(0, LOCKED, Ordering::Acquire, Ordering::Relaxed).is_err() {", "if self.0.compare_exchange(0, LOCKED, crate::mord(\"om_lock_relaxed\", Ordering::Acquire, Ordering::Relaxed), Ordering::Relaxed).is_err() {"),
    ("threading/src/obj_mutex.rs", "let validate = || self.0.load(Ordering::Relaxed) == LOCKED | HAS_PARKED;", "let validate = || crate::mutant(\"om_no_validate\") || self.0.load(Ordering::Relaxed) == LOCKED | HAS_PARKED;"),
    ("threading/src/obj_mutex.rs", "            Some(ts) if ts.status() == ThreadStatus::Attached => {", "            Some(ts) if ts.status() == ThreadStatus::Attached && !crate::mutant(\"om_park_no_detach\") => {"),
    ("threading/src/obj_mutex.rs", "            self.unlock_slow();\n        }", "            if crate::mutant(\"om_unlock_ignores_parked\") { self.0.store(0, Ordering::Release); } else { self.unlock_slow(); }\n        }"),
    ("threading/src/obj_mutex.rs", "            self.0.store(next, Ordering::Release);", "            self.0.store(next, crate::mord(\"om_slow_unlock_relaxed\", Ordering::Release, Ordering::Relaxed));"),
    # pylock
    ("threading/src/pylock.rs", "            return false;\n        }\n        fence(Ordering::SeqCst);", "            return false;\n        }\n        if !crate::mutant(\"pl_release_no_fence\") { fence(Ordering::SeqCst); }"),
    ("threading/src/pylock.rs", "            fence(Ordering::SeqCst);\n            if gil {", "            if !crate::mutant(\"pl_sleep_no_fence\") { fence(Ordering::SeqCst); }\n            if gil {"),
    ("threading/src/pylock.rs", "if !self.locked.swap(false, Ordering::Release) {", "if !self.locked.swap(false, crate::mord(\"pl_release_relaxed\", Ordering::Release, Ordering::Relaxed)) {"),
    ("threading/src/pylock.rs", "            self.wake.notify_one();", "            if !crate::mutant(\"pl_no_notify\") { self.wake.notify_one(); }"),
    ("threading/src/pylock.rs", "self.locked.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok()", "self.locked.compare_exchange(false, true, crate::mord(\"pl_acquire_relaxed\", Ordering::Acquire, Ordering::Relaxed), Ordering::Relaxed).is_ok()"),
    # stw
    ("threading/src/stop_the_world.rs", "        self.status.store(DETACHED, Ordering::Release);\n        fence(Ordering::SeqCst);", "        self.status.store(DETACHED, crate::mord(\"stw_detach_relaxed\", Ordering::Release, Ordering::Relaxed));\n        if !crate::mutant(\"stw_detach_no_fence\") { fence(Ordering::SeqCst); }"),
    ("threading/src/stop_the_world.rs", "    world.stw_requested.store(true, Ordering::Relaxed);\n    fence(Ordering::SeqCst);", "    world.stw_requested.store(true, Ordering::Relaxed);\n    if !crate::mutant(\"stw_request_no_fence\") { fence(Ordering::SeqCst); }"),
    ("threading/src/stop_the_world.rs", "        world.restarted.notify_all();\n    }\n}", "        if !crate::mutant(\"stw_restart_no_notify\") { world.restarted.notify_all(); }\n    }\n}"),
    ("threading/src/stop_the_world.rs", "    if head.stw.countdown == 0 {\n        world.all_stopped.notify_all();", "    if head.stw.countdown == 0 && !crate::mutant(\"stw_uncount_no_notify\") {\n        world.all_stopped.notify_all();"),
    ("threading/src/stop_the_world.rs", "if self.status.compare_exchange(DETACHED, ATTACHED, Ordering::Acquire, Ordering::Relaxed).is_ok() {", "if self.status.compare_exchange(DETACHED, ATTACHED, crate::mord(\"stw_attach_relaxed\", Ordering::Acquire, Ordering::Relaxed), Ordering::Relaxed).is_ok() {"),
    ("threading/src/stop_the_world.rs", "        if !head.stw.requested || head.stw.requester == self.tid {\n            return;\n        }\n        debug_assert_eq!", "        if !head.stw.requested || head.stw.requester == self.tid || crate::mutant(\"stw_safepoint_skip\") {\n            return;\n        }\n        debug_assert_eq!"),
    ("threading/src/stop_the_world.rs", "                DETACHED => match ts.status.compare_exchange(DETACHED, SUSPENDED, Ordering::Acquire, Ordering::Relaxed)", "                DETACHED if crate::mutant(\"stw_park_skips_detached\") => break,\n                DETACHED => match ts.status.compare_exchange(DETACHED, SUSPENDED, crate::mord(\"stw_park_relaxed\", Ordering::Acquire, Ordering::Relaxed), Ordering::Relaxed)"),
    ("threading/src/stop_the_world.rs", "            ts.status.store(DETACHED, Ordering::Release);", "            ts.status.store(DETACHED, crate::mord(\"stw_restart_relaxed\", Ordering::Release, Ordering::Relaxed));"),
    ("threading/src/stop_the_world.rs", "                    ts.request(BREAKER_STOP_THE_WORLD);\n                    break;", "                    if !crate::mutant(\"stw_no_request_bit\") { ts.request(BREAKER_STOP_THE_WORLD); }\n                    break;"),
    # qsbr
    ("threading/src/qsbr.rs", "    ts.qsbr.seq.store(seq, Ordering::Relaxed);\n    fence(Ordering::SeqCst);", "    ts.qsbr.seq.store(seq, Ordering::Relaxed);\n    if !crate::mutant(\"qsbr_attach_no_fence\") { fence(Ordering::SeqCst); }"),
    ("threading/src/qsbr.rs", "    fence(Ordering::SeqCst);\n    let mut min", "    if !crate::mutant(\"qsbr_scan_no_fence\") { fence(Ordering::SeqCst); }\n    let mut min"),
    ("threading/src/qsbr.rs", "    let seq = global().wr_seq.load(Ordering::Acquire);\n    ts.qsbr.seq.store(seq, Ordering::Release);", "    let seq = global().wr_seq.load(crate::mord(\"qsbr_qs_relaxed\", Ordering::Acquire, Ordering::Relaxed));\n    ts.qsbr.seq.store(seq, Ordering::Release);"),
    ("threading/src/qsbr.rs", "let goal = global().wr_seq.fetch_add(INCR, Ordering::AcqRel) + INCR;", "let goal = global().wr_seq.fetch_add(INCR, crate::mord(\"qsbr_seal_relaxed\", Ordering::AcqRel, Ordering::Relaxed)) + INCR;"),
    ("threading/src/qsbr.rs", "    ts.qsbr.seq.store(OFFLINE, Ordering::Release);", "    ts.qsbr.seq.store(OFFLINE, crate::mord(\"qsbr_detach_relaxed\", Ordering::Release, Ordering::Relaxed));"),
    ("threading/src/qsbr.rs", "        let s = t.qsbr.seq.load(Ordering::Acquire);", "        let s = t.qsbr.seq.load(crate::mord(\"qsbr_scan_relaxed\", Ordering::Acquire, Ordering::Relaxed));"),
    # brc
    ("gc/src/brc.rs", "        match h.ob_ref_shared.compare_exchange_weak(shared, new, AcqRel, Relaxed) {\n            Ok(_) if queue", "        match h.ob_ref_shared.compare_exchange_weak(shared, new, skein_threading::mord(\"brc_decref_relaxed\", AcqRel, Relaxed), Relaxed) {\n            Ok(_) if queue"),
    ("gc/src/brc.rs", "let old = h.ob_ref_shared.fetch_sub(REF_SHARED_ONE, AcqRel);\n        return", "let old = h.ob_ref_shared.fetch_sub(REF_SHARED_ONE, skein_threading::mord(\"brc_decref_relaxed\", AcqRel, Relaxed));\n        return"),
    ("gc/src/brc.rs", "    let mut shared = h.ob_ref_shared.load(Acquire);\n    if shared == REF_DEFAULT {", "    let mut shared = h.ob_ref_shared.load(skein_threading::mord(\"brc_owner_zero_relaxed\", Acquire, Relaxed));\n    if shared == REF_DEFAULT {"),
    ("gc/src/brc.rs", "                owner.request(BREAKER_BRC_MERGE);", "                if !skein_threading::mutant(\"brc_no_merge_request\") { owner.request(BREAKER_BRC_MERGE); }"),
    ("gc/src/brc.rs", "    if h.ob_tid.load(Relaxed) == my_tid {", "    if h.ob_tid.load(Relaxed) == my_tid || skein_threading::mutant(\"brc_merge_ignores_tid\") {"),
    ("gc/src/brc.rs", "    h.ob_tid.store(0, Relaxed);\n    loop {\n        let new = (shared & !REF_STATE_MASK) | REF_MERGED;", "    if !skein_threading::mutant(\"brc_tid_after_cas\") { h.ob_tid.store(0, Relaxed); }\n    loop {\n        let new = (shared & !REF_STATE_MASK) | REF_MERGED;"),
    ("gc/src/brc.rs", "            Ok(_) => return if new == REF_MERGED { Fate::Dead } else { Fate::Live },", "            Ok(_) => { if skein_threading::mutant(\"brc_tid_after_cas\") { h.ob_tid.store(0, Relaxed); } return if new == REF_MERGED { Fate::Dead } else { Fate::Live } }"),
    ("gc/src/brc.rs", "    let old = h.ob_ref_shared.fetch_sub(REF_SHARED_ONE, AcqRel);\n    debug_assert!", "    let old = h.ob_ref_shared.fetch_sub(REF_SHARED_ONE, skein_threading::mord(\"brc_release_queued_relaxed\", AcqRel, Relaxed));\n    debug_assert!"),
    # weak references (gc/src/weak.rs, and the flag that makes them safe)
    ("gc/src/brc.rs", "    if shared == REF_DEFAULT {\n        return Fate::Dead;", "    if shared == REF_DEFAULT || (shared == REF_MAYBE_WEAKREF && skein_threading::mutant(\"weak_owner_skips_cas\")) {\n        return Fate::Dead;"),
    ("gc/src/brc.rs", "    while shared & REF_STATE_MASK == REF_DEFAULT {", "    while shared & REF_STATE_MASK == REF_DEFAULT && !skein_threading::mutant(\"weak_no_maybe_flag\") {"),
    ("gc/src/weak.rs", "    let mut shared = h.ob_ref_shared.load(Relaxed);\n    loop {", "    if skein_threading::mutant(\"weak_try_incref_fetch_add\") {\n        h.ob_ref_shared.fetch_add(REF_SHARED_ONE, Acquire);\n        return true;\n    }\n    let mut shared = h.ob_ref_shared.load(Relaxed);\n    loop {"),
    ("gc/src/weak.rs", "    if local > 0 && h.ob_tid.load(Relaxed) == owner_tid() {", "    if (local > 0 || skein_threading::mutant(\"weak_owner_ignores_local_zero\")) && h.ob_tid.load(Relaxed) == owner_tid() {"),
    ("gc/src/brc.rs", "    let queue = shared == REF_DEFAULT || shared == REF_MAYBE_WEAKREF;", "    let queue = (shared == REF_DEFAULT || shared == REF_MAYBE_WEAKREF) && !skein_threading::mutant(\"brc_never_queue\");"),

    # finalizers
    ("gc/src/resurrect.rs", "    h.ob_ref_shared.store(REF_SHARED_ONE | REF_MERGED, Release);", "    h.ob_ref_shared.store(if skein_threading::mutant(\"fin_resurrect_count_zero\") { REF_MERGED } else { REF_SHARED_ONE | REF_MERGED }, Release);"),
    ("gc/src/dealloc.rs", "        if !resurrect::is_finalized(h) && unsafe { finalize(p) } {", "        if (!resurrect::is_finalized(h) || skein_threading::mutant(\"fin_dealloc_ignores_finalized\")) && unsafe { finalize(p) } {"),

    # loom_inline_values models its protocol inside the test itself.
    ("threading/tests/loom_inline_values.rs",
     "        // Release: the dict's contents before its pointer.\n        self.dict.store(Box::into_raw(Box::new(Dict { values })), Ordering::Release);\n        // Release: the dict's publication before the mode change.\n        self.mode.store(DICT_MODE, Ordering::Release);",
     "        let early = skein_threading::mutant(\"iv_mode_before_dict\");\n        if early { self.mode.store(DICT_MODE, Ordering::Release); }\n        self.dict.store(Box::into_raw(Box::new(Dict { values })), skein_threading::mord(\"iv_dict_relaxed\", Ordering::Release, Ordering::Relaxed));\n        if !early { self.mode.store(DICT_MODE, Ordering::Release); }"),
    # cycle collector: merging parked owners' inboxes
    ("gc/src/collect.rs", "    let t0 = Instant::now();\n    let stw = skein_threading::stop_the_world();", "    let t0 = Instant::now();\n    let stw = (!skein_threading::mutant(\"gc_merge_without_stop\")).then(skein_threading::stop_the_world);"),
    ("gc/src/collect.rs", "if brc::merge_queued(h, ts.tid) == brc::Fate::Dead {", "if brc::merge_queued(h, if skein_threading::mutant(\"gc_merge_as_non_owner\") { 0 } else { ts.tid }) == brc::Fate::Dead {"),
    # cycle collector: the young generation's lists and zombies
    ("gc/src/young.rs", "unsafe { crate::heap::free_object_memory(p) };\n        } else {", "if !skein_threading::mutant(\"gc_young_zombie_leak\") { unsafe { crate::heap::free_object_memory(p) }; }\n        } else {"),
    ("gc/src/young.rs", "h.gc_bits().fetch_and(!GC_BIT_YOUNG, Relaxed);", "if !skein_threading::mutant(\"gc_young_promote_keeps_bit\") { h.gc_bits().fetch_and(!GC_BIT_YOUNG, Relaxed); }"),
    ("threading/tests/loom_inline_values.rs",
     "self.mode.store(new_block(&words) as usize, Ordering::Release);",
     "self.mode.store(new_block(&words) as usize, skein_threading::mord(\"iv_grow_relaxed\", Ordering::Release, Ordering::Relaxed));"),
    ("threading/tests/loom_inline_values.rs",
     "    fn to_dict_mode(&self, width: usize) {\n        let _g = self.lock.guard();",
     "    fn to_dict_mode(&self, width: usize) {\n        let _g = (!skein_threading::mutant(\"iv_materialize_unlocked\")).then(|| self.lock.guard());"),
]

# Which models check which protocol (by mutant-name prefix).
MODELS = {
    "inbox_": ["loom_inbox", "loom_brc"],
    "gil_": ["loom_gil"],
    "om_": ["loom_obj_mutex", "loom_stop_the_world"],
    "pl_": ["loom_pylock"],
    "stw_": ["loom_stop_the_world", "loom_gil"],
    "qsbr_": ["loom_qsbr"],
    "brc_": ["loom_brc"],
    "weak_": ["loom_weak"],
    "iv_": ["loom_inline_values"],
    "fin_": ["loom_finalize"],
    "gc_": ["loom_collect", "loom_young"],
}

# Mutants that are not bugs, or that loom cannot see (docs/threading.md).
EQUIVALENT = {
    "brc_merge_ignores_tid",
    "gil_keep_stale_request",
    "gil_no_released_notify",
    "stw_attach_relaxed",
    "iv_dict_relaxed",
    "weak_owner_ignores_local_zero",
    "gc_merge_as_non_owner",
}


def copy_tree():
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode().split("\0")
    shutil.rmtree(SRC, ignore_errors=True)
    for f in files:
        if not f or not os.path.isfile(os.path.join(ROOT, f)):
            continue
        dst = os.path.join(SRC, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, f), dst)


def plant():
    names = []
    with open(os.path.join(SRC, "threading/src/lib.rs"), "a") as fh:
        fh.write(HELPER)
    for path, old, new in PLANTS:
        p = os.path.join(SRC, path)
        text = open(p).read()
        if text.count(old) != 1:
            sys.exit(f"{path}: expected exactly one {old[:70]!r}; update PLANTS to the current source")
        open(p, "w").write(text.replace(old, new))
        for prefix in ('mutant("', 'mord("'):
            for part in new.replace('\\"', '"').split(prefix)[1:]:
                names.append(part.split('"')[0])
    return list(dict.fromkeys(names))


def build():
    env = dict(os.environ, RUSTFLAGS="--cfg loom", CARGO_PROFILE_RELEASE_LTO="false",
               CARGO_PROFILE_RELEASE_CODEGEN_UNITS="16")
    out = subprocess.run(
        ["cargo", "test", "--release", "-p", "skein-threading", "-p", "skein-gc", "--no-run",
         "--message-format=json", "--target-dir", os.path.join(WORK, "target")],
        cwd=SRC, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr[-4000:])
    bins = {}
    for line in out.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            bins[msg["target"]["name"]] = msg["executable"]
    return bins


def run(binary, mutant):
    env = dict(os.environ, SKEIN_MUTANT=mutant, LOOM_MAX_PREEMPTIONS="2")
    try:
        r = subprocess.run([binary, "--test-threads", "2"], env=env, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return "timeout"
    if r.returncode == 0:
        return "pass"
    failed = [
        l[5:].split(" ...")[0]
        for l in r.stdout.splitlines()
        if l.startswith("test ") and l.endswith("FAILED") and not l.startswith("test result")
    ]
    # Loom aborts on a deadlock; then the panic message is all there is.
    lines = (r.stdout + r.stderr).splitlines()
    why = next((lines[i + 1][:90] for i, l in enumerate(lines[:-1]) if "panicked at" in l), "")
    return "FAIL " + (",".join(failed) or f"(exit {r.returncode})") + (f": {why}" if why else "")


def main():
    prefixes = sys.argv[1:]
    copy_tree()
    names = plant()
    bins = build()
    models = sorted({m for ms in MODELS.values() for m in ms})
    bad = [f"unmutated {m}: {res}" for m in models if (res := run(bins[m], "none")) != "pass"]
    for name in names:
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        models = next(ms for p, ms in MODELS.items() if name.startswith(p))
        results = {m: run(bins[m], name) for m in models}
        caught = any(r != "pass" for r in results.values())
        expected = name not in EQUIVALENT
        verdict = "caught" if caught else ("not caught (equivalent)" if not expected else "MISSED")
        print(f"{name:28} {verdict:24} " + "; ".join(f"{m}: {r}" for m, r in results.items()), flush=True)
        if caught != expected:
            bad.append(name)
    if bad:
        sys.exit("unexpected: " + ", ".join(bad))


if __name__ == "__main__":
    main()
