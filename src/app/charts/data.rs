//! What each chart plots, taken from the model's results: categories along the bottom, one
//! series per partner, option or pool, and the exact amounts (the chart's table shows these).

use crate::model::{FinancialYear, Money, MoneyStyle, PartnerHeading, PartnerTotals, Results, Row};

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// Under the bar: a partner's short name or a financial year.
    pub label: String,
    /// In the table: the full name.
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// What the categories are, for the table's first column: "Financial year", "Partner".
    pub category_heading: String,
    pub categories: Vec<Category>,
    pub series: Vec<String>,
    /// `amounts[category][series]`.
    pub amounts: Vec<Vec<Money>>,
    /// The model's money style, for the chart's table; the chart itself draws in
    /// [`ChartData::chart_style`].
    pub style: MoneyStyle,
}

impl ChartData {
    /// The same data shown in `style` (the model's choice of unit and negatives).
    pub fn shown_in(mut self, style: MoneyStyle) -> ChartData {
        self.style = style;
        self
    }

    /// The axis, bar labels and description's style: one unit for the whole chart.
    pub fn chart_style(&self) -> MoneyStyle {
        let largest = self
            .cells()
            .map(|(_, _, amount)| amount.abs())
            .max()
            .unwrap_or(Money::ZERO);
        self.style.for_chart(largest)
    }

    /// An amount in a sentence about the chart, as its axis shows it: "£6,698.0m".
    pub fn money(&self, amount: Money) -> String {
        self.chart_style().amount(amount)
    }

    /// An amount at a bar's end, a bare figure in the unit of the axis title: "1,142".
    pub fn bar_label(&self, amount: Money) -> String {
        self.chart_style().bar_label(amount)
    }

    /// The amount for one category and series; zero where the results have none.
    pub fn amount(&self, category: usize, series: usize) -> Money {
        self.amounts
            .get(category)
            .and_then(|row| row.get(series))
            .copied()
            .unwrap_or(Money::ZERO)
    }

    /// All series in one category, `None` if the sum overflows.
    pub fn category_total(&self, category: usize) -> Option<Money> {
        Money::checked_sum((0..self.series.len()).map(|s| self.amount(category, s)))
    }

    /// One series across all categories, `None` if the sum overflows.
    pub fn series_total(&self, series: usize) -> Option<Money> {
        Money::checked_sum((0..self.categories.len()).map(|c| self.amount(c, series)))
    }

    /// Every amount in the chart, `None` if the sum overflows.
    pub fn total(&self) -> Option<Money> {
        Money::checked_sum(self.cells().map(|(_, _, amount)| amount))
    }

    /// For each series, which fill it gets: its place among the series with any amount that is
    /// not zero, so the first eight series that are drawn all look different. `None` for a
    /// series with nothing to draw.
    pub fn fills(&self) -> Vec<Option<usize>> {
        let mut next = 0;
        (0..self.series.len())
            .map(|s| {
                let drawn = (0..self.categories.len()).any(|c| !self.amount(c, s).is_zero());
                drawn.then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    }

    pub fn is_all_zero(&self) -> bool {
        self.amounts.iter().flatten().all(|a| a.is_zero())
    }

    /// Every (category, series, amount), category by category.
    pub fn cells(&self) -> impl Iterator<Item = (usize, usize, Money)> + '_ {
        (0..self.categories.len())
            .flat_map(move |c| (0..self.series.len()).map(move |s| (c, s, self.amount(c, s))))
    }
}

/// A chart with a category per year of `results` and one series per item of `series`, each
/// item's amount in a year found by `amount` (zero for a year it has none).
fn per_year<T>(
    results: &Results,
    series: &[T],
    name: impl Fn(&T) -> String,
    amount: impl Fn(&T, FinancialYear) -> Option<Money>,
) -> ChartData {
    ChartData {
        category_heading: "Financial year".to_string(),
        categories: results
            .years
            .iter()
            .map(|year| Category {
                label: year.to_string(),
                name: year.to_string(),
            })
            .collect(),
        series: series.iter().map(&name).collect(),
        amounts: results
            .years
            .iter()
            .map(|&year| {
                series
                    .iter()
                    .map(|item| amount(item, year).unwrap_or(Money::ZERO))
                    .collect()
            })
            .collect(),
        style: MoneyStyle::EXACT,
    }
}

/// Contributions by partner (series) in each year (categories), across all pools.
pub fn contributions(results: &Results) -> ChartData {
    let partners: Vec<(&PartnerHeading, &PartnerTotals)> = results
        .partners
        .iter()
        .zip(&results.partner_totals)
        .collect();
    per_year(
        results,
        &partners,
        |(heading, _)| heading.name.clone(),
        |(_, totals), year| {
            totals
                .by_year
                .iter()
                .find(|by_year| by_year.year == year)
                .map(|by_year| by_year.contributions)
        },
    )
}

/// Each pool's balance (series) in each year (categories): positive is money left over.
pub fn balances(results: &Results) -> ChartData {
    per_year(
        results,
        &results.pools,
        |pool| pool.name.clone(),
        |pool, year| {
            pool.years
                .iter()
                .find(|pool_year| pool_year.year == year)
                .map(|pool_year| pool_year.balance)
        },
    )
}

/// Each partner's difference from the base (categories) under each other option (series), as
/// in the comparison table: above zero the partner's figure is higher than under the base,
/// below zero lower. `rows` are the table's partner rows without its total; `short` gives the
/// label under a partner's bars from its full name.
pub fn differences(rows: &[Row], options: &[String], short: impl Fn(&str) -> String) -> ChartData {
    ChartData {
        category_heading: "Partner".to_string(),
        categories: rows
            .iter()
            .map(|row| Category {
                label: short(&row.label),
                name: row.label.clone(),
            })
            .collect(),
        series: options.to_vec(),
        amounts: rows
            .iter()
            .map(|row| {
                (0..options.len())
                    .map(|i| row.others.get(i).map_or(Money::ZERO, |c| c.amount))
                    .collect()
            })
            .collect(),
        style: MoneyStyle::EXACT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, small_model};

    fn small_results() -> Results {
        let model = small_model();
        compute(&model.scenarios[0]).expect("the small model computes")
    }

    #[test]
    fn differences_are_the_tables_differences_partner_by_option() {
        use crate::model::{compare_options, Figure, Period};
        let model = crate::model::templates::all().remove(0).model;
        let chosen: Vec<_> = model.scenarios.iter().map(|s| s.id).collect();
        let comparison = compare_options(&model, &chosen).expect("the template compares");
        let mut rows = comparison
            .partner_rows(Figure::NetCost, Period::AllYears)
            .expect("rows");
        rows.pop(); // "All partners"
        let options: Vec<String> = comparison.others.iter().map(|o| o.1.clone()).collect();
        let chart = differences(&rows, &options, |name| format!("short {name}"));
        assert_eq!(chart.series, options);
        assert_eq!(chart.categories.len(), rows.len());
        for (c, row) in rows.iter().enumerate() {
            assert_eq!(chart.categories[c].label, format!("short {}", row.label));
            for (s, change) in row.others.iter().enumerate() {
                assert_eq!(chart.amount(c, s), change.amount);
            }
        }
        // Option B moves money between partners: some bars go up, some down.
        assert!(chart.cells().any(|(_, _, a)| a.is_positive()));
        assert!(chart.cells().any(|(_, _, a)| a.is_negative()));
    }

    #[test]
    fn contributions_add_up_to_each_partners_total() {
        let results = small_results();
        let chart = contributions(&results);
        assert_eq!(chart.categories.len(), results.years.len());
        for (s, totals) in results.partner_totals.iter().enumerate() {
            assert_eq!(chart.series_total(s), Some(totals.contributions));
        }
    }
}
