//! The newsmark CLI: batch annotation (plain text, JSON Lines or a directory of `.txt` files in,
//! `newsmark/2` out), streamed in bounded memory on as many threads as asked.
//!
//! `cli` reads the arguments and picks the mode; `input` opens files (gzip by magic bytes) and
//! lists directories; `run` annotates documents in ordered batches; `output` writes standard
//! output or `-o FILE` (atomically); `report` writes errors and progress to standard error.

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod run;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main());
}

// The wasm test build compiles every target of the package; the CLI has no meaning there.
#[cfg(target_arch = "wasm32")]
fn main() {}
