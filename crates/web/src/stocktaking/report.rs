//! The stocktaking report as a Word document: the same sections as the HTML
//! report (inputs received, campaigns, each theme with its key phrases,
//! quotes and recommendations, recurring recommendations the draft does not
//! answer yet), with tables where the HTML has charts.

use accord_app::stocktaking::{Coverage, Stocktaking};
use accord_domain::Process;
use accord_export::docx::{ReportBlock as B, ReportDoc};

use crate::http::page::excerpt;

fn table(header: &[&str], rows: Vec<Vec<String>>) -> B {
    B::Table {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

fn count_rows<K: std::fmt::Display>(
    counts: impl IntoIterator<Item = (K, i64)>,
    empty: &str,
) -> Vec<Vec<String>> {
    counts
        .into_iter()
        .map(|(k, n)| {
            let k = k.to_string();
            vec![
                if k.is_empty() { empty.to_owned() } else { k },
                n.to_string(),
            ]
        })
        .collect()
}

pub fn build(process: &Process, st: &Stocktaking, coverage: &Coverage) -> ReportDoc {
    let run = &st.run;
    let mut blocks = vec![];
    if run.stats.synthetic > 0 {
        blocks.push(B::Note(format!(
            "{} of the items analysed are synthetic test data, generated to try the system; none was written by a person.",
            run.stats.synthetic
        )));
    }
    blocks.extend([
        B::Heading1("Inputs received".into()),
        B::Para(format!(
            "{} written inputs and {} statements were analysed. {} inputs ({:.1}%) belong to {} campaigns.",
            run.inputs,
            run.statements,
            run.campaign_inputs,
            run.campaign_inputs as f64 * 100.0 / run.inputs.max(1) as f64,
            run.campaigns
        )),
        B::Heading2("Statements by kind of actor".into()),
        table(
            &["Kind of actor", "Statements"],
            count_rows(run.stats.statement_kinds.clone(), "(unknown)"),
        ),
        B::Heading2("Inputs by language".into()),
        table(
            &["Language", "Inputs"],
            count_rows(run.stats.languages.clone(), "(unknown)"),
        ),
        B::Heading2("Inputs by region".into()),
        table(
            &["Region", "Inputs"],
            count_rows(run.stats.regions.clone(), "(no country given)"),
        ),
        B::Heading2("Inputs per week".into()),
        table(
            &["Week of", "Inputs"],
            count_rows(run.stats.weeks.clone(), ""),
        ),
        B::Heading1("Campaigns".into()),
        table(
            &["Campaign", "Inputs", "Variants", "First seen", "Last seen", "Text"],
            st.campaigns
                .iter()
                .map(|(c, rep)| {
                    vec![
                        c.number.to_string(),
                        c.size.to_string(),
                        c.variants.to_string(),
                        c.first_seen.date_naive().to_string(),
                        c.last_seen.date_naive().to_string(),
                        rep.as_ref().map_or(String::new(), |i| excerpt(&i.text, 160)),
                    ]
                })
                .collect(),
        ),
        B::Heading1("Themes".into()),
    ]);
    for t in &st.themes {
        blocks.push(B::Heading2(match t.theme.number {
            Some(n) => format!("{n}. {}", t.theme.title),
            None => t.theme.title.clone(),
        }));
        blocks.push(B::Para(format!(
            "{} inputs and {} statements.",
            t.inputs, t.statements
        )));
        if !t.clusters.is_empty() {
            blocks.push(table(
                &["Cluster", "Inputs", "Key phrases"],
                t.clusters
                    .iter()
                    .map(|c| {
                        vec![
                            c.cluster.number.to_string(),
                            c.cluster.inputs.to_string(),
                            c.cluster.key_phrases.join(", "),
                        ]
                    })
                    .collect(),
            ));
        }
        for c in &t.clusters {
            if let Some(i) = c.representatives.first() {
                let mut source = format!("Input {}", i.id);
                if let Some(o) = &i.organisation {
                    source.push_str(&format!(", {o}"));
                }
                if let Some(country) = &i.country {
                    source.push_str(&format!(" ({country})"));
                }
                if i.synthetic {
                    source.push_str(" — synthetic test data");
                }
                blocks.push(B::Quote {
                    text: excerpt(&i.text, 320),
                    source,
                });
            }
        }
        if !t.recommendations.is_empty() {
            blocks.push(B::Para("Recommendations:".into()));
            for r in &t.recommendations {
                blocks.push(B::Quote {
                    text: r.passage.clone(),
                    source: format!("{} {}", r.source.as_str(), r.source_id),
                });
            }
        }
    }
    blocks.push(B::Heading1(
        "Recurring recommendations the draft does not answer yet".into(),
    ));
    if coverage.unanswered.is_empty() {
        blocks.push(B::Para("None.".into()));
    }
    for u in &coverage.unanswered {
        blocks.push(B::Quote {
            text: u.recommendation.passage.clone(),
            source: format!("made {} times", u.times),
        });
    }
    blocks.push(B::Note(format!(
        "Campaigns: inputs whose word shingles are at least {:.0}% alike (MinHash and LSH) are one campaign. \
         Themes: assigned by a model learned from the themes' titles, the recommendations given themes and {} labels by the secretariat. \
         Analysis run {} of {}.",
        run.threshold * 100.0,
        run.labels,
        run.id,
        run.finished_at.format("%Y-%m-%d %H:%M UTC")
    )));
    ReportDoc {
        process_title: process.title.clone(),
        title: "Stocktaking report".into(),
        subtitle: format!(
            "{} inputs and {} statements, analysed {}",
            run.inputs,
            run.statements,
            run.finished_at.format("%-d %B %Y")
        ),
        blocks,
        created: run.finished_at,
    }
}
