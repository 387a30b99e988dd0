//! Measuring ocrmend: [`score`] compares a result with ground truth using the metrics
//! of the project's yardstick (`score.py`, with which it agrees exactly), and [`diff`]
//! says what changed between two results of the same input. The `bench` binary of
//! this crate measures throughput.

pub mod diff;
pub mod score;
