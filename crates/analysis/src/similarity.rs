//! Similarity of short texts, for coverage: which paragraphs of a draft
//! answer a recommendation.
//!
//! Each text is a TF-IDF vector of its content words (normalised, stop words
//! of the six UN languages set aside, a final plural "s" dropped so that
//! "right" meets "rights" and "derecho" "derechos"), the inverse document
//! frequencies taken over the queries and the targets together; texts are
//! compared by the cosine of their vectors.

use rustc_hash::FxHashMap;

use crate::text::fnv1a;
use crate::words::Tokeniser;

/// Each text's content words (folded) and their counts, sorted by hash.
fn bag(tok: &mut Tokeniser, text: &str) -> Vec<(u64, u32)> {
    let mut words: Vec<(u64, u32)> = Vec::new();
    tok.words(text, |w, h, _, _, is_stop| {
        if is_stop {
            return;
        }
        let folded = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        let h = if folded {
            fnv1a(&w.as_bytes()[..w.len() - 1])
        } else {
            h
        };
        words.push((h, 1));
    });
    words.sort_unstable();
    words.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 += b.1;
            true
        } else {
            false
        }
    });
    words
}

/// TF-IDF weights, l2-normalised.
fn weigh(bag: &[(u64, u32)], idf: &FxHashMap<u64, f32>) -> Vec<(u64, f32)> {
    let mut v: Vec<(u64, f32)> = bag
        .iter()
        .map(|&(h, tf)| (h, (1.0 + (tf as f32).ln()) * idf[&h]))
        .collect();
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    }
    v
}

/// For each query, the targets most similar to it: at most `top` of them,
/// those whose cosine similarity reaches `min_score` (and is above 0),
/// most similar first (the first target first among equals), as (index into
/// `targets`, similarity).
pub fn most_similar<Q: AsRef<str>, T: AsRef<str>>(
    queries: &[Q],
    targets: &[T],
    top: usize,
    min_score: f32,
) -> Vec<Vec<(u32, f32)>> {
    let mut tok = Tokeniser::new();
    let query_bags: Vec<Vec<(u64, u32)>> =
        queries.iter().map(|q| bag(&mut tok, q.as_ref())).collect();
    let target_bags: Vec<Vec<(u64, u32)>> =
        targets.iter().map(|t| bag(&mut tok, t.as_ref())).collect();
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for bag in query_bags.iter().chain(&target_bags) {
        for &(h, _) in bag {
            *df.entry(h).or_default() += 1;
        }
    }
    let n = (queries.len() + targets.len()) as f32;
    let idf: FxHashMap<u64, f32> = df
        .into_iter()
        .map(|(h, d)| (h, ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0))
        .collect();
    // Targets by word.
    let mut postings: FxHashMap<u64, Vec<(u32, f32)>> = FxHashMap::default();
    for (t, bag) in target_bags.iter().enumerate() {
        for (h, w) in weigh(bag, &idf) {
            postings.entry(h).or_default().push((t as u32, w));
        }
    }
    let mut scores = vec![0f32; targets.len()];
    let mut touched: Vec<u32> = Vec::new();
    query_bags
        .iter()
        .map(|bag| {
            for (h, w) in weigh(bag, &idf) {
                for &(t, tw) in postings.get(&h).map_or(&[][..], Vec::as_slice) {
                    if scores[t as usize] == 0.0 {
                        touched.push(t);
                    }
                    scores[t as usize] += w * tw;
                }
            }
            let mut found: Vec<(u32, f32)> = touched
                .iter()
                .map(|&t| (t, scores[t as usize].min(1.0)))
                .filter(|&(_, s)| s > 0.0 && s >= min_score)
                .collect();
            for &t in &touched {
                scores[t as usize] = 0.0;
            }
            touched.clear();
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found.truncate(top);
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: [&str; 5] = [
        "We commit to ensure that all migrants, regardless of their migration status, can exercise their human rights through safe access to basic services such as health and education.",
        "We commit to promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants, including by reducing transaction costs.",
        "We commit to prevent, combat and eradicate trafficking in persons in the context of international migration, through international cooperation.",
        "We commit to collect and utilize accurate and disaggregated data as a basis for evidence-based policies.",
        "Nous nous engageons à garantir l'accès des migrants aux services de base, y compris la santé et l'éducation.",
    ];

    #[test]
    fn recommendations_meet_the_paragraphs_that_answer_them() {
        let recommendations = [
            "States should ensure access to basic services for all migrants, including health care and education.",
            "Reduce the transaction cost of remittance transfers to less than 3 per cent.",
            "Strengthen international cooperation to combat the trafficking of persons.",
            "Fund research on deep space exploration.",
            "",
        ];
        let found = most_similar(&recommendations, &DRAFT, 2, 0.1);
        assert_eq!(found.len(), 5);
        assert_eq!(found[0][0].0, 0, "{found:?}");
        assert_eq!(found[1][0].0, 1, "{found:?}");
        assert_eq!(found[2][0].0, 2, "{found:?}");
        assert!(found[3].is_empty() && found[4].is_empty(), "{found:?}");
        for list in &found {
            assert!(list.len() <= 2);
            assert!(list.windows(2).all(|w| w[0].1 >= w[1].1));
            assert!(list.iter().all(|&(_, s)| (0.1..=1.0).contains(&s)));
        }
        // The French paragraph answers a French recommendation.
        let fr = most_similar(
            &["Garantir l'accès des migrants à la santé et à l'éducation"],
            &DRAFT,
            1,
            0.1,
        );
        assert_eq!(fr[0][0].0, 4);
        // A text is most like itself.
        let same = most_similar(&DRAFT[..1], &DRAFT, 5, 0.0);
        assert_eq!(same[0][0].0, 0);
        assert!((same[0][0].1 - 1.0).abs() < 1e-4);
    }

    #[test]
    fn empty_sides() {
        assert!(most_similar::<&str, &str>(&[], &DRAFT, 3, 0.0).is_empty());
        assert_eq!(
            most_similar::<&str, &str>(&["health"], &[], 3, 0.0),
            vec![Vec::new()]
        );
        assert_eq!(most_similar(&["health"], &DRAFT, 0, 0.0), vec![Vec::new()]);
    }
}
