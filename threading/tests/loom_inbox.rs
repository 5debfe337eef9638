//! Loom model: `Inbox` push / take_all / close races. Every pushed value is
//! received exactly once (by `take_all` or `close`), or its push returned
//! `Closed` and nobody received it.
#![cfg(loom)]

use skein_threading::sync::{spawn, Arc};
use skein_threading::{Closed, Inbox};

fn check(accepted: &[usize], rejected: &[usize], mut received: Vec<usize>) {
    received.sort();
    let mut want = accepted.to_vec();
    want.sort();
    assert_eq!(received, want, "received values != accepted pushes");
    for v in rejected {
        assert!(!received.contains(v), "value {v} was rejected but received");
    }
}

#[test]
fn push_take_close() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::new());
        let producers: Vec<_> = [[1usize, 2], [3, 4]]
            .into_iter()
            .map(|values| {
                let inbox = inbox.clone();
                spawn(move || {
                    let mut accepted = Vec::new();
                    let mut rejected = Vec::new();
                    for v in values {
                        match inbox.push(v) {
                            Ok(()) => accepted.push(v),
                            Err(Closed) => rejected.push(v),
                        }
                    }
                    (accepted, rejected)
                })
            })
            .collect();
        // The owner: one merge, then exit.
        let mut received = inbox.take_all();
        received.extend(inbox.close());
        assert!(inbox.take_all().is_empty(), "values arrived after close");
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        for p in producers {
            let (a, r) = p.join().unwrap();
            accepted.extend(a);
            rejected.extend(r);
        }
        // A push that failed must have seen the close: nothing after it.
        check(&accepted, &rejected, received);
        assert!(inbox.is_closed() && inbox.is_empty());
    });
}

#[test]
fn take_all_twice_while_pushing() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::new());
        let producer = {
            let inbox = inbox.clone();
            spawn(move || {
                inbox.push(10).unwrap();
                inbox.push(20).unwrap();
            })
        };
        let mut received = inbox.take_all();
        received.extend(inbox.take_all());
        producer.join().unwrap();
        received.extend(inbox.close());
        check(&[10, 20], &[], received);
    });
}
