//! Feeds decode_link three kinds of input, chosen by the first byte: arbitrary text (the tag
//! and clean-up), arbitrary bytes as a link's payload (base64url and inflate), and arbitrary
//! bytes as a body with a correct checksum (the body reader, which a checksum would otherwise
//! keep the fuzzer out of). It must never panic, and whatever opens must re-encode to the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pooled_budgets::codec::link::{decode_link, encode_link, link_from_body, link_from_payload};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = match mode % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => link_from_payload(rest),
        _ => link_from_body(rest, false),
    };
    if let Ok((model, selected)) = decode_link(&text) {
        let again = decode_link(&encode_link(&model, selected));
        assert_eq!(again, Ok((model, selected)));
    }
});
