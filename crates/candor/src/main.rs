//! The `candor` command line: parse arguments once, run one subcommand, map errors to exit codes.

/// Prints a line on stdout; a closed pipe (`candor … | head`) ends the program quietly.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            $crate::output::stdout_failed(e);
        }
    }};
}

mod cmd;
mod input;
mod output;
mod settings;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a mail import allocates, copies and frees every
/// message's strings on five threads, and glibc's malloc and free were ~10% of its CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("candor: cannot start the async runtime: {e}");
            return ExitCode::from(3);
        }
    };
    match runtime.block_on(cmd::run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("candor: {}", output::chain(&e));
            ExitCode::from(output::exit_code(&e))
        }
    }
}
