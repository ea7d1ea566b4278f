//! Stacked bars: what each partner contributes in each year, across all pools.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::ChartFrame;
use crate::app::charts::{data, describe, layout::Arrangement};
use crate::app::components::partner_summary::year_span;
use crate::model::{MoneyStyle, Results};

#[derive(Properties)]
pub struct ContributionsChartProps {
    pub results: Rc<Results>,
    pub style: MoneyStyle,
    #[prop_or(AttrValue::Static("pb-chart-contributions"))]
    pub id: AttrValue,
}

crate::results_props_eq!(ContributionsChartProps, style, id);

#[function_component(ContributionsChart)]
pub fn contributions_chart(props: &ContributionsChartProps) -> Html {
    let chart = Rc::new(data::contributions(&props.results).shown_in(props.style));
    html! {
        <ChartFrame
            id={props.id.clone()}
            title={format!("Contributions by partner, {}", year_span(&props.results))}
            description={describe::contributions(&chart)}
            data={chart}
            arrangement={Arrangement::Stacked}
            legend_label="Partners"
            total_column=true
        />
    }
}
