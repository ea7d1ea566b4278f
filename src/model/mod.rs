//! The pure budget model: money, years, partners, pools, contributions, spending lines, risk
//! share, scenarios, and the functions that compute, compare and validate them. No browser
//! APIs here, so all of it compiles and is tested natively.

mod compare;
mod compare_inputs;
mod compute;
mod contribution;
mod cow_rc;
pub mod edit;
pub mod fixtures;
pub mod forecast_checks;
mod format;
pub mod limits;
pub mod linked;
mod money;
pub mod naming;
mod options_comparison;
pub mod order;
mod paper;
mod partner;
pub mod plan_checks;
mod pool;
mod reconcile;
mod repair;
mod results;
mod risk;
mod risk_pattern;
mod saved_names;
mod scenario;
pub mod schemes;
mod settle;
mod spend;
mod split;
mod stress;
mod tagged;
pub mod templates;
pub mod uncertainty;
pub mod user_text;
mod validate;
mod validate_rules;
mod year;

pub use compare_inputs::{changed_cells, describe_overrides};
pub use compute::{compute, compute_reusing, ComputeError, ComputedFrom};
pub use contribution::{
    AmountRule, Contribution, ContributionId, FundingStream, Obligation, YearAmount,
};
pub use cow_rc::CowRc;

pub use format::{
    decimals, entry_text, format_money, format_percent, format_report_percent, meaningful_percent,
    MoneyDisplay, MoneyStyle, MoneyUnit, NegativeStyle, MINUS_SIGN, PERCENT_NOT_SHOWN,
};
pub use money::{
    round_half_away_from_zero, round_to_penny, Money, MoneyParseError, OverflowAt, Percent,
    PercentParseError, MONEY_LIMIT,
};
pub use paper::{long_date, BoardPaper, PaperField, ILLUSTRATIVE};
pub use partner::{Partner, PartnerId, PartnerKind};
pub use pool::{ContingencyReserve, Pool, PoolId, PoolType};
pub use reconcile::Unreconciled;
pub use repair::{has_duplicate_ids, repair_duplicate_ids};
pub use results::{
    LineHeading, LineYear, PartnerHeading, PartnerTotals, PartnerYear, PoolResults, PoolYear,
    ReserveMovement, Results, RingFenceCheck, Settlement, StreamIncome, UnderspendResult,
};
pub use risk::{
    total_percent, PartnerShare, RiskShare, Split, TierBearer, TierLimit, UnderspendTreatment,
};
pub use risk_pattern::{equal_shares, RiskPattern};
pub use scenario::{ForecastEntry, Model, Scenario, ScenarioId, SCHEMA_VERSION};
pub use spend::{
    LineId, LinePlan, MinimumRule, Outturn, RingFence, RingFenceRequirement, SpendLine,
    YearForecast,
};
pub use split::{split, SplitError};
pub use stress::{
    stress, PartnerExposure, StressError, StressResult, StressScope, STRESS_MAX_PERCENT,
    STRESS_MIN_PERCENT,
};

pub use compare::{
    compare, Change, Comparison, PartnerComparison, PartnerYearComparison, PoolComparison,
    PoolYearComparison, YearComparison,
};
pub use fixtures::{large_model, reference_model, small_model};
pub use options_comparison::{
    compare_options, CompareError, Figure, OptionsComparison, Period, PoolRows, Row, MAX_COMPARED,
};
pub use validate::{validate, validate_model_fields, validate_scenario, FieldPath, Problem};
pub use year::{
    year_span, FinancialYear, Horizon, YearParseError, FIRST_START_YEAR, LAST_START_YEAR,
    MAX_HORIZON_YEARS,
};
