//! Markdown (CommonMark with tables): headings, paragraphs, list items and table cells; inline
//! markup removed, raw HTML dropped.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::sink::{Sink, TextBuf};
use crate::IngestError;

pub(crate) fn extract(bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let text = crate::text::decode_into(bytes, sink)?;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TASKLISTS;
    let mut buf = TextBuf::new(sink.buffer_cap());
    let mut heading: Option<u8> = None;
    // Inside a metadata block (front matter), nothing is kept.
    let mut metadata = false;

    for event in Parser::new_ext(&text, options) {
        sink.tick()?;
        if sink.is_full() {
            break;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    flush(&mut buf, &mut heading, sink);
                    heading = Some(level_number(level));
                }
                Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => flush(&mut buf, &mut heading, sink),
                Tag::MetadataBlock(_) => {
                    flush(&mut buf, &mut heading, sink);
                    metadata = true;
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::MetadataBlock(_) => metadata = false,
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition => flush(&mut buf, &mut heading, sink),
                _ => {}
            },
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                if !metadata {
                    buf.push_str(&text);
                }
            }
            Event::DisplayMath(text) => {
                buf.space();
                buf.push_str(&text);
                buf.space();
            }
            Event::SoftBreak => buf.line_break(),
            Event::HardBreak => buf.space(),
            Event::Rule => flush(&mut buf, &mut heading, sink),
            // Raw HTML (which may be a script) is never kept.
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
        buf.set_cap(sink.buffer_cap());
    }
    flush(&mut buf, &mut heading, sink);
    Ok(())
}

fn flush(buf: &mut TextBuf, heading: &mut Option<u8>, sink: &mut Sink<'_>) {
    if !buf.is_empty() {
        sink.push(*heading, &buf.take());
    }
    *heading = None;
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
