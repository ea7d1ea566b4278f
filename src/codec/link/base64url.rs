//! Base64url without padding (RFC 4648 §5): the alphabet `A–Z a–z 0–9 - _`, which survives
//! URL fragments and the link detection of mail and chat clients unchanged.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub(super) fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let group = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for position in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * position)) & 0x3f;
            text.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    text
}

/// The decoded bytes, and whether the text was exactly what [`encode`] writes (no stray bits
/// after the last whole byte). Incomplete trailing bits are dropped rather than refused, so a
/// link cut off anywhere decodes to a prefix of its bytes and is reported as incomplete.
pub(super) struct Decoded {
    pub bytes: Vec<u8>,
    pub canonical: bool,
}

/// `Err` holds the first character outside the alphabet.
pub(super) fn decode(text: &str) -> Result<Decoded, char> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for c in text.chars() {
        buffer = buffer << 6 | u32::from(sextet(c).ok_or(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // A whole link leaves 0, 2 or 4 spare bits, all zero; a lone sixth bit means a cut.
    let canonical = buffer == 0 && bits != 6;
    Ok(Decoded { bytes, canonical })
}

fn sextet(c: char) -> Option<u8> {
    let value = match c {
        'A'..='Z' => c as u32 - 'A' as u32,
        'a'..='z' => c as u32 - 'a' as u32 + 26,
        '0'..='9' => c as u32 - '0' as u32 + 52,
        '-' => 62,
        '_' => 63,
        _ => return None,
    };
    u8::try_from(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for len in 0..40 {
            let text = encode(&data[..len]);
            assert_eq!(text.len(), (len * 4).div_ceil(3));
            let decoded = decode(&text).unwrap_or_else(|c| panic!("bad char {c}"));
            assert_eq!(decoded.bytes, &data[..len]);
            assert!(decoded.canonical);
        }
        assert_eq!(encode(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn spots_stray_bits_and_foreign_characters() {
        assert!(!decode("-_9").map(|d| d.canonical).unwrap_or(true));
        assert_eq!(decode("ab+c").err(), Some('+'));
    }
}
