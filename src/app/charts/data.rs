//! What each chart plots, taken from the model's results: categories along the bottom, one
//! series per partner, option or pool, and the exact amounts (the chart's table shows these).

use std::rc::Rc;

use crate::model::{
    FinancialYear, Money, MoneyStyle, PartnerHeading, PartnerId, PartnerTotals, Results,
};

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

/// Each partner's net cost over the horizon (categories) under each option (series). Options
/// may have different partners: every partner in any option appears, in order of first
/// appearance, and pays nothing under an option it is not part of.
pub fn net_costs(options: &[Rc<Results>]) -> ChartData {
    let mut partners: Vec<(PartnerId, Category)> = Vec::new();
    for heading in options.iter().flat_map(|o| o.partners.iter()) {
        if !partners.iter().any(|(id, _)| *id == heading.id) {
            let label = if heading.short_name.trim().is_empty() {
                heading.name.clone()
            } else {
                heading.short_name.clone()
            };
            partners.push((
                heading.id,
                Category {
                    label,
                    name: heading.name.clone(),
                },
            ));
        }
    }
    let amounts = partners
        .iter()
        .map(|(id, _)| {
            options
                .iter()
                .map(|option| {
                    option
                        .partner_index(*id)
                        .and_then(|i| option.partner_totals.get(i))
                        .map_or(Money::ZERO, |totals| totals.net_cost)
                })
                .collect()
        })
        .collect();
    ChartData {
        category_heading: "Partner".to_string(),
        categories: partners.into_iter().map(|(_, c)| c).collect(),
        series: options.iter().map(|o| o.scenario_name.clone()).collect(),
        amounts,
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
    fn a_partner_missing_from_an_option_pays_nothing_under_it() {
        let full = small_results();
        let mut fewer = full.clone();
        fewer.scenario_name = "Without the first partner".to_string();
        fewer.partners.remove(0);
        fewer.partner_totals.remove(0);
        // The option without the partner comes first, so the partner is appended after the rest.
        let chart = net_costs(&[Rc::new(fewer), Rc::new(full.clone())]);
        assert_eq!(chart.categories.len(), full.partners.len());
        let last = chart.categories.len() - 1;
        assert_eq!(chart.categories[last].name, full.partners[0].name);
        assert_eq!(chart.amount(last, 0), Money::ZERO);
        assert_eq!(chart.amount(last, 1), full.partner_totals[0].net_cost);
        assert_eq!(chart.series[0], "Without the first partner");
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
