//! A table cell holding an amount of money: right-aligned tabular figures, exact to the penny,
//! negatives with a true minus sign (read reliably by screen readers).

use yew::prelude::*;

use crate::model::{format_money, Money, MoneyStyle};

#[derive(Properties, PartialEq)]
pub struct MoneyCellProps {
    pub amount: Money,
    #[prop_or(MoneyStyle::EXACT)]
    pub style: MoneyStyle,
}

#[function_component(MoneyCell)]
pub fn money_cell(props: &MoneyCellProps) -> Html {
    html! {
        <td class="pb-table__cell pb-table__cell--numeric">{ format_money(props.amount, props.style) }</td>
    }
}
