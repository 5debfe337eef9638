//! Object header, biased reference counting, per-thread heaps, the cycle collector.
