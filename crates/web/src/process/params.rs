//! What this area's commands read in two spellings, the API's and the
//! form's, into one field: a list given as a list or as a text (codes on a
//! line, an agenda's or officers' one per line),
//! an instant with or without its zone, a time limit in seconds or in
//! minutes.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// A list given as a list (a JSON array, or a form's `name[]` or
/// `name[0][field]` fields) or as one text (a form's text field), which
/// `from_text` cuts into items (as JSON values, each then read as a `T`).
struct ListOrText<T> {
    expecting: &'static str,
    from_text: fn(&str) -> Result<Vec<serde_json::Value>, String>,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListOrText<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
        (self.from_text)(v)
            .map_err(E::custom)?
            .into_iter()
            .map(|item| T::deserialize(item).map_err(E::custom))
            .collect()
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = vec![];
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(items)
    }
}

fn list_or_text<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
    expecting: &'static str,
    from_text: fn(&str) -> Result<Vec<serde_json::Value>, String>,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_any(ListOrText {
        expecting,
        from_text,
        item: PhantomData,
    })
}

/// The text's lines, trimmed, blank ones left out.
fn lines(v: &str) -> impl Iterator<Item = &str> {
    v.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// A list: a JSON array, repeated form fields (`members[]`), or one string
/// of items separated by commas, spaces or lines (a form's text field).
pub(crate) fn listed<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    list_or_text(d, "a list, or codes separated by commas", |v| {
        Ok(v.split([',', ' ', ';', '\n', '\r', '\t'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(serde_json::Value::from)
            .collect())
    })
}

/// An agenda: a list of `{number, title}` (the API), or one text of one
/// item per line (a form's text area), each numbered by its place.
pub(crate) fn agenda<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    list_or_text(d, "a list of agenda items, or one title per line", |v| {
        Ok(lines(v)
            .map(|title| serde_json::json!({ "title": title }))
            .collect())
    })
}

/// Officers: a list of `{name, title, actor}` (the API, or a form's
/// `co_facilitators[0][name]`…), or one text of one person per line, as
/// `Name | Title | ACTOR` (title and actor optional; a form's text area).
pub(crate) fn officers<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    list_or_text(
        d,
        "a list of officers, or one per line as Name | Title | ACTOR",
        |v| {
            lines(v)
                .map(|line| {
                    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
                    if parts.len() > 3 {
                        return Err("one person per line, as Name | Title | ACTOR".to_owned());
                    }
                    let mut officer = serde_json::json!({
                        "name": parts[0],
                        "title": parts.get(1).copied().unwrap_or_default(),
                    });
                    if let Some(actor) = parts.get(2).filter(|a| !a.is_empty()) {
                        officer["actor"] = actor.to_uppercase().into();
                    }
                    Ok(officer)
                })
                .collect()
        },
    )
}

/// An instant: RFC 3339 (`2018-07-13T10:00:00Z`), or a form's local date
/// and time (`2018-07-13T10:00`), read as UTC.
pub(crate) fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let Some(v) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&v) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&v, f).ok())
        .map(|t| Some(t.and_utc()))
        .ok_or_else(|| {
            de::Error::custom(format!(
                "give a date and time, YYYY-MM-DDTHH:MM (UTC), not '{}'",
                v.chars().take(40).collect::<String>()
            ))
        })
}

/// A required instant, read as [`instant`] reads one.
pub(crate) fn required_instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    instant(d)?.ok_or_else(|| de::Error::custom("give a date and time"))
}

/// A time limit: seconds as a number (the API), or minutes as a string,
/// `3` or `2:30` (the form); null or absent for the usual limit.
pub(crate) fn time_limit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct Limit;
    impl<'de> Visitor<'de> for Limit {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("seconds, or minutes such as 3 or 2:30")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<u32>, E> {
            u32::try_from(v)
                .map(Some)
                .map_err(|_| E::custom("seconds: 15 to 3600"))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<u32>, E> {
            u32::try_from(v)
                .map(Some)
                .map_err(|_| E::custom("seconds: 15 to 3600"))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<u32>, E> {
            let v = v.trim();
            if v.is_empty() {
                return Ok(None);
            }
            let bad = || E::custom("give minutes, or minutes:seconds such as 2:30");
            let (m, s) = v.split_once(':').unwrap_or((v, "0"));
            let m: u32 = m.parse().map_err(|_| bad())?;
            let s: u32 = s.parse().map_err(|_| bad())?;
            if m > 60 || s > 59 {
                return Err(bad());
            }
            Ok(Some(m * 60 + s))
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<u32>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<u32>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u32>, D::Error> {
            d.deserialize_any(Limit)
        }
    }
    d.deserialize_any(Limit)
}

/// A title's translations, `{"fr": "…"}` in JSON, `title_translations[fr]=…`
/// from a form: a language left empty (the form offers all six) is no
/// translation; the others are kept trimmed. A key that is not one of the
/// six languages is refused, naming it.
pub(crate) fn translations<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<accord_domain::TitleTranslations, D::Error> {
    let raw = std::collections::BTreeMap::<accord_domain::Language, String>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|(lang, title)| (lang, title.trim().to_owned()))
        .filter(|(_, title)| !title.is_empty())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct T {
        #[serde(default, deserialize_with = "listed")]
        members: Vec<accord_domain::ActorCode>,
        #[serde(default, deserialize_with = "instant")]
        until: Option<DateTime<Utc>>,
        #[serde(default, deserialize_with = "time_limit")]
        seconds: Option<u32>,
    }

    fn form(s: &str) -> Result<T, String> {
        let config = serde_qs::Config::new().max_depth(3).use_form_encoding(true);
        serde_qs::Deserializer::with_config(config, s.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|d| T::deserialize(d).map_err(|e| e.to_string()))
    }

    #[test]
    fn an_agenda_is_a_list_or_one_title_per_line() {
        #[derive(Debug, Deserialize)]
        struct Item {
            title: String,
        }
        #[derive(Debug, Deserialize)]
        struct M {
            #[serde(default, deserialize_with = "agenda")]
            agenda: Vec<Item>,
        }
        let config = serde_qs::Config::new().max_depth(3).use_form_encoding(true);
        let m: M = serde_qs::Deserializer::with_config(config, b"agenda=A%0D%0A%0D%0AB%0AC")
            .and_then(M::deserialize)
            .unwrap();
        let titles: Vec<_> = m.agenda.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["A", "B", "C"]);
        let m: M = serde_json::from_str(r#"{"agenda":[{"title":"A"},{"title":"B"}]}"#).unwrap();
        assert_eq!(m.agenda.len(), 2);
    }

    #[test]
    fn the_form_and_the_api_spell_the_same_field_two_ways() {
        let t = form("members=MEX%2C+CHE%0ABRA&until=2030-01-02T10%3A00&seconds=2%3A30").unwrap();
        assert_eq!(t.members.len(), 3);
        assert_eq!(t.until.unwrap().to_rfc3339(), "2030-01-02T10:00:00+00:00");
        assert_eq!(t.seconds, Some(150));
        let t = form("members%5B%5D=MEX&members%5B%5D=CHE&seconds=3").unwrap();
        assert_eq!(t.members.len(), 2);
        assert_eq!(t.seconds, Some(180));
        assert!(form("seconds=soon").is_err());
        let t: T = serde_json::from_str(
            r#"{"members":["MEX"],"until":"2030-01-02T10:00:00Z","seconds":240}"#,
        )
        .unwrap();
        assert_eq!((t.members.len(), t.seconds), (1, Some(240)));
        let t: T = serde_json::from_str(r#"{"seconds":null}"#).unwrap();
        assert_eq!(t.seconds, None);
    }
}
