//! The board paper's title block: the model's name, the options compared, the date, the
//! version or status and who prepared it. The three typed lines are kept with the model
//! (`Model::paper`), so they are typed once; on screen they are edited behind a disclosure,
//! which the printed paper leaves out.

use yew::prelude::*;

use super::text_field::TextField;
use crate::app::bidi::name;
use crate::app::fields::{commit_action, error_for, Editor};
use crate::app::state::Action;
use crate::model::{limits, long_date, PaperField};
use crate::platform;

#[derive(Properties, PartialEq)]
pub struct PaperTitleProps {
    pub editor: Editor,
    /// The options compared, the base first.
    pub compared: Vec<AttrValue>,
    /// Shown, not edited (a shared model).
    #[prop_or_default]
    pub read_only: bool,
}

const DAY_MS: f64 = 86_400_000.0;

#[function_component(PaperTitle)]
pub fn paper_title(props: &PaperTitleProps) -> Html {
    let editor = &props.editor;
    let paper = &editor.model.paper;
    let date = if paper.date.trim().is_empty() {
        long_date((platform::now_ms() / DAY_MS).floor() as i64)
    } else {
        paper.date.clone()
    };
    let fact = |term: &str, value: Html| {
        html! {
            <div class="pb-paper__fact">
                <dt class="pb-paper__term">{ term.to_string() }</dt>
                <dd class="pb-paper__value">{ value }</dd>
            </div>
        }
    };
    let compared = props.compared.iter().enumerate().map(|(i, option)| {
        let after = match i {
            0 if props.compared.len() > 1 => " (base), ",
            0 => " (base)",
            i if i + 1 < props.compared.len() => ", ",
            _ => "",
        };
        html! { <>{ name(option) }{ after }</> }
    });
    let fields = PaperField::ALL.into_iter().map(|field| {
        let id = format!("paper-{}", field.key());
        let on_commit = commit_action(editor, id.clone(), field.label().to_string(), move |text| {
            let value = text.trim();
            match limits::name_too_long(value) {
                Some(problem) => Err(problem),
                None => Ok(Action::Paper(field, value.to_string())),
            }
        });
        let hint = match field {
            PaperField::Status => Some(AttrValue::Static("For example, Draft for discussion")),
            PaperField::PreparedBy => Some(AttrValue::Static("A person, team or role")),
            PaperField::Date => Some(AttrValue::Static(
                "As it should be printed. Leave blank for the day it is printed",
            )),
        };
        html! {
            <TextField id={id.clone()} label={field.label()} {hint}
                value={AttrValue::from(field.get(&editor.model.paper).to_string())}
                error={error_for(editor, &id)} {on_commit} />
        }
    });
    html! {
        <div class="pb-paper">
            <dl class="pb-paper__facts">
                { fact("Model", name(&editor.model.name)) }
                { fact("Options compared", html! { <>{ for compared }</> }) }
                { fact("Date", html! { { date } }) }
                if !paper.status.trim().is_empty() {
                    { fact("Version or status", name(&paper.status)) }
                }
                if !paper.prepared_by.trim().is_empty() {
                    { fact("Prepared by", name(&paper.prepared_by)) }
                }
            </dl>
            if !props.read_only {
                <details class="pb-paper__edit">
                    <summary class="pb-paper__summary">{ "Edit the title block: version or status, prepared by, date" }</summary>
                    <div class="pb-paper__fields">{ for fields }</div>
                </details>
            }
        </div>
    }
}
