//! Share links: a model, and which of its scenarios is selected, carried in the URL fragment
//! (the text after `#`), so the data never leaves the browser. docs/link-format.md describes
//! the format byte by byte; links of every earlier version keep opening (tests/golden/).
//!
//! A link is `m<version>.` (today `m3.`) followed by base64url of: the CRC-32 of the body (4 bytes, little-endian),
//! then the body compressed with raw deflate and a preset dictionary. The body is the model in
//! a compact binary form with scenarios after the first written as differences from it.

mod base64url;
mod body;
mod compress;
mod dictionary;
mod diff;
mod items;
mod linked_part;
mod part_uncertainty;
mod parts;
mod rules;
mod wire;

use core::fmt;

use crate::model::limits::{self, LimitError};
use crate::model::{Model, ScenarioId};

pub use dictionary::DICTIONARY;
pub use wire::{MAX_ITEMS, MAX_TEXT_BYTES};

/// The link format this version writes; it reads this one and every earlier one.
pub const LINK_VERSION: u32 = 3;
/// Most bytes a link's body may inflate to: far above any real model (the large example model
/// is about 20 KiB), low enough that a crafted link cannot exhaust a browser tab's memory.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Most bytes of text [`decode_link`] looks at; longer text is refused before any work.
pub const MAX_LINK_BYTES: usize = 4 * MAX_BODY_BYTES;

/// The link for `model` with `selected` chosen: the text to put after `#`.
pub fn encode_link(model: &Model, selected: ScenarioId) -> String {
    encode_with(model, selected, Approach::CHOSEN)
}

/// The link for one scenario alone, as a one-scenario model that has it as base and selected.
/// If `scenario` is not in `model`, the whole model is shared rather than nothing. A linked
/// option goes alone as its full figures (its base is not in the link).
pub fn encode_scenario_link(model: &Model, scenario: ScenarioId) -> String {
    match model.scenario(scenario) {
        Some(only) => {
            let single = Model {
                schema_version: model.schema_version,
                name: model.name.clone(),
                scenarios: vec![crate::model::Scenario {
                    link: None,
                    ..crate::model::Scenario::clone(only)
                }
                .into()],
                base_scenario: scenario,
                forecast_entry: model.forecast_entry,
                paper: model.paper.clone(),
                uncertainty: model.uncertainty.clone(),
                money_display: model.money_display,
            };
            encode_link(&single, scenario)
        }
        None => encode_link(model, scenario),
    }
}

/// Opens a link: the text after `#`, with or without the `#` (or a whole address). Whitespace
/// and line breaks a mail client inserted are ignored, also percent-encoded as the address bar
/// gives them (`%20`, `%C2%AD`), and so are punctuation marks pasted around it by accident
/// (`.`, `)`, `>`, quotes), which no link contains.
pub fn decode_link(fragment: &str) -> Result<(Model, ScenarioId), LinkError> {
    // A payload that inflates to the cap needs at most about 1.4 MB of text (deflate never
    // expands by more than a few bytes per 64 KiB), so anything far longer is refused unread.
    if fragment.len() > MAX_LINK_BYTES {
        return Err(LinkError::TooLarge);
    }
    let text: String = percent_decoded(fragment)
        .chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .collect();
    let text = text
        .rsplit_once('#')
        .map_or(text.as_str(), |(_, after)| after);
    let text = text.trim_start_matches(['(', '<', '[', '"', '\'']);
    let text = text.trim_end_matches(['.', ')', '>', ']', ',', ';', ':', '!', '?', '"', '\'']);
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    let (version, data) = match split_tag(text) {
        Tag::Version(version @ 1..=LINK_VERSION, data) => (version, data),
        Tag::Version(version, _) => return Err(LinkError::Newer(version)),
        Tag::Unknown => return Err(LinkError::UnknownFormat),
        Tag::Missing => return Err(LinkError::NotALink),
    };
    let payload = base64url::decode(data).map_err(LinkError::damaged_by)?;
    let (check, stream) = match payload.bytes.split_first_chunk::<4>() {
        Some((check, stream)) if !stream.is_empty() => (u32::from_le_bytes(*check), stream),
        _ => return Err(LinkError::Incomplete),
    };
    let body = compress::inflate(stream, MAX_BODY_BYTES).map_err(|e| match e {
        compress::InflateError::Incomplete => LinkError::Incomplete,
        compress::InflateError::TooLarge => LinkError::TooLarge,
        compress::InflateError::Damaged => LinkError::Damaged("it is not valid compressed data"),
    })?;
    if compress::crc32(&body) != check || !payload.canonical {
        return Err(LinkError::Damaged("its check value does not match"));
    }
    read_body(&body, version)
}

/// Reads a body of link format `version`, checked against the model's limits.
fn read_body(body: &[u8], version: u32) -> Result<(Model, ScenarioId), LinkError> {
    let (model, selected) = body::read_model(body, version).map_err(|e| match e {
        wire::BodyError::Malformed(what) => LinkError::Damaged(what),
        wire::BodyError::TooLarge => LinkError::TooLarge,
        wire::BodyError::OverLimit(limit) => LinkError::OverLimit(limit),
        wire::BodyError::UnknownPart(tag) => LinkError::UnknownPart(tag),
    })?;
    // The counts were checked while reading; this adds names and entries inside items.
    limits::check(&model).map_err(LinkError::OverLimit)?;
    Ok((model, selected))
}

/// The model in a body written by [`link_body`] by this same version (no checksum, no
/// compression): how the page hands a model to the simulation's worker, which then needs
/// neither the JSON reader nor inflate.
pub fn model_from_body(body: &[u8]) -> Result<(Model, ScenarioId), LinkError> {
    read_body(body, LINK_VERSION)
}

/// Why a link could not be opened, in words for the person who clicked it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after the `#`.
    Empty,
    /// Not a link this tool made (no version tag).
    NotALink,
    /// Made by a newer version of the tool: holds the link format version.
    Newer(u32),
    /// Tagged with a format number too large to be one this tool could know (`m99999999999.`).
    UnknownFormat,
    /// Cut off: part of the link is missing.
    Incomplete,
    /// Changed or damaged; holds what could not be read, for support.
    Damaged(&'static str),
    /// Holds more than [`MAX_BODY_BYTES`], [`MAX_ITEMS`] or [`MAX_TEXT_BYTES`].
    TooLarge,
    /// Holds an optional part (a setting or feature) this version does not know: its tag.
    UnknownPart(u32),
    /// Holds a model over one of the limits of `model::limits`: which, and how many (for a
    /// list, at least how many: the reader stops as soon as it is over).
    OverLimit(LimitError),
}

impl LinkError {
    fn damaged_by(character: char) -> LinkError {
        match character {
            '%' => LinkError::Damaged("it has been percent-encoded"),
            _ => LinkError::Damaged("it contains a character no link has"),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const RESEND: &str = "Ask the sender to send it again, or to send the model as a file.";
        match self {
            LinkError::Empty => write!(
                f,
                "This link has no model in it: the part after '#' is missing. {RESEND}"
            ),
            LinkError::NotALink => write!(
                f,
                "This is not a pooled budget link. Check that you copied the whole link, from \
                 the sender's message, into the address bar."
            ),
            LinkError::Newer(version) => write!(
                f,
                "This link was made by a newer version of the modeller (link format {version}; \
                 this version opens up to {LINK_VERSION}). Open it in the newest version of the \
                 modeller, or ask the sender to send the model as a file."
            ),
            LinkError::UnknownFormat => write!(
                f,
                "This link's format number is not one this version of the modeller knows. \
                 Check that you copied the whole link; if it came from a newer version of the \
                 modeller, open it there, or ask the sender to send the model as a file."
            ),
            LinkError::UnknownPart(tag) => write!(
                f,
                "This link holds a setting this version of the modeller does not know (part \
                 {tag}): it was made by a newer version. Open it in the newest version of the \
                 modeller, or ask the sender to send the model as a file."
            ),
            LinkError::Incomplete => write!(
                f,
                "This link is incomplete — it may have been cut off when it was pasted. {RESEND}"
            ),
            LinkError::Damaged(detail) => write!(
                f,
                "This link has been changed or damaged, so it cannot be opened safely \
                 ({detail}). {RESEND}"
            ),
            LinkError::TooLarge => write!(
                f,
                "This link holds more than the modeller will open from a link. Ask the sender \
                 to send the model as a file instead."
            ),
            LinkError::OverLimit(limit) => write!(
                f,
                "This link holds a model larger than the modeller supports. {limit}"
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// `text` with each `%XX` turned back into its byte: a browser percent-encodes the spaces and
/// soft hyphens a mail client put into a link when it is opened from the address bar. No link
/// character needs encoding, so this never changes a link; a `%` not followed by two hex digits
/// stays, for the decoder to report.
fn percent_decoded(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('%') {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(value) => {
                decoded.push(value);
                i += 3;
            }
            None => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(String::from_utf8_lossy(&decoded).into_owned())
}

/// Characters some mail clients insert invisibly into long words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

enum Tag<'a> {
    Version(u32, &'a str),
    /// `m` and digits, but too many for any format number.
    Unknown,
    Missing,
}

/// `m<version>.` then the data.
fn split_tag(text: &str) -> Tag<'_> {
    let (tag, data) = text.split_once('.').unwrap_or((text, ""));
    match tag.strip_prefix('m') {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            match digits.parse::<u32>() {
                Ok(0) => Tag::Missing,
                Ok(version) => Tag::Version(version, data),
                Err(_) => Tag::Unknown,
            }
        }
        _ => Tag::Missing,
    }
}

/// The ways of writing a version 1 link that docs/link-format.md compares. Every one is a valid
/// link; encode_link uses [`Approach::CHOSEN`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Approach {
    /// Scenarios after the first written as differences from it, not in full.
    pub differences: bool,
    /// Deflate preset with [`DICTIONARY`].
    pub dictionary: bool,
}

impl Approach {
    pub const CHOSEN: Approach = Approach {
        differences: true,
        dictionary: true,
    };
    pub const ALL: [Approach; 4] = [
        Approach {
            differences: false,
            dictionary: false,
        },
        Approach {
            differences: true,
            dictionary: false,
        },
        Approach {
            differences: false,
            dictionary: true,
        },
        Approach::CHOSEN,
    ];

    pub fn label(self) -> &'static str {
        match (self.differences, self.dictionary) {
            (false, false) => "binary, deflate",
            (true, false) => "binary, scenario differences, deflate",
            (false, true) => "binary, deflate with dictionary",
            (true, true) => "binary, scenario differences, deflate with dictionary",
        }
    }
}

/// A link written one of the ways compared in docs/link-format.md (for the benchmark).
pub fn encode_with(model: &Model, selected: ScenarioId, approach: Approach) -> String {
    let body = body::write_model(model, selected, approach.differences);
    link_from_body(&body, approach.dictionary)
}

/// The link carrying `body`, whatever it holds: its checksum, then the body deflated (with or
/// without the preset dictionary), behind the version tag. Also how tools and the fuzzer
/// build links around bodies of their own.
pub fn link_from_body(body: &[u8], dictionary: bool) -> String {
    let mut payload = compress::crc32(body).to_le_bytes().to_vec();
    payload.extend(compress::deflate(body, dictionary));
    link_from_payload(&payload)
}

/// The link whose payload (checksum and compressed body) is `payload`, taken as it is.
pub fn link_from_payload(payload: &[u8]) -> String {
    format!("m{LINK_VERSION}.{}", base64url::encode(payload))
}

/// The uncompressed body of a link (before compression), for measurements and tools.
pub fn link_body(model: &Model, selected: ScenarioId) -> Vec<u8> {
    body::write_model(model, selected, true)
}
