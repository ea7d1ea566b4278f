//! Pasting blocks into the scheme grid, importing and exporting the schemes CSV: the preview
//! says what will happen, accepting is one batch edit, and export then import is exact.

use pooled_budgets::codec::schemes_csv::{read_schemes_csv, schemes_csv};
use pooled_budgets::codec::table::parse_clipboard;
use pooled_budgets::model::edit::{self, Edit};
use pooled_budgets::model::limits::MAX_LINES;
use pooled_budgets::model::schemes::{
    plan_import, plan_paste, PasteOptions, PastePlan, SchemeColumn,
};
use pooled_budgets::model::{
    reference_model, templates, FinancialYear, ForecastEntry, FundingStream, LineId, Money,
    MoneyUnit, Outturn, PartnerId, Percent, PoolId, RingFence, Scenario, SpendLine,
};

fn base() -> Scenario {
    reference_model().base().cloned().unwrap()
}

fn y(start: u16) -> FinancialYear {
    FinancialYear(start)
}

fn paste(scenario: &Scenario, row: usize, column: SchemeColumn, text: &str) -> PastePlan {
    paste_with(scenario, row, column, text, PasteOptions::default())
}

fn paste_with(
    scenario: &Scenario,
    row: usize,
    column: SchemeColumn,
    text: &str,
    options: PasteOptions,
) -> PastePlan {
    let columns = SchemeColumn::all(scenario);
    let at = columns.iter().position(|c| *c == column).unwrap();
    let table = parse_clipboard(text).unwrap();
    plan_paste(scenario, row, at, table.rows(), &columns, options)
}

fn line<'a>(scenario: &'a Scenario, name: &str) -> &'a SpendLine {
    scenario.lines.iter().find(|l| l.name == name).unwrap()
}

/// Three rows as Excel puts them on the clipboard: £ signs, thousands commas, a bracketed
/// negative, a quoted cell with a line break, a ‘TBC’.
const EXCEL_BLOCK: &str = "BCF-20\t\"Home first\r\nphase 2\"\tBetter care fund\tLBH\tHomerton\tNHS minimum contribution\tAdult social care\t2%\t£1,250,000\t£1,300,000.50\tTBC\r\n\
BCF-21\tCarers breaks\tBetter Care Fund\tnel icb\tAge UK\tiBCF\t\t\t\"1,000\"\t(1,000)\t−\r\n\
BCF-22\tWinter pressures\tWinter fund\tNobody\t\tDFG\tNo\t\t500\t\t\r\n";

#[test]
fn a_block_pasted_below_the_last_row_adds_schemes() {
    let scenario = base();
    let at = scenario.lines.len();
    let plan = paste(&scenario, at, SchemeColumn::Reference, EXCEL_BLOCK);
    assert_eq!(plan.refused, None);
    assert_eq!(
        (plan.rows, plan.new_schemes, plan.changed_schemes),
        (3, 3, 0)
    );
    let unreadable: Vec<String> = plan.unreadable.iter().map(|c| c.to_string()).collect();
    let first_new = at + 1;
    assert_eq!(
        unreadable,
        [
            format!("row {first_new}, Budget 2027/28: ‘TBC’ — left blank"),
            format!(
                "row {}, Pool: ‘Winter fund’ — paid from ‘Better Care Fund’, the first pool",
                first_new + 2
            ),
            format!(
                "row {}, Commissioner: ‘Nobody’ — commissioned by the pool's host",
                first_new + 2
            ),
        ]
    );
    assert_eq!(
        plan.summary(),
        "3 rows: 3 new schemes, 0 changed; 3 cells could not be read"
    );
    let after = plan.apply(&scenario).unwrap();
    assert_eq!(after.lines.len(), at + 3);
    let home = line(&after, "Home first phase 2");
    assert_eq!(home.reference, "BCF-20");
    assert_eq!(home.pool, PoolId(1));
    assert_eq!(home.commissioner, PartnerId(1));
    assert_eq!(home.provider, "Homerton");
    assert_eq!(home.stream, Some(FundingStream::NhsMinimum));
    assert_eq!(home.ring_fence, Some(RingFence::AdultSocialCare));
    assert_eq!(home.savings, Percent::from_hundredths(200));
    assert_eq!(home.budget_in(y(2025)), Money::pounds(1_250_000));
    assert_eq!(home.budget_in(y(2026)), Money::from_pence(130_000_050));
    assert!(
        !home.budget.iter().any(|e| e.year == y(2027)),
        "TBC left blank"
    );
    let carers = line(&after, "Carers breaks");
    assert_eq!(carers.commissioner, PartnerId(2), "by short name, any case");
    assert_eq!(carers.stream, Some(FundingStream::BetterCareGrant));
    assert_eq!(carers.budget_in(y(2026)), Money::pounds(-1_000));
    assert_eq!(carers.budget.len(), 2, "the dash is blank");
    let winter = line(&after, "Winter pressures");
    assert_eq!(winter.pool, PoolId(1));
    assert_eq!(winter.commissioner, PartnerId(1), "the first pool's host");
    assert_eq!(winter.ring_fence, None);
    assert!(plan
        .notes
        .iter()
        .any(|n| n.contains("1 new scheme has no pool")));
    // New ids are fresh.
    let mut ids: Vec<LineId> = after.lines.iter().map(|l| l.id).collect();
    ids.dedup();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), after.lines.len());
}

#[test]
fn accepting_is_one_batch_edit_and_refusing_changes_nothing() {
    let scenario = base();
    let plan = paste(
        &scenario,
        scenario.lines.len(),
        SchemeColumn::Reference,
        EXCEL_BLOCK,
    );
    let Some(Edit::Batch(edits)) = plan.edit() else {
        panic!("one batch");
    };
    assert_eq!(edits.len(), 3);
    let mut edited = scenario.clone();
    edit::apply(&mut edited, &plan.edit().unwrap()).unwrap();
    assert_eq!(edited, plan.apply(&scenario).unwrap());
    // The plan is made without changing the scenario.
    assert_eq!(scenario, base());
}

#[test]
fn pasting_over_rows_changes_those_schemes_only() {
    let scenario = base();
    let text = "7,000,000\t7,100,000\n1,100,000\t1,122,000\n";
    let plan = paste(&scenario, 0, SchemeColumn::Budget(y(2025)), text);
    assert_eq!(
        (plan.rows, plan.new_schemes, plan.changed_schemes),
        (2, 0, 1)
    );
    assert_eq!(plan.summary(), "2 rows: 0 new schemes, 1 changed");
    let after = plan.apply(&scenario).unwrap();
    let first = after.lines.first().unwrap();
    assert_eq!(first.budget_in(y(2025)), Money::pounds(7_000_000));
    assert_eq!(first.budget_in(y(2026)), Money::pounds(7_100_000));
    assert_eq!(
        first.budget_in(y(2027)),
        scenario.lines[0].budget_in(y(2027))
    );
    assert_eq!(after.lines[1], scenario.lines[1], "pasted what it had");
    assert_eq!(after.lines.len(), scenario.lines.len());
}

#[test]
fn unknown_names_leave_an_existing_scheme_as_it_was() {
    let scenario = base();
    let plan = paste(&scenario, 0, SchemeColumn::Pool, "Nowhere\tNobody\n");
    assert_eq!(plan.changed_schemes, 0);
    assert_eq!(
        plan.unreadable[0].to_string(),
        "row 1, Pool: ‘Nowhere’ — left as it was"
    );
    assert_eq!(plan.edit(), None);
    let plan = paste(
        &scenario,
        0,
        SchemeColumn::Pool,
        "north hackney locality pool\tELFT\n",
    );
    let after = plan.apply(&scenario).unwrap();
    assert_eq!(after.lines[0].pool, PoolId(3));
    assert_eq!(after.lines[0].commissioner, PartnerId(4));
}

#[test]
fn figures_in_thousands_are_scaled_exactly() {
    let scenario = base();
    let options = PasteOptions {
        unit: Some(MoneyUnit::Thousands),
        ..PasteOptions::default()
    };
    let plan = paste_with(
        &scenario,
        0,
        SchemeColumn::Budget(y(2025)),
        "1,250.5\t(0.01)\n",
        options,
    );
    assert_eq!(plan.unit, MoneyUnit::Thousands);
    let after = plan.apply(&scenario).unwrap();
    assert_eq!(after.lines[0].budget_in(y(2025)), Money::pounds(1_250_500));
    assert_eq!(after.lines[0].budget_in(y(2026)), Money::pounds(-10));
}

/// In a model shown in £000, a block with no unit in its headings is read in £000, and the
/// plan says so; a figure written with £ is in pounds. A heading's or the person's unit wins.
#[test]
fn a_block_pasted_into_a_model_shown_in_thousands_is_read_in_thousands() {
    let scenario = base();
    let model_unit = PasteOptions {
        model_unit: MoneyUnit::Thousands,
        ..PasteOptions::default()
    };
    let plan = paste_with(
        &scenario,
        0,
        SchemeColumn::Budget(y(2025)),
        "1,250\n£2,500,000\n",
        model_unit,
    );
    assert_eq!(plan.unit, MoneyUnit::Thousands);
    assert!(
        plan.notes.iter().any(
            |n| n.contains("read in £000, the unit this model shows amounts in")
                && n.contains("1,250 is £1,250,000.00")
        ),
        "{:?}",
        plan.notes
    );
    let after = plan.apply(&scenario).unwrap();
    assert_eq!(after.lines[0].budget_in(y(2025)), Money::pounds(1_250_000));
    assert_eq!(after.lines[1].budget_in(y(2025)), Money::pounds(2_500_000));
    // The person says pounds: 1,250 is £1,250.
    let pounds = PasteOptions {
        unit: Some(MoneyUnit::Pounds),
        ..model_unit
    };
    let after = paste_with(
        &scenario,
        0,
        SchemeColumn::Budget(y(2025)),
        "1,250\n",
        pounds,
    )
    .apply(&scenario)
    .unwrap();
    assert_eq!(after.lines[0].budget_in(y(2025)), Money::pounds(1_250));
    // In a model shown in pounds nothing changes: 1,250 is £1,250.
    let plain = paste(&scenario, 0, SchemeColumn::Budget(y(2025)), "1,250\n");
    assert_eq!(plain.unit, MoneyUnit::Pounds);
    assert!(
        !plain.notes.iter().any(|n| n.contains("£000")),
        "{:?}",
        plain.notes
    );
}

#[test]
fn forecasts_are_read_as_the_switch_says() {
    let scenario = base();
    let column = SchemeColumn::Forecast(y(2025));
    let spend = PasteOptions {
        forecast_entry: ForecastEntry::Spend,
        ..PasteOptions::default()
    };
    let after = paste_with(&scenario, 0, column, "£1,050,000\n", spend)
        .apply(&scenario)
        .unwrap();
    assert_eq!(
        after.lines[0].outturn(y(2025)),
        Outturn::Spend {
            amount: Money::pounds(1_050_000)
        }
    );
    let plan = paste_with(&scenario, 0, column, "-5,000\n", spend);
    assert!(plan.unreadable[0].reason.contains("cannot be negative"));
    let variance = PasteOptions::default();
    let after = paste_with(&scenario, 0, column, "(5,000)\n5%\n", variance)
        .apply(&scenario)
        .unwrap();
    assert_eq!(
        after.lines[0].outturn(y(2025)),
        Outturn::VarianceAmount {
            amount: Money::pounds(-5_000)
        }
    );
    assert_eq!(
        after.lines[1].outturn(y(2025)),
        Outturn::VariancePercent {
            percent: Percent::from_hundredths(500)
        }
    );
    // A blank forecast is as planned.
    let cleared = paste_with(&after, 0, column, "\t\n", variance)
        .apply(&after)
        .unwrap();
    assert_eq!(cleared.lines[0].outturn(y(2025)), Outturn::AsPlanned);
}

#[test]
fn too_many_rows_are_refused_whole() {
    let scenario = base();
    let text = "Scheme\t1\n".repeat(MAX_LINES);
    let plan = paste(&scenario, scenario.lines.len(), SchemeColumn::Name, &text);
    let refused = plan.refused.clone().unwrap();
    assert!(refused.contains("at most 200 spending lines"), "{refused}");
    assert_eq!(plan.summary(), refused);
    assert_eq!(plan.edit(), None);
    assert_eq!(plan.apply(&scenario).unwrap(), scenario);
}

#[test]
fn a_header_row_blank_rows_and_extra_columns_in_a_paste() {
    let scenario = base();
    let columns = SchemeColumn::all(&scenario);
    let last = columns.len() - 1;
    let text = "Scheme name\tPool\nNew one\tBetter Care Fund\n\t\n\t\n";
    let plan = paste(&scenario, scenario.lines.len(), SchemeColumn::Name, text);
    assert_eq!(
        (plan.rows, plan.new_schemes),
        (1, 1),
        "header and blank rows skipped"
    );
    assert!(plan.notes[0].contains("column headings"));
    let table = parse_clipboard("1\t2\t3\n").unwrap();
    let plan = plan_paste(
        &scenario,
        0,
        last,
        table.rows(),
        &columns,
        PasteOptions::default(),
    );
    assert!(plan
        .notes
        .iter()
        .any(|n| n == "2 columns beyond the grid's last column were not pasted."));
}

#[test]
fn a_paste_into_an_option_without_pools_cannot_add_schemes() {
    let mut scenario = base();
    scenario.pools.clear();
    scenario.lines.clear();
    let plan = paste(&scenario, 0, SchemeColumn::Name, "Anything\n");
    assert!(plan.refused.unwrap().starts_with("Add a pool first"));
}

#[test]
fn import_matches_template_headings_references_and_names() {
    let scenario = base();
    let text = "Scheme ID,Scheme Name,Scheme Type,Source of Funding,Expenditure 2025/26 (£000),\
                Expenditure 2031/32 (£000),New/Existing\r\n\
                ,Reablement,Home care,NHS minimum,\"6,500\",1,Existing\r\n\
                BCF-99,Brand new,Other,DFG,10.5,,New\r\n";
    let table = read_schemes_csv(text).unwrap();
    let plan = plan_import(&scenario, table.rows(), PasteOptions::default());
    assert_eq!(plan.refused, None);
    assert_eq!(plan.unit, MoneyUnit::Thousands, "as the headings say");
    assert_eq!(
        plan.ignored_columns,
        [
            "Scheme Type",
            "New/Existing",
            "Expenditure 2031/32 (£000) (outside this option's years, 2025/26 to 2029/30)"
        ]
    );
    assert_eq!(
        (plan.rows, plan.new_schemes, plan.changed_schemes),
        (2, 1, 1)
    );
    let after = plan.apply(&scenario).unwrap();
    let reablement = line(&after, "Reablement");
    assert_eq!(reablement.budget_in(y(2025)), Money::pounds(6_500_000));
    assert_eq!(reablement.stream, Some(FundingStream::NhsMinimum));
    let new = line(&after, "Brand new");
    assert_eq!(new.reference, "BCF-99");
    assert_eq!(new.budget_in(y(2025)), Money::pounds(10_500));
    // Imported again, the reference now matches: nothing changes.
    let again = plan_import(&after, table.rows(), PasteOptions::default());
    assert_eq!((again.new_schemes, again.changed_schemes), (0, 0));
    // The unit can be set whatever the headings say.
    let pounds = PasteOptions {
        unit: Some(MoneyUnit::Pounds),
        ..PasteOptions::default()
    };
    assert_eq!(
        plan_import(&scenario, table.rows(), pounds).unit,
        MoneyUnit::Pounds
    );
}

#[test]
fn import_without_headings_is_refused() {
    let table = read_schemes_csv("Reablement,1000\r\n").unwrap();
    let plan = plan_import(&base(), table.rows(), PasteOptions::default());
    assert!(plan
        .refused
        .unwrap()
        .starts_with("The first row has no column headings"));
    assert!(plan_import(&base(), &[], PasteOptions::default())
        .refused
        .is_some());
}

#[test]
fn export_is_excel_safe() {
    let mut scenario = base();
    scenario.lines[0].name = "=HYPERLINK(\"x\")".to_string();
    scenario.lines[0].notes = "two\nlines, with a comma".to_string();
    let csv = schemes_csv(&scenario);
    assert!(csv.starts_with("\u{FEFF}Reference,Scheme name,Pool,Commissioner,Provider,Funding source,Ring-fence,Savings %,Budget 2025/26,"));
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
    assert!(csv.contains("\"two\nlines, with a comma\"\r\n"));
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .contains("Forecast spend 2029/30,"));
}

/// Every scheme of every option, exported and imported back into the option without its
/// schemes, comes back exactly (its id apart, and its own risk share, which the CSV does not
/// carry); imported into the option as it is, nothing changes.
fn assert_round_trip(scenario: &Scenario) {
    let csv = schemes_csv(scenario);
    let table = read_schemes_csv(&csv).unwrap();
    let options = PasteOptions::default();
    let same = plan_import(scenario, table.rows(), options);
    assert_eq!(same.refused, None, "{}", scenario.name);
    let changed = same.apply(scenario).unwrap();
    for (a, b) in changed.lines.iter().zip(&scenario.lines) {
        assert_eq!(a, b);
    }
    assert_eq!(
        (
            same.new_schemes,
            same.changed_schemes,
            same.unreadable.len()
        ),
        (0, 0, 0),
        "{}: {:?}",
        scenario.name,
        same.unreadable
    );
    let mut empty = scenario.clone();
    empty.lines.clear();
    let plan = plan_import(&empty, table.rows(), options);
    assert!(plan.unreadable.is_empty(), "{:?}", plan.unreadable);
    let back = plan.apply(&empty).unwrap();
    assert_eq!(back.lines.len(), scenario.lines.len());
    for (got, want) in back.lines.iter().zip(&scenario.lines) {
        let mut want = want.clone();
        want.id = got.id;
        want.risk_share = None;
        assert_eq!(*got, want, "{}", scenario.name);
    }
}

#[test]
fn export_then_import_gives_the_same_schemes() {
    let plain = |model: pooled_budgets::model::Model| {
        model.scenarios.into_iter().map(|s| Scenario::clone(&s))
    };
    let mut scenarios: Vec<Scenario> = plain(reference_model()).collect();
    for template in templates::all() {
        scenarios.extend(plain(template.model));
    }
    for scenario in &scenarios {
        assert_round_trip(scenario);
    }
}

#[test]
fn export_then_import_keeps_every_field() {
    let mut scenario = base();
    let first = &mut scenario.lines[0];
    first.reference = "'=1".to_string();
    first.provider = "-Provider, \"quoted\"".to_string();
    first.stream = Some(FundingStream::DischargeFund);
    first.ring_fence = Some(RingFence::OutOfHospital);
    first.savings = Percent::new("-1.23456".parse().unwrap());
    first.first_year = Some(y(2026));
    first.last_year = Some(y(2027));
    first.notes = "@note\ttabbed\r\nand more".to_string();
    first.set_budget(y(2026), Money::ZERO);
    first.forecast = vec![
        pooled_budgets::model::YearForecast {
            year: y(2026),
            outturn: Outturn::Spend {
                amount: Money::from_pence(1),
            },
        },
        pooled_budgets::model::YearForecast {
            year: y(2027),
            outturn: Outturn::VariancePercent {
                percent: Percent::new("-2.5".parse().unwrap()),
            },
        },
        pooled_budgets::model::YearForecast {
            year: y(2028),
            outturn: Outturn::VarianceAmount {
                amount: Money::pounds(-3),
            },
        },
    ];
    scenario.lines[1].budget.retain(|e| e.year != y(2027));
    assert_round_trip(&scenario);
}

mod round_trip {
    use super::*;
    use pooled_budgets::model::{YearAmount, YearForecast};
    use proptest::prelude::*;

    /// Text with the characters CSV and Excel care about, trimmed as the plan trims.
    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9=+@'\\-\",;£ \t\r\n]{0,16}".prop_map(|s| s.trim().to_string())
    }

    /// A one-line field's text (a name, reference or provider): as `text`, with no line breaks,
    /// which a single-line field never holds (a pasted cell's breaks become spaces).
    fn line_text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9=+@'\\-\",;£ \t]{0,16}".prop_map(|s| s.trim().to_string())
    }

    fn outturn() -> impl Strategy<Value = Outturn> {
        prop_oneof![
            Just(Outturn::AsPlanned),
            (0i64..10_000_000_000).prop_map(|p| Outturn::Spend {
                amount: Money::from_pence(p)
            }),
            (-10_000_000_000i64..10_000_000_000).prop_map(|p| Outturn::VarianceAmount {
                amount: Money::from_pence(p)
            }),
            (-10_000i64..10_000).prop_map(|h| Outturn::VariancePercent {
                percent: Percent::from_hundredths(h)
            }),
        ]
    }

    prop_compose! {
        fn scheme(scenario: Scenario)(
            reference in line_text(),
            name in line_text(),
            provider in line_text(),
            notes in text(),
            pool in 0usize..3,
            commissioner in 0usize..8,
            stream in proptest::option::of(0usize..6),
            ring_fence in proptest::option::of(any::<bool>()),
            savings in -10_000i64..10_000,
            budget in proptest::collection::vec(
                proptest::option::of(-10_000_000_000i64..10_000_000_000), 5),
            forecast in proptest::collection::vec(outturn(), 5),
            first_year in proptest::option::of(2000u16..2100),
            last_year in proptest::option::of(2000u16..2100),
        ) -> SpendLine {
            let years: Vec<FinancialYear> = scenario.horizon.years().collect();
            let mut line = scenario.lines[0].clone();
            line.reference = reference;
            line.name = if name.is_empty() { "Unnamed".to_string() } else { name };
            line.provider = provider;
            line.notes = notes;
            line.pool = scenario.pools[pool % scenario.pools.len()].id;
            line.commissioner = scenario.partners[commissioner % scenario.partners.len()].id;
            line.stream = stream.map(|s| FundingStream::ALL[s]);
            line.ring_fence = ring_fence
                .map(|a| if a { RingFence::AdultSocialCare } else { RingFence::OutOfHospital });
            line.savings = Percent::from_hundredths(savings);
            line.budget = years
                .iter()
                .zip(budget)
                .filter_map(|(year, p)| p.map(|p| YearAmount { year: *year, amount: Money::from_pence(p) }))
                .collect();
            line.forecast = years
                .iter()
                .zip(forecast)
                .filter(|(_, o)| *o != Outturn::AsPlanned)
                .map(|(year, outturn)| YearForecast { year: *year, outturn })
                .collect();
            line.first_year = first_year.map(FinancialYear);
            line.last_year = last_year.map(FinancialYear);
            line.risk_share = None;
            line
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any schemes, with references unique as a plan's are, come back exactly.
        #[test]
        fn any_schemes_come_back_exactly(
            lines in proptest::collection::vec(scheme(base()), 1..12)
        ) {
            let mut scenario = base();
            scenario.lines = lines
                .into_iter()
                .enumerate()
                .map(|(i, mut line)| {
                    line.id = LineId(i as u32 + 1);
                    line.reference = format!("S{i:03}{}", line.reference);
                    line
                })
                .collect();
            assert_round_trip(&scenario);
        }
    }
}
