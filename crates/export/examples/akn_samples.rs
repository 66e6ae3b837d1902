//! Writes Akoma Ntoso samples of the sample negotiation into the directory
//! given as the first argument (made if missing): the zero draft, Rev.1 with
//! paragraph statuses, the amendments on Rev.1 (one of every operation, with
//! `& < > " '`, Arabic and Chinese) and an empty amendment list.
//!
//! `cargo run -q -p accord-export --example akn_samples -- OUTDIR`

mod common;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .expect("usage: akn_samples OUTDIR"),
    );
    std::fs::create_dir_all(&dir)?;
    let s = common::sample();
    let title = &s.process_title;
    let files = [
        (
            "version-zero.akn.xml",
            accord_export::akn::version(title, &s.draft, &s.zero, &[]),
        ),
        (
            "version-rev1.akn.xml",
            accord_export::akn::version(title, &s.draft, &s.rev1, &s.statuses),
        ),
        (
            "amendments-rev1.akn.xml",
            accord_export::akn::amendments(title, &s.draft, &s.rev1, &s.amendments),
        ),
        (
            "amendments-none.akn.xml",
            accord_export::akn::amendments(title, &s.draft, &s.zero, &[]),
        ),
    ];
    for (name, xml) in files {
        let path = dir.join(name);
        std::fs::write(&path, xml)?;
        println!("{}", path.display());
    }
    Ok(())
}
