//! A shared model, read-only: what an intranet article or board paper embeds. The reader can
//! switch between the model's options and read the results, and nothing is saved: this view
//! never writes to the browser's storage, so a reader's own saved models are not touched.

use yew::prelude::*;

use super::results_panel::ResultsPanel;
use super::select_field::SelectField;
use crate::app::state::{Action, EditorState};
use crate::codec::link::decode_link;
use crate::model::{templates, ScenarioId};

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
    html! {
        <>
            <h1>{ editor.model.name.clone() }</h1>
            <p class="pb-note">{ "A shared model, read-only. Figures cannot be changed here and nothing is saved." }</p>
            if options.len() > 1 {
                <SelectField id="shown-option" label="Option shown" options={options}
                    selected={editor.open.0.to_string()} on_change={on_switch} />
            }
            <ResultsPanel editor={editor.clone()} />
        </>
    }
}
