//! `visit_heap_objects` finds every live object: those in attached threads'
//! heaps and the survivors of exited threads (abandoned or reclaimed pages).
//! A single test, because the walk requires that no other thread is
//! allocating or freeing objects.
#![cfg(not(loom))]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use skein_gc::{alloc_object, attach_thread, visit_heap_objects, ObjHeader, ObjRef, TypeInfo};
use std::collections::HashSet;
use std::ptr::NonNull;

#[repr(C)]
struct Cell {
    header: ObjHeader,
    value: usize,
}

unsafe fn cell_dealloc(_p: NonNull<ObjHeader>) {}

unsafe fn cell_traverse(_p: NonNull<ObjHeader>, _visit: &mut dyn FnMut(NonNull<ObjHeader>)) {}

static CELL_TYPE: TypeInfo = TypeInfo { dealloc: cell_dealloc, traverse: Some(cell_traverse), finalize: None };

fn cell(value: usize) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Cell>(), align_of::<Cell>(), &CELL_TYPE) };
    // SAFETY: fresh block with Cell's layout, header initialised.
    unsafe {
        (&raw mut (*p.cast::<Cell>().as_ptr()).value).write(value);
        ObjRef::from_raw(p)
    }
}

/// Addresses of all live cells, found by walking the heaps.
fn walk_cells() -> HashSet<usize> {
    let mut found = HashSet::new();
    // SAFETY: this is the only thread touching objects while it walks.
    unsafe {
        visit_heap_objects(&mut |p| {
            // SAFETY: every visited block starts with an initialised header.
            let h = p.as_ref();
            if std::ptr::eq(h.type_info(), &CELL_TYPE) && h.refcount_estimate() > 0 {
                found.insert(p.as_ptr() as usize);
            }
        })
    };
    found
}

fn addrs(v: &[ObjRef]) -> HashSet<usize> {
    v.iter().map(|r| r.as_ptr().as_ptr() as usize).collect()
}

#[test]
fn walk_finds_live_objects_of_running_and_exited_threads() {
    let _attachment = attach_thread();
    let mine: Vec<ObjRef> = (0..100).map(cell).collect();
    assert_eq!(walk_cells(), addrs(&mine));

    // Survivors of exited threads: merged, in abandoned pages (or pages
    // reclaimed by a live thread's object heap).
    let mut survivors = Vec::new();
    for round in 0..4 {
        let batch: Vec<ObjRef> = std::thread::spawn(move || {
            let all: Vec<ObjRef> = (0..500).map(|i| cell(round * 1000 + i)).collect();
            all.into_iter().step_by(5).collect()
        })
        .join()
        .unwrap();
        survivors.extend(batch);
    }
    assert!(survivors.iter().all(|r| r.header().owner_tid() == 0));
    let mut expected = addrs(&mine);
    expected.extend(addrs(&survivors));
    assert_eq!(walk_cells(), expected);

    drop(mine);
    drop(survivors);
    assert!(walk_cells().is_empty());
}
