//! A ranked program's explanation: on the ranking page a closed section per row that the
//! script fills when it is opened (a link without the script), and the explanation's own page.

use himkit::select::RankedProgram;
use himkit::{Credential, Program, Ranking, Selector};
use maud::{Markup, html};

use super::form::ProfileForm;
use super::labels;

/// The address of `id`'s explanation under `form`'s profile.
fn href(form: &ProfileForm, id: &str) -> String {
    form.href("/explain", &[("id", id)])
}

/// The row's closed explanation: its summary, and a link to the explanation that the script
/// replaces with the explanation itself (read from the link's page) when the section is opened.
#[must_use]
pub(super) fn on_demand(form: &ProfileForm, entry: &RankedProgram, program: &Program) -> Markup {
    let href = href(form, entry.id().as_str());
    html! {
        details.explain {
            summary { "Why rank " (entry.rank()) "? Full explanation of " (program.name()) }
            div.explain-body {
                a href=(href) { "Open the explanation of " (program.name()) }
            }
        }
    }
}

/// The explanation page of `id`: its rank and score explained, or why it is not ranked.
#[must_use]
pub(super) fn page(form: &ProfileForm, ranking: &Ranking, selector: &Selector, id: &str) -> Markup {
    let back = html! { p { a href=(form.href("/", &[])) { "← Back to the ranking" } } };
    let entry = ranking.entries().iter().find(|entry| entry.id().as_str() == id);
    let program = selector.program(id);
    html! {
        section #results aria-labelledby="explain-heading" {
            @match (entry, program) {
                (Some(entry), Some(program)) => {
                    h2 #explain-heading { "Rank " (entry.rank()) ": " (program.name()) }
                    (back)
                    p {
                        (program.institution().name()) ", " (program.institution().city()) ", " (program.institution().state())
                        @if let Some(distance) = entry.distance() { " (" (distance) ")" }
                        ". Score " (format!("{:.3}", entry.score())) ", " (entry.band()) "."
                    }
                    (body(entry, program))
                }
                (None, Some(program)) => {
                    h2 #explain-heading { (program.name()) " is not ranked" }
                    (back)
                    @if let Some(exclusion) = ranking.exclusion(id) {
                        p { "This profile excludes it: " (exclusion.reasons().iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")) "." }
                    }
                    p.accreditation-detail { "Accreditation: " (program.accreditation()) }
                }
                _ => {
                    h2 #explain-heading { "No such program" }
                    (back)
                    p { "No program with id " code { (id) } " in the catalogue." }
                }
            }
        }
    }
}

/// RHIT and RHIA eligibility, each eligible one citing the accreditation it rests on and
/// where that came from.
fn eligibility_details(program: &Program) -> Markup {
    html! {
        ul.credentials {
            @for credential in [Credential::Rhit, Credential::Rhia] {
                li { strong { (credential.abbreviation()) } ": " (program.eligibility(credential)) }
            }
        }
    }
}

/// The full explanation of `entry`'s score.
#[must_use]
pub(super) fn body(entry: &RankedProgram, program: &Program) -> Markup {
    html! {
            div.explain-body {
                table.contributions {
                    caption { "Each criterion's part of the score (they sum to " (format!("{:.3}", entry.score())) ")" }
                    thead { tr { th scope="col" { "Criterion" } th scope="col" { "Value" } th scope="col" { "Normalised" } th scope="col" { "Weight" } th scope="col" { "Contribution" } } }
                    tbody {
                        @for part in entry.contributions() {
                            tr {
                                th scope="row" {
                                    svg.swatch viewBox="0 0 10 10" aria-hidden="true" { rect class=(format!("c-{}", part.criterion.as_str())) width="10" height="10" {} }
                                    (labels::criterion(part.criterion))
                                }
                                td data-label="Value" { (part.value) }
                                td data-label="Normalised" { (format!("{:.3}", part.normalised)) }
                                td data-label="Weight" { (format!("{:.3}", part.weight)) }
                                td data-label="Contribution" { (format!("+{:.4}", part.contribution)) }
                            }
                        }
                    }
                }
                @if !entry.missing().is_empty() {
                    h4 { "Missing criteria" }
                    ul.missing {
                        @for missing in entry.missing() {
                            li { (labels::criterion(missing.criterion)) ": " (missing.why) " — " (labels::treatment(missing.treatment)) }
                        }
                    }
                }
                @if !entry.flags().is_empty() {
                    h4 { "Unknown answers to check" }
                    ul.flags { @for flag in entry.flags() { li { (flag) } } }
                }
                h4 { "Accreditation" }
                p.accreditation-detail { (entry.accreditation()) }
                h4 { "Credentials" }
                (eligibility_details(program))
                dl {
                    @if let Some(source) = entry.earnings_source() {
                        dt { "Expected earnings from" } dd { (source) }
                    }
                    dt { "Payback" } dd { (entry.payback()) }
                    dt { "Program" } dd { (program) " · " (labels::level(program.degree_level())) " · " (program.length_months()) " months · id " code { (program.id()) } }
                }
            }
    }
}
