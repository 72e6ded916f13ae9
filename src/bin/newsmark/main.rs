//! The newsmark CLI: batch annotation (plain text or JSON Lines in, `newsmark/2` out).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main());
}

// The wasm test build compiles every target of the package; the CLI has no meaning there.
#[cfg(target_arch = "wasm32")]
fn main() {}
