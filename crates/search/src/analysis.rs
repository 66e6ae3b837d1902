//! The analysers: how text in each of the six UN languages becomes terms.
//!
//! | language | tokenizer | filters |
//! |---|---|---|
//! | ar | words | lowercase, Arabic normaliser, Snowball stemmer, ة → ه |
//! | en, es, fr | words | lowercase, stop words, Snowball stemmer |
//! | ru | words | lowercase, stop words, ё → е, Snowball stemmer |
//! | zh | jieba | lowercase |
//!
//! "Words" are runs of letters, digits and combining marks (so a vowelled Arabic
//! word stays one word). Chinese is segmented with jieba; at index time a long
//! word also yields the dictionary words inside it, at the same position, so
//! 移民 finds 移民问题 however the dictionary cut it. A query is segmented
//! without those inner words, so its terms are exactly the words it was cut into.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use accord_domain::Language;
use tantivy::tokenizer::{
    Language as Stemming, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

/// Bump when an analyser changes: the tokenizer names are part of the schema,
/// so an index built with older analysers is rebuilt on open.
const ANALYSER_VERSION: u32 = 1;

/// Tokens longer than this (in bytes) are dropped: they are noise, not words.
const MAX_TOKEN_BYTES: usize = 100;

/// The name a language's analyser is registered under.
pub(crate) fn tokenizer_name(language: Language) -> String {
    format!("accord_{}_v{ANALYSER_VERSION}", language.as_str())
}

/// The analysers used to index (and to cut text into snippets).
pub(crate) fn register_index_analysers(manager: &TokenizerManager) {
    for &language in Language::ALL {
        manager.register(&tokenizer_name(language), analyser(language, Side::Index));
    }
}

/// The analysers used to parse queries: the same, except that Chinese queries
/// are cut without the inner words added at index time.
pub(crate) fn query_analysers() -> TokenizerManager {
    let manager = TokenizerManager::new();
    for &language in Language::ALL {
        manager.register(&tokenizer_name(language), analyser(language, Side::Query));
    }
    manager
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Index,
    Query,
}

/// The analyser for one language, for indexing or for queries.
///
/// Western languages cut text into words, then turn each word into its term
/// through [`word_pipeline`]; a word seen before is looked up in a per-analyser
/// cache instead ([`CachedTerms`]), as text repeats its words a great deal and
/// stemming dominates the cost of indexing.
fn analyser(language: Language, side: Side) -> TextAnalyzer {
    match language {
        Language::Zh => TextAnalyzer::builder(JiebaTokenizer::new(side == Side::Index))
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(Normalise(lowercase_chinese))
            .build(),
        _ => TextAnalyzer::builder(CachedTerms::new(word_pipeline(language))).build(),
    }
}

/// What one word of a western language becomes: lowercased, dropped when a
/// stop word (or longer than [`MAX_TOKEN_BYTES`]), normalised, stemmed. Run
/// on a single word (the raw tokenizer), it yields the word's term or nothing.
fn word_pipeline(language: Language) -> TextAnalyzer {
    let western = |stemming: Stemming, before: Option<Normalise>, after: Option<Normalise>| {
        let mut builder = TextAnalyzer::builder(RawTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .dynamic();
        if let Some(stop_words) = StopWordFilter::new(stemming) {
            builder = builder.filter_dynamic(stop_words);
        }
        if let Some(before) = before {
            builder = builder.filter_dynamic(before);
        }
        builder = builder.filter_dynamic(Stemmer::new(stemming));
        if let Some(after) = after {
            builder = builder.filter_dynamic(after);
        }
        builder.build()
    };
    match language {
        Language::En => western(Stemming::English, None, None),
        Language::Fr => western(Stemming::French, None, None),
        Language::Es => western(Stemming::Spanish, None, None),
        Language::Ru => western(Stemming::Russian, Some(Normalise(fold_russian)), None),
        // Tantivy has no Arabic stop words.
        Language::Ar => western(
            Stemming::Arabic,
            Some(Normalise(normalise_arabic)),
            Some(Normalise(taa_marbuta_to_ha)),
        ),
        // Chinese is segmented, not cut into words; see `analyser`.
        Language::Zh => TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    }
}

/// Analyse `text` as `language` would be indexed; for tests and diagnostics.
pub fn index_terms(language: Language, text: &str) -> Vec<String> {
    terms(analyser(language, Side::Index), text)
}

/// Analyse `text` as a query in `language` would be; for tests and diagnostics.
pub fn query_terms(language: Language, text: &str) -> Vec<String> {
    terms(analyser(language, Side::Query), text)
}

fn terms(mut analyser: TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyser
        .token_stream(text)
        .process(&mut |token| out.push(token.text.clone()));
    out
}

// ---------------------------------------------------------------------------
// Words

/// Combining marks that belong inside a word: Latin and Cyrillic accents in
/// decomposed form, Arabic harakat and Quranic marks, zero-width joiners.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The letters of Cyrillic and Arabic, without the general Unicode lookup.
    matches!(c, '\u{0410}'..='\u{044F}' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        || c.is_alphanumeric()
        || is_combining_mark(c)
}

/// How many words one analyser remembers before it starts afresh: a few
/// megabytes, far more than the working vocabulary of one language.
const CACHED_WORDS: usize = 200_000;

/// Cuts text into words (letters, digits, combining marks) and turns each
/// word into its term with a word pipeline, remembering what each word gave.
///
/// Every clone starts with an empty cache (Tantivy clones the analyser for
/// each indexing thread and field), so nothing is shared and nothing locks.
struct CachedTerms {
    pipeline: TextAnalyzer,
    cache: TermCache,
    token: Token,
}

impl CachedTerms {
    fn new(pipeline: TextAnalyzer) -> Self {
        CachedTerms {
            pipeline,
            cache: TermCache::default(),
            token: Token::default(),
        }
    }
}

/// What each word as written gave: its term, or `None` when the pipeline
/// drops it. Words map to a place in `terms`, so a word seen before costs
/// one hash lookup (a map to the terms themselves would need two: Rust's
/// borrow rules do not let a lookup that found nothing insert).
#[derive(Default)]
struct TermCache {
    words: rustc_hash::FxHashMap<Box<str>, u32>,
    terms: Vec<Option<Box<str>>>,
}

impl TermCache {
    /// The term of `word`, from the cache or through the pipeline.
    fn term(&mut self, pipeline: &mut TextAnalyzer, word: &str) -> Option<&str> {
        if let Some(&at) = self.words.get(word) {
            return self.terms[at as usize].as_deref();
        }
        if self.terms.len() >= CACHED_WORDS {
            self.words.clear();
            self.terms.clear();
        }
        let mut term = None;
        pipeline
            .token_stream(word)
            .process(&mut |token| term = Some(token.text.as_str().into()));
        let at = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.words.insert(word.into(), at);
        self.terms.push(term);
        self.terms.last().and_then(|term| term.as_deref())
    }
}

impl Clone for CachedTerms {
    fn clone(&self) -> Self {
        CachedTerms::new(self.pipeline.clone())
    }
}

struct CachedTermsStream<'a> {
    analyser: &'a mut CachedTerms,
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    position: usize,
}

impl Tokenizer for CachedTerms {
    type TokenStream<'a> = CachedTermsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CachedTermsStream<'a> {
        self.token.reset();
        CachedTermsStream {
            analyser: self,
            text,
            chars: text.char_indices(),
            position: usize::MAX,
        }
    }
}

impl TokenStream for CachedTermsStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, c)) = self.chars.next() {
            if !is_word_char(c) {
                continue;
            }
            let to = self
                .chars
                .find(|&(_, c)| !is_word_char(c))
                .map_or(self.text.len(), |(offset, _)| offset);
            // Positions count words, dropped ones (stop words) included, so a
            // phrase query does not match across a removed word.
            self.position = self.position.wrapping_add(1);
            let CachedTerms {
                pipeline,
                cache,
                token,
            } = &mut *self.analyser;
            let Some(term) = cache.term(pipeline, &self.text[from..to]) else {
                continue;
            };
            token.text.clear();
            token.text.push_str(term);
            token.offset_from = from;
            token.offset_to = to;
            token.position = self.position;
            token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.analyser.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.analyser.token
    }
}

// ---------------------------------------------------------------------------
// Normalisers (Arabic; Russian ё)

/// Rewrites each token's text in place; a token left empty is dropped.
#[derive(Clone, Copy)]
struct Normalise(fn(&mut String));

/// One character of Arabic, normalised: tashkeel (harakat, tanween, shadda,
/// sukun, dagger alef, Quranic marks) and tatweel dropped; أ إ آ ٱ → ا;
/// ى and Persian ی → ي; Persian ک → ك.
fn fold_arabic_char(c: char) -> Option<char> {
    match c {
        '\u{0640}' => None, // tatweel
        c if is_combining_mark(c) => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' | 'ی' => Some('ي'),
        'ک' => Some('ك'),
        c => Some(c),
    }
}

/// The Arabic normaliser, before the stemmer: [`fold_arabic_char`] on every
/// character, then two spellings the Snowball stemmer would otherwise keep apart:
///
/// - و + ال (a conjunction on a definite noun: والجامعة) loses the و, as the
///   stemmer strips ال but not وال;
/// - a definite noun ending in ه (الجامعه) ends in ة instead: a pronoun suffix
///   never follows the article, so the ه is a ة written without its dots. The
///   stemmer then removes it as it does ة; ة → ه itself is applied after the
///   stemmer ([`taa_marbuta_to_ha`]), as before it the stemmer would treat
///   الجامعة and جامعة differently.
pub fn normalise_arabic(text: &mut String) {
    if text.chars().any(|c| fold_arabic_char(c) != Some(c)) {
        *text = text.chars().filter_map(fold_arabic_char).collect();
    }
    if text.starts_with("وال") && text.chars().count() >= 6 {
        text.drain(..'و'.len_utf8());
    }
    if text.starts_with("ال") && text.ends_with('ه') && text.chars().count() > 4 {
        text.pop();
        text.push('ة');
    }
}

/// After the stemmer: whatever ة is left is written ه, as it often is.
fn taa_marbuta_to_ha(text: &mut String) {
    if text.contains('ة') {
        *text = text.replace('ة', "ه");
    }
}

/// Tantivy's `LowerCaser`, character by character (no final sigma), with a
/// fast path for a word of common ideographs, which have no case: Chinese
/// words no longer go through Unicode's case tables one character at a time.
fn lowercase_chinese(text: &mut String) {
    if text.is_ascii() {
        text.make_ascii_lowercase();
    } else if !text.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        *text = text.chars().flat_map(char::to_lowercase).collect();
    }
}

/// Russian is often written without the diaeresis: ё is folded to е.
fn fold_russian(text: &mut String) {
    if text.contains('ё') {
        *text = text.replace('ё', "е");
    }
}

impl TokenFilter for Normalise {
    type Tokenizer<T: Tokenizer> = NormaliseFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormaliseFilter<T> {
        NormaliseFilter {
            normalise: self.0,
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
struct NormaliseFilter<T> {
    normalise: fn(&mut String),
    inner: T,
}

impl<T: Tokenizer> Tokenizer for NormaliseFilter<T> {
    type TokenStream<'a> = NormaliseStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormaliseStream {
            normalise: self.normalise,
            tail: self.inner.token_stream(text),
        }
    }
}

struct NormaliseStream<S> {
    normalise: fn(&mut String),
    tail: S,
}

impl<S: TokenStream> TokenStream for NormaliseStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            (self.normalise)(&mut token.text);
            if !token.text.is_empty() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

// ---------------------------------------------------------------------------
// Chinese

/// How long jieba's dictionary is kept after the last Chinese text was cut.
const JIEBA_KEPT_FOR: Duration = Duration::from_secs(60);

/// jieba's dictionary (about 350 000 words embedded in the binary, some 25 MB
/// once loaded, loaded in a fraction of a second), when loaded, and when it
/// was last used.
static JIEBA: Mutex<Option<(Arc<jieba_rs::Jieba>, Instant)>> = Mutex::new(None);

/// jieba's dictionary: loaded on the first Chinese text, and let go once no
/// Chinese text has been cut for [`JIEBA_KEPT_FOR`] (a thread waits for that
/// while it is loaded), so a server that indexes or searches Chinese now and
/// then does not hold it in between.
fn jieba() -> Arc<jieba_rs::Jieba> {
    #[cfg(test)]
    JIEBA_ASKED.with(|n| n.set(n.get() + 1));
    let mut held = JIEBA.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((jieba, used)) = held.as_mut() {
        *used = Instant::now();
        return jieba.clone();
    }
    // Loaded under the lock: a second caller waits rather than loads it again.
    let jieba = Arc::new(load_jieba());
    *held = Some((jieba.clone(), Instant::now()));
    // Without the thread, the dictionary is simply kept.
    let _ = std::thread::Builder::new()
        .name("jieba-idle".into())
        .spawn(|| {
            let mut wait = JIEBA_KEPT_FOR;
            loop {
                std::thread::sleep(wait);
                match let_jieba_go(JIEBA_KEPT_FOR) {
                    Ok(()) => return,
                    Err(left) => wait = left,
                }
            }
        });
    jieba
}

/// jieba's dictionary, as jieba-rs ships it, gzipped (`data/README.md`).
const JIEBA_DICTIONARY: &[u8] = include_bytes!("../data/jieba-dict.txt.gz");

/// Builds jieba from [`JIEBA_DICTIONARY`], decompressed as it is read: no
/// copy of its text is left once the dictionary is let go (jieba-rs's own
/// embedded copy is decompressed into a `static` that stays, 5 MB).
fn load_jieba() -> jieba_rs::Jieba {
    let mut text = std::io::BufReader::new(flate2::read::GzDecoder::new(JIEBA_DICTIONARY));
    // The dictionary is part of the binary, read by a test: it cannot fail.
    jieba_rs::Jieba::with_dict(&mut text).expect("the embedded jieba dictionary reads")
}

#[cfg(test)]
thread_local! {
    /// How often this thread asked for the dictionary (tests run in parallel,
    /// so the dictionary's being loaded says nothing about one of them).
    static JIEBA_ASKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Lets the dictionary go if it was not used for `idle` (cutters that hold it
/// finish with their copy); otherwise, how long until it may be let go.
fn let_jieba_go(idle: Duration) -> Result<(), Duration> {
    let mut held = JIEBA.lock().unwrap_or_else(PoisonError::into_inner);
    match held
        .as_ref()
        .map(|(_, used)| idle.saturating_sub(used.elapsed()))
    {
        Some(left) if !left.is_zero() => Err(left),
        _ => {
            *held = None;
            Ok(())
        }
    }
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// The words of jieba's dictionary made of ASCII characters alone.
const ASCII_DICTIONARY_WORDS: [&str; 5] = ["AT&T", "C#", "C++", "c#", "c++"];

/// Whether jieba keeps an ASCII character inside a block it segments (its
/// `RE_HAN_DEFAULT`, less the Han characters).
fn in_ascii_block(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"+#&._%-".contains(&b)
}

/// Cuts text that holds no Han character exactly as `jieba.cut(text, true)`
/// does, calling `word` with each word and its byte offset, so that a query
/// in another script does not load jieba's dictionary (some 30 MB). Without
/// Han characters jieba's segmentation reduces to this:
/// - a character outside the blocks (a space, a letter outside ASCII) is a
///   word of its own (`\r\n` is one word);
/// - in a block of ASCII letters, digits and `+#&._%-`, the dictionary's five
///   ASCII words are words wherever they start (each beats the single
///   characters it spans on the route's probability, and none overlaps
///   another);
/// - a lone character between them is a word, and a longer run is split as
///   jieba's HMM splits what it does not model: alphanumeric runs joined by
///   `.`, `_` or `-` (and a trailing `%`) are words, and so is each gap
///   between them.
///
/// The test `text_without_han_is_cut_as_jieba_cuts_it` holds this to jieba
/// itself, over the UDHR in five scripts and a fuzz of ASCII punctuation.
fn cut_without_han(text: &str, mut word: impl FnMut(&str, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if in_ascii_block(bytes[i]) {
            let mut end = i;
            while end < bytes.len() && in_ascii_block(bytes[end]) {
                end += 1;
            }
            cut_ascii_block(&text[i..end], i, &mut word);
            i = end;
        } else {
            let len = if text[i..].starts_with("\r\n") {
                2
            } else {
                text[i..].chars().next().map_or(1, char::len_utf8)
            };
            word(&text[i..i + len], i);
            i += len;
        }
    }
}

fn cut_ascii_block(block: &str, offset: usize, word: &mut impl FnMut(&str, usize)) {
    let mut run = None;
    let mut x = 0;
    while x < block.len() {
        match ASCII_DICTIONARY_WORDS
            .iter()
            .find(|w| block[x..].starts_with(**w))
        {
            Some(known) => {
                if let Some(start) = run.take() {
                    cut_unknown_run(&block[start..x], offset + start, word);
                }
                word(&block[x..x + known.len()], offset + x);
                x += known.len();
            }
            None => {
                run.get_or_insert(x);
                x += 1;
            }
        }
    }
    if let Some(start) = run {
        cut_unknown_run(&block[start..], offset + start, word);
    }
}

/// A run of ASCII characters no dictionary word covers, as jieba's HMM
/// splits it (its `RE_SKIP`).
fn cut_unknown_run(run: &str, offset: usize, word: &mut impl FnMut(&str, usize)) {
    let b = run.as_bytes();
    if b.len() == 1 {
        word(run, offset);
        return;
    }
    let mut pos = 0;
    while pos < b.len() {
        let mut start = pos;
        while start < b.len() && !b[start].is_ascii_alphanumeric() {
            start += 1;
        }
        if start > pos {
            word(&run[pos..start], offset + pos);
        }
        if start == b.len() {
            break;
        }
        let mut end = start;
        loop {
            while end < b.len() && b[end].is_ascii_alphanumeric() {
                end += 1;
            }
            if end + 1 < b.len() && b"._-".contains(&b[end]) && b[end + 1].is_ascii_alphanumeric() {
                end += 1;
            } else {
                break;
            }
        }
        if end < b.len() && b[end] == b'%' {
            end += 1;
        }
        word(&run[start..end], offset + start);
        pos = end;
    }
}

/// Segments with jieba (HMM on, for words not in the dictionary). Positions
/// count words; punctuation and spaces are dropped. With `inner_words`, a word
/// of three or more Han characters also yields the two- and three-character
/// dictionary words inside it, at its own position.
///
/// The tokens of one text are kept for the next (Tantivy keeps a tokenizer per
/// field and indexing thread), so their strings are allocated once, not once
/// per word of every document.
#[derive(Clone)]
struct JiebaTokenizer {
    inner_words: bool,
    tokens: Vec<Token>,
    /// The character boundaries of the word being looked into.
    bounds: Vec<usize>,
}

impl JiebaTokenizer {
    fn new(inner_words: bool) -> Self {
        JiebaTokenizer {
            inner_words,
            tokens: Vec::new(),
            bounds: Vec::new(),
        }
    }
}

/// The `used` first tokens of a tokenizer's buffer.
struct VecTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

/// Sets the next token of `tokens` (reusing its string), growing it if needed.
fn put_token(tokens: &mut Vec<Token>, used: &mut usize, text: &str, from: usize, position: usize) {
    if *used == tokens.len() {
        tokens.push(Token::default());
    }
    let token = &mut tokens[*used];
    token.text.clear();
    token.text.push_str(text);
    token.offset_from = from;
    token.offset_to = from + text.len();
    token.position = position;
    token.position_length = 1;
    *used += 1;
}

/// Whether a word holds a letter or digit; the common CJK ideographs (all
/// letters) are answered without Unicode's tables.
fn has_alphanumeric(word: &str) -> bool {
    word.chars()
        .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphanumeric())
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        let JiebaTokenizer {
            inner_words,
            tokens,
            bounds,
        } = self;
        let mut used = 0;
        let mut position = 0;
        // Text without a Han character (a query in another script, a
        // symbol) is cut as jieba would cut it, without its dictionary.
        if !text.chars().any(is_han) {
            cut_without_han(text, |word, from| {
                if has_alphanumeric(word) {
                    put_token(tokens, &mut used, word, from, position);
                    position += 1;
                }
            });
            return VecTokenStream {
                tokens: &mut tokens[..used],
                next: 0,
            };
        }
        let jieba = jieba();
        let jieba = jieba.as_ref();
        for word in jieba.cut(text, true) {
            if !has_alphanumeric(word.word) {
                continue;
            }
            put_token(tokens, &mut used, word.word, word.byte_start, position);
            // Only a word of three characters or more has words inside.
            if *inner_words && word.word.chars().nth(2).is_some() && word.word.chars().all(is_han) {
                bounds.clear();
                bounds.extend(word.word.char_indices().map(|(i, _)| i));
                bounds.push(word.word.len());
                let chars = bounds.len() - 1;
                for len in [2, 3] {
                    if chars <= len {
                        continue;
                    }
                    for start in 0..=chars - len {
                        let inner = &word.word[bounds[start]..bounds[start + len]];
                        if jieba.has_word(inner) {
                            put_token(
                                tokens,
                                &mut used,
                                inner,
                                word.byte_start + bounds[start],
                                position,
                            );
                        }
                    }
                }
            }
            position += 1;
        }
        VecTokenStream {
            tokens: &mut tokens[..used],
            next: 0,
        }
    }
}

impl TokenStream for VecTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cut without jieba's dictionary is jieba's own cut, word for word.
    #[test]
    fn text_without_han_is_cut_as_jieba_cuts_it() {
        let jieba = jieba_rs::Jieba::new();
        let check = |text: &str| {
            let mut ours = Vec::new();
            cut_without_han(text, |w, at| ours.push((w.to_owned(), at)));
            let theirs: Vec<_> = jieba
                .cut(text, true)
                .into_iter()
                .map(|t| (t.word.to_owned(), t.byte_start))
                .collect();
            assert_eq!(ours, theirs, "{text:?}");
        };
        for udhr in [
            include_str!("../../../testdata/udhr/arb.html"),
            include_str!("../../../testdata/udhr/eng.html"),
            include_str!("../../../testdata/udhr/fra.html"),
            include_str!("../../../testdata/udhr/rus.html"),
            include_str!("../../../testdata/udhr/spa.html"),
        ] {
            for line in udhr.lines() {
                check(line);
            }
        }
        for text in [
            "C++ and c# at AT&T, C#C++c++AT&TT; a.b_c-d 50% 3.14% x-- --x .NET",
            "A/RES/73/195 e-mail\r\nnext\r\n\rx",
            "C+++ c## ++C AT&T&T 1.2.3-rc_4% %% a-%",
            "",
        ] {
            check(text);
        }
        // A fuzz over the characters that decide the cut.
        let alphabet: Vec<char> = "aAcCtT09+#&._%- \r\n/é,Я".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 12) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            check(&text);
        }
    }

    /// A query without Han characters is analysed for the Chinese fields
    /// without loading jieba's dictionary.
    #[test]
    fn a_query_without_han_does_not_load_jieba() {
        let mut analyser = analyser(Language::Zh, Side::Query);
        let mut got = Vec::new();
        let asked = JIEBA_ASKED.with(std::cell::Cell::get);
        analyser
            .token_stream("Migrants C++ A/RES/73/195")
            .process(&mut |t| got.push(t.text.clone()));
        assert_eq!(got, ["migrants", "c++", "a", "res", "73", "195"]);
        assert_eq!(
            JIEBA_ASKED.with(std::cell::Cell::get),
            asked,
            "the dictionary was asked for a query without Han characters"
        );
        analyser
            .token_stream("移民")
            .process(&mut |t| got.push(t.text.clone()));
        assert_eq!(JIEBA_ASKED.with(std::cell::Cell::get), asked + 1);
    }

    /// The embedded dictionary is jieba's own: the same words, frequencies
    /// and tags, so the same cuts, over the UDHR in Chinese and words of
    /// every kind jieba knows.
    #[test]
    fn the_embedded_dictionary_cuts_as_jiebas_own() {
        let ours = load_jieba();
        let theirs = jieba_rs::Jieba::new();
        let udhr = include_str!("../../../testdata/udhr/cmn_hans.html");
        for text in [
            udhr,
            "移民问题的全球契约 AT&T C++ 3.5% 1号店 4S店 联合国大会",
        ] {
            assert_eq!(ours.cut(text, true), theirs.cut(text, true));
            assert_eq!(
                ours.cut_for_search(text, true),
                theirs.cut_for_search(text, true)
            );
        }
        for word in [
            "移民",
            "全球",
            "契约",
            "联合国",
            "1号店",
            "c++",
            "不存在的词汇xyz",
        ] {
            assert_eq!(ours.suggest_freq(word), theirs.suggest_freq(word), "{word}");
        }
        assert_eq!(ours.tag(udhr, true), theirs.tag(udhr, true));
    }

    #[test]
    fn jieba_is_let_go_when_idle_and_loaded_again() {
        let cut = index_terms(Language::Zh, "移民问题的全球契约");
        assert!(cut.contains(&"移民".to_string()), "{cut:?}");
        // Just used: kept.
        assert!(let_jieba_go(Duration::from_secs(3600)).is_err());
        assert!(let_jieba_go(Duration::ZERO).is_ok());
        // Loaded again on the next Chinese text, cutting it the same way.
        assert_eq!(index_terms(Language::Zh, "移民问题的全球契约"), cut);
        assert!(let_jieba_go(Duration::from_secs(3600)).is_err());
    }

    #[test]
    fn words_keep_their_marks() {
        assert_eq!(
            terms(
                analyser(Language::En, Side::Index),
                "co‐operation, Everyone’s"
            ),
            ["co", "oper", "everyon", "s"]
        );
        // A vowelled Arabic word stays one token.
        assert_eq!(index_terms(Language::Ar, "مُسْلِم").len(), 1);
    }

    /// The Chinese tokenizer reuses its tokens from one text to the next: a
    /// text cut after a longer one gives exactly what a fresh tokenizer gives.
    #[test]
    fn chinese_tokens_are_the_same_from_a_used_tokenizer() {
        let long = include_str!("../../../testdata/udhr/cmn_hans.html");
        let short = "移民问题的全球契约, 安全有序和正常移民全球契约 GCM 2018";
        let cut = |analyser: &mut TextAnalyzer, text: &str| {
            let mut got = Vec::new();
            analyser.token_stream(text).process(&mut |t| {
                got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            });
            got
        };
        for side in [Side::Index, Side::Query] {
            let fresh = cut(&mut analyser(Language::Zh, side), short);
            assert!(fresh.len() > 5, "{fresh:?}");
            let mut used = analyser(Language::Zh, side);
            let long_cut = cut(&mut used, long);
            assert!(long_cut.len() > 1000);
            assert_eq!(cut(&mut used, short), fresh);
            assert_eq!(cut(&mut used, long), long_cut);
            assert_eq!(cut(&mut used.clone(), short), fresh);
        }
    }

    /// The Chinese analyser's lowercasing is Tantivy's `LowerCaser`, exactly.
    #[test]
    fn chinese_lowercasing_is_tantivys() {
        for text in [
            "移民问题",
            "GCM",
            "移民GCM",
            "ΟΔΟΣ",
            "İstanbul",
            "ǅemal",
            "STRASSE Straße",
            "Ⅻ",
            "𠀀ＡＢＣ",
            "",
        ] {
            let mut lowered = text.to_string();
            lowercase_chinese(&mut lowered);
            let mut tantivy = TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .build();
            let mut expected = String::new();
            tantivy
                .token_stream(text)
                .process(&mut |t| expected.clone_from(&t.text));
            assert_eq!(lowered, expected, "{text}");
        }
    }

    fn normalised(text: &str) -> String {
        let mut text = text.to_string();
        normalise_arabic(&mut text);
        text
    }

    #[test]
    fn arabic_normaliser() {
        assert_eq!(normalised("إِعْلَانٌ"), "اعلان");
        assert_eq!(normalised("مســتشفى"), "مستشفي");
        assert_eq!(normalised("والجامعة"), "الجامعة");
        assert_eq!(normalised("الجامعه"), "الجامعة");
        // Too short to be و + ال + a noun of two letters or more.
        assert_eq!(normalised("والد"), "والد");
    }

    /// The cached analyser gives exactly the terms, positions and offsets of
    /// running the word pipeline on every word afresh, over real text in each
    /// language (the UDHR pages, markup and all), and so does a clone.
    #[test]
    fn cached_terms_equal_the_pipeline_word_by_word() {
        let texts = [
            (
                Language::Ar,
                include_str!("../../../testdata/udhr/arb.html"),
            ),
            (
                Language::En,
                include_str!("../../../testdata/udhr/eng.html"),
            ),
            (
                Language::Fr,
                include_str!("../../../testdata/udhr/fra.html"),
            ),
            (
                Language::Ru,
                include_str!("../../../testdata/udhr/rus.html"),
            ),
            (
                Language::Es,
                include_str!("../../../testdata/udhr/spa.html"),
            ),
        ];
        for (language, text) in texts {
            let mut expected = Vec::new();
            let mut position = 0;
            let mut from = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (is_word_char(c), from) {
                    (true, None) => from = Some(i),
                    (false, Some(start)) => {
                        let word = &text[start..i];
                        let mut pipeline = word_pipeline(language);
                        pipeline.token_stream(word).process(&mut |t| {
                            expected.push((t.text.clone(), position, start, i));
                        });
                        position += 1;
                        from = None;
                    }
                    _ => {}
                }
            }
            let mut analyser = analyser(language, Side::Index);
            // Twice through the same analyser (the second time from its
            // cache), then through a clone.
            for _ in 0..2 {
                let mut got = Vec::new();
                analyser.token_stream(text).process(&mut |t| {
                    got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
                });
                assert_eq!(got, expected, "{language:?}");
            }
            let mut got = Vec::new();
            analyser.clone().token_stream(text).process(&mut |t| {
                got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            });
            assert_eq!(got, expected, "{language:?}, a clone");
            assert!(
                expected.len() > 1000,
                "{language:?}: {} terms",
                expected.len()
            );
        }
    }
}
