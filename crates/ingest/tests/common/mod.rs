//! Fixtures built in the tests themselves: DOCX and ODT zips, a hand-written PDF, raw zips with
//! chosen declared sizes, and the UDHR in the six UN languages from shared/data.
#![allow(dead_code)]

use std::io::{Cursor, Write};

use accord_ingest::{extract, Block, Format, Limits};

/// The UDHR files, by our language code.
pub const UDHR: &[(&str, &str)] = &[
    ("ar", "arb.html"),
    ("zh", "cmn_hans.html"),
    ("en", "eng.html"),
    ("fr", "fra.html"),
    ("ru", "rus.html"),
    ("es", "spa.html"),
];

const UDHR_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/udhr");

/// The UDHR in one language as HTML bytes (from the repository's
/// `testdata/udhr`; a missing file fails the test, never skips it). None
/// only for a language code the table does not know.
pub fn udhr_html(code: &str) -> Option<Vec<u8>> {
    let file = UDHR.iter().find(|(c, _)| *c == code)?.1;
    let path = format!("{UDHR_DIR}/{file}");
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{path} is not readable: {e}")))
}

/// The UDHR in one language as blocks (read by the HTML extractor, itself tested against the
/// raw file in `formats.rs`).
pub fn udhr_blocks(code: &str) -> Option<Vec<Block>> {
    let html = udhr_html(code)?;
    let extracted = extract(&html, Some("udhr.html"), &Limits::default()).expect("UDHR HTML");
    Some(extracted.blocks)
}

pub fn headings(blocks: &[Block]) -> Vec<(u8, &str)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            Block::Paragraph { .. } => None,
        })
        .collect()
}

pub fn paragraphs(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.as_str()),
            Block::Heading { .. } => None,
        })
        .collect()
}

pub fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
    }
}

pub fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        text: text.to_string(),
    }
}

pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A zip written with the zip crate: (name, content, deflated?).
pub fn zip(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content, deflated) in entries {
        let method = if *deflated {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        writer.start_file(*name, options).expect("start_file");
        writer.write_all(content).expect("write");
    }
    writer.finish().expect("finish").into_inner()
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub const DOCX_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:basedOn w:val="berschrift2"/></w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
</w:styles>"#;

/// A DOCX with this `w:body` content and style sheet.
pub fn docx_with(body: &str, styles: Option<&str>) -> Vec<u8> {
    docx_with_parts(body, styles, None)
}

/// A DOCX with this `w:body` content, style sheet and list definitions (`word/numbering.xml`).
pub fn docx_with_parts(body: &str, styles: Option<&str>, numbering: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut entries: Vec<(&str, &[u8], bool)> = vec![
        ("[Content_Types].xml", content_types.as_bytes(), true),
        ("_rels/.rels", rels.as_bytes(), true),
        ("word/document.xml", document.as_bytes(), true),
    ];
    if let Some(styles) = styles {
        entries.push(("word/styles.xml", styles.as_bytes(), true));
    }
    if let Some(numbering) = numbering {
        entries.push(("word/numbering.xml", numbering.as_bytes(), true));
    }
    zip(&entries)
}

pub fn docx_paragraph(style: Option<&str>, text: &str) -> String {
    let ppr = style
        .map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#))
        .unwrap_or_default();
    format!(
        r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(text)
    )
}

/// A paragraph in list `num_id` at level `ilvl` (`w:numPr`), with this style.
pub fn docx_numbered(style: Option<&str>, num_id: &str, ilvl: &str, text: &str) -> String {
    let style = style
        .map(|s| format!(r#"<w:pStyle w:val="{s}"/>"#))
        .unwrap_or_default();
    format!(
        r#"<w:p><w:pPr>{style}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(text)
    )
}

/// A DOCX of these blocks, headings styled with localised style ids ("berschrift1") whose
/// names ("heading 1") are in the style sheet.
pub fn docx_from_blocks(blocks: &[Block]) -> Vec<u8> {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Heading { level: 1, text } => {
                body.push_str(&docx_paragraph(Some("berschrift1"), text));
            }
            Block::Heading { text, .. } => {
                body.push_str(&docx_paragraph(Some("berschrift2"), text));
            }
            Block::Paragraph { text } => body.push_str(&docx_paragraph(None, text)),
        }
    }
    docx_with(&body, Some(DOCX_STYLES))
}

const ODT_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3""#;

/// An ODT with this `office:text` content.
pub fn odt_with(text: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}><office:automatic-styles/><office:body><office:text>{text}</office:text></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text".as_slice(),
            false,
        ),
        ("content.xml", content.as_bytes(), true),
        ("META-INF/manifest.xml", manifest.as_bytes(), true),
    ])
}

pub fn odt_from_blocks(blocks: &[Block]) -> Vec<u8> {
    let mut text = String::new();
    for block in blocks {
        match block {
            Block::Heading { level, text: t } => text.push_str(&format!(
                r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{}</text:h>"#,
                xml_escape(t)
            )),
            Block::Paragraph { text: t } => text.push_str(&format!(
                r#"<text:p text:style-name="Text_20_body">{}</text:p>"#,
                xml_escape(t)
            )),
        }
    }
    odt_with(&text)
}

pub fn markdown_from_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            // Alternate ATX and setext headings, to read both.
            Block::Heading { level, text } if *level <= 2 && i % 2 == 0 => {
                let underline = if *level == 1 { '=' } else { '-' };
                out.push_str(&format!(
                    "{text}\n{}\n\n",
                    underline.to_string().repeat(text.chars().count().max(3))
                ));
            }
            Block::Heading { level, text } => {
                out.push_str(&format!("{} {text}\n\n", "#".repeat(*level as usize)));
            }
            Block::Paragraph { text } => out.push_str(&format!("{text}\n\n")),
        }
    }
    out
}

/// A PDF written by hand: pages of paragraphs of lines, in Helvetica (WinAnsiEncoding).
/// Lines are 14 points apart, paragraphs 30. Returns the bytes and the offset of the `xref`
/// keyword.
pub fn pdf(pages: &[Vec<Vec<&str>>]) -> (Vec<u8>, usize) {
    let contents: Vec<(Vec<u8>, bool)> = pages.iter().map(|p| (page_content(p), false)).collect();
    pdf_from_contents(&contents)
}

/// The content stream of one page of paragraphs of lines.
pub fn page_content(page: &[Vec<&str>]) -> Vec<u8> {
    let mut content = b"BT\n/F1 12 Tf\n72 720 Td\n".to_vec();
    for (p, paragraph) in page.iter().enumerate() {
        for (l, line) in paragraph.iter().enumerate() {
            if p > 0 && l == 0 {
                content.extend_from_slice(b"0 -30 Td\n");
            } else if l > 0 {
                content.extend_from_slice(b"0 -14 Td\n");
            }
            content.push(b'(');
            content.extend_from_slice(&pdf_string(line));
            content.extend_from_slice(b") Tj\n");
        }
    }
    content.extend_from_slice(b"ET\n");
    content
}

/// A PDF of pages with these content streams (deflated when the flag says so).
pub fn pdf_from_contents(contents: &[(Vec<u8>, bool)]) -> (Vec<u8>, usize) {
    let mut objects: Vec<String> = Vec::new();
    // 1: catalog, 2: pages, 3: font, then per page: page, content.
    let page_ids: Vec<usize> = (0..contents.len()).map(|i| 4 + 2 * i).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        page_ids
            .iter()
            .map(|id| format!("{id} 0 R"))
            .collect::<Vec<_>>()
            .join(" "),
        contents.len()
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    let mut streams: Vec<(usize, Vec<u8>, bool)> = Vec::new();
    for (i, (content, deflate)) in contents.iter().enumerate() {
        let content_id = page_ids[i] + 1;
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
        ));
        let data = if *deflate {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(content).expect("deflate");
            encoder.finish().expect("deflate")
        } else {
            content.clone()
        };
        streams.push((objects.len(), data, *deflate));
        objects.push(String::new()); // placeholder, written as a stream below
    }

    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let id = index + 1;
        match streams.iter().find(|(i, _, _)| *i == index) {
            Some((_, data, deflate)) => {
                let filter = if *deflate {
                    " /Filter /FlateDecode"
                } else {
                    ""
                };
                out.extend_from_slice(
                    format!("{id} 0 obj\n<< /Length {}{filter} >>\nstream\n", data.len())
                        .as_bytes(),
                );
                out.extend_from_slice(data);
                out.extend_from_slice(b"\nendstream\nendobj\n");
            }
            None => out.extend_from_slice(format!("{id} 0 obj\n{object}\nendobj\n").as_bytes()),
        }
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in &offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    (out, xref)
}

/// A PDF literal string's bytes (without parentheses), in WinAnsiEncoding.
fn pdf_string(text: &str) -> Vec<u8> {
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut out = Vec::new();
    for &b in encoded.iter() {
        match b {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    out
}

/// A zip written byte by byte, so that declared sizes can be anything: (name, method
/// (0 stored, 8 deflated), crc32, data, declared uncompressed size).
pub fn raw_zip(entries: &[(&str, u16, u32, &[u8], u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, method, crc, data, declared) in entries {
        let offset = out.len() as u32;
        let compressed = data.len() as u32;
        // local file header
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x21u16.to_le_bytes());
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&compressed.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // central directory record
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&method.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0x21u16.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&compressed.to_le_bytes());
        central.extend_from_slice(&declared.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A raw deflate stream of `mib` MiB of zeros, built without ever holding them: one MiB is
/// compressed (ending on a byte-aligned sync flush) and repeated — its back-references reach
/// only zeros, so the repetition is valid — then an empty final block ends the stream.
pub fn deflated_zeros(mib: usize) -> Vec<u8> {
    let zeros = vec![0u8; 1024 * 1024];
    let mut compressor = flate2::Compress::new(flate2::Compression::default(), false);
    let mut chunk = Vec::with_capacity(64 * 1024);
    compressor
        .compress_vec(&zeros, &mut chunk, flate2::FlushCompress::Sync)
        .expect("deflate");
    assert_eq!(compressor.total_in(), zeros.len() as u64, "whole MiB taken");
    let mut out = Vec::with_capacity(chunk.len() * mib + 2);
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    // BFINAL=1, BTYPE=01 (fixed Huffman), end-of-block: an empty final block.
    out.extend_from_slice(&[0x03, 0x00]);
    out
}

pub fn is_format(bytes: &[u8], name: &str, format: Format) -> bool {
    accord_ingest::sniff(bytes, Some(name)).is_ok_and(|(f, _)| f == format)
}
