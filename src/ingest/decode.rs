//! Bytes to text: UTF-8 (with or without a byte-order mark) and UTF-16 with one; anything
//! else is an error naming the line and offset of the first bad byte.

use crate::error::{Error, Result};
use std::path::Path;

/// Decodes UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is an error that
/// names the line and byte offset of the first bad byte.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(path, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(path, rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::at(
            path,
            line,
            format!("not valid UTF-8 (bad byte at offset {at}); save the file as UTF-8"),
        )
    })?;
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Error::at(
            path,
            line,
            format!("contains a NUL byte at offset {at}: this looks like a binary file, not an article"),
        ));
    }
    Ok(text.to_string())
}

fn decode_utf16(path: &Path, bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::file(path, "UTF-16 text with an odd number of bytes"));
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| Error::file(path, "not valid UTF-16 text"))
}
