//! Hashes. Two kinds: stable ones that end up in file names and ids (FNV-1a: the same on
//! every run and platform), and fingerprints that tell whether an input changed between two
//! builds (`serve`'s cache: stable within one process, which is all a cache in memory needs,
//! never written anywhere).

use std::hash::{DefaultHasher, Hash, Hasher};

/// A hash of a value with `Hash`.
pub fn of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A hash of a value's JSON form, for types that are `Serialize` but not `Hash` (they hold
/// floats or JSON values). The JSON goes straight into the hasher and is never held whole.
pub fn of_serialized(value: &impl serde::Serialize) -> u64 {
    struct HashWriter(DefaultHasher);
    impl std::io::Write for HashWriter {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = HashWriter(DefaultHasher::new());
    // Serialising our own types into a hasher cannot fail; a failure would only weaken a cache.
    let _ = serde_json::to_writer(&mut writer, value);
    writer.0.finish()
}

/// Six hex digits of FNV-1a over the text: stable across runs and platforms.
pub fn short_hash(text: &str) -> String {
    format!("{:06x}", fnv1a(text) & 0xff_ffff)
}

/// FNV-1a, 64 bits: a stable hash for ids and file names (not for security).
pub fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// 16 hex digits of FNV-1a: the content hash in a seed's file name (`007_3f1c…e2.txt`).
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", fnv1a(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_inputs_hash_equal_and_changes_show() {
        assert_eq!(of(("a", 1)), of(("a", 1)));
        assert_ne!(of(("a", 1)), of(("a", 2)));
        assert_eq!(
            of_serialized(&serde_json::json!({"x": 1.5})),
            of_serialized(&serde_json::json!({"x": 1.5}))
        );
        assert_ne!(of_serialized(&[1, 2]), of_serialized(&[2, 1]));
    }
}
