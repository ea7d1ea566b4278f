//! Names the modeller makes up: a copy's name ("Option A (2)"), a model opened from a link
//! whose name is taken ("… (from link)"), and a partner's short name from its initials.

use super::limits::Limited;

/// `name` without a number in brackets at its end: "Option A (2)" is a copy of "Option A".
fn without_number(name: &str) -> &str {
    let trimmed = name.trim_end();
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind(" (")) {
        let digits = &trimmed[open + 2..trimmed.len() - 1];
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            return trimmed[..open].trim_end();
        }
    }
    trimmed
}

/// `stem` then `suffix`, the stem shortened so the whole stays within the name limit.
fn fitted(stem: &str, suffix: &str) -> String {
    let room = Limited::Name.limit().saturating_sub(suffix.chars().count());
    let stem: String = stem.chars().take(room).collect();
    format!("{}{suffix}", stem.trim_end())
}

/// The name for a copy of `name`: the same name with the lowest number from 2 up that no name
/// `taken` has, so copies of "Option A" and of "Option A (2)" are "Option A (2)", "Option A (3)".
pub fn copy_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let stem = without_number(name);
    (2..)
        .map(|n| fitted(stem, &format!(" ({n})")))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| stem.to_string())
}

/// The name for a model opened from a link: its own, or "… (from link)" when a model of that
/// name is kept already (then numbered too if that is taken as well).
pub fn from_link_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    let marked = fitted(name.trim_end(), " (from link)");
    if taken(&marked) {
        copy_name(&marked, taken)
    } else {
        marked
    }
}

/// Words left out of initials: "London Borough of Hackney" is "LBH".
const SMALL_WORDS: [&str; 7] = ["of", "and", "the", "for", "in", "on", "&"];

/// A short name from a full name's initials: "London Borough of Hackney" → "LBH", "NHS North
/// East London" → "NHS NEL" (a word already in capitals is kept whole). Empty for a name with
/// no letters or digits.
pub fn initials(name: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run = String::new();
    for word in name.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || SMALL_WORDS.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        let is_acronym = word.chars().count() > 1
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if is_acronym {
            if !run.is_empty() {
                parts.push(std::mem::take(&mut run));
            }
            parts.push(word.to_string());
        } else if let Some(first) = word.chars().next() {
            run.extend(first.to_uppercase());
        }
    }
    if !run.is_empty() {
        parts.push(run);
    }
    parts.join(" ").chars().take(12).collect()
}

/// Whether `short` is what the modeller made up for a partner named `name`: blank, its
/// initials, or a new partner's "P3". Such a short name follows the name as it is typed.
pub fn is_made_up_short_name(short: &str, name: &str) -> bool {
    let short = short.trim();
    short.is_empty()
        || short == initials(name)
        || short
            .strip_prefix('P')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_brackets_are_taken_off_before_numbering_again() {
        assert_eq!(without_number("Option A (12)"), "Option A");
        assert_eq!(without_number("Option A (draft)"), "Option A (draft)");
        assert_eq!(without_number("(2)"), "(2)");
    }
}
