//! The Skein virtual machine.
