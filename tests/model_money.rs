//! Money: parsing what people type, the one rounding rule, compounding, splitting and display.

use pooled_budgets::model::{
    entry_text, format_money, format_percent, format_report_percent, meaningful_percent, split,
    AmountRule, FinancialYear, Horizon, Money, MoneyParseError, MoneyStyle, MoneyUnit,
    NegativeStyle, Partner, PartnerId, PartnerKind, Percent, PoolId, SpendLine, SplitError,
};
use rust_decimal::Decimal;

fn pence(p: i64) -> Money {
    Money::from_pence(p)
}

#[test]
fn parses_money_as_people_type_it() {
    assert_eq!(Money::parse("£1,250,000.50"), Ok(pence(125_000_050)));
    assert_eq!(Money::parse(" 1250000 "), Ok(Money::pounds(1_250_000)));
    assert_eq!(Money::parse("£ 1 250 000"), Ok(Money::pounds(1_250_000)));
    assert_eq!(Money::parse("-£3.20"), Ok(pence(-320)));
    assert_eq!(Money::parse("(£3.20)"), Ok(pence(-320)));
    assert_eq!(Money::parse("−220,336"), Ok(Money::pounds(-220_336)));
    assert_eq!(Money::parse("1,25"), Err(MoneyParseError::NotANumber));
    assert_eq!(
        Money::parse("12.345"),
        Err(MoneyParseError::TooManyDecimalPlaces)
    );
    assert_eq!(Money::parse("abc"), Err(MoneyParseError::NotANumber));
    assert_eq!(Money::parse(""), Err(MoneyParseError::Empty));
    assert_eq!(
        Money::parse("2,000,000,000,000"),
        Err(MoneyParseError::TooLarge)
    );
    assert_eq!(
        MoneyParseError::NotANumber.to_string(),
        "must be a number, like 1250000 or 1,250,000.50"
    );
}

/// The limit holds both ways, and its message says so: "less than £1 trillion" was already true
/// of −£2 trillion, which left someone who typed it no way to tell what was wrong.
#[test]
fn an_amount_beyond_the_limit_either_way_is_refused_with_both_bounds() {
    assert_eq!(
        Money::parse("1,000,000,000,000"),
        Ok(Money::pounds(1_000_000_000_000))
    );
    assert_eq!(
        Money::parse("-1,000,000,000,000"),
        Ok(Money::pounds(-1_000_000_000_000))
    );
    for text in [
        "1,000,000,000,000.01",
        "-1,000,000,000,000.01",
        "−2,000,000,000,000",
    ] {
        let error = Money::parse(text).expect_err(text);
        assert_eq!(error, MoneyParseError::TooLarge, "{text}");
        assert_eq!(
            error.to_string(),
            "must be between −£1 trillion and £1 trillion"
        );
    }
}

#[test]
fn parses_percentages() {
    assert_eq!(Percent::parse("5.66%"), Ok(Percent::from_hundredths(566)));
    assert_eq!(Percent::parse(" 3.9 "), Ok(Percent::from_hundredths(390)));
    assert_eq!(Percent::parse("-1.5 %"), Ok(Percent::from_hundredths(-150)));
    assert!(Percent::parse("five").is_err());
    assert_eq!(Percent::from_hundredths(390).to_string(), "3.9%");
}

#[test]
fn uplift_rounds_each_year_like_a_spreadsheet() {
    // £1,000,000 uplifted 5.66%:
    // 2026/27: 1,000,000 × 1.0566 = 1,056,600.00
    // 2027/28: 1,056,600 × 1.0566 = 1,116,403.56
    // 2028/29: 1,116,403.56 × 1.0566 = 1,179,592.001496 → 1,179,592.00
    let rule = AmountRule::Uplift {
        base: Money::pounds(1_000_000),
        uplift: Percent::from_hundredths(566),
    };
    let amounts = rule
        .amounts(Horizon::new(FinancialYear(2025), 4), None)
        .unwrap();
    assert_eq!(
        amounts,
        vec![
            pence(100_000_000),
            pence(105_660_000),
            pence(111_640_356),
            pence(117_959_200)
        ]
    );
}

#[test]
fn percent_of_baseline_uses_the_partners_growing_baseline() {
    // Baseline £124,000,000 growing 3%; contribution 2.42% of it.
    // 2025/26: 124,000,000 × 2.42% = 3,000,800.00
    // 2026/27: baseline 127,720,000 × 2.42% = 3,090,824.00
    let mut council = Partner::new(1, "London Borough of Hackney", "LBH", PartnerKind::Council);
    council.baseline_budget = Some(Money::pounds(124_000_000));
    council.baseline_growth = Percent::from_hundredths(300);
    let rule = AmountRule::PercentOfBaseline {
        percent: Percent::from_hundredths(242),
    };
    let amounts = rule
        .amounts(Horizon::new(FinancialYear(2025), 2), Some(&council))
        .unwrap();
    assert_eq!(
        amounts,
        vec![Money::pounds(3_000_800), Money::pounds(3_090_824)]
    );
}

#[test]
fn line_savings_come_off_each_years_gross_budget() {
    // £1,000,000 growing 3% with 2% integration savings:
    // 2025/26: gross 1,000,000, saving 20,000, planned 980,000
    // 2026/27: gross 1,030,000, saving 20,600, planned 1,009,400
    let mut line = SpendLine::new(
        1,
        "Reablement",
        PoolId(1),
        PartnerId(1),
        Money::ZERO,
        Horizon::new(FinancialYear(2025), 2),
    );
    line.budget = SpendLine::grown_budget(
        Money::pounds(1_000_000),
        Percent::from_hundredths(300),
        Horizon::new(FinancialYear(2025), 2),
    )
    .unwrap();
    line.savings = Percent::from_hundredths(200);
    let plan = line.plan(Horizon::new(FinancialYear(2025), 2)).unwrap();
    assert_eq!(plan[1].gross, Money::pounds(1_030_000));
    assert_eq!(plan[1].savings, Money::pounds(20_600));
    assert_eq!(plan[1].planned, Money::pounds(1_009_400));
    assert_eq!(plan[0].planned, Money::pounds(980_000));
}

#[test]
fn splits_by_largest_remainder() {
    let weights: Vec<Decimal> = [50, 30, 20].iter().map(|w| Decimal::from(*w)).collect();
    // £0.05 by 50:30:20 → 2.5p, 1.5p, 1p → floors 2, 1, 1 (4p); 1p to the largest fraction
    // (.5 and .5 tie → lower index) → 3p, 1p, 1p.
    assert_eq!(
        split(pence(5), &weights),
        Ok(vec![pence(3), pence(1), pence(1)])
    );
    assert_eq!(
        split(pence(-5), &weights),
        Ok(vec![pence(-3), pence(-1), pence(-1)])
    );
    let negative = [Decimal::ONE, Decimal::NEGATIVE_ONE];
    assert_eq!(split(pence(5), &negative), Err(SplitError::NegativeWeight));
}

#[test]
fn formats_money_for_reports() {
    let amount = pence(123_456_789);
    assert_eq!(format_money(amount, MoneyStyle::EXACT), "£1,234,567.89");
    let millions = MoneyStyle {
        unit: MoneyUnit::Millions,
        ..MoneyStyle::EXACT
    };
    assert_eq!(format_money(amount, millions), "1.23");
    assert_eq!(millions.amount(amount), "£1.23m");
    assert_eq!(format_money(amount, MoneyStyle::THOUSANDS_REPORT), "1,235");
    let whole = MoneyStyle {
        pence: false,
        ..MoneyStyle::EXACT
    };
    assert_eq!(
        format_money(Money::pounds(-220_336), whole),
        "\u{2212}£220,336"
    );
    let brackets = MoneyStyle {
        negative: NegativeStyle::Brackets,
        ..whole
    };
    assert_eq!(
        format_money(Money::pounds(-220_336), brackets),
        "(£220,336)"
    );
    assert_eq!(
        format_money(Money::pounds(-220_336), MoneyStyle::THOUSANDS_REPORT),
        "(220)"
    );
    assert_eq!(format_money(Money::ZERO, MoneyStyle::EXACT), "£0.00");
    assert_eq!(format_money(pence(-1), MoneyStyle::THOUSANDS_REPORT), "0");
    assert_eq!(format_money(pence(50), whole), "£1");
    assert_eq!(format_percent(Percent::from_hundredths(566)), "5.66%");
    assert_eq!(
        format_percent(Percent::from_hundredths(-150)),
        "\u{2212}1.5%"
    );
}

#[test]
fn money_serialises_as_an_exact_string() {
    let json = serde_json::to_string(&pence(125_000_050)).unwrap();
    assert_eq!(json, "\"1250000.50\"");
    assert_eq!(
        serde_json::to_string(&Money::pounds(3)).unwrap(),
        "\"3.00\""
    );
    let back: Money = serde_json::from_str("\"1250000.505\"").unwrap();
    assert_eq!(back, pence(125_000_051));
    assert_eq!(
        serde_json::to_string(&FinancialYear(2025)).unwrap(),
        "\"2025/26\""
    );
}

#[test]
fn a_doubled_sign_is_refused_for_percentages_as_for_money() {
    use pooled_budgets::model::{Money, Percent};
    for text in ["--5", "-−5", "+5", "- -5", "%"] {
        assert!(Percent::parse(text).is_err(), "{text} should not parse");
    }
    assert!(Money::parse("--5").is_err());
    assert_eq!(
        Percent::parse("-5%").unwrap(),
        Percent::parse("−5").unwrap()
    );
    assert_eq!(
        Percent::parse(" 5.66 % ").unwrap(),
        Percent::from_hundredths(566)
    );
    assert_eq!(Percent::parse(".5").unwrap(), Percent::from_hundredths(50));
}

#[test]
fn a_fall_that_ends_in_half_a_penny_rounds_away_from_zero_like_the_rule_says() {
    // £324,116,019,097.50 falling 45.4% is £176,967,346,427.235 exactly: half away from zero
    // gives .24. (Adding the rounded fall, −£147,148,672,670.27, would give .23.) Found by the
    // property test `fast_growth_and_percentages_match_decimal_arithmetic`.
    let amount = Money::from_pence(32_411_601_909_750);
    let grown = amount.checked_grow(Percent::from_hundredths(-4540));
    assert_eq!(grown, Some(Money::from_pence(17_696_734_642_724)));
    // And the mirror image: a negative amount growing.
    let negative = Money::from_pence(-32_411_601_909_750);
    assert_eq!(
        negative.checked_grow(Percent::from_hundredths(-4540)),
        Some(Money::from_pence(-17_696_734_642_724))
    );
    // Small amounts too: 5p falling 10% is 4.5p, which rounds to 5p.
    assert_eq!(
        Money::from_pence(5).checked_grow(Percent::from_hundredths(-1000)),
        Some(Money::from_pence(5))
    );
}

#[test]
fn money_and_percentages_refuse_exponents_and_underscores() {
    for text in ["1e5", "1E5", "5e-3", "£1e5", "1.5e3"] {
        assert_eq!(Money::parse(text), Err(MoneyParseError::Exponent), "{text}");
    }
    for text in ["1_000", "£1_000.00", "+5", "1.2.3", "."] {
        assert_eq!(
            Money::parse(text),
            Err(MoneyParseError::NotANumber),
            "{text}"
        );
    }
    assert_eq!(
        MoneyParseError::Exponent.to_string(),
        "must be written out in digits, like 100000 or 100,000, not 1e5"
    );
    for text in ["5e-1", "1E2%", "(2e1)"] {
        assert_eq!(
            Percent::parse(text),
            Err(pooled_budgets::model::PercentParseError::Exponent),
            "{text}"
        );
    }
    for text in ["1_0", "5_%", "--5", "5..0"] {
        assert_eq!(
            Percent::parse(text),
            Err(pooled_budgets::model::PercentParseError::NotANumber),
            "{text}"
        );
    }
    // What people do type still reads.
    assert_eq!(Money::parse(".5"), Ok(pence(50)));
    assert_eq!(Money::parse("5."), Ok(Money::pounds(5)));
    assert_eq!(Percent::parse(".5%"), Ok(Percent::from_hundredths(50)));
}

/// The one formatter of tables, charts and the board paper (docs/maintainers.md): a model's
/// unit and negatives, each figure rounded once, half away from zero.
#[test]
fn the_report_style_rounds_once_in_its_unit() {
    let thousands = MoneyStyle::report(MoneyUnit::Thousands, NegativeStyle::Brackets);
    let millions = MoneyStyle::report(MoneyUnit::Millions, NegativeStyle::Minus);
    let pounds = MoneyStyle::report(MoneyUnit::Pounds, NegativeStyle::Minus);
    // £76,529,147.15, as the board would read it.
    let big = pence(7_652_914_715);
    assert_eq!(pounds.figure(big), "£76,529,147.15");
    assert_eq!(thousands.figure(big), "76,529");
    assert_eq!(millions.figure(big), "76.5");
    assert_eq!(thousands.amount(big), "£76,529k");
    assert_eq!(millions.amount(big), "£76.5m");
    // Half away from zero: £1,500 is 2 (£000), −£1,500 is (2); £449.99 is 0, shown unsigned.
    assert_eq!(thousands.figure(Money::pounds(1_500)), "2");
    assert_eq!(thousands.figure(Money::pounds(-1_500)), "(2)");
    assert_eq!(thousands.amount(Money::pounds(-1_500)), "(£2k)");
    assert_eq!(thousands.figure(pence(-44_999)), "0");
    assert_eq!(millions.figure(Money::pounds(-12_350_000)), "\u{2212}12.4");
    assert_eq!(
        millions.amount(Money::pounds(-12_350_000)),
        "\u{2212}£12.4m"
    );
    // Heads carry the unit; the caption says how negatives are shown.
    assert_eq!(thousands.head("Net cost"), "Net cost (£000)");
    assert_eq!(millions.head("Net cost"), "Net cost (£m)");
    assert_eq!(pounds.head("Net cost"), "Net cost (£)");
    assert!(thousands.note().contains("Amounts in £000"));
    assert!(thousands.note().contains("in brackets, like (1,250)"));
    assert!(millions.note().contains("minus sign"));
}

#[test]
fn a_total_whose_rounded_parts_do_not_add_up_gets_one_footnote_for_the_whole_table() {
    let thousands = MoneyStyle::report(MoneyUnit::Thousands, NegativeStyle::Brackets);
    // 1,400 + 1,400 + 1,400 = 4,200: shown as 1 + 1 + 1 against a total of 4.
    let parts = vec![Money::pounds(1_400); 3];
    let columns = [
        ("Option A (base)", parts.clone(), Money::pounds(4_200)),
        ("Option B", parts.clone(), Money::pounds(4_200)),
        // 1,000 + 2,000 = 3,000 adds up as shown: not named.
        (
            "Option C",
            vec![Money::pounds(1_000), Money::pounds(2_000)],
            Money::pounds(3_000),
        ),
    ];
    let note = thousands.rounding_note(&columns).unwrap_or_default();
    // The rule is said once, then each column that does not add up, with the figures as the
    // table shows them (no "£3k").
    assert_eq!(note.matches("Totals are worked out").count(), 1, "{note}");
    assert!(
        note.ends_with(
            "(here: ‘Option A (base)’ adds up to 3, not 4; ‘Option B’ adds up to 3, not 4)."
        ),
        "{note}"
    );
    assert!(!note.contains("Option C"), "{note}");
    assert_eq!(thousands.rounding_note(&columns[2..]), None);
    // In pounds and pence every figure is exact, so totals always add up.
    let pounds = MoneyStyle::report(MoneyUnit::Pounds, NegativeStyle::Minus);
    assert_eq!(pounds.rounding_note(&columns), None);
}

#[test]
fn charts_use_one_unit_for_axis_labels_and_sentences() {
    let pounds = MoneyStyle::report(MoneyUnit::Pounds, NegativeStyle::Minus);
    let chart = pounds.for_chart(Money::pounds(6_698_000_000));
    // The "£6,698.00m" beside "£6698m": the sentence says "£6,698.00m"; the axis says
    // "6,698" under its title "£m".
    assert_eq!(chart.amount(Money::pounds(6_698_000_000)), "£6,698.00m");
    assert_eq!(chart.axis_title(), "£m");
    assert_eq!(
        chart.tick(Money::pounds(6_698_000_000), Money::pounds(1_000_000_000)),
        "6,698"
    );
    assert_eq!(chart.tick(Money::ZERO, Money::pounds(1_000_000_000)), "0");
    let small = pounds.for_chart(Money::pounds(480_000));
    assert_eq!(small.axis_title(), "£000");
    assert_eq!(
        small.tick(Money::pounds(-200_000), Money::pounds(200_000)),
        "\u{2212}200"
    );
    // The model's £000 with brackets: "(2,500)" under "£000", never "(£2,500k)"; a bar of
    // nothing is "0", and a sentence says "£0", never "£0k".
    let thousands = MoneyStyle::report(MoneyUnit::Thousands, NegativeStyle::Brackets)
        .for_chart(Money::pounds(6_698_000_000));
    assert_eq!(thousands.axis_title(), "£000");
    assert_eq!(
        thousands.tick(Money::pounds(-2_500_000), Money::pounds(2_500_000)),
        "(2,500)"
    );
    assert_eq!(thousands.bar_label(Money::pounds(1_142_400)), "1,142");
    assert_eq!(thousands.bar_label(Money::pounds(-353_149)), "(353)");
    assert_eq!(thousands.bar_label(Money::pounds(200)), "0");
    assert_eq!(thousands.amount(Money::pounds(200)), "£0");
    assert_eq!(thousands.amount(Money::pounds(-353_149)), "(£353k)");
    // £m likewise: "1.5" under "£m".
    let millions = MoneyStyle::report(MoneyUnit::Millions, NegativeStyle::Minus)
        .for_chart(Money::pounds(1_500_000));
    assert_eq!(millions.axis_title(), "£m");
    assert_eq!(
        millions.tick(Money::pounds(1_500_000), Money::pounds(500_000)),
        "1.5"
    );
    assert_eq!(millions.bar_label(Money::pounds(1_500_000)), "1.5");
}

/// No percentage on a base that is zero or under 1% of the table's largest figure.
#[test]
fn percentages_on_a_negligible_base_are_not_shown() {
    let largest = Money::pounds(76_529_147);
    // The base is 1% of the largest figure or more: a percentage.
    assert_eq!(
        meaningful_percent(Money::pounds(76_530), Money::pounds(765_300), largest),
        Some(Percent::from_hundredths(1_000))
    );
    // Under 1% (the "+117278294.07%" on a base of a few pounds): none.
    assert_eq!(
        meaningful_percent(Money::pounds(1_172_782), Money::pounds(1), largest),
        None
    );
    assert_eq!(
        meaningful_percent(Money::pounds(100), Money::pounds(765_291), largest),
        None
    );
    assert_eq!(
        meaningful_percent(Money::pounds(100), Money::ZERO, largest),
        None
    );
    // A negative base counts by its size.
    assert_eq!(
        meaningful_percent(Money::pounds(-50_000), Money::pounds(-1_000_000), largest),
        Some(Percent::from_hundredths(-500))
    );
}

/// What a money field reads in a model shown in £000 or £m: a bare figure in that unit, a
/// figure written with £ in pounds (never scaled), and what the field shows reads back exactly.
#[test]
fn money_typed_in_a_model_shown_in_thousands_is_read_in_thousands_unless_written_with_a_pound_sign()
{
    let k = MoneyUnit::Thousands;
    assert_eq!(
        Money::parse_entered("1,250", k),
        Ok(Money::pounds(1_250_000))
    );
    assert_eq!(
        Money::parse_entered("1,250.5", k),
        Ok(Money::pounds(1_250_500))
    );
    assert_eq!(
        Money::parse_entered("(1,250)", k),
        Ok(Money::pounds(-1_250_000))
    );
    assert_eq!(
        Money::parse_entered("\u{2212}0.01", k),
        Ok(Money::pounds(-10))
    );
    // Written with £: pounds, whatever the unit.
    assert_eq!(
        Money::parse_entered("£1,250,000", k),
        Ok(Money::pounds(1_250_000))
    );
    assert_eq!(Money::parse_entered("-£3.20", k), Ok(pence(-320)));
    assert_eq!(Money::parse_entered("(£3.20)", k), Ok(pence(-320)));
    assert_eq!(
        Money::parse_entered("1.25", MoneyUnit::Millions),
        Ok(Money::pounds(1_250_000))
    );
    // In pounds, as ever.
    assert_eq!(
        Money::parse_entered("1,250", MoneyUnit::Pounds),
        Ok(Money::pounds(1_250))
    );
    // Still to the penny: a thousandth of a penny is refused, not rounded.
    assert_eq!(
        Money::parse_entered("1.000001", k),
        Err(MoneyParseError::TooManyDecimalPlaces)
    );
    // What the field shows, exact, and read back to the same amount.
    for (amount, unit, shown) in [
        (pence(123_456_789), k, "1,234.56789"),
        (Money::pounds(1_250_000), k, "1,250"),
        (Money::pounds(-220_000), k, "\u{2212}220"),
        (pence(123_456_789), MoneyUnit::Millions, "1.23456789"),
        (pence(123_456_789), MoneyUnit::Pounds, "1,234,567.89"),
        (Money::ZERO, k, "0"),
    ] {
        assert_eq!(entry_text(amount, unit), shown);
        assert_eq!(Money::parse_entered(shown, unit), Ok(amount), "{shown}");
    }
}

/// A percentage worked out for a board: one decimal place under 10%, whole from 10%.
#[test]
fn worked_out_percentages_read_as_a_board_expects() {
    let p = Percent::from_hundredths;
    assert_eq!(format_report_percent(p(49_146)), "491%");
    assert_eq!(format_report_percent(p(-46)), "\u{2212}0.5%");
    assert_eq!(format_report_percent(p(20)), "0.2%");
    assert_eq!(format_report_percent(p(105)), "1.1%");
    assert_eq!(format_report_percent(p(995)), "10%");
    assert_eq!(format_report_percent(p(1_172_782_940)), "11,727,829%");
    assert_eq!(format_report_percent(p(1)), "under 0.1%");
    assert_eq!(format_report_percent(p(0)), "0.0%");
}
