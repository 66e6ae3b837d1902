//! Words as the topic analyses see them: the normalised words of a text with
//! stop words set aside, and its features — each content word, and each two
//! content words in a row (a phrase such as "climate change" or, across stop
//! words, "trafficking in persons"), hashed with the crate's FNV-1a.
//!
//! Han, kana and other scripts written without spaces are cut into single
//! characters, so that two characters in a row make a phrase (the usual
//! character bigrams of Chinese retrieval).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::text::fnv1a;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// At most this many stop words may stand between the two words of a phrase.
pub(crate) const MAX_GAP: usize = 2;

const EN: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

const FR: &[&str] = &[
    "afin",
    "ainsi",
    "au",
    "aussi",
    "autre",
    "autres",
    "aux",
    "avec",
    "avoir",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "ces",
    "cet",
    "cette",
    "ceux",
    "chaque",
    "comme",
    "dans",
    "de",
    "des",
    "doit",
    "doivent",
    "donc",
    "dont",
    "du",
    "elle",
    "elles",
    "en",
    "entre",
    "est",
    "et",
    "été",
    "être",
    "eux",
    "fait",
    "il",
    "ils",
    "je",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lui",
    "ma",
    "mais",
    "me",
    "même",
    "mes",
    "moi",
    "moins",
    "mon",
    "ne",
    "ni",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "où",
    "par",
    "pas",
    "peut",
    "plus",
    "pour",
    "qu",
    "que",
    "qui",
    "sa",
    "sans",
    "se",
    "ses",
    "si",
    "son",
    "sont",
    "sur",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    "tous",
    "tout",
    "toute",
    "toutes",
    "très",
    "tu",
    "un",
    "une",
    "vos",
    "votre",
    "vous",
    "devrait",
    "devraient",
    "était",
    "sera",
    "seront",
];

const ES: &[&str] = &[
    "al",
    "algo",
    "algunos",
    "ante",
    "antes",
    "así",
    "cada",
    "como",
    "con",
    "contra",
    "cual",
    "cuando",
    "de",
    "debe",
    "deben",
    "debería",
    "deberían",
    "del",
    "desde",
    "donde",
    "durante",
    "el",
    "él",
    "ella",
    "ellas",
    "ellos",
    "en",
    "entre",
    "era",
    "es",
    "esa",
    "esas",
    "ese",
    "eso",
    "esos",
    "esta",
    "está",
    "están",
    "estas",
    "este",
    "esto",
    "estos",
    "fue",
    "fueron",
    "ha",
    "han",
    "hasta",
    "hay",
    "la",
    "las",
    "le",
    "les",
    "lo",
    "los",
    "más",
    "me",
    "mi",
    "mis",
    "misma",
    "mismo",
    "muy",
    "ni",
    "no",
    "nos",
    "nosotros",
    "otra",
    "otras",
    "otro",
    "otros",
    "para",
    "pero",
    "por",
    "porque",
    "que",
    "quien",
    "se",
    "sea",
    "sean",
    "ser",
    "si",
    "sí",
    "sin",
    "sobre",
    "son",
    "su",
    "sus",
    "también",
    "tanto",
    "te",
    "tiene",
    "tienen",
    "toda",
    "todas",
    "todo",
    "todos",
    "tu",
    "un",
    "una",
    "uno",
    "unos",
    "ya",
];

const RU: &[&str] = &[
    "без",
    "более",
    "бы",
    "был",
    "была",
    "были",
    "было",
    "быть",
    "вам",
    "вас",
    "во",
    "вот",
    "все",
    "всех",
    "вы",
    "где",
    "да",
    "для",
    "до",
    "его",
    "ее",
    "её",
    "если",
    "есть",
    "еще",
    "ещё",
    "же",
    "за",
    "из",
    "или",
    "им",
    "их",
    "как",
    "ко",
    "когда",
    "кто",
    "ли",
    "либо",
    "между",
    "мы",
    "на",
    "над",
    "не",
    "нет",
    "ни",
    "них",
    "но",
    "об",
    "он",
    "она",
    "они",
    "оно",
    "от",
    "по",
    "под",
    "при",
    "про",
    "со",
    "так",
    "также",
    "такой",
    "там",
    "то",
    "того",
    "тоже",
    "только",
    "том",
    "тот",
    "у",
    "уже",
    "чем",
    "что",
    "чтобы",
    "эта",
    "эти",
    "это",
    "этого",
    "этой",
    "этом",
    "этот",
    "должен",
    "должны",
    "является",
    "являются",
];

const AR: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "أن",
    "إن",
    "أو",
    "لا",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "هو",
    "هي",
    "هم",
    "كان",
    "كانت",
    "قد",
    "لم",
    "لن",
    "كل",
    "بين",
    "أي",
    "حتى",
    "ثم",
    "أيضا",
    "عند",
    "بعد",
    "قبل",
    "منذ",
    "إلا",
    "غير",
    "له",
    "لها",
    "لهم",
    "به",
    "بها",
    "فيه",
    "فيها",
    "عليه",
    "عليها",
    "وقد",
    "وفي",
    "ومن",
    "وعلى",
    "وأن",
    "ولا",
    "كما",
    "يجب",
    "ينبغي",
];

/// Single characters (Chinese is cut into characters).
const ZH: &[&str] = &[
    "的", "了", "和", "是", "在", "与", "及", "或", "等", "对", "为", "以", "于", "并", "其", "之",
    "也", "而", "这", "那", "个", "着", "被", "把", "从", "由", "就", "都", "所", "应", "得", "地",
    "将", "已", "该",
];

/// Languages told apart by their stop words: en, fr, es, ru, ar, zh, and
/// "other" (no stop word of these).
pub(crate) const LANGUAGES: usize = 7;

/// Short words that tell the language too (single letters are set aside
/// anyway).
const LETTERS: [&[&str]; 6] = [
    &["a", "i"],
    &["à", "y"],
    &["y", "o", "e", "a"],
    &["и", "в", "с", "к", "у", "о", "а", "я"],
    &["و"],
    &[],
];

/// Stop word hash → the languages it is a stop word of (a bit each).
fn stop_hashes() -> &'static FxHashMap<u64, u8> {
    static STOP: OnceLock<FxHashMap<u64, u8>> = OnceLock::new();
    STOP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for (l, list) in [EN, FR, ES, RU, AR, ZH].iter().enumerate() {
            for w in list.iter().chain(LETTERS[l]) {
                *map.entry(fnv1a(w.as_bytes())).or_insert(0) |= 1 << l;
            }
        }
        map
    })
}

/// Written without spaces between words: cut into characters.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // hiragana, katakana
        | 0x3400..=0x4DBF   // Han extension A
        | 0x4E00..=0x9FFF   // Han
        | 0xF900..=0xFAFF   // Han compatibility
        | 0x20000..=0x2FFFF // Han extensions
        | 0x0E00..=0x0E7F   // Thai
    )
}

fn stop(word: &str, hash: u64) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single = first.is_some() && chars.next().is_none();
    (single && !first.is_some_and(unspaced))
        || word.chars().all(char::is_numeric)
        || stop_hashes().contains_key(&hash)
}

/// Whether a normalised word is a stop word of one of the six UN languages
/// (English, French, Spanish, Russian, Arabic, Chinese), a single letter or a
/// number: a word the topic analyses set aside.
pub fn is_stop_word(word: &str) -> bool {
    stop(word, fnv1a(word.as_bytes()))
}

/// The hash of two words in a row (not the hash of any single word).
pub(crate) fn pair_hash(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(23) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A content word or a phrase of two, where it is in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Feature {
    pub hash: u64,
    /// Byte range in [`Tokeniser::normalised`].
    pub start: u32,
    pub end: u32,
    /// For a phrase, the hashes of its two words; 0 for a word.
    pub first: u64,
    pub second: u64,
}

/// Cuts texts into words and features, reusing its buffers.
#[derive(Default)]
pub(crate) struct Tokeniser {
    buf: String,
    key: u64,
    /// Stop words met, per language.
    hits: [u32; LANGUAGES - 1],
}

impl Tokeniser {
    pub fn new() -> Self {
        Self::default()
    }

    /// The last text normalised.
    #[cfg(test)]
    pub fn normalised(&self) -> &str {
        &self.buf
    }

    pub fn surface(&self, f: &Feature) -> &str {
        &self.buf[f.start as usize..f.end as usize]
    }

    /// A hash of the whole normalised text last read (of its words in order).
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The language of the text last read, by its stop words (an index
    /// below [`LANGUAGES`]; the last for none).
    pub fn language(&self) -> usize {
        let mut best = LANGUAGES - 1;
        let mut most = 0;
        for (l, &n) in self.hits.iter().enumerate() {
            if n > most {
                most = n;
                best = l;
            }
        }
        best
    }

    /// Normalises `text` (as [`crate::normalise`] does) and calls
    /// `each(word, hash, start, end, is_stop)` for every word, in order. One
    /// pass over the text: lowercasing, cutting and hashing at once.
    pub fn words(&mut self, text: &str, mut each: impl FnMut(&str, u64, usize, usize, bool)) {
        struct Word {
            start: usize,
            hash: u64,
            chars: u32,
            digits: bool,
        }
        let stops = stop_hashes();
        let buf = &mut self.buf;
        let key = &mut self.key;
        let hits = &mut self.hits;
        buf.clear();
        *key = FNV_OFFSET;
        *hits = [0; LANGUAGES - 1];
        let mut emit = |buf: &str, w: Word, unspaced: bool| {
            let languages = stops.get(&w.hash).copied().unwrap_or(0);
            if languages != 0 {
                for (l, n) in hits.iter_mut().enumerate() {
                    *n += u32::from(languages >> l & 1);
                }
            }
            let is_stop = (w.chars == 1 && !unspaced) || w.digits || languages != 0;
            *key = pair_hash(*key, w.hash);
            each(&buf[w.start..], w.hash, w.start, buf.len(), is_stop);
        };
        let fnv = |mut h: u64, bytes: &[u8]| {
            for &b in bytes {
                h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
            h
        };
        // A separator since the last letter or digit: a space before the next.
        let mut space = false;
        let mut word: Option<Word> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let c = if b < 0x80 {
                i += 1;
                char::from(b)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                c
            };
            if !c.is_alphanumeric() {
                space = true;
                if let Some(w) = word.take() {
                    emit(buf, w, false);
                }
                continue;
            }
            if unspaced(c) {
                if let Some(w) = word.take() {
                    emit(buf, w, false);
                }
            }
            if word.is_none() {
                if space && !buf.is_empty() {
                    buf.push(' ');
                }
                space = false;
                word = Some(Word {
                    start: buf.len(),
                    hash: FNV_OFFSET,
                    chars: 0,
                    digits: true,
                });
            }
            let Some(w) = word.as_mut() else { continue };
            let at = buf.len();
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
            w.hash = fnv(w.hash, &buf.as_bytes()[at..]);
            w.chars += 1;
            w.digits &= c.is_numeric();
            if unspaced(c) {
                if let Some(w) = word.take() {
                    emit(buf, w, true);
                }
            }
        }
        if let Some(w) = word.take() {
            emit(buf, w, false);
        }
    }

    /// The content words of `text` (hash, start, end), in order.
    pub fn content_words(&mut self, text: &str, out: &mut Vec<(u64, u32, u32)>) {
        out.clear();
        self.words(text, |_, h, s, e, is_stop| {
            if !is_stop {
                out.push((h, s as u32, e as u32));
            }
        });
    }

    /// The features of `text`, in order: each content word, and after it the
    /// phrase it ends (with the content word before it, when at most
    /// [`MAX_GAP`] stop words stand between them).
    pub fn features(&mut self, text: &str, out: &mut Vec<Feature>) {
        out.clear();
        let mut prev: Option<(u64, usize)> = None;
        let mut gap = 0usize;
        self.words(text, |_, h, s, e, is_stop| {
            if is_stop {
                gap += 1;
                return;
            }
            out.push(Feature {
                hash: h,
                start: s as u32,
                end: e as u32,
                first: 0,
                second: 0,
            });
            if let Some((ph, ps)) = prev {
                if gap <= MAX_GAP {
                    out.push(Feature {
                        hash: pair_hash(ph, h),
                        start: ps as u32,
                        end: e as u32,
                        first: ph,
                        second: h,
                    });
                }
            }
            prev = Some((h, s));
            gap = 0;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<String> {
        let mut t = Tokeniser::new();
        let mut out = Vec::new();
        t.features(text, &mut out);
        out.iter().map(|f| t.surface(f).to_owned()).collect()
    }

    #[test]
    fn words_and_phrases() {
        assert_eq!(
            surfaces("The effects of Climate Change, and 2018 trafficking in persons!"),
            vec![
                "effects",
                "climate",
                "effects of climate",
                "change",
                "climate change",
                "trafficking",
                "change and 2018 trafficking",
                "persons",
                "trafficking in persons",
            ]
        );
        // Three stop words between: no phrase.
        assert!(!surfaces("change and of the trafficking")
            .iter()
            .any(|s| s.contains(' ')));
        assert!(is_stop_word("the") && is_stop_word("les") && is_stop_word("x"));
        assert!(is_stop_word("2018") && is_stop_word("的"));
        assert!(!is_stop_word("migrants") && !is_stop_word("人"));
    }

    #[test]
    fn reading_is_normalising() {
        let mut t = Tokeniser::new();
        for text in [
            "  We RECOMMEND: safe, orderly—regular migration!\n",
            "Ça déçoit; ÉTATS-Unis 2018 l'œuvre",
            "移民的权利 and 人权, Права человека; حقوق الإنسان",
            "...!!",
            "İstanbul ΣΟΦΙΑ",
        ] {
            let mut words = Vec::new();
            t.words(text, |w, h, s, e, _| {
                assert_eq!(h, fnv1a(w.as_bytes()));
                words.push((w.to_owned(), s, e));
            });
            let normalised = crate::normalise(text);
            assert_eq!(t.normalised(), normalised);
            for (w, s, e) in &words {
                assert_eq!(&normalised[*s..*e], w);
            }
            let joined: String = words.iter().map(|(w, _, _)| w.as_str()).collect();
            assert_eq!(joined, normalised.replace(' ', ""));
        }
        // The same words, the same key.
        t.words("A b, C!", |_, _, _, _, _| {});
        let k = t.key();
        t.words("a B c", |_, _, _, _, _| {});
        assert_eq!(k, t.key());
        t.words("a b", |_, _, _, _, _| {});
        assert_ne!(k, t.key());
    }

    #[test]
    fn languages_are_told_by_stop_words() {
        let mut t = Tokeniser::new();
        let mut language = |text: &str| {
            t.words(text, |_, _, _, _, _| {});
            t.language()
        };
        assert_eq!(language("the rights of all migrants and their families"), 0);
        assert_eq!(
            language("les droits de tous les travailleurs migrants et des familles"),
            1
        );
        assert_eq!(
            language("los derechos de todos los trabajadores migrantes y sus familias"),
            2
        );
        assert_eq!(
            language("права всех трудящихся мигрантов и членов их семей"),
            3
        );
        assert_eq!(language("حقوق جميع العمال المهاجرين في العالم"), 4);
        assert_eq!(language("所有移民工人的权利"), 5);
        assert_eq!(language("Menschenrechte 2018"), LANGUAGES - 1);
    }

    #[test]
    fn unspaced_scripts_are_cut_into_characters() {
        assert_eq!(
            surfaces("移民的权利"),
            vec!["移", "民", "移民", "权", "民的权", "利", "权利"]
        );
        assert!(surfaces("").is_empty() && surfaces("!! ?").is_empty());
    }
}
