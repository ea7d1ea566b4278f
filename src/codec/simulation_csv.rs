//! The simulation's percentiles as CSV (docs/model-format.md, "CSV exports"): one row per
//! option, partner or pool, figure and period, in the same Excel-safe form as the other exports.

use super::csv::{money, percent, text, year, Table};
use crate::model::uncertainty::{SimulationResults, Spread};

const HEADER: &[&str] = &[
    "Option",
    "Partner or pool",
    "Name",
    "Figure",
    "Period",
    "Lowest",
    "P10",
    "P50",
    "P90",
    "Highest",
    "Mean",
    "Threshold",
    "Chance above threshold (%)",
    "Chance reserve used up (%)",
    "Draws",
    "Seed",
    "Distribution",
];

/// Every option's percentiles: each run is (option name, its results).
pub fn simulation_csv(runs: &[(String, SimulationResults)]) -> Vec<u8> {
    let mut table = Table::new(HEADER);
    for (option, results) in runs {
        let mut row = |kind: &str,
                       name: &str,
                       figure: &str,
                       period: String,
                       s: &Spread,
                       extra: [String; 3]| {
            let mut cells = vec![text(option), text(kind), text(name), text(figure), period];
            cells.extend([s.lowest, s.p10, s.p50, s.p90, s.highest, s.mean].map(money));
            cells.extend(extra);
            cells.extend([
                results.draws.to_string(),
                results.seed.to_string(),
                text(results.shape.label()),
            ]);
            table.rows.push(cells);
        };
        let none = || [String::new(), String::new(), String::new()];
        for partner in &results.partners {
            let all = "All years".to_string();
            row(
                "Partner",
                &partner.name,
                "Share of variance",
                all.clone(),
                &partner.variance_share,
                none(),
            );
            row(
                "Partner",
                &partner.name,
                "Net cost",
                all,
                &partner.net_cost,
                [
                    money(partner.threshold),
                    percent(Some(partner.chance_over_threshold)),
                    String::new(),
                ],
            );
            for y in &partner.by_year {
                row(
                    "Partner",
                    &partner.name,
                    "Share of variance",
                    year(y.year),
                    &y.variance_share,
                    none(),
                );
                row(
                    "Partner",
                    &partner.name,
                    "Net cost",
                    year(y.year),
                    &y.net_cost,
                    none(),
                );
            }
        }
        for pool in &results.pools {
            let reserve = [
                String::new(),
                String::new(),
                percent(pool.chance_reserve_used_up),
            ];
            row(
                "Pool",
                &pool.name,
                "Variance",
                "All years".to_string(),
                &pool.variance,
                reserve,
            );
            for (y, spread) in &pool.by_year {
                row("Pool", &pool.name, "Variance", year(*y), spread, none());
            }
        }
    }
    table.bytes()
}
