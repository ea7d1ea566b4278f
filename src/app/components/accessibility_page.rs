//! The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require:
//! the standard met, how it was tested, known issues, and how to report a problem.

use yew::prelude::*;

pub fn accessibility_page() -> Html {
    html! {
        <>
            <p><a href="./">{ "Back to the modeller" }</a></p>
            <h1>{ "Accessibility statement" }</h1>
            <p class="pb-lede">{ "This statement covers the pooled budget modeller, wherever it is hosted or embedded." }</p>

            <h2>{ "How accessible this tool is" }</h2>
            <p>{ "We want as many people as possible to be able to use this tool. You should be able to:" }</p>
            <ul>
                <li>{ "use every part of it with a keyboard alone" }</li>
                <li>{ "use it with a screen reader: every field has a label, tables have captions and headings, and errors are announced" }</li>
                <li>{ "zoom to 400% and use it from 320 pixels wide without losing content" }</li>
                <li>{ "tell results apart without relying on colour: signs and words say which way a figure goes" }</li>
                <li>{ "read every chart in words and as a table: each has a sentence describing it and a “Show as a table” button, and its bars differ by pattern as well as colour" }</li>
            </ul>

            <h2>{ "Compliance status" }</h2>
            <p>{ "This tool aims to be fully compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. It is partially compliant, because of the known issues below." }</p>

            <h2>{ "Known issues" }</h2>
            <ul>
                <li>{ "Wide results tables scroll sideways on narrow screens. The scrolling area can be reached and scrolled with the keyboard." }</li>
                <li>{ "Charts shrink to fit narrow screens, so their labels get small. The same figures are in each chart's table." }</li>
                <li>{ "The tool has been tested with automated checks and keyboard-only use, but not yet with every screen reader (JAWS, NVDA, VoiceOver). We plan to do this and will update this statement." }</li>
            </ul>

            <h2>{ "How we tested this tool" }</h2>
            <p>{ "Every release is tested automatically in the Chromium browser: axe-core checks each screen and state against WCAG 2.0, 2.1 and 2.2 A and AA rules, and scripted tests use the tool with the keyboard alone. Every release must pass these tests with no failures." }</p>

            <h2>{ "Reporting accessibility problems" }</h2>
            <p>{ "If you find a problem not listed here, or need information from this tool in a different format, contact the team that runs this tool in your organisation (usually the web or digital team that publishes your intranet). Say what you were trying to do, what happened, and which browser and assistive technology you use." }</p>

            <h2>{ "Enforcement procedure" }</h2>
            <p>{ "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how your complaint is handled, contact the Equality Advisory and Support Service (EASS)." }</p>

            <h2>{ "Preparation of this statement" }</h2>
            <p>{ "This statement was prepared on 23 November 2026. It was last reviewed on 23 November 2026." }</p>
        </>
    }
}
