//! JSON from untrusted bytes: the size is capped by the caller before this, and the
//! nesting is measured here before serde sees the text (serde_json's own recursion
//! limit of 128 stays as a second guard), so deep JSON gets its own refusal.

/// Whether the deepest nesting of arrays and objects in `bytes` is at most `limit`.
/// Brackets inside strings do not count; the text need not be valid JSON.
pub fn depth_within(bytes: &[u8], limit: u64) -> bool {
    let mut depth: u64 = 0;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in bytes {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert!(depth_within(b"{}", 1));
        assert!(!depth_within(b"{\"a\":[1]}", 1));
        assert!(depth_within(b"{\"a\":\"[[[[\\\"[[\"}", 1));
        assert!(!depth_within(&[b'['; 200], 64));
        assert!(depth_within(&[b'['; 64], 64));
    }
}
