//! Text as the analysis sees it: normalised words and their shingles.

/// Lowercase letters and digits, words separated by one space; everything
/// else (punctuation, symbols, line breaks) is a word boundary.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// FNV-1a, 64 bits: a fast, stable hash of a word (the same on every machine).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A 64-bit hash of a whole (normalised) text, for exact duplicates.
pub fn text_hash(normalised: &str) -> u64 {
    fnv1a(normalised.as_bytes())
}

/// The hashes of the `k`-word shingles of a normalised text (a text shorter
/// than `k` words is one shingle), deduplicated and sorted.
pub fn shingle_hashes(normalised: &str, k: usize) -> Vec<u64> {
    let k = k.max(1);
    let words: Vec<u64> = normalised
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| fnv1a(w.as_bytes()))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = if words.len() <= k {
        vec![combine(&words)]
    } else {
        words.windows(k).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn combine(words: &[u64]) -> u64 {
    words.iter().fold(0x9E37_79B9_7F4A_7C15u64, |h, &w| {
        (h ^ w).wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(29)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_keeps_words_only() {
        assert_eq!(
            normalise("  We RECOMMEND: safe, orderly—regular migration!\n"),
            "we recommend safe orderly regular migration"
        );
        assert_eq!(normalise("Ça déçoit; ÉTATS"), "ça déçoit états");
        assert_eq!(normalise("...!!"), "");
    }

    #[test]
    fn shingles_are_word_windows() {
        let a = shingle_hashes("a b c d", 3);
        assert_eq!(a.len(), 2);
        assert_eq!(shingle_hashes("a b", 3).len(), 1);
        assert!(shingle_hashes("", 3).is_empty());
        // Order matters inside a shingle.
        assert_ne!(shingle_hashes("a b c", 3), shingle_hashes("c b a", 3));
    }
}
