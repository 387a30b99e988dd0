//! The command line end to end, one test binary: clean, score, diff and review
//! (`cli`), batch and streams (`batch`), scoring against ground truth (`score`).

#[path = "../../crates/ocrmend/tests/it/fixtures.rs"]
mod fixtures;

mod batch;
mod cli;
mod score;
