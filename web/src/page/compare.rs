//! The comparison page: 2 to 10 programs side by side.

use himkit::Selector;
use himkit::select::{Comparison, ComparisonCell};
use maud::{Markup, html};

use super::form::ProfileForm;
use super::labels;

/// The comparison table.
#[must_use]
pub(super) fn comparison(form: &ProfileForm, comparison: &Comparison, selector: &Selector) -> Markup {
    html! {
        section #results aria-labelledby="compare-heading" {
            h2 #compare-heading { "Side by side" }
            p { a href=(form.href("/", &[])) { "← Back to the ranking" } }
            div.table-wrap {
                table.comparison {
                    thead {
                        tr {
                            th scope="col" { "Criterion (weight)" }
                            @for id in &comparison.ids {
                                th scope="col" {
                                    @if let Some(program) = selector.program(id.as_str()) {
                                        (program.name()) br; span.meta { (program.institution().name()) }
                                    } @else { (id) }
                                }
                            }
                        }
                    }
                    tbody {
                        tr {
                            th scope="row" { "Ranking" }
                            @for ((rank, score), reasons) in comparison.ranks.iter().zip(&comparison.scores).zip(&comparison.exclusions) {
                                td {
                                    @match rank.zip(*score) {
                                        Some((rank, score)) => { "rank " (rank) ", score " (format!("{score:.3}")) }
                                        None => {
                                            "excluded: " (reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
                                        }
                                    }
                                }
                            }
                        }
                        tr {
                            th scope="row" { "Accreditation" }
                            @for accreditation in &comparison.accreditation { td.accreditation-detail { (accreditation) } }
                        }
                        @for row in &comparison.rows {
                            tr {
                                th scope="row" { (labels::criterion(row.criterion)) " (" (format!("{:.2}", row.weight)) ")" }
                                @for cell in &row.cells {
                                    @match cell {
                                        ComparisonCell::Value { shown, normalised, behind_best } => td {
                                            (shown)
                                            svg.mini-bar viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" {
                                                rect.bar-rest width="100" height="6" {}
                                                rect class=(format!("c-{}", row.criterion.as_str())) width=(format!("{:.2}", normalised * 100.0)) height="6" {}
                                            }
                                            span.meta {
                                                (format!("{normalised:.2}"))
                                                @if *behind_best > 0.0 { ", " (format!("{behind_best:.2}")) " behind the best" } @else { ", best" }
                                            }
                                        },
                                        ComparisonCell::NotAvailable { why } => td.na { "n/a: " (why) },
                                    }
                                }
                            }
                        }
                        tr {
                            th scope="row" { "Payback" }
                            @for payback in &comparison.payback { td { (payback) } }
                        }
                    }
                }
            }
            p.meta { "Each value's normalised score from 0 (worst) to 1 (best) under the profile's bounds, and its gap to the best of these programs." }
        }
    }
}
