//! Grouped bars: each partner's net cost over the horizon (contributions plus its share of any
//! over- or underspend) under each option, side by side. Below zero, a partner gets money back.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::ChartFrame;
use crate::app::charts::{data, describe, layout::Arrangement};
use crate::app::components::partner_summary::year_span;
use crate::model::{MoneyStyle, Results};

#[derive(Properties, PartialEq)]
pub struct NetCostChartProps {
    /// The options to compare, in the order their bars appear.
    pub options: Vec<Rc<Results>>,
    pub style: MoneyStyle,
    #[prop_or(AttrValue::Static("pb-chart-net-cost"))]
    pub id: AttrValue,
}

/// "Net cost to each partner by option, 2025/26 to 2029/30", without the years when the options
/// cover different ones.
fn title(options: &[Rc<Results>]) -> String {
    let spans: Vec<String> = options.iter().map(|o| year_span(o)).collect();
    match spans.split_first() {
        Some((first, rest)) if rest.iter().all(|s| s == first) => {
            format!("Net cost to each partner by option, {first}")
        }
        _ => "Net cost to each partner by option".to_string(),
    }
}

#[function_component(NetCostChart)]
pub fn net_cost_chart(props: &NetCostChartProps) -> Html {
    let chart = Rc::new(data::net_costs(&props.options).shown_in(props.style));
    html! {
        <ChartFrame
            id={props.id.clone()}
            title={title(&props.options)}
            description={describe::net_costs(&chart)}
            data={chart}
            arrangement={Arrangement::Grouped}
            legend_label="Options"
            total_row={AttrValue::Static("All partners")}
        />
    }
}
