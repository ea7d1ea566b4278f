//! Sharing a model by link. The model travels in the address's `#` fragment, which browsers
//! never send to a server. Long links break in Teams (over about 2,000 characters) and some
//! email clients, so the length is shown and long links come with a warning.

use yew::prelude::*;

use crate::app::fields::EditorDispatcher;
use crate::codec::link::encode_link;
use crate::platform;

/// Links longer than this may break in Microsoft Teams.
pub const TEAMS_LIMIT: usize = 2_000;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// Reads the model as it is when the link is made.
    pub editor: EditorDispatcher,
    /// The model's version (`EditorState::generation`, `model_version`): a link made before it
    /// changed would share stale figures.
    pub version: (u32, u64),
}

#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Yes,
    Refused,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let link = use_state(|| None::<String>);
    let copied = use_state(|| Copied::Not);
    let on_make = {
        let (editor, link, copied) = (props.editor.clone(), link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(fragment) = editor.with_state(|state| encode_link(&state.model, state.open))
            {
                link.set(Some(format!(
                    "{}#{fragment}",
                    platform::address::base_address()
                )));
                copied.set(Copied::Not);
            }
        })
    };
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &*link {
                let copied = copied.clone();
                platform::clipboard::copy(
                    text,
                    Callback::from(move |ok| {
                        copied.set(if ok { Copied::Yes } else { Copied::Refused })
                    }),
                );
            }
        })
    };
    // A link made before the latest change would share stale figures: make it again.
    {
        // Keyed on the model's version, so the model is neither copied nor compared each render.
        let link = link.clone();
        use_effect_with(props.version, move |_| {
            if link.is_some() {
                link.set(None)
            }
        });
    }
    html! {
        <section class="pb-section" aria-labelledby="share-heading">
            <h2 id="share-heading" class="pb-section__title">{ "Share" }</h2>
            <p class="pb-section__lede">{ "A link carries the whole model, with the option you have open. The figures travel inside the link itself: no server sees them." }</p>
            <button type="button" class="pb-button pb-button--secondary" onclick={on_make}>{ "Make a link to this model" }</button>
            if let Some(text) = &*link {
                <div class="pb-field">
                    <label class="pb-field__label" for="share-link">{ "Link to this model" }</label>
                    <div class="pb-field__hint" id="share-link-hint">
                        { format!("{} characters.", text.chars().count()) }
                        if text.chars().count() > TEAMS_LIMIT {
                            <strong>{ " Links over 2,000 characters may break in Microsoft Teams and some email. Send the model as a file instead." }</strong>
                        }
                    </div>
                    <input class="pb-input" id="share-link" type="text" readonly=true value={text.clone()}
                        aria-describedby="share-link-hint" />
                </div>
                <button type="button" class="pb-button" onclick={on_copy}>{ "Copy link" }</button>
                <p role="status" class="pb-note">
                    { match *copied {
                        Copied::Not => "",
                        Copied::Yes => "Link copied. Paste it into an email or a Teams message.",
                        Copied::Refused => "This browser did not let the modeller copy. Select the link above and copy it (Ctrl+C).",
                    } }
                </p>
            }
        </section>
    }
}
