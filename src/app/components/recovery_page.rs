//! The safe page the modeller opens with after it stopped (a crash, or a start that never
//! finished): the saved models, each with "Download", "Open read-only" and "Delete", instead
//! of opening the model that may have caused the stop again.

use yew::prelude::*;

use crate::app::persistence::{self, Browser};
use crate::codec::model_file;
use crate::platform;

#[derive(Properties, PartialEq)]
pub struct RecoveryPageProps {
    /// Opens this model without saving anything.
    pub on_open_read_only: Callback<u32>,
    /// Goes on to the modeller as usual.
    pub on_continue: Callback<()>,
}

#[function_component(RecoveryPage)]
pub fn recovery_page(props: &RecoveryPageProps) -> Html {
    let library = use_state(|| persistence::recovery_list(&Browser));
    let status = use_state(|| None::<String>);
    let confirm_delete = use_state(|| None::<u32>);
    use_effect_with((), |_| platform::focus("recovery-heading"));

    let items = library.models.iter().map(|entry| {
        let (id, name) = (entry.id, entry.name.clone());
        let download = {
            let (status, name) = (status.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(text) = persistence::raw_model(&Browser, id) else {
                    status.set(Some(format!("‘{name}’ is no longer saved in this browser.")));
                    return;
                };
                let file_name = model_file::file_name(&name, "json");
                status.set(Some(
                    match platform::files::download(&file_name, "application/json", text.as_bytes()) {
                        Ok(()) => format!("Made ‘{file_name}’: find it in your browser’s downloads."),
                        Err(problem) => problem.0,
                    },
                ));
            })
        };
        let open = {
            let (status, on_open, name) = (status.clone(), props.on_open_read_only.clone(), name.clone());
            Callback::from(move |_: MouseEvent| match persistence::read_model(&Browser, id) {
                Ok(_) => on_open.emit(id),
                Err(message) => status.set(Some(format!("‘{name}’ cannot be opened: {message}"))),
            })
        };
        let ask = {
            let confirm = confirm_delete.clone();
            Callback::from(move |_: MouseEvent| confirm.set(Some(id)))
        };
        let keep = {
            let confirm = confirm_delete.clone();
            Callback::from(move |_: MouseEvent| confirm.set(None))
        };
        let delete = {
            let (confirm, status, library, name) =
                (confirm_delete.clone(), status.clone(), library.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                confirm.set(None);
                let session = persistence::Session {
                    library: (*library).clone(),
                    open: 0,
                    revision: 0,
                    read_only: None,
                };
                match persistence::delete(&Browser, &session, id) {
                    Ok(session) => {
                        library.set(session.library);
                        status.set(Some(format!("Deleted ‘{name}’.")));
                    }
                    Err(problem) => status.set(Some(problem.message())),
                }
            })
        };
        html! {
            <li class="pb-models__item" key={id}>
                <span class="pb-models__name"><bdi>{ &name }</bdi></span>
                <button type="button" class="pb-button pb-button--secondary pb-button--small" onclick={download}>
                    { "Download" }<span class="pb-visually-hidden">{ " " }<bdi>{ &name }</bdi></span>
                </button>
                <button type="button" class="pb-button pb-button--secondary pb-button--small" onclick={open}>
                    { "Open read-only" }<span class="pb-visually-hidden">{ " " }<bdi>{ &name }</bdi></span>
                </button>
                <button type="button" class="pb-button pb-button--warning pb-button--small" onclick={ask}>
                    { "Delete" }<span class="pb-visually-hidden">{ " " }<bdi>{ &name }</bdi></span>
                </button>
                if *confirm_delete == Some(id) {
                    <div class="pb-confirm" role="alertdialog" aria-labelledby={format!("recover-delete-{id}")}>
                        <p class="pb-confirm__title" id={format!("recover-delete-{id}")}>
                            { "Delete " }<bdi>{ &name }</bdi>{ " from this browser? This cannot be undone." }
                        </p>
                        <button type="button" class="pb-button pb-button--warning" onclick={delete}>{ "Delete it" }</button>
                        <button type="button" class="pb-button pb-button--secondary" onclick={keep}>{ "Keep it" }</button>
                    </div>
                }
            </li>
        }
    });
    let on_continue = {
        let on_continue = props.on_continue.clone();
        Callback::from(move |_: MouseEvent| on_continue.emit(()))
    };
    html! {
        <section class="pb-section pb-recovery" aria-labelledby="recovery-heading">
            <h1 id="recovery-heading" tabindex="-1">{ "The modeller stopped last time" }</h1>
            <p>
                { "The last time this page was open, the modeller stopped before it finished (an error, \
                   or a model too large to show). So that the same model does not stop it again, \
                   nothing has been opened. Your saved models are all still here." }
            </p>
            <p>
                { "Download a model to keep a copy of it as a file, open it read-only to look at it \
                   without changing anything, or delete the one that causes the problem." }
            </p>
            if let Some(status) = &*status {
                <p class="pb-notice" role="status">{ status }</p>
            }
            if library.models.is_empty() {
                <p>{ "There are no saved models in this browser." }</p>
            } else {
                <ul class="pb-models__list">{ for items }</ul>
            }
            <button type="button" class="pb-button" onclick={on_continue}>{ "Open the modeller as usual" }</button>
        </section>
    }
}
