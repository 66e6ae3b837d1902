//! A synthetic public consultation at scale, with its ground truth: inputs in
//! English, French and Spanish, most of them campaign letters (a form letter
//! sent many times, some copies edited a little), each about one of the six
//! GCM thematic-session topics (planted theme words). The words are drawn
//! from the Universal Declaration of Human Rights in each language, so the
//! texts read as word salad: they are test data, and always labelled
//! synthetic where Accord shows them.

/// The six topics of the GCM's thematic sessions, by code, and words planted
/// in the inputs about each (per language: en, fr, es).
pub const THEMES: &[(&str, [&[&str]; 3])] = &[
    (
        "topic-1",
        [
            &[
                "discrimination",
                "xenophobia",
                "racism",
                "inclusion",
                "cohesion",
                "human rights",
            ],
            &[
                "discrimination",
                "xénophobie",
                "racisme",
                "inclusion",
                "cohésion",
                "droits humains",
            ],
            &[
                "discriminación",
                "xenofobia",
                "racismo",
                "inclusión",
                "cohesión",
                "derechos humanos",
            ],
        ],
    ),
    (
        "topic-2",
        [
            &[
                "climate change",
                "disasters",
                "drivers",
                "poverty",
                "conflict prevention",
                "crises",
            ],
            &[
                "changements climatiques",
                "catastrophes",
                "facteurs",
                "pauvreté",
                "prévention des conflits",
                "crises",
            ],
            &[
                "cambio climático",
                "desastres",
                "factores",
                "pobreza",
                "prevención de conflictos",
                "crisis",
            ],
        ],
    ),
    (
        "topic-3",
        [
            &[
                "borders",
                "readmission",
                "return",
                "transit",
                "reintegration",
                "governance",
            ],
            &[
                "frontières",
                "réadmission",
                "retour",
                "transit",
                "réintégration",
                "gouvernance",
            ],
            &[
                "fronteras",
                "readmisión",
                "retorno",
                "tránsito",
                "reintegración",
                "gobernanza",
            ],
        ],
    ),
    (
        "topic-4",
        [
            &[
                "remittances",
                "diaspora",
                "portability",
                "earned benefits",
                "development",
                "investment",
            ],
            &[
                "envois de fonds",
                "diaspora",
                "portabilité",
                "prestations acquises",
                "développement",
                "investissement",
            ],
            &[
                "remesas",
                "diáspora",
                "portabilidad",
                "prestaciones adquiridas",
                "desarrollo",
                "inversión",
            ],
        ],
    ),
    (
        "topic-5",
        [
            &[
                "smuggling",
                "trafficking",
                "slavery",
                "victims",
                "identification",
                "exploitation",
            ],
            &[
                "trafic de migrants",
                "traite",
                "esclavage",
                "victimes",
                "identification",
                "exploitation",
            ],
            &[
                "tráfico de migrantes",
                "trata",
                "esclavitud",
                "víctimas",
                "identificación",
                "explotación",
            ],
        ],
    ),
    (
        "topic-6",
        [
            &[
                "regular pathways",
                "decent work",
                "labour mobility",
                "skills",
                "qualifications",
                "visas",
            ],
            &[
                "voies régulières",
                "travail décent",
                "mobilité de la main-d'œuvre",
                "compétences",
                "qualifications",
                "visas",
            ],
            &[
                "vías regulares",
                "trabajo decente",
                "movilidad laboral",
                "competencias",
                "cualificaciones",
                "visados",
            ],
        ],
    ),
];

const LANGUAGES: [&str; 3] = ["en", "fr", "es"];

/// The words of the UDHR in one language (markup removed).
fn vocabulary(language: usize) -> Vec<&'static str> {
    let html: &'static str = match language {
        0 => include_str!("../../../testdata/udhr/eng.html"),
        1 => include_str!("../../../testdata/udhr/fra.html"),
        _ => include_str!("../../../testdata/udhr/spa.html"),
    };
    let body = html.find("<body").map_or(html, |i| &html[i..]);
    let mut words = Vec::new();
    let mut in_tag = false;
    let mut start = None;
    for (i, c) in body.char_indices() {
        match c {
            '<' => {
                if let Some(s) = start.take() {
                    words.push(&body[s..i]);
                }
                in_tag = true;
            }
            '>' => in_tag = false,
            c if in_tag => {
                let _ = c;
            }
            c if c.is_alphabetic() => {
                if start.is_none() {
                    start = Some(i);
                }
            }
            _ => {
                if let Some(s) = start.take() {
                    words.push(&body[s..i]);
                }
            }
        }
    }
    words.retain(|w| w.chars().count() > 1);
    words
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct CorpusParams {
    pub inputs: usize,
    pub seed: u64,
    /// Distinct form letters.
    pub campaigns: usize,
    /// The share of inputs that are campaign letters.
    pub campaign_share: f64,
}

impl Default for CorpusParams {
    fn default() -> Self {
        CorpusParams {
            inputs: 10_000,
            seed: 42,
            campaigns: 200,
            campaign_share: 0.7,
        }
    }
}

/// One generated input and the truth about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticInput {
    /// "synthetic-{seed}-{i}".
    pub external_id: String,
    pub language: &'static str,
    pub text: String,
    /// The campaign it belongs to, if any.
    pub campaign: Option<u32>,
    /// Index into [`THEMES`].
    pub theme: usize,
    /// Seconds after the consultation opened.
    pub offset_seconds: u64,
}

/// The corpus: `params.inputs` inputs, the same for the same parameters.
pub struct Corpus {
    params: CorpusParams,
    vocab: [Vec<&'static str>; 3],
    letters: Vec<(usize, usize, Vec<String>)>,
    /// Cumulative Zipf weights of the campaigns.
    weights: Vec<f64>,
    rng: Rng,
    next: usize,
}

impl Corpus {
    pub fn new(params: CorpusParams) -> Self {
        let vocab = [vocabulary(0), vocabulary(1), vocabulary(2)];
        let mut rng = Rng(params.seed ^ 0xA5A5_5A5A_DEAD_BEEF);
        let letters = (0..params.campaigns)
            .map(|_| {
                let language = pick_language(&mut rng);
                let theme = rng.below(THEMES.len());
                let n = 110 + rng.below(40);
                let words = salad(&mut rng, &vocab[language], n, language, theme);
                (language, theme, words)
            })
            .collect();
        let mut total = 0.0;
        let weights = (0..params.campaigns)
            .map(|c| {
                total += 1.0 / (c as f64 + 1.0);
                total
            })
            .collect();
        Corpus {
            params,
            vocab,
            letters,
            weights,
            rng: Rng(params.seed),
            next: 0,
        }
    }
}

fn pick_language(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0..=5 => 0,
        6..=7 => 1,
        _ => 2,
    }
}

/// `n` words of the language with 3 to 5 of the theme's words planted.
fn salad(rng: &mut Rng, vocab: &[&str], n: usize, language: usize, theme: usize) -> Vec<String> {
    let mut words: Vec<String> = (0..n)
        .map(|_| vocab[rng.below(vocab.len())].to_owned())
        .collect();
    let planted = THEMES[theme].1[language];
    for _ in 0..3 + rng.below(3) {
        let at = rng.below(words.len());
        words.insert(at, planted[rng.below(planted.len())].to_owned());
    }
    words
}

impl Iterator for Corpus {
    type Item = SyntheticInput;

    fn next(&mut self) -> Option<SyntheticInput> {
        if self.next >= self.params.inputs {
            return None;
        }
        let i = self.next;
        self.next += 1;
        let rng = &mut self.rng;
        let offset_seconds = (i as u64) * 2 + rng.below(2) as u64;
        let campaign = if !self.letters.is_empty() && rng.chance(self.params.campaign_share) {
            let total = *self.weights.last().unwrap_or(&1.0);
            let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
            Some(
                self.weights
                    .partition_point(|&w| w < x)
                    .min(self.letters.len() - 1),
            )
        } else {
            None
        };
        let (language, theme, text) = match campaign {
            Some(c) => {
                let (language, theme, base) = &self.letters[c];
                let mut words = base.clone();
                let vocab = &self.vocab[*language];
                // Two in five copies are sent as they are; the others edited a little.
                if !rng.chance(0.4) {
                    for _ in 0..1 + rng.below(3) {
                        let at = rng.below(words.len());
                        words[at] = vocab[rng.below(vocab.len())].to_owned();
                    }
                    if rng.chance(0.5) {
                        let line: Vec<String> = (0..4 + rng.below(8))
                            .map(|_| vocab[rng.below(vocab.len())].to_owned())
                            .collect();
                        words.splice(0..0, line);
                    }
                    if rng.chance(0.3) {
                        words.extend(
                            (0..3 + rng.below(6)).map(|_| vocab[rng.below(vocab.len())].to_owned()),
                        );
                    }
                }
                (*language, *theme, words)
            }
            None => {
                let language = pick_language(rng);
                let theme = rng.below(THEMES.len());
                let n = 60 + rng.below(140);
                (
                    language,
                    theme,
                    salad(rng, &self.vocab[language], n, language, theme),
                )
            }
        };
        let mut text = text.join(" ");
        text.push('.');
        Some(SyntheticInput {
            external_id: format!("synthetic-{}-{i}", self.params.seed),
            language: LANGUAGES[language],
            text,
            campaign: campaign.map(|c| c as u32),
            theme,
            offset_seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{find_campaigns, pair_scores, CampaignParams};

    #[test]
    fn the_corpus_is_seeded_and_its_campaigns_are_found() {
        let params = CorpusParams {
            inputs: 3_000,
            seed: 7,
            campaigns: 30,
            campaign_share: 0.7,
        };
        let a: Vec<_> = Corpus::new(params).collect();
        let b: Vec<_> = Corpus::new(params).collect();
        assert_eq!(a, b, "the same seed, the same corpus");
        assert_eq!(a.len(), 3_000);
        let share = a.iter().filter(|x| x.campaign.is_some()).count() as f64 / 3_000.0;
        assert!((share - 0.7).abs() < 0.05, "{share}");
        assert!(a.iter().all(|x| x.text.split(' ').count() > 50));
        // The truth: a campaign's number, or a label of one's own.
        let truth: Vec<u32> = a
            .iter()
            .enumerate()
            .map(|(i, x)| x.campaign.unwrap_or(1_000_000 + i as u32))
            .collect();
        let texts: Vec<&str> = a.iter().map(|x| x.text.as_str()).collect();
        let found = find_campaigns(&texts, &CampaignParams::default());
        let s = pair_scores(&found.group, &truth);
        assert!(s.recall > 0.95 && s.precision > 0.95, "{s:?}");
    }
}
