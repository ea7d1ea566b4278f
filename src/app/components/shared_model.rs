//! A shared model, read-only: what an intranet article or board paper embeds. The reader can
//! switch between the model's options and read the results, and nothing is saved: this view
//! never writes to the browser's storage, so a reader's own saved models are not touched.

use yew::prelude::*;

use super::compare_view::CompareView;
use super::results_panel::ResultsPanel;
use super::select_field::SelectField;
use crate::app::state::{Action, EditorState};
use crate::codec::link::decode_link;
use crate::model::{templates, ScenarioId};
use crate::platform;

#[derive(Properties, PartialEq)]
pub struct SharedModelProps {
    /// The share link's fragment, without its `#`.
    pub fragment: String,
}

#[function_component(SharedModel)]
pub fn shared_model(props: &SharedModelProps) -> Html {
    let decoded = use_memo(props.fragment.clone(), |fragment| decode_link(fragment));
    // A hook cannot be skipped, so a bad link gets a placeholder it never shows.
    let editor = use_reducer(|| match &*decoded {
        Ok((model, option)) => EditorState::new(model.clone()).reduce(Action::Open(*option)),
        Err(_) => EditorState::new(templates::blank()),
    });
    // `?view=compare` opens on the comparison: a fixed comparison for an article or board paper.
    let comparing = use_state(platform::requested_comparison);
    if let Err(error) = &*decoded {
        return html! {
            <>
                <h1>{ "This model cannot be shown" }</h1>
                <div class="pb-notice pb-notice--warning" role="alert">
                    <p>{ format!("{error} Ask whoever published this page to make a new link \
                                  with “Make a link to this model” and embed that.") }</p>
                </div>
            </>
        };
    }
    let options: Vec<(String, String)> = editor
        .model
        .scenarios
        .iter()
        .map(|s| (s.id.0.to_string(), s.name.clone()))
        .collect();
    let on_switch = {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Ok(n) = value.parse::<u32>() {
                editor.dispatch(Action::Open(ScenarioId(n)));
            }
        })
    };
    let several = options.len() > 1;
    if *comparing && several {
        let on_close = {
            let comparing = comparing.clone();
            Callback::from(move |()| {
                comparing.set(false);
                platform::focus_soon("compare-open");
            })
        };
        return html! {
            <CompareView editor={editor.clone()} on_close={on_close} close_label="Back to the results" read_only=true money_control={false} />
        };
    }
    let on_compare = {
        let comparing = comparing.clone();
        Callback::from(move |_: MouseEvent| comparing.set(true))
    };
    html! {
        <>
            <h1>{ editor.model.name.clone() }</h1>
            <p class="pb-note">{ "A shared model, read-only. Figures cannot be changed here and nothing is saved." }</p>
            if several {
                <SelectField id="shown-option" label="Option shown" options={options}
                    selected={editor.open.0.to_string()} on_change={on_switch} />
                <button type="button" class="pb-button" id="compare-open" onclick={on_compare}>
                    { "Compare options side by side" }
                </button>
            }
            <ResultsPanel editor={editor.clone()} money_control={false} />
        </>
    }
}
