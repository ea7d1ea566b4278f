//! Finding what a cell names among the option's pools and partners, the funding streams and the
//! ring-fences: ignoring case, spacing and punctuation, and by the short names and abbreviations
//! plans use ("BCF", "iBCF", "DFG").

use crate::model::{FundingStream, PartnerId, Pool, PoolId, RingFence, Scenario};

/// Lower case letters and digits only: "NHS  Minimum-Contribution" → "nhsminimumcontribution".
pub(crate) fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The pool named `text`, by its name.
pub(crate) fn pool(scenario: &Scenario, text: &str) -> Option<PoolId> {
    let wanted = key(text);
    scenario
        .pools
        .iter()
        .find(|p| key(&p.name) == wanted)
        .map(|p: &Pool| p.id)
}

/// The partner named `text`, by its name or short name.
pub(crate) fn partner(scenario: &Scenario, text: &str) -> Option<PartnerId> {
    let wanted = key(text);
    scenario
        .partners
        .iter()
        .find(|p| {
            key(&p.name) == wanted || (!p.short_name.is_empty() && key(&p.short_name) == wanted)
        })
        .map(|p| p.id)
}

/// The funding stream named `text`: its label, or a name the planning template uses.
pub(crate) fn stream(text: &str) -> Option<FundingStream> {
    let wanted = key(text);
    if let Some(found) = FundingStream::ALL
        .iter()
        .copied()
        .find(|s| key(s.label()) == wanted)
    {
        return Some(found);
    }
    let found = match wanted.as_str() {
        "nhsminimum" | "minimumnhscontribution" | "nhsminimumcontribution" | "nhsmin" => {
            FundingStream::NhsMinimum
        }
        "ibcf"
        | "bettercaregrant"
        | "localauthoritybettercaregrant"
        | "labettercaregrant"
        | "improvedbettercarefund" => FundingStream::BetterCareGrant,
        "dfg" | "disabledfacilitiesgrant" => FundingStream::DisabledFacilitiesGrant,
        "dischargefund"
        | "dischargefunding"
        | "localauthoritydischargefunding"
        | "icbdischargefunding"
        | "adultsocialcaredischargefund" => FundingStream::DischargeFund,
        "additionalvoluntary"
        | "additionalvoluntarycontribution"
        | "additionallacontribution"
        | "additionalnhscontribution"
        | "additionalcontribution" => FundingStream::AdditionalVoluntary,
        _ => return None,
    };
    Some(found)
}

/// A ring-fence cell: `Some(None)` for none ("No", "None"), `Some(Some(..))` for one of the
/// two, `None` if the text names neither.
pub(crate) fn ring_fence(text: &str) -> Option<Option<RingFence>> {
    let wanted = key(text);
    for fence in [RingFence::AdultSocialCare, RingFence::OutOfHospital] {
        if key(fence.label()) == wanted {
            return Some(Some(fence));
        }
    }
    match wanted.as_str() {
        "" | "no" | "none" | "n" => Some(None),
        "adultsocialcare" | "asc" | "socialcare" | "adultsocialcareminimum" => {
            Some(Some(RingFence::AdultSocialCare))
        }
        "outofhospital"
        | "ooh"
        | "nhsoutofhospital"
        | "nhscommissionedoutofhospital"
        | "outofhospitalservices"
        | "nhsoutofhospitalservices" => Some(Some(RingFence::OutOfHospital)),
        _ => None,
    }
}
