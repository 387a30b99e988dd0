//! The library's integration tests, one binary: whole documents through the pipeline
//! (snapshot, schema, provenance, Akoma Ntoso), invariants on any input, repair on clean and damaged
//! text, hostile input.

mod akn;
mod common;
mod fixtures;
mod hostile;
mod pipeline;
mod properties;
mod repair;
