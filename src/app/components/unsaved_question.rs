//! The questions that stand between the person and lost work: another tab changed or deleted
//! the open model (which version to keep), and a switch away while a change is not saved
//! (download it first, go on, or stay). Each takes focus when it appears.

use yew::prelude::*;

use crate::platform;

/// Another tab's change that collides with this tab's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    ChangedElsewhere,
    DeletedElsewhere,
}

/// What the person chose about a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Show the other tab's version (changed), or another model (deleted).
    TakeTheirs,
    /// Keep this tab's version as a new model.
    KeepMine,
}

const CONFLICT_ID: &str = "tab-conflict";
const QUESTION_ID: &str = "unsaved-question";

#[derive(Properties, PartialEq)]
pub struct ConflictNoticeProps {
    pub conflict: Conflict,
    pub model_name: AttrValue,
    pub on_choose: Callback<ConflictChoice>,
}

#[function_component(ConflictNotice)]
pub fn conflict_notice(props: &ConflictNoticeProps) -> Html {
    use_effect_with(props.conflict, |_| platform::focus(CONFLICT_ID));
    let choose = |choice: ConflictChoice| {
        let on_choose = props.on_choose.clone();
        Callback::from(move |_: MouseEvent| on_choose.emit(choice))
    };
    let name = &props.model_name;
    let (title, body, theirs, mine) = match props.conflict {
        Conflict::ChangedElsewhere => (
            "This model was changed in another tab",
            "Another tab saved changes to this model after this tab last saw it. This tab has not saved over them. Choose which version to keep.",
            "Load the version from the other tab",
            "Keep this tab’s version as a copy",
        ),
        Conflict::DeletedElsewhere => (
            "This model was deleted in another tab",
            "Another tab deleted this model. What you see here is not saved anywhere else.",
            "Let it go and open another model",
            "Keep it as a new model",
        ),
    };
    html! {
        <div class="pb-confirm pb-confirm--urgent" role="alertdialog" id={CONFLICT_ID} tabindex="-1"
            aria-labelledby="tab-conflict-title" aria-describedby="tab-conflict-body">
            <h2 class="pb-confirm__title" id="tab-conflict-title">{ title }</h2>
            <p id="tab-conflict-body"><bdi>{ name }</bdi>{ ": " }{ body }</p>
            <button type="button" class="pb-button" onclick={choose(ConflictChoice::KeepMine)}>{ mine }</button>
            <button type="button" class="pb-button pb-button--secondary" onclick={choose(ConflictChoice::TakeTheirs)}>{ theirs }</button>
        </div>
    }
}

/// What the person chose when asked about unsaved work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Download,
    Discard,
    Stay,
}

#[derive(Properties, PartialEq)]
pub struct UnsavedQuestionProps {
    pub model_name: AttrValue,
    /// Why the work is not saved.
    pub why: AttrValue,
    /// What the person was about to do: "open another model".
    pub action: AttrValue,
    /// Set once the file has been made (or why it could not be).
    pub downloaded: Option<AttrValue>,
    pub on_choose: Callback<UnsavedChoice>,
}

#[function_component(UnsavedQuestion)]
pub fn unsaved_question(props: &UnsavedQuestionProps) -> Html {
    use_effect_with(props.action.clone(), |_| platform::focus(QUESTION_ID));
    let choose = |choice: UnsavedChoice| {
        let on_choose = props.on_choose.clone();
        Callback::from(move |_: MouseEvent| on_choose.emit(choice))
    };
    html! {
        <div class="pb-confirm pb-confirm--urgent" role="alertdialog" id={QUESTION_ID} tabindex="-1"
            aria-labelledby="unsaved-title" aria-describedby="unsaved-body">
            <h2 class="pb-confirm__title" id="unsaved-title">{ "Your latest changes are not saved" }</h2>
            <p id="unsaved-body">
                { &props.why }
                { format!(" If you {} now, the changes to ‘", props.action) }<bdi>{ &props.model_name }</bdi>
                { "’ since it was last saved will be lost. Download the model file first to keep them." }
            </p>
            if let Some(done) = &props.downloaded {
                <p role="status">{ done }</p>
            }
            <button type="button" class="pb-button" onclick={choose(UnsavedChoice::Download)}>{ "Download the model file (.json)" }</button>
            <button type="button" class="pb-button pb-button--warning" onclick={choose(UnsavedChoice::Discard)}>
                { format!("Discard the changes and {}", props.action) }
            </button>
            <button type="button" class="pb-button pb-button--secondary" onclick={choose(UnsavedChoice::Stay)}>{ "Stay on this model" }</button>
        </div>
    }
}
