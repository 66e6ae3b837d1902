//! Text as the analysis sees it: normalised words and their shingles.

/// Lowercase letters and digits, words separated by one space; everything
/// else (punctuation, symbols, line breaks) is a word boundary.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_into(text, &mut out);
    out
}

/// As [`normalise`], into `out` (cleared first), reusing its allocation.
pub fn normalise_into(text: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in text.chars() {
        // ASCII first: the same answers as the Unicode tables, without them.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c.to_ascii_lowercase());
            } else {
                space = true;
            }
        } else if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
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

/// A 64-bit hash of bytes, eight at a time (a folded multiply each): for
/// whole texts and shingles' words, where FNV-1a's byte at a time is slow.
/// Stable, the same on every machine; not for anything stored.
fn bytes_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let fold = |a: u64, b: u64| {
        let p = u128::from(a) * u128::from(b);
        (p as u64) ^ ((p >> 64) as u64)
    };
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in chunks.by_ref() {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = fold(h ^ w, 0xBF58_476D_1CE4_E5B9);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(last), 0x94D0_49BB_1331_11EB);
    }
    fold(h ^ K, 0xBF58_476D_1CE4_E5B9)
}

/// A 64-bit hash of a whole (normalised) text, for exact duplicates.
pub fn text_hash(normalised: &str) -> u64 {
    bytes_hash(normalised.as_bytes())
}

/// The hashes of the `k`-word shingles of a normalised text (a text shorter
/// than `k` words is one shingle), deduplicated and sorted.
pub fn shingle_hashes(normalised: &str, k: usize) -> Vec<u64> {
    let (mut words, mut out) = (Vec::new(), Vec::new());
    shingle_hashes_into(normalised, k, &mut words, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// As [`shingle_hashes`], into `out`, in text order with repeats (a MinHash
/// signature needs neither order nor uniqueness); `words` is scratch space.
pub fn shingle_hashes_into(normalised: &str, k: usize, words: &mut Vec<u64>, out: &mut Vec<u64>) {
    let k = k.max(1);
    words.clear();
    out.clear();
    // Words are short: a plain loop over the bytes beats memchr.
    words.extend(
        normalised
            .as_bytes()
            .split(|&b| b == b' ')
            .filter(|w| !w.is_empty())
            .map(bytes_hash),
    );
    match words.len() {
        0 => {}
        n if n <= k => out.push(combine(words)),
        _ => out.extend(words.windows(k).map(combine)),
    }
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
        // Words of every length up to past two chunks are told apart.
        let words: Vec<String> = (1..20).map(|n| "ab".repeat(n)[..n].to_string()).collect();
        let mut hashes: Vec<u64> = words.iter().map(|w| bytes_hash(w.as_bytes())).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
        assert_ne!(text_hash("x y"), text_hash("x  y"));
    }

    #[test]
    fn the_ascii_path_normalises_as_the_unicode_one() {
        let mut out = String::from("left over");
        for text in [
            "MiXeD ascii, 42 Ünïcode—ÉTÉ; İstanbul ΣΑΣ",
            "",
            "  a",
            "日本語 テキスト",
        ] {
            normalise_into(text, &mut out);
            let slow: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                .collect();
            assert_eq!(out, slow.join(" "));
        }
    }
}
