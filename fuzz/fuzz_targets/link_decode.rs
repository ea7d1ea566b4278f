//! Feeds decode_link three kinds of input, chosen by the first byte: arbitrary text (the tag
//! and clean-up), arbitrary bytes as a link's payload (base64url and inflate), and arbitrary
//! bytes as a body with a correct checksum (the body reader, which a checksum would otherwise
//! keep the fuzzer out of). It must never panic, and whatever opens must re-encode to the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pooled_budgets::codec::link::{decode_link, encode_link};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = match mode % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => format!("m1.{}", base64url(rest)),
        _ => {
            let mut payload = crc32(rest).to_le_bytes().to_vec();
            payload.extend(miniz_oxide::deflate::compress_to_vec(rest, 1));
            format!("m1.{}", base64url(&payload))
        }
    };
    if let Ok((model, selected)) = decode_link(&text) {
        let again = decode_link(&encode_link(&model, selected));
        assert_eq!(again, Ok((model, selected)));
    }
});

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut bits, mut count, mut text) = (0u32, 0, String::new());
    for &byte in bytes {
        bits = bits << 8 | u32::from(byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            text.push(char::from(ALPHABET[(bits >> count & 63) as usize]));
        }
    }
    if count > 0 {
        text.push(char::from(ALPHABET[(bits << (6 - count) & 63) as usize]));
    }
    text
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
