//! Raw deflate (RFC 1951) with a preset dictionary, inflation bounded in size, and the CRC-32
//! that lets a reader tell a damaged link from a good one.
//!
//! miniz_oxide has no preset-dictionary call, so the dictionary is emulated the standard way:
//! the compressor is fed the dictionary and sync-flushed (which ends on a byte boundary), the
//! bytes written so far are dropped, and the decompressor starts with the dictionary already in
//! its output window. The stream may then refer back into the dictionary.

use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::dictionary::DICTIONARY;

/// miniz's best compression ("uber"); links are small, so its extra effort costs microseconds.
const LEVEL: u8 = 10;

/// Compresses `body` as raw deflate, preset with [`DICTIONARY`] when `with_dictionary`.
pub(super) fn deflate(body: &[u8], with_dictionary: bool) -> Vec<u8> {
    // Negative window bits: raw deflate, no zlib header or Adler-32 (the link has its own check).
    let flags = create_comp_flags_from_zip_params(i32::from(LEVEL), -15, 0);
    let mut compressor = Box::new(CompressorOxide::new(flags));
    let mut out = Vec::with_capacity(body.len() / 2 + 64);
    let mut prefix = 0;
    if with_dictionary {
        compress_to_output(&mut compressor, DICTIONARY, TDEFLFlush::Sync, |bytes| {
            out.extend_from_slice(bytes);
            true
        });
        prefix = out.len();
    }
    compress_to_output(&mut compressor, body, TDEFLFlush::Finish, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    out.split_off(prefix)
}

/// Why a deflate stream could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum InflateError {
    /// The stream stops before its last block ends: the link was cut off.
    Incomplete,
    /// It would inflate to more than the cap.
    TooLarge,
    /// Not valid deflate, or bytes follow its end.
    Damaged,
}

/// Inflates `stream` (preset with [`DICTIONARY`]) to at most `cap` bytes. Memory grows with the
/// output actually produced, never beyond `cap` plus the dictionary; time is linear in it.
pub(super) fn inflate(stream: &[u8], cap: usize) -> Result<Vec<u8>, InflateError> {
    let start = DICTIONARY.len();
    let limit = start + cap;
    let mut out = vec![0; limit.min(start + 16 * 1024)];
    if let Some(window) = out.get_mut(..start) {
        window.copy_from_slice(DICTIONARY);
    }
    let mut decompressor = Box::new(DecompressorOxide::new());
    let (mut read, mut written) = (0, start);
    loop {
        let rest = stream.get(read..).unwrap_or_default();
        let (status, used, produced) = decompress(
            &mut decompressor,
            rest,
            &mut out,
            written,
            inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        read += used;
        written += produced;
        match status {
            TINFLStatus::Done if read == stream.len() => break,
            TINFLStatus::Done => return Err(InflateError::Damaged),
            TINFLStatus::HasMoreOutput if out.len() >= limit => return Err(InflateError::TooLarge),
            TINFLStatus::HasMoreOutput => {
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => {
                return Err(InflateError::Incomplete)
            }
            _ => return Err(InflateError::Damaged),
        }
    }
    out.truncate(written);
    Ok(out.split_off(start))
}

/// CRC-32 as in zlib, PNG and zip (reflected polynomial 0xEDB88320, initial and final
/// complement), so any language's standard library can check a link. Bitwise: links are a few
/// kilobytes at most, and a table would add a kilobyte to the wasm.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn inflates_what_it_deflates_with_and_without_the_dictionary() {
        let body = b"London Borough of Hackney and the NHS Foundation Trust".repeat(3);
        for with_dictionary in [false, true] {
            let stream = deflate(&body, with_dictionary);
            assert_eq!(inflate(&stream, 1 << 20), Ok(body.clone()));
        }
        assert!(deflate(&body, true).len() < deflate(&body, false).len());
    }

    #[test]
    fn refuses_cut_oversized_and_trailing_streams() {
        let body = vec![b'a'; 5000];
        let stream = deflate(&body, true);
        assert_eq!(
            inflate(&stream[..stream.len() - 1], 1 << 20),
            Err(InflateError::Incomplete)
        );
        assert_eq!(inflate(&stream, 4999), Err(InflateError::TooLarge));
        assert_eq!(inflate(&stream, 5000).map(|b| b.len()), Ok(5000));
        let mut extra = stream.clone();
        extra.push(0);
        assert_eq!(inflate(&extra, 1 << 20), Err(InflateError::Damaged));
    }
}
