//! Hostile and broken input: each a specific error or a partial result with diagnostics, never
//! a panic or a hang.

mod common;

use std::time::{Duration, Instant};

use accord_ingest::{extract, extract_as, sniff, Format, IngestError, Limits, Severity};
use common::*;

const GIB: u32 = 1024 * 1024 * 1024;

fn limits() -> Limits {
    Limits::default()
}

#[test]
fn docx_zip_bomb_declaring_its_size_is_refused_before_inflating() {
    let data = deflated_zeros(1024); // 1 GiB of zeros, about 1 MB compressed
    assert!(data.len() < 8 * 1024 * 1024, "{} bytes", data.len());
    let bytes = raw_zip(&[
        ("[Content_Types].xml", 0, 0, b"<Types/>", 8),
        ("word/document.xml", 8, 0, &data, GIB),
    ]);
    let started = Instant::now();
    let error = extract(&bytes, Some("bomb.docx"), &limits()).expect_err("a bomb");
    assert!(
        matches!(&error, IngestError::ArchiveBomb { reason } if reason.contains("declares")),
        "{error:?}"
    );
    assert_eq!(error.kind(), "archive_bomb");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn docx_zip_bomb_lying_about_its_size_is_stopped_while_inflating() {
    let data = deflated_zeros(1024);
    let bytes = raw_zip(&[("word/document.xml", 8, 0, &data, 10_000)]);
    let started = Instant::now();
    let error = extract(&bytes, Some("bomb.docx"), &limits()).expect_err("a bomb");
    assert!(
        matches!(&error, IngestError::ArchiveBomb { reason } if reason.contains("inflates")),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn docx_entry_over_the_compression_ratio_is_refused() {
    // 64 MiB of zeros: under the 200 MiB total, but about 1000:1.
    let data = deflated_zeros(64);
    let bytes = raw_zip(&[("word/document.xml", 8, 0, &data, 64 * 1024 * 1024)]);
    let error = extract(&bytes, Some("x.docx"), &limits()).expect_err("a bomb");
    assert!(
        matches!(&error, IngestError::ArchiveBomb { reason } if reason.contains("ratio")),
        "{error:?}"
    );
    // The same entry passes the ratio check with a looser limit, and is then capped by size.
    let tight = Limits {
        max_ratio: 10_000,
        max_uncompressed: 8 * 1024 * 1024,
        ..limits()
    };
    let error = extract(&bytes, Some("x.docx"), &tight).expect_err("a bomb");
    assert!(
        matches!(error, IngestError::ArchiveBomb { .. }),
        "{error:?}"
    );
}

#[test]
fn odt_bomb_is_refused_too() {
    let data = deflated_zeros(512);
    let bytes = raw_zip(&[
        (
            "mimetype",
            0,
            crc32(b"application/vnd.oasis.opendocument.text"),
            b"application/vnd.oasis.opendocument.text",
            39,
        ),
        ("content.xml", 8, 0, &data, 512 * 1024 * 1024),
    ]);
    assert!(is_format(&bytes, "x.odt", Format::Odt));
    let error = extract(&bytes, Some("x.odt"), &limits()).expect_err("a bomb");
    assert!(
        matches!(error, IngestError::ArchiveBomb { .. }),
        "{error:?}"
    );
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn english_pdf() -> (Vec<u8>, usize) {
    pdf(&[
        vec![vec!["Page one says hello."], vec!["Second paragraph."]],
        vec![vec!["Page two says goodbye."]],
    ])
}

#[test]
fn pdf_with_corrupted_xref_offsets_is_repaired() {
    let (mut bytes, xref) = english_pdf();
    // Every offset in the table points somewhere wrong.
    let table = String::from_utf8(bytes[xref..].to_vec()).expect("ascii");
    let corrupted: String = table
        .lines()
        .map(|line| {
            if line.ends_with(" n ") || line.ends_with(" n") {
                format!("0000000003{}", &line[10..])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    bytes.truncate(xref);
    bytes.extend_from_slice(corrupted.as_bytes());
    let out = extract(&bytes, Some("broken.pdf"), &limits()).expect("repaired");
    assert_eq!(out.format, Format::Pdf);
    assert!(
        out.text().contains("Page one says hello."),
        "{:?}",
        out.blocks
    );
    assert!(
        out.text().contains("Page two says goodbye."),
        "{:?}",
        out.blocks
    );
    assert!(
        out.has_diagnostic("pdf_xref_repaired"),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn pdf_with_garbage_instead_of_xref_and_startxref_is_repaired() {
    let (mut bytes, xref) = english_pdf();
    bytes.truncate(xref);
    bytes.extend_from_slice(b"xref\ngarbage garbage\ntrailer\n<< >>\nstartxref\n999999\n%%EOF\n");
    let out = extract(&bytes, Some("broken.pdf"), &limits()).expect("repaired");
    assert!(
        out.text().contains("Page two says goodbye."),
        "{:?}",
        out.blocks
    );
    assert!(
        out.has_diagnostic("pdf_xref_repaired"),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn pdf_that_is_only_a_header_is_unreadable() {
    let error = extract(b"%PDF-1.7\n%%EOF\n", Some("x.pdf"), &limits()).expect_err("nothing");
    assert_eq!(error.kind(), "unreadable", "{error:?}");
    assert!(matches!(
        error,
        IngestError::Unreadable {
            format: Format::Pdf,
            ..
        }
    ));
}

#[test]
fn pdf_with_one_unreadable_page_keeps_the_others() {
    // Page 1's content inflates past the limit; page 2 is small.
    let long_line = "A line of text that is repeated many times over.";
    let big_page: Vec<Vec<&str>> = vec![vec![long_line; 400]];
    let (bytes, _) = pdf_from_contents(&[
        (page_content(&big_page), true),
        (page_content(&[vec!["Page two says goodbye."]]), true),
    ]);
    let tight = Limits {
        max_uncompressed: 4096,
        ..limits()
    };
    let out = extract(&bytes, Some("x.pdf"), &tight).expect("partial");
    assert_eq!(out.blocks, vec![paragraph("Page two says goodbye.")]);
    assert!(!out.complete);
    let diagnostic = out
        .diagnostics
        .iter()
        .find(|d| d.code == "pdf_page_unreadable")
        .expect("a page diagnostic");
    assert_eq!(diagnostic.severity, Severity::Warning);
    assert!(
        diagnostic.message.contains("page 1"),
        "{}",
        diagnostic.message
    );
    // With the default limits both pages are read.
    let out = extract(&bytes, Some("x.pdf"), &limits()).expect("whole");
    assert_eq!(out.blocks.len(), 2);
    assert!(out.complete, "{:?}", out.diagnostics);

    // When no page can be read, nothing at all was: Unreadable.
    let (bytes, _) = pdf_from_contents(&[(page_content(&big_page), true)]);
    let error = extract(&bytes, Some("x.pdf"), &tight).expect_err("unreadable");
    assert!(
        matches!(
            error,
            IngestError::Unreadable {
                format: Format::Pdf,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn pdf_with_damaged_content_and_offsets_keeps_the_readable_page() {
    let (bytes, _) = english_pdf();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // Bytes inserted into page 1's content: its /Length and every later offset are wrong.
    let broken = text.replacen("72 720 Td\n(Page one", "72 720 Td\n<<<<(Page one", 1);
    assert_ne!(text, broken);
    let out = extract(broken.as_bytes(), Some("x.pdf"), &limits()).expect("partial");
    assert!(
        out.text().contains("Page two says goodbye."),
        "{:?}",
        out.blocks
    );
    assert!(
        out.has_diagnostic("pdf_xref_repaired"),
        "{:?}",
        out.diagnostics
    );
    assert!(!out.complete, "a rebuilt table may have lost objects");
}

#[test]
fn pdf_page_without_content_is_no_text() {
    let (bytes, _) = pdf(&[vec![]]);
    let out = extract(&bytes, Some("scan.pdf"), &limits()).expect("read");
    assert!(out.blocks.is_empty());
    assert!(out.has_diagnostic("no_text"));
    assert!(!out.complete, "a PDF without text is probably a scan");
}

#[test]
fn truncated_files_never_panic() {
    let (pdf_bytes, _) = english_pdf();
    let docx = docx_from_blocks(&[heading(1, "Title"), paragraph("Body text")]);
    let odt = odt_from_blocks(&[heading(1, "Title"), paragraph("Body text")]);
    for (bytes, name) in [(pdf_bytes, "x.pdf"), (docx, "x.docx"), (odt, "x.odt")] {
        for cut in (0..bytes.len()).step_by(7) {
            let part = &bytes[..cut];
            let _ = extract(part, Some(name), &limits());
            let _ = sniff(part, Some(name));
        }
    }
}

#[test]
fn docx_with_malformed_xml_keeps_what_came_before() {
    let body = docx_paragraph(None, "Readable paragraph") + "<w:p><w:r><w:t>broken</w:r <<<";
    let bytes = docx_with(&body, None);
    let out = extract(&bytes, Some("x.docx"), &limits()).expect("partial");
    assert_eq!(out.blocks.first(), Some(&paragraph("Readable paragraph")));
    assert!(!out.complete);
    assert!(out.has_diagnostic("xml_malformed"), "{:?}", out.diagnostics);

    // A document part that is no XML at all: nothing is read.
    let bytes = zip(&[("word/document.xml", b"not xml at all <<<<".as_slice(), true)]);
    let error = extract(&bytes, Some("x.docx"), &limits()).expect_err("unreadable");
    assert!(
        matches!(
            error,
            IngestError::Unreadable {
                format: Format::Docx,
                ..
            }
        ),
        "{error:?}"
    );
    // An ODT cut inside an element keeps what it has, and says so.
    let bytes = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text".as_slice(), false),
        (
            "content.xml",
            b"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>Kept</text:p><text:p>Cut sh".as_slice(),
            true,
        ),
    ]);
    let out = extract(&bytes, Some("x.odt"), &limits()).expect("partial");
    assert_eq!(out.blocks, vec![paragraph("Kept"), paragraph("Cut sh")]);
    assert!(!out.complete);
    assert!(out.has_diagnostic("xml_malformed"));
}

#[test]
fn docx_hostile_numbering_is_bounded_and_never_fails_extraction() {
    let long_text = "%9".repeat(5000);
    let numbering = format!(
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="x"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="BAD%1"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="99999999999999999999999"><w:start w:val="1"/><w:lvlText w:val="HUGE%1"/></w:lvl>
    <w:lvl w:ilvl="-1"><w:lvlText w:val="NEG"/></w:lvl>
    <w:lvl w:ilvl="0"><w:start w:val="99999999999999999999"/><w:numFmt w:val="no such format"/><w:lvlText w:val="%1.%9%9%9%0%"/><w:lvlRestart w:val="many"/><w:isLgl w:val="maybe"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="8"><w:start w:val="lots"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{long_text}"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="LoopA"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="LoopB"/></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="404"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="x"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="12345"><w:startOverride w:val="7"/></w:lvlOverride><w:lvlOverride w:ilvl="8"><w:startOverride w:val="99999999999"/></w:lvlOverride></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>
  <w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>
  <w:lvl w:ilvl="0"><w:lvlText w:val="STRAY"/></w:lvl>
</w:numbering>"#
    );
    // Numbering styles linking abstract definitions 3 and 4 to each other.
    let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="numbering" w:styleId="LoopA"><w:name w:val="Loop A"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
  <w:style w:type="numbering" w:styleId="LoopB"><w:name w:val="Loop B"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
</w:styles>"#;
    let body = [
        docx_numbered(None, "1", "0", "First"),
        docx_numbered(None, "1", "0", "Second"),
        docx_numbered(None, "1", "99999999999999999999999", "Huge level"),
        docx_numbered(None, "abc", "0", "Id not a number"),
        docx_numbered(None, "2", "0", "Missing abstract"),
        docx_numbered(None, "3", "0", "Unreadable abstract id"),
        docx_numbered(None, "5", "8", "Long"),
        docx_numbered(None, "6", "0", "Linked in a loop"),
        docx_numbered(None, "99999999999999999999999", "0", "Huge id"),
    ]
    .concat();
    let bytes = docx_with_parts(&body, Some(styles), Some(&numbering));
    let out = extract(&bytes, Some("x.docx"), &limits()).expect("read");
    // Counters stop at 999999; %9 of an undefined level is empty; "%0" and a lone "%" are
    // text; a label is cut at 128 bytes.
    let long = format!("{} Long", "m".repeat(128));
    assert_eq!(
        paragraphs(&out.blocks),
        vec![
            "999999.%0% First",
            "999999.%0% Second",
            "Huge level",
            "Id not a number",
            "Missing abstract",
            "Unreadable abstract id",
            long.as_str(),
            "Linked in a loop",
            "Huge id",
        ]
    );
    assert!(out.complete, "{:?}", out.diagnostics);

    // A numbering part cut short: what was read numbers the paragraphs, with a warning.
    let cut = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstr"#;
    let body = docx_numbered(None, "1", "0", "Kept") + &docx_numbered(None, "2", "0", "Cut");
    let out = extract(
        &docx_with_parts(&body, None, Some(cut)),
        Some("x.docx"),
        &limits(),
    )
    .expect("read");
    assert_eq!(paragraphs(&out.blocks), vec!["1. Kept", "Cut"]);
    assert!(
        out.has_diagnostic("docx_numbering"),
        "{:?}",
        out.diagnostics
    );

    // No XML at all: no labels, a warning, the text.
    let out = extract(
        &docx_with_parts(&body, None, Some("not xml at all <<<<")),
        Some("x.docx"),
        &limits(),
    )
    .expect("read");
    assert_eq!(paragraphs(&out.blocks), vec!["Kept", "Cut"]);
    assert!(
        out.has_diagnostic("docx_numbering"),
        "{:?}",
        out.diagnostics
    );

    // Too many list instances: the first ones are kept, the rest ignored with a warning.
    let mut many = String::from(
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>"#,
    );
    for id in 1..=10_050 {
        many.push_str(&format!(
            r#"<w:num w:numId="{id}"><w:abstractNumId w:val="0"/></w:num>"#
        ));
    }
    many.push_str("</w:numbering>");
    let body = docx_numbered(None, "1", "0", "First") + &docx_numbered(None, "10050", "0", "Last");
    let out = extract(
        &docx_with_parts(&body, None, Some(&many)),
        Some("x.docx"),
        &limits(),
    )
    .expect("read");
    assert_eq!(paragraphs(&out.blocks), vec!["1. First", "Last"]);
    assert!(
        out.has_diagnostic("docx_numbering"),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn docx_bytes_named_pdf_are_read_as_docx_with_a_diagnostic() {
    let bytes = docx_from_blocks(&[heading(1, "Statement"), paragraph("Mr. President,")]);
    let out = extract(&bytes, Some("statement.pdf"), &limits()).expect("read");
    assert_eq!(out.format, Format::Docx);
    assert_eq!(
        out.blocks,
        vec![heading(1, "Statement"), paragraph("Mr. President,")]
    );
    let diagnostic = &out.diagnostics[0];
    assert_eq!(diagnostic.code, "extension_mismatch");
    assert_eq!(diagnostic.severity, Severity::Warning);
    assert!(diagnostic.message.contains(".pdf") && diagnostic.message.contains("DOCX"));
    assert!(out.complete, "a lying name loses nothing");
}

#[test]
fn png_named_txt_is_unsupported() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let error = extract(png, Some("notes.txt"), &limits()).expect_err("an image");
    assert!(
        matches!(&error, IngestError::Unsupported { what } if what.contains("PNG")),
        "{error:?}"
    );
    assert_eq!(error.kind(), "unsupported");
}

#[test]
fn other_unsupported_inputs() {
    for (bytes, what) in [
        (b"MZ\x90\0\x03\0\0\0\x04\0".as_slice(), "executable"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".as_slice(),
            "legacy Office",
        ),
        (b"\x7fELF\x02\x01\x01\0".as_slice(), "ELF"),
        (b"\x01\x02\x03\0\0\x04binary\0\0".as_slice(), "binary"),
    ] {
        match extract(bytes, Some("a.txt"), &limits()) {
            Err(IngestError::Unsupported { what: w }) => assert!(w.contains(what), "{w}"),
            other => panic!("{what}: {other:?}"),
        }
    }
    let plain_zip = zip(&[("readme.txt", b"hello".as_slice(), true)]);
    let error = extract(&plain_zip, Some("a.docx"), &limits()).expect_err("not a docx");
    assert!(
        matches!(&error, IngestError::Unsupported { what } if what.contains("neither DOCX nor ODT")),
        "{error:?}"
    );
    let ods = zip(&[(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
        false,
    )]);
    assert_eq!(
        extract(&ods, None, &limits()).expect_err("ods").kind(),
        "unsupported"
    );
}

#[test]
fn empty_files_are_empty() {
    for (bytes, name) in [
        (b"".as_slice(), Some("a.pdf")),
        (b"".as_slice(), None),
        (b"  \n\t\r\n ".as_slice(), Some("a.txt")),
        (b"\xEF\xBB\xBF \n".as_slice(), Some("a.md")),
    ] {
        let error = extract(bytes, name, &limits()).expect_err("empty");
        assert_eq!(error, IngestError::Empty);
        assert_eq!(error.kind(), "empty");
    }
    for format in Format::ALL {
        assert_eq!(extract_as(*format, b"", &limits()), Err(IngestError::Empty));
    }
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_diagnostic() {
    let bytes = b"Caf\xE9 au lait\n\nvalid line";
    let out = extract(bytes, Some("a.txt"), &limits()).expect("lossy");
    assert_eq!(
        out.blocks,
        vec![paragraph("Caf\u{fffd} au lait"), paragraph("valid line")]
    );
    assert!(!out.complete);
    let diagnostic = out
        .diagnostics
        .iter()
        .find(|d| d.code == "invalid_utf8")
        .expect("diag");
    assert_eq!(diagnostic.severity, Severity::Warning);
    assert!(
        diagnostic.message.contains("offset 3"),
        "{}",
        diagnostic.message
    );
}

#[test]
fn over_the_size_limit_is_too_large() {
    let small = Limits {
        max_bytes: 10,
        ..limits()
    };
    let error = extract(b"eleven byte", Some("a.txt"), &small).expect_err("too large");
    assert_eq!(
        error,
        IngestError::TooLarge {
            size: 11,
            limit: 10
        }
    );
    assert_eq!(error.kind(), "too_large");
    assert!(extract(b"ten bytes!", Some("a.txt"), &small).is_ok());
}

#[test]
fn html_scripts_styles_and_handlers_never_reach_the_text() {
    let html = r#"<!DOCTYPE html><html><head><title>Page</title>
        <script>alert(1)</script><style>body { background: url(evil) }</style></head>
        <body onload="alert('onload')"><h1 onclick="alert(2)">Heading</h1>
        <p onmouseover='steal()'>Visible <img src=x onerror=alert(3)> text</p>
        <noscript>noscript text</noscript><template><p>template text</p></template>
        <SCRIPT type="text/javascript">document.write("<p>written</p>")</SCRIPT >
        <script>var s = "</scr" + "ipt>"; alert(4)</script>
        <svg><script>alert(5)</script><text>svg text</text></svg>
        <p>After <!-- a comment with alert(6) --> all</p>
        <script>never closed alert(7)"#;
    let out = extract(html.as_bytes(), Some("page.html"), &limits()).expect("read");
    let text = out.text();
    for forbidden in [
        "alert",
        "onload",
        "onclick",
        "onerror",
        "steal",
        "background",
        "noscript text",
        "template text",
        "written",
        "script",
        "<",
        ">",
    ] {
        assert!(!text.contains(forbidden), "{forbidden:?} in {text:?}");
    }
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "Heading"),
            paragraph("Visible text"),
            paragraph("svg text"),
            paragraph("After all"),
        ]
    );
}

#[test]
fn markdown_raw_html_is_dropped() {
    let md = "# Title\n\n<script>alert(1)</script>\n\nText with <b onclick=\"alert(2)\">inline</b> html.\n";
    let out = extract(md.as_bytes(), Some("a.md"), &limits()).expect("read");
    assert!(!out.text().contains("alert"), "{:?}", out.text());
    assert_eq!(
        out.blocks,
        vec![heading(1, "Title"), paragraph("Text with inline html.")]
    );
}

#[test]
fn text_over_max_chars_is_truncated_with_a_diagnostic() {
    let small = Limits {
        max_chars: 25,
        ..limits()
    };
    let text = "First paragraph here.\n\nSecond paragraph is cut.\n\nThird is dropped.";
    for (bytes, name) in [
        (text.as_bytes().to_vec(), "a.txt"),
        (
            docx_from_blocks(&[
                paragraph("First paragraph here."),
                paragraph("Second paragraph is cut."),
                paragraph("Third is dropped."),
            ]),
            "a.docx",
        ),
    ] {
        let out = extract(&bytes, Some(name), &small).expect("read");
        assert_eq!(
            out.blocks,
            vec![paragraph("First paragraph here."), paragraph("Seco")],
            "{name}"
        );
        assert!(!out.complete);
        assert!(out.has_diagnostic("truncated"));
    }
}

#[test]
fn a_spent_deadline_times_out_in_every_extractor() {
    let none = Limits {
        max_duration: Duration::ZERO,
        ..limits()
    };
    let (pdf_bytes, _) = english_pdf();
    let inputs: Vec<(Vec<u8>, &str)> = vec![
        (pdf_bytes, "a.pdf"),
        (docx_from_blocks(&[paragraph("x")]), "a.docx"),
        (odt_from_blocks(&[paragraph("x")]), "a.odt"),
        (b"<p>x</p>".to_vec(), "a.html"),
        (b"# x".to_vec(), "a.md"),
        (b"x".to_vec(), "a.txt"),
    ];
    for (bytes, name) in inputs {
        // Let the clock move past zero.
        let started = Instant::now();
        while started.elapsed().is_zero() {}
        let error = extract(&bytes, Some(name), &none).expect_err(name);
        assert_eq!(
            error,
            IngestError::TimedOut {
                after: Duration::ZERO
            },
            "{name}"
        );
        assert_eq!(error.kind(), "timed_out");
    }
}

#[test]
fn every_extractor_survives_every_other_format() {
    let (pdf_bytes, _) = english_pdf();
    let inputs: Vec<Vec<u8>> = vec![
        pdf_bytes,
        docx_from_blocks(&[paragraph("x")]),
        odt_from_blocks(&[paragraph("x")]),
        b"<p>x</p>".to_vec(),
        b"# x".to_vec(),
        vec![0xFF; 100],
        vec![0; 100],
        b"PK\x03\x04 truncated".to_vec(),
        b"%PDF-1.4 1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj trailer << /Root 1 0 R >>"
            .to_vec(),
    ];
    for bytes in &inputs {
        for format in Format::ALL {
            // Any answer will do: this must return, not panic.
            let _ = extract_as(*format, bytes, &limits());
        }
    }
}

#[test]
fn mutated_documents_never_panic() {
    // A small deterministic fuzz: flip bytes of valid documents.
    let (pdf_bytes, _) = english_pdf();
    let seeds = [
        pdf_bytes,
        docx_from_blocks(&[heading(1, "Title"), paragraph("Body")]),
        odt_from_blocks(&[heading(1, "Title"), paragraph("Body")]),
        b"<html><title>t</title><h1>x</h1><script>y</script><p>a &amp; b</p>".to_vec(),
        b"# h\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n".to_vec(),
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for seed in &seeds {
        for _ in 0..150 {
            let mut bytes = seed.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] = next() as u8;
            }
            let _ = extract(&bytes, None, &limits());
        }
    }
}
