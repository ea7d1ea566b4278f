//! Help: how to use the modeller, every contribution rule and risk-share pattern in plain
//! words with an example (the same words shown beside where each is chosen), and how figures
//! are rounded and shown.

use yew::prelude::*;

use super::contributions_editor::RULES;
use super::pools_editor::UNDERSPEND;
use super::risk_share_field::explain;
use crate::model::RiskPattern;

/// A view function, not a component: it is drawn once per page (issue #18: each component costs
/// its own copy of Yew's lifecycle code).
pub fn help_page() -> Html {
    html! {
        <>
            <p><a href="./">{ "Back to the modeller" }</a></p>
            <h1>{ "Help" }</h1>
            <p class="pb-lede">{ "How to model a pooled budget, what each rule means, and how the figures are worked out." }</p>

            <h2>{ "Getting started" }</h2>
            <ol>
                <li>{ "Select “Models and files” at the top of the modeller. Choose a template (a Better Care Fund pool, an integrated children's 0-19 pool, a locality pool; their figures are illustrative) or a blank model under “Start a new model from”, then select Create. Each model is kept in this browser; “Your models” lists them, with Open, Duplicate (a copy is named “… (2)”) and Delete. Sharing and files are there too." }</li>
                <li>{ "Add the partners (a new partner's short name is made from its name's initials until you type one), then the pool and its host, then what each partner contributes, then the spending lines the pool pays for." }</li>
                <li>{ "Choose who carries an overspend and what happens to an underspend. Put forecast over- or underspends against spending lines." }</li>
                <li>{ "Read the results beside the inputs. They change as soon as you leave a field or press Enter." }</li>
                <li>{ "Under “Options”, copy an option to try a different rule or figure, switch between options, and choose which one is the base." }</li>
            </ol>
            <p>{ "The checklist lists anything missing or inconsistent, with a link to each field. If you type something the modeller cannot use, “There is a problem” appears at the top with a link to the field; the model keeps using the last figures that made sense until you put it right." }</p>

            <h2>{ "Files and spreadsheets" }</h2>
            <p>{ "Under “Models and files”, then “Files”, “Download model file (.json)” saves the whole model, every option, as a file to keep or send. “Open a model file” opens such a file as a new model beside yours, never over them; if the file has problems, each is listed with the field it is about, and nothing changes. The CSV files (partner results, pool results and, with two or more options, a comparison against the base) open in Excel with amounts as plain numbers." }</p>

            <h2>{ "How contributions are set" }</h2>
            <dl class="pb-help__list">
                { for RULES.iter().map(|(_, title, example)| html! {
                    <><dt>{ *title }</dt><dd>{ *example }</dd></>
                }) }
            </dl>

            <h2>{ "Who carries an overspend" }</h2>
            <dl class="pb-help__list">
                { for RiskPattern::ALL.iter().map(|pattern| {
                    let (meaning, example) = explain(*pattern);
                    html! { <><dt>{ pattern.label() }</dt><dd>{ meaning }{ " For example: " }{ example }</dd></> }
                }) }
            </dl>

            <h2>{ "What happens to an underspend" }</h2>
            <dl class="pb-help__list">
                { for UNDERSPEND.iter().map(|(_, _, title, meaning)| html! {
                    <><dt>{ *title }</dt><dd>{ *meaning }</dd></>
                }) }
            </dl>

            <h2>{ "Comparing options and the stress test" }</h2>
            <ul>
                <li>{ "Under “Options”, select “Compare options side by side”. The base and up to five other options sit in columns; each option's column is followed by its difference from the base, as an amount with its sign and in words (“more”, “less”, “no change”) with the percentage. Choose the figure (net cost, contributions, or the share of funding gap, variance or unallocated income) and all years or one year; choose pounds, £000 or £m, and a minus sign or brackets, under “Show amounts in”." }</li>
                <li>{ "The chart under the table shows each option's difference from the base for each partner, as bars above zero (more than under the base) or below it (less). It follows the figure and years you choose; “Show as a table” gives its figures." }</li>
                <li>{ "“Assumptions” gives each option's description and lists every input that is different from the base, for example “NHS minimum contribution uplift: 5.66% → 3.9%”. Below it, a table per option gives each partner's difference in every year." }</li>
                <li>{ "The stress test sets every spending line of an option, or of one of its pools, to the same forecast over- or underspend in every year, from −10% to +20%. It shows each partner's share of the variance as forecast and under the stress, then under each of the seven risk-share patterns side by side, so you can see which rule is fairest for the risk." }</li>
                <li>{ "“Print board paper” prints the comparison on A4 landscape without the controls, under a title block: the model, the options compared, the date, its version or status and who prepared it. Type those once under “Edit the title block”: they are kept with the model (and travel in its links and files). Leave the date blank to print the day's date. The paper includes the stress test under the option's own rule (the table of every pattern stays on screen) and, once it has been run, the simulation's results." }</li>
            </ul>

            <h2>{ "Ranges: how bad could it get, and how likely?" }</h2>
            <ul>
                <li>{ "Under “Compare options side by side”, “Edit ranges” lets you give any spending line a low, most likely and high forecast, for every year or for one year. Type them as you type forecasts (spend, or over/underspend in pounds), or as a percentage over or under plan. A line without a range keeps its forecast." }</li>
                <li>{ "Three-point (the default) puts most draws near the most likely value; its average is (low + 4 × most likely + high) ÷ 6. Triangular gives the extremes more weight: a more cautious view." }</li>
                <li>{ "A shared driver is a range of percentages for a whole pool: in each draw one value is picked and every line of the pool moves by it, in every year. Use it for pressures that hit every service at once, such as demand in a hard winter; without it, lines move independently and the bad years look milder than they are." }</li>
                <li>{ "“Run the simulation” draws 5,000 possible outturns (you can choose 1,000 to 20,000), settles each one under every option's rules, exactly to the penny, and shows what each partner bears: P50 is the middle draw, P10 a good year (one draw in ten is lower), P90 a bad one (one draw in ten is higher). It also gives the chance that a partner pays more than an amount you type (by default its planned contributions), and for each pool the chance its contingency reserve is used up." }</li>
                <li>{ "Worked example: a £1,000,000 line in a 50:50 pool with a range of −5%, +2% and +20%. Its average outturn is £1,038,333 (+3.83%), so each partner expects to bear about £19,167; but the range is lopsided, so in one year in ten the line is more than 10% over and each partner bears more than about £50,000. Add a shared driver of −2%, 0% and +6% to the pool and those bad years get worse, because every line overspends together." }</li>
                <li>{ "The seed is shown and can be typed: the same model and seed give the same figures on any computer and browser. The ranges, number of draws and seed are saved with the model and travel in links and files; the results are worked out again when you run it." }</li>
            </ul>

            <h2>{ "How figures are worked out and shown" }</h2>
            <ul>
                <li>{ "Amounts are exact to the penny. Every amount worked out is rounded to the penny once, half away from zero (£0.005 becomes £0.01)." }</li>
                <li>{ "Uplifts and growth are applied year by year, rounding each year, as a spreadsheet with rounded cells would." }</li>
                <li>{ "When an amount is split between partners, the parts always add up exactly to the whole: any odd pennies go to the largest remainders." }</li>
                <li>{ "A positive variance is an overspend. A minus sign (−) marks an underspend or money returned to a partner, or brackets if you choose them under “Show amounts in”; each table's caption says which." }</li>
                <li>{ "Planned spend above a pool's income is a funding gap, and income the plan does not use is unallocated income. Each is shown on its own, never inside the share of variance, which is the forecast over- or underspend only." }</li>
                <li>{ "In £000 or £m every figure is its exact amount rounded once, totals included, so the rounded figures above a total may not add up to it; a table where that happens says so once, under the table. Charts show bare figures in the same unit, with the unit written once above the axis (“£000”)." }</li>
                <li>{ "Typing amounts: in a model shown in £000 or £m (“Show amounts in”), money fields and the scheme grid show and read amounts in that unit, and say so beside each field and in each column's heading: in £000, 1,250 is £1,250,000. A figure you write with £, like £1,250,000, is read in pounds, so a figure copied with its £ sign is never scaled. Risk-share tier limits and ranges are typed in pounds, as their labels say. Undo takes back each change." }</li>
                <li>{ "Pasting a block of cells into the scheme grid asks which unit its figures are in before anything changes: it starts at the unit the table's headings say (like “Budget 2025/26 (£000)”), or else the model's, and says what 1,250 becomes. Accepting is one undo step." }</li>
                <li>{ "Percentages worked out by the modeller are shown to one decimal place under 10% and as whole percents from 10%, and not at all (“n/a”) where the base is zero or under 1% of the largest figure in the table. Percentages you type, such as a risk share, are shown as you typed them." }</li>
            </ul>

            <h2>{ "Keyboard" }</h2>
            <ul>
                <li>{ "Every control can be reached with Tab and used with Enter, Space or the arrow keys." }</li>
                <li>{ "Ctrl+Z undoes the last change and Ctrl+Shift+Z (or Ctrl+Y) redoes it. While you are typing in a field, Ctrl+Z first undoes your typing." }</li>
            </ul>

            <h2>{ "Your data" }</h2>
            <p>{ "Everything you enter is saved in this browser as you go, on this computer only. Nothing is sent to a server. Clearing your browser's data for this site removes it." }</p>
        </>
    }
}
