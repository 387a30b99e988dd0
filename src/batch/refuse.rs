//! Inputs too large for the pipeline, refused with a reason before it sees them
//! (binary input is refused by `decode`).

/// Inputs over this size are refused unless `--max-bytes` says otherwise: a UN report's
/// text is well under a megabyte, and the pipeline holds about 35 times its input in
/// memory, so this keeps a two-core batch under 300 MB.
pub const DEFAULT_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// The reason a file of `len` bytes is refused as too large, or None.
pub fn too_large(len: u64, max_bytes: u64) -> Option<String> {
    (len > max_bytes).then(|| {
        format!(
            "too large: {len} bytes, over --max-bytes {max_bytes}; raise it if this is one report"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_the_limit_is_refused() {
        assert!(too_large(11, 10).unwrap().contains("--max-bytes 10"));
        assert_eq!(too_large(10, 10), None);
    }
}
