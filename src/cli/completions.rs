//! Shell completion scripts, generated from the one clap definition. The
//! committed files in `completions/` are checked against this by a test.

use super::Cli;
use clap::CommandFactory;
use clap_complete::Shell;

/// The script for `shell`, in memory: `clap_complete::generate` panics on a
/// write error, so we never let it write to a pipe that may close.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "balances", &mut buf);
    buf
}

/// The file name each shell expects, as committed under `completions/`.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "balances.bash",
        Shell::Zsh => "_balances",
        Shell::Fish => "balances.fish",
        Shell::PowerShell => "_balances.ps1",
        Shell::Elvish => "balances.elv",
        _ => "balances.unknown",
    }
}

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];
