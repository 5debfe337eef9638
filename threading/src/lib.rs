//! Thread states, parking, per-object mutex, stop-the-world, the optional GIL.
