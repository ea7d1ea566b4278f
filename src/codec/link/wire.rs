//! The primitives a link body is written in: LEB128 varints, strings, exact decimals; and the
//! reader's budget, which bounds what a small body may expand into.

use rust_decimal::Decimal;

use crate::model::limits::LimitError;

/// Most items (scenarios, partners, pools, contributions, lines, ring-fences and the entries
/// inside them) one link may hold, counting items copied from the first scenario. The large
/// example model has about 8,000.
pub const MAX_ITEMS: usize = 50_000;
/// Most bytes of text one link may hold, counting copies.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// Ends each string in the text; never a byte of UTF-8.
pub const END_OF_STRING: u8 = 0xFF;

/// Why a body that passed its checksum could still not be read: only a hand-made link or a bug
/// gets here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BodyError {
    /// What could not be read, for the detail of the error.
    Malformed(&'static str),
    /// It holds more than [`MAX_ITEMS`] or [`MAX_TEXT_BYTES`].
    TooLarge,
    /// It holds more of something than the modeller supports (`model::limits`).
    OverLimit(LimitError),
    /// It holds an optional part (link/parts.rs) this version does not know: a newer version
    /// made it.
    UnknownPart(u32),
}

pub(super) type Read<T> = Result<T, BodyError>;

#[derive(Default)]
pub(super) struct Writer {
    pub bytes: Vec<u8>,
    pub text: Vec<u8>,
}

impl Writer {
    pub fn varint(&mut self, mut value: u128) {
        while value >= 0x80 {
            self.bytes.push((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    pub fn number(&mut self, value: impl Into<u128>) {
        self.varint(value.into());
    }

    pub fn count(&mut self, count: usize) {
        self.varint(count as u128);
    }

    /// A year as its distance from the scenario's first year, zigzagged (0, −1, 1, −2 … →
    /// 0, 1, 2, 3 …), so the years of a five-year plan take one byte each.
    pub fn year(&mut self, year: u16, start: u16) {
        let offset = i32::from(year) - i32::from(start);
        self.number(((offset << 1) ^ (offset >> 31)) as u32);
    }

    /// A string's UTF-8 in the text, ended by the byte FF, which UTF-8 never uses.
    pub fn string(&mut self, text: &str) {
        self.text.extend_from_slice(text.as_bytes());
        self.text.push(END_OF_STRING);
    }

    /// The body: the text of every string, then everything else. Kept apart, each compresses
    /// better: names repeat names, numbers repeat numbers.
    pub fn finish(self) -> Vec<u8> {
        let mut body = Writer::default();
        body.count(self.text.len());
        body.bytes.extend_from_slice(&self.text);
        body.bytes.extend_from_slice(&self.bytes);
        body.bytes
    }

    /// A header byte, then the digits left once trailing zeros are taken off. The header holds
    /// the number of trailing zeros (bits 0–5), the sign (bit 6), and whether a scale other
    /// than 2 follows as a varint (bit 7). £24,600,000.00 is 2460000000 at scale 2: header 7,
    /// digits 246. 5.66% is header 0, digits 566. Keeps the scale, so "3" and "3.00" differ.
    pub fn decimal(&mut self, value: Decimal) {
        let mut digits = value.mantissa().unsigned_abs();
        let mut zeros = 0u8;
        while digits != 0 && digits % 10 == 0 {
            digits /= 10;
            zeros += 1;
        }
        let sign = u8::from(value.is_sign_negative()) << 6;
        if value.scale() == 2 {
            self.bytes.push(zeros | sign);
        } else {
            self.bytes.push(zeros | sign | 0x80);
            self.number(value.scale());
        }
        self.varint(digits);
    }
}

pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a [u8],
    items_left: usize,
    text_left: usize,
}

impl<'a> Reader<'a> {
    /// Reads a body made by [`Writer::finish`].
    pub fn new(body: &'a [u8]) -> Read<Reader<'a>> {
        let mut reader = Reader {
            bytes: body,
            text: &[],
            items_left: MAX_ITEMS,
            text_left: MAX_TEXT_BYTES,
        };
        let len: usize = reader.number("the length of the text")?;
        if len > reader.bytes.len() {
            return Err(BodyError::Malformed("the length of the text"));
        }
        (reader.text, reader.bytes) = reader.bytes.split_at(len);
        Ok(reader)
    }

    pub fn is_at_end(&self) -> bool {
        self.bytes.is_empty() && self.text.is_empty()
    }

    /// Counts `items` and `text` bytes against the budget.
    pub fn spend(&mut self, items: usize, text: usize) -> Read<()> {
        self.items_left = self
            .items_left
            .checked_sub(items)
            .ok_or(BodyError::TooLarge)?;
        self.text_left = self
            .text_left
            .checked_sub(text)
            .ok_or(BodyError::TooLarge)?;
        Ok(())
    }

    pub fn varint(&mut self, what: &'static str) -> Read<u128> {
        let mut value = 0u128;
        let mut shift = 0u32;
        loop {
            let (&byte, rest) = self
                .bytes
                .split_first()
                .ok_or(BodyError::Malformed("the data ends too soon"))?;
            self.bytes = rest;
            let low = u128::from(byte & 0x7f);
            if shift >= 128 || (shift > 121 && low >> (128 - shift) != 0) {
                return Err(BodyError::Malformed(what));
            }
            value |= low << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    pub fn number<T: TryFrom<u128>>(&mut self, what: &'static str) -> Read<T> {
        T::try_from(self.varint(what)?).map_err(|_| BodyError::Malformed(what))
    }

    /// A count of entries that follow, each counted against the item budget.
    pub fn count(&mut self, what: &'static str) -> Read<usize> {
        let count = self.number(what)?;
        self.spend(count, 0)?;
        Ok(count)
    }

    pub fn flag(&mut self, what: &'static str) -> Read<bool> {
        match self.varint(what)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(BodyError::Malformed(what)),
        }
    }

    pub fn year(&mut self, start: u16, what: &'static str) -> Read<u16> {
        let zigzag: u32 = self.number(what)?;
        let offset = (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32);
        i32::from(start)
            .checked_add(offset)
            .and_then(|year| u16::try_from(year).ok())
            .ok_or(BodyError::Malformed(what))
    }

    pub fn string(&mut self, what: &'static str) -> Read<String> {
        let len = self
            .text
            .iter()
            .position(|b| *b == END_OF_STRING)
            .ok_or(BodyError::Malformed(what))?;
        self.spend(0, len)?;
        let (text, rest) = self.text.split_at(len);
        self.text = rest.get(1..).unwrap_or_default();
        String::from_utf8(text.to_vec()).map_err(|_| BodyError::Malformed(what))
    }

    pub fn decimal(&mut self, what: &'static str) -> Read<Decimal> {
        let (&header, rest) = self
            .bytes
            .split_first()
            .ok_or(BodyError::Malformed("the data ends too soon"))?;
        self.bytes = rest;
        let scale = match header & 0x80 {
            0 => 2,
            _ => self.number(what)?,
        };
        let digits = self.varint(what)?;
        let mantissa = 10u128
            .checked_pow(u32::from(header & 0x3f))
            .and_then(|power| digits.checked_mul(power))
            .and_then(|m| i128::try_from(m).ok())
            .ok_or(BodyError::Malformed(what))?;
        let mut value = Decimal::try_from_i128_with_scale(mantissa, scale)
            .map_err(|_| BodyError::Malformed(what))?;
        value.set_sign_negative(header & 0x40 != 0);
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_value_scale_and_sign() {
        let mut negative_zero = Decimal::new(0, 2);
        negative_zero.set_sign_negative(true);
        let values = [
            Decimal::new(2_460_000_000, 2),
            Decimal::new(566, 2),
            Decimal::new(3, 0),
            Decimal::new(300, 2),
            Decimal::new(-125_050, 2),
            negative_zero,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
        ];
        let mut writer = Writer::default();
        for value in values {
            writer.decimal(value);
        }
        let body = writer.finish();
        let Ok(mut reader) = Reader::new(&body) else {
            panic!("no text length")
        };
        for value in values {
            let read = reader.decimal("value");
            assert_eq!(read.map(|d| d.serialize()), Ok(value.serialize()));
        }
        assert!(reader.is_at_end());
    }

    #[test]
    fn varints_refuse_overflow_and_years_stay_in_range() {
        let mut overlong = vec![0];
        overlong.extend([0xff; 20]);
        let Ok(mut reader) = Reader::new(&overlong) else {
            panic!("no text length")
        };
        assert_eq!(reader.varint("n"), Err(BodyError::Malformed("n")));
        let mut writer = Writer::default();
        writer.varint(u128::MAX);
        writer.year(2024, 2025);
        writer.year(2029, 2025);
        writer.number(200_000u32);
        let body = writer.finish();
        let Ok(mut reader) = Reader::new(&body) else {
            panic!("no text length")
        };
        assert_eq!(reader.varint("n"), Ok(u128::MAX));
        assert_eq!(reader.year(2025, "y"), Ok(2024));
        assert_eq!(reader.year(2025, "y"), Ok(2029));
        assert_eq!(reader.year(0, "y"), Err(BodyError::Malformed("y")));
    }
}
