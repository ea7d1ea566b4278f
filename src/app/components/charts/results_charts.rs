//! The charts for the open option, shown with its results: contributions by partner and each
//! pool's balance, year by year.

use std::rc::Rc;

use yew::prelude::*;

use super::balance_chart::BalanceChart;
use super::contributions_chart::ContributionsChart;
use crate::model::{MoneyStyle, Results};

#[derive(Properties)]
pub struct ResultsChartsProps {
    pub results: Rc<Results>,
    pub style: MoneyStyle,
}

crate::results_props_eq!(ResultsChartsProps, style);

#[function_component(ResultsCharts)]
pub fn results_charts(props: &ResultsChartsProps) -> Html {
    html! {
        <div class="pb-charts">
            <ContributionsChart results={Rc::clone(&props.results)} style={props.style} />
            <BalanceChart results={Rc::clone(&props.results)} style={props.style} />
        </div>
    }
}
