//! Each format's headings and paragraphs come out, on fixtures built here and on the UDHR in
//! the six UN languages.

mod common;

use accord_ingest::{extract, sniff, Block, Format, Language, Limits};
use common::*;

fn read(bytes: &[u8], name: &str) -> accord_ingest::Extracted {
    extract(bytes, Some(name), &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: {e} ({})", e.kind()))
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// List items holding text themselves, not in a `<p>`.
fn bare_list_items(html: &str) -> usize {
    html.split("<li>")
        .skip(1)
        .filter(|rest| !rest.trim_start().starts_with("<p>"))
        .count()
}

#[test]
fn udhr_html_gives_every_heading_and_paragraph_in_six_languages() {
    for (code, _) in UDHR {
        let Some(html) = udhr_html(code) else { return };
        let raw = String::from_utf8(html.clone()).expect("UTF-8");
        let out = read(&html, "udhr.html");
        assert_eq!(out.format, Format::Html);
        assert!(out.complete, "{code}: {:?}", out.diagnostics);
        let heads = headings(&out.blocks);
        assert_eq!(
            heads.iter().filter(|(l, _)| *l == 1).count(),
            1,
            "{code}: one h1"
        );
        assert_eq!(
            heads.iter().filter(|(l, _)| *l == 2).count(),
            count(&raw, "<h2"),
            "{code}: every h2"
        );
        assert_eq!(
            paragraphs(&out.blocks).len(),
            count(&raw, "<p>") + bare_list_items(&raw),
            "{code}: every p and li"
        );
        // The first block is the h1, not the <title>.
        assert!(matches!(&out.blocks[0], Block::Heading { level: 1, .. }));
        assert!(!out.text().contains('<'), "{code}: no markup left");
    }
    let Some(blocks) = udhr_blocks("en") else {
        return;
    };
    assert_eq!(
        blocks[0],
        heading(1, "Universal Declaration of Human Rights")
    );
    assert_eq!(blocks[1], heading(2, "Preamble"));
    let Block::Paragraph { text } = &blocks[2] else {
        panic!("{:?}", blocks[2])
    };
    assert!(text.starts_with("Whereas recognition of the inherent dignity"));
    assert!(!text.contains("  ") && !text.contains('\n'));
}

#[test]
fn udhr_in_docx_odt_markdown_and_text_keeps_structure_and_language() {
    for (code, _) in UDHR {
        let Some(blocks) = udhr_blocks(code) else {
            return;
        };
        let language: Language = code.parse().expect("language code");
        let expected_headings = headings(&blocks);
        let expected_paragraphs = paragraphs(&blocks);

        for (format, bytes, name) in [
            (Format::Docx, docx_from_blocks(&blocks), "udhr.docx"),
            (Format::Odt, odt_from_blocks(&blocks), "udhr.odt"),
            (
                Format::Markdown,
                markdown_from_blocks(&blocks).into_bytes(),
                "udhr.md",
            ),
        ] {
            let out = read(&bytes, name);
            assert_eq!(out.format, format, "{code} {name}");
            assert!(out.complete, "{code} {name}: {:?}", out.diagnostics);
            assert_eq!(out.diagnostics, vec![], "{code} {name}");
            if format == Format::Docx {
                // localised style ids: level 1 from "heading 1", level 2 from "heading 2"
                let levels: Vec<(u8, &str)> = expected_headings
                    .iter()
                    .map(|(l, t)| ((*l).min(2), *t))
                    .collect();
                assert_eq!(headings(&out.blocks), levels, "{code} {name}");
            } else {
                assert_eq!(headings(&out.blocks), expected_headings, "{code} {name}");
            }
            assert_eq!(
                paragraphs(&out.blocks),
                expected_paragraphs,
                "{code} {name}"
            );
            let detected = out.language.expect("a language");
            assert_eq!(detected.language, language, "{code} {name}");
        }

        // Plain text: paragraphs on blank lines, lines of a paragraph joined.
        let text: String = expected_paragraphs
            .iter()
            .take(5)
            .map(|p| format!("{}\n\n", p.replacen(' ', "\n", 1)))
            .collect();
        let out = read(text.as_bytes(), "udhr.txt");
        assert_eq!(out.format, Format::Text);
        assert_eq!(
            paragraphs(&out.blocks),
            &expected_paragraphs[..5],
            "{code} text"
        );
        assert_eq!(
            out.language.map(|d| d.language),
            Some(language),
            "{code} text"
        );
    }
}

#[test]
fn markdown_headings_lists_tables_and_inline_markup() {
    let md = "---\ntitle: front matter is dropped\n---\n\n\
              # Statement by *the* Chair\n\n\
              Intro with **bold**, `code`, a [link](http://x.test) and\na soft break.\n\n\
              Setext heading\n--------------\n\n\
              - first item\n- second item\n  continued\n\n\
              1. numbered\n\n\
              > quoted text\n\n\
              | A | B |\n|---|---|\n| cell one | cell two |\n\n\
              <script>alert(1)</script>\n\n\
              ###### Six\n";
    let out = read(md.as_bytes(), "statement.md");
    assert_eq!(out.format, Format::Markdown);
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "Statement by the Chair"),
            paragraph("Intro with bold, code, a link and a soft break."),
            heading(2, "Setext heading"),
            paragraph("first item"),
            paragraph("second item continued"),
            paragraph("numbered"),
            paragraph("quoted text"),
            paragraph("A"),
            paragraph("B"),
            paragraph("cell one"),
            paragraph("cell two"),
            heading(6, "Six"),
        ]
    );
    assert!(out.complete);
}

#[test]
fn html_blocks_entities_title_and_malformed_markup() {
    let html = "<html><head><title>The &quot;Title&quot;</title><style>p{color:red}</style></head>\
                <body><h2>Sub&shy;heading <b>bold</b></h2><p>Caf&eacute; &amp; th&#233; &#x4E2D;&#25991;</p>\
                <ul><li>one<li>two</ul><table><tr><td>c1<td>c2</table>\
                <div>div text<p>para in div</div><p>unclosed <i>italic\n   spaced   out";
    let out = read(html.as_bytes(), "page.html");
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "The \"Title\""),
            heading(2, "Sub\u{ad}heading bold"),
            paragraph("Café & thé 中文"),
            paragraph("one"),
            paragraph("two"),
            paragraph("c1"),
            paragraph("c2"),
            paragraph("div text"),
            paragraph("para in div"),
            paragraph("unclosed italic spaced out"),
        ]
    );
    // With an h1, the title is not added.
    let out = read(b"<title>T</title><h1>Real</h1><p>x</p>", "a.htm");
    assert_eq!(out.blocks, vec![heading(1, "Real"), paragraph("x")]);
}

#[test]
fn html_in_a_declared_legacy_charset_is_decoded() {
    let (body, _, _) = encoding_rs::WINDOWS_1251
        .encode("<html><head><meta charset=\"windows-1251\"></head><p>Все люди рождаются свободными</p></html>");
    let out = read(&body, "ru.html");
    assert_eq!(out.blocks, vec![paragraph("Все люди рождаются свободными")]);
    assert!(out.complete);
}

#[test]
fn docx_styles_tables_lists_text_boxes_and_tracked_changes() {
    let body = format!(
        "{}{}{}{}{}{}{}",
        docx_paragraph(Some("Titre"), "The title"),
        docx_paragraph(Some("Chapter"), "A chapter, based on heading 2"),
        docx_paragraph(Some("Heading3"), "Id without a style sheet entry"),
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>List item</w:t></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        r#"<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>text&amp;more</w:t><w:tab/><w:t>after tab</w:t><w:br/><w:t>after break</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>In a text box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In a text box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Anchor paragraph</w:t></w:r></w:p>"#,
    );
    let bytes = docx_with(&body, Some(DOCX_STYLES));
    let out = read(&bytes, "statement.docx");
    assert_eq!(out.format, Format::Docx);
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "The title"),
            heading(2, "A chapter, based on heading 2"),
            heading(3, "Id without a style sheet entry"),
            paragraph("List item"),
            paragraph("Cell A"),
            paragraph("Cell B"),
            paragraph("Kept text&more after tab after break"),
            paragraph("In a text box"),
            paragraph("Anchor paragraph"),
        ]
    );
    assert!(out.complete);
    // Without a style sheet, ids like Heading1 / Title still make headings.
    let bytes = docx_with(
        &(docx_paragraph(Some("Title"), "T") + &docx_paragraph(Some("Heading2"), "H")),
        None,
    );
    assert_eq!(
        read(&bytes, "x.docx").blocks,
        vec![heading(1, "T"), heading(2, "H")]
    );
}

/// A UN draft's list: "%1." decimal paragraphs with "(%2)" lettered sub-paragraphs and
/// bulleted points below; instance 2 is the same list restarted at 17.
const DRAFT_NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
  <w:abstractNum w:abstractNumId="0">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1.%2.%4"/></w:lvl>
    <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%5)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="17"/></w:lvlOverride></w:num>
</w:numbering>"#;

/// Styles of the draft: headings, and a paragraph style numbered by itself.
const DRAFT_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="SingleTxtG"><w:name w:val="_ Single Txt_G"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="SubTxt"><w:name w:val="Sub Txt"/><w:basedOn w:val="SingleTxtG"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#;

#[test]
fn docx_list_numbering_is_rendered_as_word_shows_it() {
    let body = [
        docx_paragraph(Some("berschrift1"), "Draft outcome document"),
        docx_numbered(None, "1", "0", "We commit to act."),
        docx_numbered(None, "1", "1", "Develop national plans;"),
        docx_numbered(None, "1", "1", "Report on progress;"),
        docx_numbered(None, "1", "2", "A bulleted point"),
        docx_paragraph(None, "An unnumbered paragraph"),
        docx_numbered(None, "1", "0", "We further commit."),
        docx_numbered(None, "1", "1", "Strengthen cooperation;"),
        docx_numbered(None, "1", "3", "Deeper, custom format"),
        docx_numbered(None, "1", "4", "Roman"),
        docx_numbered(None, "1", "4", "Roman again"),
        // Empty: counted (3.), but no block.
        docx_numbered(None, "1", "0", ""),
        // Numbered through its style, and through a style based on it.
        docx_paragraph(Some("SingleTxtG"), "Numbered by its style."),
        docx_paragraph(Some("SubTxt"), "Sub-paragraph by its style."),
        // numId 0 takes a paragraph out of its style's list.
        docx_numbered(Some("SingleTxtG"), "0", "0", "Taken out of the list."),
        // A tracked change of the numbering: the former properties are not read.
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:pPrChange w:id="1" w:author="A"><w:pPr><w:pStyle w:val="berschrift1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Changed level</w:t></w:r></w:p>"#.to_string(),
        docx_paragraph(Some("berschrift1"), "Second part"),
        // The same list, restarted at 17 by instance 2; the letters restart under it.
        docx_numbered(None, "2", "0", "We commit to leave no one behind."),
        docx_numbered(None, "2", "1", "Develop indicators;"),
        docx_numbered(None, "1", "0", "Instance 1 continues the list."),
    ]
    .concat();
    let bytes = docx_with_parts(&body, Some(DRAFT_STYLES), Some(DRAFT_NUMBERING));
    let out = read(&bytes, "draft.docx");
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "Draft outcome document"),
            paragraph("1. We commit to act."),
            paragraph("(a) Develop national plans;"),
            paragraph("(b) Report on progress;"),
            paragraph("A bulleted point"),
            paragraph("An unnumbered paragraph"),
            paragraph("2. We further commit."),
            paragraph("(a) Strengthen cooperation;"),
            paragraph("2.a.1 Deeper, custom format"),
            paragraph("i) Roman"),
            paragraph("ii) Roman again"),
            paragraph("4. Numbered by its style."),
            paragraph("(a) Sub-paragraph by its style."),
            paragraph("Taken out of the list."),
            paragraph("(b) Changed level"),
            heading(1, "Second part"),
            paragraph("17. We commit to leave no one behind."),
            paragraph("(a) Develop indicators;"),
            paragraph("18. Instance 1 continues the list."),
        ]
    );
    assert!(out.complete, "{:?}", out.diagnostics);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn docx_numbered_headings_and_lists_without_definitions() {
    // A heading numbered through its style keeps its level, with its label.
    let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>"#;
    // Levels linked to the heading styles (w:pStyle): the style's numPr has no w:ilvl.
    let numbering = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="5">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
</w:numbering>"#;
    let body = [
        docx_paragraph(Some("Heading1"), "Introduction"),
        docx_paragraph(Some("Heading2"), "Scope"),
        docx_paragraph(Some("Heading2"), "Terms"),
        docx_paragraph(None, "Body text."),
        docx_paragraph(Some("Heading1"), "Commitments"),
    ]
    .concat();
    let out = read(
        &docx_with_parts(&body, Some(styles), Some(numbering)),
        "x.docx",
    );
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "I. Introduction"),
            heading(2, "A. Scope"),
            heading(2, "B. Terms"),
            paragraph("Body text."),
            heading(1, "II. Commitments"),
        ]
    );

    // Without word/numbering.xml, numbered paragraphs and headings are read without labels.
    let out = read(&docx_with(&body, Some(styles)), "x.docx");
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "Introduction"),
            heading(2, "Scope"),
            heading(2, "Terms"),
            paragraph("Body text."),
            heading(1, "Commitments"),
        ]
    );
    assert!(out.complete);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn odt_headings_lists_tables_notes_and_annotations() {
    let text = r#"<text:sequence-decls/>
        <text:h text:outline-level="1">Main <text:span>heading</text:span></text:h>
        <text:h>No level is level one</text:h>
        <text:h text:outline-level="9">Deep</text:h>
        <text:p text:style-name="Title">Styled title</text:p>
        <text:p>Words<text:s text:c="3"/>spaced<text:tab/>tabbed<text:line-break/>broken &amp; joined<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>The footnote</text:p></text:note-body></text:note></text:p>
        <office:annotation><dc:creator>x</dc:creator><text:p>A comment</text:p></office:annotation>
        <text:list><text:list-item><text:p>Item one</text:p></text:list-item></text:list>
        <table:table><table:table-row><table:table-cell><text:p>Cell</text:p></table:table-cell></table:table-row></table:table>
        <text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted</text:p></text:deletion></text:changed-region></text:tracked-changes>
        <text:p/>"#;
    let out = read(&odt_with(text), "statement.odt");
    assert_eq!(out.format, Format::Odt);
    assert_eq!(
        out.blocks,
        vec![
            heading(1, "Main heading"),
            heading(1, "No level is level one"),
            heading(6, "Deep"),
            heading(1, "Styled title"),
            paragraph("The footnote"),
            paragraph("Words spaced tabbed broken & joined"),
            paragraph("Item one"),
            paragraph("Cell"),
        ]
    );
    assert!(out.complete);
}

#[test]
fn pdf_pages_lines_and_paragraphs() {
    let (bytes, _) = pdf(&[
        vec![
            vec!["First paragraph, line one", "and line two."],
            vec!["Second paragraph (with parentheses)."],
        ],
        vec![vec![
            "Page two: déclaration universelle des droits de l’homme.",
        ]],
    ]);
    let out = read(&bytes, "statement.pdf");
    assert_eq!(out.format, Format::Pdf);
    assert_eq!(
        out.blocks,
        vec![
            paragraph("First paragraph, line one and line two."),
            paragraph("Second paragraph (with parentheses)."),
            paragraph("Page two: déclaration universelle des droits de l’homme."),
        ]
    );
    assert!(out.complete, "{:?}", out.diagnostics);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn udhr_pdf_in_english_french_and_spanish() {
    for code in ["en", "fr", "es"] {
        let Some(blocks) = udhr_blocks(code) else {
            return;
        };
        // U+2010 (a hyphen) is not in WinAnsiEncoding.
        let expected: Vec<String> = paragraphs(&blocks)
            .into_iter()
            .take(12)
            .map(|p| p.replace('\u{2010}', "-"))
            .collect();
        // Each paragraph on its own page half: split in lines of about 60 characters.
        let wrapped: Vec<Vec<String>> = expected.iter().map(|p| wrap(p, 60)).collect();
        let page: Vec<Vec<&str>> = wrapped
            .iter()
            .map(|lines| lines.iter().map(String::as_str).collect())
            .collect();
        let (bytes, _) = pdf(&[page[..6].to_vec(), page[6..].to_vec()]);
        let out = read(&bytes, "udhr.pdf");
        assert_eq!(paragraphs(&out.blocks), expected, "{code}");
        assert_eq!(
            out.language.map(|d| d.language.as_str()),
            Some(code),
            "{code}"
        );
    }
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("a line");
        if !line.is_empty() && line.chars().count() + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[test]
fn text_encodings() {
    let out = read("\u{feff}Hello\r\nworld\r\n\r\nSecond".as_bytes(), "a.txt");
    assert_eq!(
        out.blocks,
        vec![paragraph("Hello world"), paragraph("Second")]
    );
    assert!(out.complete);

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Всеобщая декларация\n\nправ человека".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let out = read(&utf16, "ru.txt");
    assert_eq!(
        out.blocks,
        vec![paragraph("Всеобщая декларация"), paragraph("прав человека")]
    );
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in "第一条".encode_utf16() {
        utf16be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(read(&utf16be, "zh.txt").blocks, vec![paragraph("第一条")]);
    // UTF-16 without a BOM, mostly ASCII
    let mut bare = Vec::new();
    for unit in "Plain words in UTF-16".encode_utf16() {
        bare.extend_from_slice(&unit.to_le_bytes());
    }
    let out = read(&bare, "x.txt");
    assert_eq!(out.blocks, vec![paragraph("Plain words in UTF-16")]);
}

#[test]
fn format_names_and_media_types() {
    assert_eq!(Format::Docx.as_str(), "docx");
    assert_eq!(Format::Markdown.extension(), "md");
    assert_eq!(
        Format::Docx.content_type(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(Format::Html.content_type(), "text/html; charset=utf-8");
    for format in Format::ALL {
        assert_eq!(Format::from_extension(format.extension()), Some(*format));
    }
    let json = serde_json::to_value(heading(2, "x")).expect("json");
    assert_eq!(
        json,
        serde_json::json!({"type": "heading", "level": 2, "text": "x"})
    );
    let back: Block = serde_json::from_value(json).expect("back");
    assert_eq!(back, heading(2, "x"));
    let out = read(b"Hello there, general assembly.", "a.txt");
    let json = serde_json::to_value(&out).expect("json");
    assert_eq!(json["format"], "text");
    assert_eq!(json["blocks"][0]["type"], "paragraph");
}

#[test]
fn sniff_sees_through_names() {
    let docx = docx_from_blocks(&[paragraph("x")]);
    let odt = odt_from_blocks(&[paragraph("x")]);
    let (pdf_bytes, _) = pdf(&[vec![vec!["x"]]]);
    assert!(is_format(&docx, "a.docx", Format::Docx));
    assert!(is_format(&docx, "noname", Format::Docx));
    assert!(is_format(&odt, "a.zip", Format::Odt));
    assert!(is_format(&pdf_bytes, "a.txt", Format::Pdf));
    assert!(is_format(b"<!doctype html><p>x", "a.txt", Format::Html));
    assert!(is_format(b"# Title\n\ntext", "notes", Format::Markdown));
    assert!(is_format(b"# Title\n\ntext", "notes.txt", Format::Text));
    assert!(is_format(b"just text", "notes.md", Format::Markdown));
    let (format, diagnostic) = sniff(b"just text", Some("a.md")).expect("sniff");
    assert_eq!((format, diagnostic), (Format::Markdown, None));
}
