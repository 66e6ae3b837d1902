//! How a node and a date are named in running text: "paragraph 17",
//! "paragraph 17 (c)", "objective 3", "the section “Preamble”", "1 March 2024".

use std::collections::HashMap;

use accord_domain::negotiation::{DraftText, NodeKind, Placed, Wid};
use chrono::{Datelike, NaiveDate};

/// Where each node of one version stands, and what it is called.
pub(crate) struct Places<'a> {
    text: &'a DraftText,
    placed: Vec<Placed>,
    index: HashMap<Wid, usize>,
}

impl<'a> Places<'a> {
    pub(crate) fn new(text: &'a DraftText) -> Self {
        let placed = text.placed();
        let index = placed
            .iter()
            .enumerate()
            .map(|(i, p)| (p.wid.clone(), i))
            .collect();
        Places {
            text,
            placed,
            index,
        }
    }

    pub(crate) fn all(&self) -> &[Placed] {
        &self.placed
    }

    pub(crate) fn get(&self, wid: &Wid) -> Option<&Placed> {
        self.index.get(wid).map(|&i| &self.placed[i])
    }

    /// "paragraph 17", "paragraph 17 (c)", "objective 3", "the section
    /// “Preamble”"; for a node not in the version, "the node “wid”".
    pub(crate) fn label(&self, wid: &Wid) -> String {
        let Some(p) = self.get(wid) else {
            return format!("the node “{wid}”");
        };
        match p.kind {
            NodeKind::Paragraph => format!("paragraph {}", p.num.trim_end_matches('.')),
            NodeKind::Subparagraph => match p.parent.as_ref().and_then(|w| self.get(w)) {
                Some(parent) => format!("paragraph {} {}", parent.num.trim_end_matches('.'), p.num),
                None => format!("sub-paragraph {}", p.num),
            },
            NodeKind::Objective => p.num.to_lowercase(),
            NodeKind::Section => {
                let heading = self.text.find(wid).map(|n| n.heading.trim()).unwrap_or("");
                if heading.is_empty() {
                    format!("section {}", p.eid.trim_start_matches("sec_"))
                } else {
                    format!("the section “{heading}”")
                }
            }
        }
    }
}

/// A node kind as running text names it.
pub(crate) fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Section => "section",
        NodeKind::Objective => "objective",
        NodeKind::Paragraph => "paragraph",
        NodeKind::Subparagraph => "sub-paragraph",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "1 March 2024", as UN documents write dates.
pub(crate) fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}
