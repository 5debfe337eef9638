//! The `skein` command line.

use clap::Parser;

/// Command-line options, modelled on `python3`'s.
#[derive(Parser, Debug)]
#[command(name = "skein", disable_version_flag = true)]
struct Cli {
    /// Print the version and exit.
    #[arg(short = 'V', long = "version")]
    version: bool,
    /// Run with a global interpreter lock.
    #[arg(long = "gil")]
    gil: bool,
    /// Program passed in as a string.
    #[arg(short = 'c')]
    command: Option<String>,
    /// Run a library module as a script.
    #[arg(short = 'm')]
    module: Option<String>,
    /// Implementation-specific options (`-X gil=1`).
    #[arg(short = 'X')]
    xoptions: Vec<String>,
    /// Script and its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() {
    let cli = Cli::parse();
    if cli.version {
        println!("Skein {} (Python 3.11 compatible)", skein_vm::VERSION);
        return;
    }
    let gil = cli.gil
        || cli.xoptions.iter().any(|x| x == "gil=1")
        || std::env::var("PYTHON_GIL").is_ok_and(|v| v == "1");
    eprintln!(
        "skein: the Python runtime is not complete yet (see docs/status.md); gil={gil}, command={:?}, module={:?}, args={:?}",
        cli.command, cli.module, cli.args
    );
    std::process::exit(2);
}
