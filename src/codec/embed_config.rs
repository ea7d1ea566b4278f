//! `embed-config.json`, the file a council's web team puts next to `index.html` to say which
//! host pages may frame the app and receive its height (docs/embedding.md). Pure: the platform
//! layer fetches the text, this reads it.
//!
//! ```json
//! { "hostOrigins": ["https://intranet.example.gov.uk"] }
//! ```

use serde::Deserialize;

/// What the file says, with every origin checked and written the way browsers write
/// `event.origin` (lower case, no trailing slash).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    pub host_origins: Vec<String>,
}

impl EmbedConfig {
    /// Whether messages may go to, or come from, `origin`.
    pub fn trusts(&self, origin: &str) -> bool {
        self.host_origins.iter().any(|o| o == origin)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct File {
    #[serde(default)]
    host_origins: Vec<String>,
}

/// Reads the file. An entry that is not an origin is a mistake worth fixing, not a reason to
/// trust nothing: the good entries are kept and each bad one is described in `problems`.
pub fn decode(text: &str) -> Result<(EmbedConfig, Vec<String>), String> {
    let file: File = serde_json::from_str(text).map_err(|e| {
        format!(
            "embed-config.json could not be read ({e}). It should look like \
             {{\"hostOrigins\": [\"https://intranet.example.gov.uk\"]}}."
        )
    })?;
    let mut config = EmbedConfig::default();
    let mut problems = Vec::new();
    for entry in file.host_origins {
        match normalise_origin(&entry) {
            Some(origin) => config.host_origins.push(origin),
            None => problems.push(format!(
                "embed-config.json: ‘{entry}’ is not an origin. Write the scheme, host and any \
                 port only, like https://intranet.example.gov.uk or http://10.0.0.5:8080."
            )),
        }
    }
    Ok((config, problems))
}

/// `https://Host.example:8443/` → `https://host.example:8443`; `None` for anything with a path,
/// query, user name or another scheme, and for `*`.
pub fn normalise_origin(text: &str) -> Option<String> {
    let text = text.trim();
    let (scheme, rest) = text.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.strip_suffix('/').unwrap_or(rest);
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if host.is_empty() || !host.chars().all(allowed) || host.starts_with(':') {
        return None;
    }
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// The origin of a full address (what `document.referrer` holds), if it has one.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    normalise_origin(&format!("{scheme}://{}", rest.get(..end)?))
}
