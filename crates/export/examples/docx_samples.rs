//! Writes Word samples of the sample negotiation into the directory given
//! as the first argument (made if missing): `version.docx` (Rev.1),
//! `compilation.docx` (Rev.1 with the live amendments inline) and
//! `redline.docx` (from the zero draft to Rev.1, as tracked changes).
//!
//! `cargo run -q -p accord-export --example docx_samples -- OUTDIR`

mod common;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .expect("usage: docx_samples OUTDIR"),
    );
    std::fs::create_dir_all(&dir)?;
    let s = common::sample();
    let title = &s.process_title;
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
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        println!("{}", path.display());
    }
    Ok(())
}
