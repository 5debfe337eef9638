//! Subcommands of the `skein` binary that are tools rather than the
//! interpreter itself (`skein compare`). Each runs instead of the
//! interpreter and returns the process exit status.

pub mod compare;
mod compare_child;
mod compare_json;
mod compare_report;
mod compare_svg;
