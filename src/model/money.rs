//! Money and percentages: exact amounts held to the penny, the one rounding rule every computed
//! amount passes through, and parsing of what people type into a money or percentage field.

use core::fmt;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::format::MoneyUnit;

/// The largest amount a user may enter (£1 trillion). Far above any real pool, far below
/// `Decimal::MAX`, so growth over ten years can never overflow a value that passed validation.
pub const MONEY_LIMIT: Money = Money(Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0));

/// The one rounding rule: to the penny, halves away from zero (£0.005 → £0.01, −£0.005 → −£0.01),
/// as a spreadsheet's ROUND(x, 2) does. Every computed amount passes through here.
pub fn round_to_penny(value: Decimal) -> Decimal {
    round_half_away_from_zero(value, 2)
}

/// The same rule to any number of places, for display in £000 or £m. The result always has
/// exactly `places` decimal places, so whole pounds still serialise as "1250000.00".
///
/// Works on the 96-bit integer inside the decimal: value = mantissa / 10^scale, so rounding to
/// `places` is an integer division by 10^(scale − places), adding one (away from zero) when the
/// remainder is at least half the divisor. The same as `RoundingStrategy::MidpointAwayFromZero`
/// (a property test checks), several times faster, and compute does this for every amount.
pub fn round_half_away_from_zero(value: Decimal, places: u32) -> Decimal {
    let scale = value.scale();
    if scale == places {
        // Already there: what rescaling to the same scale would give.
        return value;
    }
    if scale <= places {
        let mut widened = value;
        widened.rescale(places);
        return widened;
    }
    let rounded = round_mantissa(value.mantissa(), scale, places);
    Decimal::try_from_i128_with_scale(rounded, places).unwrap_or_else(|_| {
        value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
    })
}

/// The rounding rule on an integer: `mantissa / 10^scale` rounded half away from zero to
/// `places` (< `scale`, and `scale` ≤ 28 so the divisor fits an i128), as a mantissa at `places`.
fn round_mantissa(mantissa: i128, scale: u32, places: u32) -> i128 {
    let divisor = 10i128.pow(scale.saturating_sub(places));
    let (quotient, remainder) = (mantissa / divisor, mantissa % divisor);
    if remainder.unsigned_abs() * 2 >= divisor.unsigned_abs() {
        quotient + mantissa.signum()
    } else {
        quotient
    }
}

/// An amount in pounds, exact to the penny. Serialised as a string ("1250000.50").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "Decimal", into = "Decimal")]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Rounds `value` to the penny with [`round_to_penny`] (an amount already at two places is
    /// as it is, without the call).
    #[inline]
    pub fn from_decimal(value: Decimal) -> Money {
        if value.scale() == 2 {
            return Money(value);
        }
        Money(round_to_penny(value))
    }

    /// Whole pounds; convenient for fixtures and tests.
    pub fn pounds(pounds: i64) -> Money {
        Money::from_decimal(Decimal::from(pounds))
    }

    pub fn from_pence(pence: i64) -> Money {
        Money(Decimal::new(pence, 2))
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn is_positive(self) -> bool {
        self.0.is_sign_positive() && !self.0.is_zero()
    }

    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    /// Negation cannot overflow: `Decimal` is sign and magnitude.
    pub fn negate(self) -> Money {
        Money(-self.0)
    }

    /// Small enough to be inlined where the engine adds up amounts (thousands of times a
    /// draw); the rare `Decimal` way is out of line.
    #[inline]
    pub fn checked_add(self, other: Money) -> Option<Money> {
        match penny_mantissas(self, other) {
            Some((a, b)) => Money::from_pence_i128(a.checked_add(b)?),
            None => self.add_decimal(other),
        }
    }

    #[inline]
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        match penny_mantissas(self, other) {
            Some((a, b)) => Money::from_pence_i128(a.checked_sub(b)?),
            None => self.sub_decimal(other),
        }
    }

    /// `self + other` in `Decimal` arithmetic, rounded to the penny.
    #[cold]
    #[inline(never)]
    fn add_decimal(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money::from_decimal)
    }

    #[cold]
    #[inline(never)]
    fn sub_decimal(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money::from_decimal)
    }

    /// `None` beyond what a `Decimal` can hold (about £7.9 × 10^26).
    #[inline]
    fn from_pence_i128(pence: i128) -> Option<Money> {
        Decimal::try_from_i128_with_scale(pence, 2).ok().map(Money)
    }

    /// `percent` of this amount, rounded to the penny.
    pub fn checked_percent(self, percent: Percent) -> Option<Money> {
        if percent.0.is_zero() {
            return Some(Money::ZERO);
        }
        let fraction = percent.as_fraction()?;
        if let Some(pence) = self.pence_times(fraction) {
            return Money::from_pence_i128(pence);
        }
        self.0.checked_mul(fraction).map(Money::from_decimal)
    }

    /// This amount grown by `percent` for one year and rounded: round(x × (1 + p/100)).
    pub fn checked_grow(self, percent: Percent) -> Option<Money> {
        if percent.0.is_zero() {
            return Some(Money::from_decimal(self.0));
        }
        // round(x × (1 + f)) in one step. (x + round(x·f) is not the same when x·f ends in a
        // half penny of the other sign: half away from zero rounds the two ways apart.)
        let factor = Decimal::ONE.checked_add(percent.as_fraction()?)?;
        if let Some(pence) = self.pence_times(factor) {
            return Money::from_pence_i128(pence);
        }
        self.0.checked_mul(factor).map(Money::from_decimal)
    }

    /// round(self × factor) in pence, by integer arithmetic when everything fits in an i128
    /// (always, for amounts and percentages that pass validation); `None` to use `Decimal`.
    fn pence_times(self, factor: Decimal) -> Option<i128> {
        let scale = factor.scale().checked_add(2).filter(|s| *s <= 28)?;
        if self.0.scale() != 2 {
            return None;
        }
        let product = self.0.mantissa().checked_mul(factor.mantissa())?;
        Some(round_mantissa(product, scale, 2))
    }

    /// This amount in the first year, then grown by `rate` each year for `years` years, rounding
    /// every year as a spreadsheet with rounded cells would: x₀ = self, xₙ = round(xₙ₋₁ × (1 + r/100)).
    /// On overflow, says which year (0-based) could not be computed.
    pub fn compounded(self, rate: Percent, years: usize) -> Result<Vec<Money>, OverflowAt> {
        let mut series = Vec::with_capacity(years);
        let mut current = self;
        for year in 0..years {
            if year > 0 {
                current = current.checked_grow(rate).ok_or(OverflowAt(year))?;
            }
            series.push(current);
        }
        Ok(series)
    }

    /// Adds up amounts, `None` if the total would not fit.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |total, amount| total.checked_add(amount))
    }

    /// What this amount is as a percentage of `whole`, to 2 dp; `None` when `whole` is zero.
    pub fn percent_of(self, whole: Money) -> Option<Percent> {
        if whole.is_zero() {
            return None;
        }
        let ratio = self
            .0
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(whole.0)?;
        Some(Percent(round_to_penny(ratio).normalize()))
    }

    /// Reads money as people type it: "£1,250,000.50", "1250000", "-£3.20", "(£3.20)", "£ 12".
    pub fn parse(text: &str) -> Result<Money, MoneyParseError> {
        Money::parse_in(text, MoneyUnit::Pounds)
    }

    /// Reads money typed or pasted into a money field of a model whose amounts are shown in
    /// `unit`: a bare figure is in that unit ("1,250" in £000 is £1,250,000.00), while a figure
    /// written with "£" is in pounds whatever the unit ("£1,250,000" is £1,250,000.00), so a
    /// figure copied with its £ sign is never scaled. In pounds it is [`Money::parse`].
    pub fn parse_entered(text: &str, unit: MoneyUnit) -> Result<Money, MoneyParseError> {
        Money::parse_in(text, Money::entered_unit(text, unit))
    }

    /// The unit [`Money::parse_entered`] reads `text` in: pounds when it is written with "£",
    /// else `unit`.
    pub fn entered_unit(text: &str, unit: MoneyUnit) -> MoneyUnit {
        let marked = strip_sign(text.trim()).is_some_and(|(_, body)| body.starts_with('£'));
        if marked {
            MoneyUnit::Pounds
        } else {
            unit
        }
    }

    /// Reads money written in `unit`, as in a workbook whose column is headed £000 or £m:
    /// "1,250.5" in thousands is £1,250,500.00. The same rules as [`Money::parse`], with as
    /// many more decimal places as the unit has zeros (still to the penny); the scaling is
    /// exact (a decimal shift, never a float).
    pub fn parse_in(text: &str, unit: MoneyUnit) -> Result<Money, MoneyParseError> {
        let shift: u32 = match unit {
            MoneyUnit::Pounds => 0,
            MoneyUnit::Thousands => 3,
            MoneyUnit::Millions => 6,
        };
        let (negative, body) = strip_sign(text.trim()).ok_or(MoneyParseError::NotANumber)?;
        let body = body.strip_prefix('£').unwrap_or(body);
        let digits = strip_grouping(body).ok_or(MoneyParseError::NotANumber)?;
        if digits.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        // `Decimal`'s own reader would take "1e5" as 100000 and "1_000" as 1000.
        if digits.contains(['e', 'E']) {
            return Err(MoneyParseError::Exponent);
        }
        if !is_plain_number(&digits) {
            return Err(MoneyParseError::NotANumber);
        }
        if let Some((_, pence)) = digits.split_once('.') {
            if pence.len() > 2 + shift as usize {
                return Err(MoneyParseError::TooManyDecimalPlaces);
            }
        }
        let value: Decimal = digits.parse().map_err(|_| MoneyParseError::NotANumber)?;
        let value = value
            .checked_mul(Decimal::from(10u32.pow(shift)))
            .ok_or(MoneyParseError::TooLarge)?;
        let money = Money::from_decimal(if negative { -value } else { value });
        if money.abs() > MONEY_LIMIT {
            return Err(MoneyParseError::TooLarge);
        }
        Ok(money)
    }
}

/// Both amounts as whole pence, when both are held at two places (always, unless an amount is
/// too large for two places). Adding pence as integers is exact and much faster than `Decimal`
/// addition, which compute does thousands of times.
#[inline]
fn penny_mantissas(a: Money, b: Money) -> Option<(i128, i128)> {
    (a.0.scale() == 2 && b.0.scale() == 2).then(|| (a.0.mantissa(), b.0.mantissa()))
}

impl Default for Money {
    fn default() -> Self {
        Money::ZERO
    }
}

impl From<Decimal> for Money {
    fn from(value: Decimal) -> Self {
        Money::from_decimal(value)
    }
}

impl From<Money> for Decimal {
    fn from(value: Money) -> Self {
        value.0
    }
}

/// Plain form for logs and JSON: "-1250.50". People see [`crate::model::format_money`].
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A yearly amount was too large to compute; holds the year's position in the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverflowAt(pub usize);

/// Why typed money could not be read; the UI puts the field's label in front.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyParseError {
    Empty,
    NotANumber,
    TooManyDecimalPlaces,
    TooLarge,
    /// Written with an exponent, like "1e5".
    Exponent,
}

impl fmt::Display for MoneyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyParseError::Empty => "must be entered, like 1250000 or 1,250,000.50",
            MoneyParseError::NotANumber => "must be a number, like 1250000 or 1,250,000.50",
            MoneyParseError::TooManyDecimalPlaces => {
                "must be in pounds and pence, like 1,250,000.50"
            }
            MoneyParseError::TooLarge => "must be between −£1 trillion and £1 trillion",
            MoneyParseError::Exponent => {
                "must be written out in digits, like 100000 or 100,000, not 1e5"
            }
        })
    }
}

/// A percentage in percentage points: 5.66 means 5.66%. Serialised as a string ("5.66").
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Percent(Decimal);

impl Percent {
    pub const ZERO: Percent = Percent(Decimal::ZERO);
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    pub fn new(points: Decimal) -> Percent {
        Percent(points)
    }

    /// Percentage points given as hundredths: `Percent::from_hundredths(566)` is 5.66%.
    pub fn from_hundredths(hundredths: i64) -> Percent {
        Percent(Decimal::new(hundredths, 2))
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// p/100, exactly: moving the decimal point is much cheaper than dividing.
    pub fn as_fraction(self) -> Option<Decimal> {
        let mut fraction = self.0;
        match fraction.set_scale(self.0.scale() + 2) {
            Ok(()) => Some(fraction),
            Err(_) => self.0.checked_div(Decimal::ONE_HUNDRED),
        }
    }

    /// Reads "5.66%", "5.66", "-1.5 %", "(1.5%)".
    pub fn parse(text: &str) -> Result<Percent, PercentParseError> {
        let (negative, body) = strip_sign(text.trim()).ok_or(PercentParseError::NotANumber)?;
        let body = body.trim();
        let body = body.strip_suffix('%').unwrap_or(body).trim();
        if body.is_empty() {
            return Err(PercentParseError::Empty);
        }
        if body.contains(['e', 'E']) {
            return Err(PercentParseError::Exponent);
        }
        // The sign was taken off above; a second one ("--5") is a typing slip, not a plus.
        if !is_plain_number(body) {
            return Err(PercentParseError::NotANumber);
        }
        let value: Decimal = body.parse().map_err(|_| PercentParseError::NotANumber)?;
        if value.abs() > Decimal::from(1_000_000) {
            return Err(PercentParseError::TooLarge);
        }
        Ok(Percent(if negative { -value } else { value }))
    }
}

/// "5.66%", "3.9%", "100%": no trailing zeros, so the words in a comparison read naturally.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentParseError {
    Empty,
    NotANumber,
    TooLarge,
    /// Written with an exponent, like "5e-1".
    Exponent,
}

impl fmt::Display for PercentParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PercentParseError::Empty => "must be entered, like 5.66 or 5.66%",
            PercentParseError::NotANumber => "must be a percentage, like 5.66 or 5.66%",
            PercentParseError::TooLarge => "must be a percentage less than 1,000,000%",
            PercentParseError::Exponent => {
                "must be written out in digits, like 0.5 or 0.5%, not 5e-1"
            }
        })
    }
}

/// Digits with at most one decimal point and at least one digit: "1250000.50", ".5", "5.".
/// Nothing else (no sign, exponent, underscore or space) reaches `Decimal`'s reader.
fn is_plain_number(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|b| *b == b'.').count() <= 1
        && text.bytes().any(|b| b.is_ascii_digit())
}

/// Splits off a leading minus (hyphen or U+2212) or surrounding brackets. `None` if the text
/// has both, or an unclosed bracket.
fn strip_sign(text: &str) -> Option<(bool, &str)> {
    if let Some(inner) = text.strip_prefix('(') {
        let inner = inner.strip_suffix(')')?.trim();
        if inner.starts_with(['-', '\u{2212}']) {
            return None;
        }
        return Some((true, inner));
    }
    if text.ends_with(')') {
        return None;
    }
    match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => Some((true, rest.trim_start())),
        None => Some((false, text)),
    }
}

/// Removes spaces and thousands separators, checking commas sit between groups of three
/// digits so "1,25" is refused rather than read as 125.
fn strip_grouping(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.starts_with(['-', '+']) {
        return None;
    }
    let (whole, fraction) = match compact.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (compact.as_str(), None),
    };
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|group| group.len() != 3) {
            return None;
        }
    }
    if fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    Some(compact.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_one_trillion() {
        assert_eq!(
            MONEY_LIMIT.as_decimal(),
            Decimal::from(1_000_000_000_000_i64)
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(
            Money::from_decimal(Decimal::new(1005, 3)),
            Money::from_pence(101)
        );
        assert_eq!(
            Money::from_decimal(Decimal::new(-1005, 3)),
            Money::from_pence(-101)
        );
        assert_eq!(
            Money::from_decimal(Decimal::new(1004, 3)),
            Money::from_pence(100)
        );
        assert_eq!(Money::pounds(3).to_string(), "3.00");
    }
}
