//! `vendor-errors`: the command-line face of the library. Its contract
//! (arguments, inputs, output, exit statuses) is documented in the README
//! and in `--help`; the code is in `src/cli/`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run(std::env::args_os().skip(1)))
}
