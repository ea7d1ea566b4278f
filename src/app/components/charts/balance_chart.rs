//! Bars above and below a zero line: each pool's balance in each year, money left over after
//! forecast spending (above) or a shortfall (below).

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::ChartFrame;
use crate::app::charts::{data, describe, layout::Arrangement};
use crate::app::components::partner_summary::year_span;
use crate::model::{MoneyStyle, Results};

#[derive(Properties)]
pub struct BalanceChartProps {
    pub results: Rc<Results>,
    pub style: MoneyStyle,
    #[prop_or(AttrValue::Static("pb-chart-balance"))]
    pub id: AttrValue,
}

crate::results_props_eq!(BalanceChartProps, style, id);

#[function_component(BalanceChart)]
pub fn balance_chart(props: &BalanceChartProps) -> Html {
    let chart = Rc::new(data::balances(&props.results).shown_in(props.style));
    html! {
        <ChartFrame
            id={props.id.clone()}
            title={format!("Balance of each pool by year, {}", year_span(&props.results))}
            description={describe::balances(&chart)}
            data={chart}
            arrangement={Arrangement::Grouped}
            legend_label="Pools"
        />
    }
}
