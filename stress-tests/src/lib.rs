//! Stress tests and loom models of the concurrency core.
