//! Everything around a chart: the figure with its title and describing sentence, the legend,
//! the SVG, and a button that shows the same data as a table (the table is in the page all the
//! time, hidden until asked for, so the button's `aria-controls` always points at it).

use std::rc::Rc;

use yew::prelude::*;

use super::bar_chart::bar_chart;
use super::chart_legend::chart_legend;
use super::chart_table::chart_table;
use crate::app::charts::data::ChartData;
use crate::app::charts::layout::Arrangement;

#[derive(Properties, PartialEq)]
pub struct ChartFrameProps {
    /// Unique in the page; the title, description, patterns and table ids derive from it.
    pub id: AttrValue,
    pub title: AttrValue,
    pub description: AttrValue,
    pub data: Rc<ChartData>,
    pub arrangement: Arrangement,
    /// What the series are, above the legend: "Partners", "Options", "Pools".
    pub legend_label: AttrValue,
    #[prop_or_default]
    pub total_column: bool,
    #[prop_or_default]
    pub total_row: Option<AttrValue>,
}

#[function_component(ChartFrame)]
pub fn chart_frame(props: &ChartFrameProps) -> Html {
    let table_open = use_state(|| false);
    let on_toggle = {
        let table_open = table_open.clone();
        Callback::from(move |_: MouseEvent| table_open.set(!*table_open))
    };
    let id = &props.id;
    let title_id = format!("{id}-title");
    let description_id = format!("{id}-description");
    let table_id = format!("{id}-table");
    html! {
        <figure class="pb-chart" id={id.clone()}>
            <figcaption class="pb-chart__caption">
                <h3 class="pb-chart__title" id={title_id.clone()}>{ props.title.clone() }</h3>
                <p class="pb-chart__description" id={description_id.clone()}>{ props.description.clone() }</p>
            </figcaption>
            { chart_legend(id, &props.data, &props.legend_label) }
            { bar_chart(id, &props.data, props.arrangement, &title_id, &description_id) }
            <button
                type="button"
                class="pb-button pb-button--secondary pb-button--small pb-chart__toggle"
                aria-expanded={if *table_open { "true" } else { "false" }}
                aria-controls={table_id.clone()}
                onclick={on_toggle}
            >
                { if *table_open { "Hide the table" } else { "Show as a table" } }
            </button>
            <div class="pb-chart__table" id={table_id} hidden={!*table_open}>
                { chart_table(&props.title, &props.data, props.total_column, props.total_row.as_deref()) }
            </div>
        </figure>
    }
}
