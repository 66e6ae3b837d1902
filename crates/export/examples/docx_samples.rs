//! Writes Word samples of the sample negotiation into the directory given
//! as the first argument (made if missing): `version.docx` (Rev.1),
//! `compilation.docx` (Rev.1 with the live amendments inline) and
//! `redline.docx` (from the zero draft to Rev.1, as tracked changes); and
//! a version in Arabic (`version-ar.docx`, right to left) and in Chinese
//! (`version-zh.docx`): the Universal Declaration of Human Rights, its
//! title and articles 1 to 3 (copied in `common/udhr.rs`).
//!
//! `cargo run -q -p accord-export --example docx_samples -- OUTDIR`

mod common;

use std::path::PathBuf;

use accord_domain::Language;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .expect("usage: docx_samples OUTDIR"),
    );
    std::fs::create_dir_all(&dir)?;
    let s = common::sample();
    let title = &s.process_title;
    let in_language = |language| {
        let (draft, version) = common::udhr::version(language);
        accord_export::docx::version_in(common::udhr::PROCESS_TITLE, &draft, &version, language)
    };
    let files = [
        (
            "version.docx",
            accord_export::docx::version(title, &s.draft, &s.rev1),
        ),
        (
            "compilation.docx",
            accord_export::docx::compilation(title, &s.draft, &s.rev1, &s.compilation),
        ),
        (
            "redline.docx",
            accord_export::docx::redline(title, &s.draft, &s.zero, &s.rev1, &s.redline),
        ),
        ("version-ar.docx", in_language(Language::Ar)),
        ("version-zh.docx", in_language(Language::Zh)),
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        println!("{}", path.display());
    }
    Ok(())
}
