//! The one integration-test binary. Each module is data-driven; spans are checked by slicing.

mod cli;
mod common;
mod entities;
mod lexicon;
mod numbers;
mod properties;
mod quotes;
mod wire;
