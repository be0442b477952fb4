//! Char and byte offsets. Annotations count chars (the export's contract); Rust strings index
//! bytes; these convert between the two without a char vector per paragraph.

/// `map[byte offset] = char offset`, for every char boundary (and the end).
pub fn byte_to_char_map(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in &mut map[b..b + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    map[text.len()] = n;
    map
}

/// Byte offsets of char offsets in a text, for offsets asked in increasing order (a forward
/// walk; asking for an earlier offset starts again from the beginning).
pub struct CharCursor<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl<'a> CharCursor<'a> {
    pub fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor {
            text,
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of char `n` (the text's length past its end).
    pub fn byte_at(&mut self, n: usize) -> usize {
        if n < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        for c in self.text[self.bytes..].chars() {
            if self.chars == n {
                break;
            }
            self.chars += 1;
            self.bytes += c.len_utf8();
        }
        self.bytes
    }
}

/// The first `n` chars of `text`, with `…` when something was cut.
pub fn first_chars(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_agree() {
        let text = "寧波a5月";
        let map = byte_to_char_map(text);
        let mut cursor = CharCursor::new(text);
        for (char_index, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map[byte], char_index);
            assert_eq!(cursor.byte_at(char_index), byte);
        }
        assert_eq!(cursor.byte_at(0), 0);
        assert_eq!(cursor.byte_at(99), text.len());
        assert_eq!(first_chars(text, 2), "寧波…");
        assert_eq!(first_chars(text, 9), text);
    }
}
