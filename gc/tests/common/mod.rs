//! A test object type: a payload with an optional child reference and a
//! per-type free counter, so tests can prove every object is freed once.
#![allow(dead_code)]

use skein_gc::{alloc_object, ObjHeader, ObjRef, TypeInfo};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Payload layout: header, then the child and a tag.
#[repr(C)]
pub struct Node {
    pub header: ObjHeader,
    pub child: Option<ObjRef>,
    pub counter: &'static AtomicUsize,
}

unsafe fn node_dealloc(p: NonNull<ObjHeader>) {
    let node = p.cast::<Node>().as_ptr();
    // SAFETY: p is a Node allocated by `new_node`, dead, dropped once.
    unsafe {
        (*node).counter.fetch_add(1, Ordering::Relaxed);
        std::ptr::drop_in_place(&raw mut (*node).child);
    }
}

pub static NODE_TYPE: TypeInfo = TypeInfo { dealloc: node_dealloc, traverse: None, finalize: None };

/// Allocate a node owned by the calling thread.
pub fn new_node(child: Option<ObjRef>, counter: &'static AtomicUsize) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Node>(), align_of::<Node>(), &NODE_TYPE) };
    // SAFETY: fresh allocation of Node's size; header already written.
    unsafe {
        let node = p.cast::<Node>().as_ptr();
        (&raw mut (*node).child).write(child);
        (&raw mut (*node).counter).write(counter);
        ObjRef::from_raw(p)
    }
}

pub fn child_of(r: &ObjRef) -> Option<&ObjRef> {
    // SAFETY: r is a live Node.
    unsafe { (*r.as_ptr().cast::<Node>().as_ptr()).child.as_ref() }
}
