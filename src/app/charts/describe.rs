//! A sentence or two saying what each chart shows, computed from the same data, for people who
//! cannot see the chart and for anyone reading it in a hurry.

use super::data::ChartData;
use crate::model::Money;

/// The index of the largest of `values`, the first one on a tie.
fn largest<I: IntoIterator<Item = Money>>(values: I) -> Option<usize> {
    values
        .into_iter()
        .enumerate()
        .fold(None, |best: Option<(usize, Money)>, (i, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((i, v)),
        })
        .map(|(i, _)| i)
}

fn name(list: &[String], index: usize) -> &str {
    list.get(index).map_or("", String::as_str)
}

/// Categories are years, series are partners.
pub fn contributions(data: &ChartData) -> String {
    if data.series.is_empty() || data.categories.is_empty() || data.is_all_zero() {
        return "No partner contributes anything in these years.".to_string();
    }
    let mut sentences = Vec::new();
    let totals: Vec<Option<Money>> = (0..data.categories.len())
        .map(|c| data.category_total(c))
        .collect();
    let years = &data.categories;
    match (totals.first(), totals.last(), years.first(), years.last()) {
        (Some(Some(first)), Some(Some(last)), Some(y0), Some(yn)) if years.len() > 1 => {
            let direction = match first.cmp(last) {
                std::cmp::Ordering::Less => "rise",
                std::cmp::Ordering::Greater => "fall",
                std::cmp::Ordering::Equal => "stay",
            };
            let change = if direction == "stay" {
                format!(
                    "stay at {} from {} to {}",
                    data.money(*first),
                    y0.name,
                    yn.name
                )
            } else {
                format!(
                    "{direction} from {} in {} to {} in {}",
                    data.money(*first),
                    y0.name,
                    data.money(*last),
                    yn.name
                )
            };
            sentences.push(format!("Contributions from all partners {change}."));
        }
        (Some(Some(only)), _, Some(year), _) => {
            sentences.push(format!(
                "Contributions from all partners are {} in {}.",
                data.money(*only),
                year.name
            ));
        }
        _ => {}
    }
    let leaders: Vec<Option<usize>> = (0..data.categories.len())
        .map(|c| largest((0..data.series.len()).map(|s| data.amount(c, s))))
        .collect();
    let overall =
        largest((0..data.series.len()).map(|s| data.series_total(s).unwrap_or(Money::ZERO)));
    if let Some(top) = overall {
        let every_year = leaders.iter().all(|l| *l == Some(top));
        let share = data
            .series_total(top)
            .map(|t| format!(", {} in all", data.money(t)))
            .unwrap_or_default();
        sentences.push(if every_year && data.categories.len() > 1 {
            format!(
                "{} contributes the most in every year{share}.",
                name(&data.series, top)
            )
        } else {
            format!("{} contributes the most{share}.", name(&data.series, top))
        });
    }
    sentences.join(" ")
}

/// Categories are partners, series are options; amounts are differences from the base.
pub fn differences(data: &ChartData, base: &str) -> String {
    if data.series.is_empty() || data.categories.is_empty() {
        return "There are no partners to compare.".to_string();
    }
    if data.is_all_zero() {
        return format!("No option differs from {base} for any partner in this figure.");
    }
    let mut sentences = vec![format!(
        "Each bar is a partner's difference from {base}: above the zero line the figure is \
         higher than under {base}, below it lower."
    )];
    for (s, option) in data.series.iter().enumerate() {
        let largest = (0..data.categories.len())
            .map(|c| (c, data.amount(c, s)))
            .fold(None, |best: Option<(usize, Money)>, (c, a)| match best {
                Some((_, b)) if b.abs() >= a.abs() => best,
                _ => Some((c, a)),
            });
        sentences.push(match largest {
            Some((c, amount)) if !amount.is_zero() => {
                let partner = data.categories.get(c).map_or("", |p| p.name.as_str());
                let way = if amount.is_positive() {
                    "higher"
                } else {
                    "lower"
                };
                // The size and the word, as a paper's sentence says it ("£353k lower"), never
                // a sign or brackets as well as the word.
                format!(
                    "Under {option} the largest change is {partner}'s: {} {way}.",
                    data.money(amount.abs())
                )
            }
            _ => format!("{option} is the same as {base} for every partner."),
        });
    }
    sentences.join(" ")
}

/// Categories are years, series are pools.
pub fn balances(data: &ChartData) -> String {
    let mut sentences = vec![
        "Above the zero line is money left over after forecast spending; below it is a shortfall."
            .to_string(),
    ];
    if data.series.is_empty() || data.categories.is_empty() {
        sentences.push("There are no pools.".to_string());
        return sentences.join(" ");
    }
    let last = data.categories.len() - 1;
    let last_year = data.categories.get(last).map_or("", |y| y.name.as_str());
    for (s, pool) in data.series.iter().enumerate() {
        let short: Vec<&str> = (0..data.categories.len())
            .filter(|&c| data.amount(c, s).is_negative())
            .filter_map(|c| data.categories.get(c).map(|y| y.name.as_str()))
            .collect();
        let closing = data.amount(last, s);
        let ending = if closing.is_negative() {
            format!("a shortfall of {}", data.money(closing.abs()))
        } else {
            format!("{} left over", data.money(closing))
        };
        sentences.push(match short.len() {
            0 => format!("{pool} has no shortfall in any year and ends {last_year} with {ending}."),
            n if n == data.categories.len() => {
                format!("{pool} is short in every year and ends {last_year} with {ending}.")
            }
            n => format!(
                "{pool} is short in {n} of {} years ({}) and ends {last_year} with {ending}.",
                data.categories.len(),
                short.join(", ")
            ),
        });
    }
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::data::Category;
    use super::*;

    fn data(categories: &[&str], series: &[&str], amounts: &[&[i64]]) -> ChartData {
        ChartData {
            category_heading: String::new(),
            categories: categories
                .iter()
                .map(|c| Category {
                    label: c.to_string(),
                    name: c.to_string(),
                })
                .collect(),
            series: series.iter().map(|s| s.to_string()).collect(),
            amounts: amounts
                .iter()
                .map(|row| row.iter().map(|&p| Money::pounds(p)).collect())
                .collect(),
            style: crate::model::MoneyStyle::EXACT,
        }
    }

    #[test]
    fn contributions_say_how_the_total_moves_and_who_pays_most() {
        let chart = data(
            &["2025/26", "2026/27"],
            &["Council", "ICB"],
            &[&[6_000_000, 4_000_000], &[6_500_000, 4_100_000]],
        );
        assert_eq!(
            contributions(&chart),
            "Contributions from all partners rise from £10.00m in 2025/26 to £10.60m in 2026/27. \
             Council contributes the most in every year, £12.50m in all."
        );
    }

    #[test]
    fn contributions_for_one_year_or_none_still_read_as_sentences() {
        let one = data(&["2025/26"], &["Council"], &[&[250_000]]);
        assert_eq!(
            contributions(&one),
            "Contributions from all partners are £250k in 2025/26. Council contributes the most, £250k in all."
        );
        let none = data(&["2025/26"], &["Council"], &[&[0]]);
        assert_eq!(
            contributions(&none),
            "No partner contributes anything in these years."
        );
    }

    #[test]
    fn differences_name_each_options_largest_change_either_way() {
        let chart = data(
            &["Council", "ICB"],
            &["Option B", "Option C"],
            &[&[353_150, 0], &[-1_142_446, 0]],
        );
        assert_eq!(
            differences(&chart, "Option A"),
            "Each bar is a partner's difference from Option A: above the zero line the figure is \
             higher than under Option A, below it lower. \
             Under Option B the largest change is ICB's: £1.14m lower. \
             Option C is the same as Option A for every partner."
        );
        let none = data(&["Council"], &["Option B"], &[&[0]]);
        assert_eq!(
            differences(&none, "Option A"),
            "No option differs from Option A for any partner in this figure."
        );
    }

    #[test]
    fn balances_list_the_years_a_pool_is_short() {
        let chart = data(
            &["2025/26", "2026/27", "2027/28"],
            &["BCF", "Locality"],
            &[&[10_000, 0], &[-5_000, 0], &[-20_000, 3_000]],
        );
        let text = balances(&chart);
        assert!(
            text.starts_with("Above the zero line is money left over"),
            "{text}"
        );
        assert!(text.contains("BCF is short in 2 of 3 years (2026/27, 2027/28) and ends 2027/28 with a shortfall of £20k."), "{text}");
        assert!(
            text.contains(
                "Locality has no shortfall in any year and ends 2027/28 with £3k left over."
            ),
            "{text}"
        );
    }
}
