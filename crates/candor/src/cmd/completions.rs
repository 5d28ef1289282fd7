//! `candor completions SHELL`: shell completion scripts.

use anyhow::Result;
use clap::CommandFactory;
use std::process::ExitCode;

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor completions bash > /etc/bash_completion.d/candor")]
pub struct Args {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// Prints the completion script.
pub fn run(a: &Args) -> Result<ExitCode> {
    let mut cmd = super::Cli::command();
    clap_complete::generate(a.shell, &mut cmd, "candor", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
