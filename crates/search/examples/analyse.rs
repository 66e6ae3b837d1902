//! Prints the terms Accord's analysers make of a text:
//! `cargo run -p accord-search --example analyse -- ar "الهجرة الآمنة"`.

use accord_search::analysis::{index_terms, query_terms};
use accord_search::Language;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(language), Some(text)) = (args.next(), args.next()) else {
        eprintln!("usage: analyse <ar|zh|en|fr|ru|es> <text>");
        std::process::exit(2);
    };
    let language: Language = match language.parse() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    println!("index: {:?}", index_terms(language, &text));
    println!("query: {:?}", query_terms(language, &text));
}
