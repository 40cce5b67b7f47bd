//! The page: the layout, the profile form, the ranked table with its explanations, the
//! exclusions and how stable the top is.

use himkit::program::AccreditationState;
use himkit::select::{Band, CampusDistance, Criterion, Method, RankedProgram, Sensitivity, UnknownPolicy};
use himkit::{
    Credential, DegreeLevel, DeliveryMode, Eligibility, Program, Ranking, Selector, Skill, UsState,
};
use maud::{DOCTYPE, Markup, html};

use super::chart::score_bar;
use super::form::{ProfileForm, SHOWN_CHOICES, weight_key};
use super::{exclusions, explain, labels};
use crate::assets::Assets;

/// The page around `body`.
#[must_use]
pub(super) fn layout(title: &str, body: &Markup, source: &str, assets: &Assets) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                meta name="description" content="Health Information Management programs ranked for your profile: cost, length, outcomes, accreditation and credential eligibility, with every score explained and every exclusion counted by reason.";
                link rel="icon" href=(assets.icon.path) type="image/svg+xml";
                link rel="stylesheet" href=(assets.css.path);
                script src=(assets.js.path) defer {}
            }
            body {
                a.skip href="#results" { "Skip to the results" }
                header.site {
                    h1 { a href="/" { "HIM program finder" } }
                    p { "Health Information Management programs ranked for you, with every reason shown." }
                }
                main { (body) }
                footer.site {
                    p { "Programs: " (source) ". Wages: U.S. Bureau of Labor Statistics (OEWS), as cited in each row. "
                        "Scores are made by " a href="/api/openapi.json" { "himkit" } "; check accreditation in CAHIIM's program directory before you apply." }
                }
            }
        }
    }
}

/// The profile form, filled with `form`'s values, in a panel: on a phone the ranking comes
/// first and the student opens the panel to change the profile (it is open when the form has
/// problems to correct); on a wider screen the form is shown as it is (the stylesheet shows a
/// closed panel's content there).
#[must_use]
pub(super) fn profile_form(form: &ProfileForm, has_problems: bool) -> Markup {
    html! {
        details.profile-panel #profile-panel open[has_problems] {
            summary { span.summary-heading { "Your profile" } " " span.meta { "— open to change what the ranking is for" } }
            (profile_fields(form))
        }
    }
}

/// The form itself.
fn profile_fields(form: &ProfileForm) -> Markup {
    html! {
        form.profile #profile action="/" method="get" aria-labelledby="profile-heading" {
            h2 #profile-heading { "Your profile" }
            input type="hidden" name="submitted" value="1";
            div.fields {
                (where_and_how(form))
                fieldset {
                    legend { "What you want" }
                    fieldset.choices {
                        legend { "Degree levels" }
                        @for level in DegreeLevel::all() {
                            @let id = format!("level-{}", level.as_str());
                            div.choice {
                                input type="checkbox" id=(id) name="level" value=(level.as_str()) checked[form.levels.contains(level.as_str())];
                                label for=(id) { (labels::level(level)) }
                            }
                        }
                    }
                    label for="credential" { "Credential you aim for" }
                    select #credential name="credential" {
                        option value="" selected[form.credential.is_empty()] { "Any" }
                        @for credential in Credential::all() {
                            option value=(credential.as_str()) selected[form.credential == credential.as_str()] { (credential.abbreviation()) }
                        }
                    }
                    div.choice {
                        input type="checkbox" #accredited name="accredited" value="yes" checked[form.accredited];
                        label for="accredited" { "Accreditation that counts for credentials is required" }
                    }
                    div.choice {
                        input type="checkbox" #practice name="practice" value="yes" checked[form.practice];
                        label for="practice" { "A professional practice experience is required" }
                    }
                }
                fieldset {
                    legend { "Limits" }
                    label for="max_cost" { "Most you will pay in total tuition ($)" }
                    input #max_cost name="max_cost" type="text" inputmode="numeric" autocomplete="off" value=(form.max_cost) placeholder="no limit";
                    label for="max_months" { "Longest program (months)" }
                    input #max_months name="max_months" type="number" min="1" max="120" value=(form.max_months) placeholder="no limit";
                    label for="unknown" { "When a program's answer to a requirement is unknown" }
                    select #unknown name="unknown" {
                        option value=(UnknownPolicy::KeepAndFlag.as_str()) selected[form.unknown == UnknownPolicy::KeepAndFlag.as_str()] { "Keep and flag it" }
                        option value=(UnknownPolicy::Exclude.as_str()) selected[form.unknown == UnknownPolicy::Exclude.as_str()] { "Leave it out" }
                    }
                    label for="method" { "Method" }
                    select #method name="method" {
                        option value=(Method::WeightedSum.as_str()) selected[form.method == Method::WeightedSum.as_str()] { "Weighted sum" }
                        option value=(Method::Topsis.as_str()) selected[form.method == Method::Topsis.as_str()] { "TOPSIS (closeness to the ideal)" }
                    }
                }
                (skills_and_weights(form))
            }
            div.actions {
                label.inline for="shown" { "Programs shown" }
                select #shown name="shown" {
                    @for count in SHOWN_CHOICES {
                        option value=(count) selected[form.shown.trim() == count.to_string()] { (count) }
                    }
                    @if !SHOWN_CHOICES.iter().any(|count| form.shown.trim() == count.to_string()) {
                        option value=(form.shown) selected { (form.shown) }
                    }
                }
                button type="submit" { "Rank programs" }
                span #live-status.meta role="status" aria-live="polite" {}
            }
        }
    }
}

/// Where the student lives and how they would study: the form's first fieldset.
fn where_and_how(form: &ProfileForm) -> Markup {
    html! {
        fieldset {
            legend { "Where and how" }
            label for="state" { "Home state" }
            select #state name="state" {
                option value="" selected[form.state.is_empty()] { "From the ZIP code" }
                @for state in UsState::all() {
                    option value=(state.code()) selected[form.state == state.code()] { (state.code()) " — " (state.name()) }
                }
            }
            label for="zip" { "Home ZIP code (for distances to campuses)" }
            input #zip name="zip" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="5" pattern="[0-9]{5}" value=(form.zip) placeholder="none";
            div.limit-slider {
                label for="max_miles" { "Farthest campus, miles from the ZIP code (0: no limit)" }
                input #max_miles name="max_miles" type="range" min="0" max="300" step="5" value=(distance_slider_value(form));
                output #max_miles-value for="max_miles" { (distance_slider_value(form)) }
            }
            fieldset.choices {
                legend { "Delivery you accept" }
                @for mode in DeliveryMode::all() {
                    @let id = format!("delivery-{}", mode.as_str());
                    div.choice {
                        input type="checkbox" id=(id) name="delivery" value=(mode.as_str()) checked[form.delivery.contains(mode.as_str())];
                        label for=(id) { (labels::delivery(mode)) }
                    }
                }
            }
            label for="preferred" { "Preferred delivery" }
            select #preferred name="preferred" {
                option value="" selected[form.preferred.is_empty()] { "No preference" }
                @for mode in DeliveryMode::all() {
                    option value=(mode.as_str()) selected[form.preferred == mode.as_str()] { (labels::delivery(mode)) }
                }
            }
        }
    }
}

/// The skills and the weights, the form's second half.
fn skills_and_weights(form: &ProfileForm) -> Markup {
    html! {
        fieldset.choices.skills {
            legend { "Skills you want to learn" }
            @for skill in Skill::all() {
                @let id = format!("skill-{}", skill.as_str());
                div.choice {
                    input type="checkbox" id=(id) name="skill" value=(skill.as_str()) checked[form.skills.contains(skill.as_str())];
                    label for=(id) { (labels::skill(skill)) }
                }
            }
        }
        fieldset.weights {
            legend { "How much each criterion matters (scaled to sum to 1; 0 leaves it out)" }
            @let (max, step) = slider_scale(form);
            @for criterion in Criterion::all() {
                @let key = weight_key(criterion);
                @let value = slider_value(form, criterion);
                div.weight {
                    svg.swatch viewBox="0 0 10 10" aria-hidden="true" { rect class=(format!("c-{}", criterion.as_str())) width="10" height="10" {} }
                    label for=(key) { (labels::criterion(criterion)) }
                    input id=(key) name=(key) type="range" min="0" max=(max) step=(step) value=(value);
                    output id=(format!("{key}-value")) for=(key) { (value) }
                }
            }
        }
    }
}

/// The distance limit as its slider shows it: the miles typed, 0 (no limit) when none were.
fn distance_slider_value(form: &ProfileForm) -> &str {
    match form.max_miles.trim() {
        "" => "0",
        miles => miles,
    }
}

/// A criterion's weight as its slider shows it: the number typed, 0 when none was (an absent
/// weight counts for nothing), the text itself when it is not a number (the page then lists
/// the problem).
fn slider_value(form: &ProfileForm, criterion: Criterion) -> String {
    let text = form.weights.get(&criterion).map_or("", |text| text.trim());
    if text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// The sliders' common maximum and step: 0 to 1 in hundredths, unless a weight above 1 came in
/// the query (a bookmark, a hand-made link), when they reach the largest and keep any value.
fn slider_scale(form: &ProfileForm) -> (String, &'static str) {
    let largest = form
        .weights
        .values()
        .filter_map(|text| text.trim().parse::<f64>().ok())
        .filter(|weight| weight.is_finite())
        .fold(1.0_f64, f64::max);
    if largest > 1.0 {
        (format!("{}", largest.ceil()), "any")
    } else {
        ("1".to_owned(), "0.01")
    }
}

/// The problems with a submitted form.
#[must_use]
pub(super) fn problems(problems: &[String]) -> Markup {
    html! {
        section #results.problems role="alert" aria-labelledby="problems-heading" {
            h2 #problems-heading { "The profile cannot be used" }
            ul { @for problem in problems { li { (problem) } } }
        }
    }
}

/// The program cell: name, institution and place (with the distance from the home ZIP code,
/// where there is one), level, delivery and length.
#[must_use]
pub(super) fn program_summary(program: &Program, distance: Option<CampusDistance>) -> Markup {
    html! {
        strong { (program.name()) }
        br;
        (program.institution().name()) ", " (program.institution().city()) ", " (program.institution().state())
        @if let Some(distance) = distance {
            " · " span.distance { (distance) }
        }
        br;
        span.meta { (labels::level(program.degree_level())) " · " (delivery(program)) " · " (program.length_months()) " months" }
    }
}

/// The accreditation cell: the status, and the list and line it came from where it was read
/// from an accreditation list (the whole, with its dates, on hover and in the explanation).
#[must_use]
pub(super) fn accreditation(program: &Program) -> Markup {
    match program.accreditation() {
        AccreditationState::Known(accreditation) => html! {
            span class=(if accreditation.counts_for_credential_eligibility() { "accredited" } else { "not-accredited" })
                title=(accreditation) {
                (accreditation.accreditor()) ": " (accreditation.status().as_str().replace('-', " "))
            }
            @if let Some(source) = accreditation.source() {
                br;
                span.meta.accreditation-source { "from " (source) }
            }
        },
        AccreditationState::NotVerified => html! {
            span.unverified { "not verified — check the CAHIIM directory" }
        },
        _ => html! { span.not-accredited { "none" } },
    }
}

/// RHIT and RHIA eligibility in a few words, with the reasons on hover and in the explanation.
#[must_use]
pub(super) fn eligibility(program: &Program) -> Markup {
    html! {
        ul.eligibility {
            @for credential in [Credential::Rhit, Credential::Rhia] {
                @match program.eligibility(credential) {
                    eligible @ Eligibility::Eligible { .. } => li.eligible title=(eligible) { (credential.abbreviation()) ": eligible" },
                    Eligibility::Unknown { reason } => li.unknown title=(reason) { (credential.abbreviation()) ": unknown" },
                    _ => {},
                }
            }
        }
    }
}

/// The total cost, with an estimate marked.
#[must_use]
pub(super) fn total_cost(entry: &RankedProgram) -> Markup {
    html! {
        @match entry.total_cost() {
            Some(total) if entry.cost_is_estimate() => { (total) " " span.estimate { "(estimate)" } }
            Some(total) => (total),
            None => span.unknown { "unknown" },
        }
        " " span.residency { (entry.residency().as_str().replace('-', " ")) }
    }
}

fn delivery(program: &Program) -> String {
    program
        .delivery()
        .known()
        .map_or("delivery unknown", |delivery| labels::delivery(delivery.mode()))
        .to_owned()
}

/// The ranked table, its `map`, the exclusions and the comparison form.
#[must_use]
pub(super) fn results(form: &ProfileForm, ranking: &Ranking, selector: &Selector, map: &Markup) -> Markup {
    html! {
        section #results aria-labelledby="results-heading" {
            h2 #results-heading { "Ranked programs" }
            p.summary #summary { (summary(ranking)) }
            ul.legend #legend aria-label="Colours of the criteria in the score bars" { (legend(ranking)) }
            @if ranking.entries().is_empty() {
                p.empty { "No program meets every requirement of this profile. The reasons for each are listed below." }
            } @else {
                form #compare action="/compare" method="get" {
                    @for (key, value) in form.pairs() { input type="hidden" name=(key) value=(value); }
                    @for (key, value) in form.weight_pairs() { input type="hidden" name=(key) value=(value); }
                    p.compare-bar {
                        button type="submit" #compare-button { "Compare chosen programs" }
                        (compare_status())
                    }
                }
                div.table-wrap {
                    table.ranking #ranking {
                        thead {
                            tr {
                                th scope="col" { span.visually-hidden { "Compare" } }
                                th scope="col" { "Rank" }
                                th scope="col" { "Program" }
                                th scope="col" { "Score" }
                                th scope="col" { "Accreditation" }
                                th scope="col" { "Credentials" }
                                th scope="col" { "Total cost" }
                                th scope="col" { "Payback" }
                            }
                        }
                        (rows(form, ranking, selector))
                    }
                }
                (map)
            }
            (exclusions::summary(form, ranking))
        }
    }
}

/// The line above the table: how many programs are shown, ranked, excluded and considered, the
/// method, and the bands' thresholds.
#[must_use]
pub(super) fn summary(ranking: &Ranking) -> Markup {
    let bands: Vec<String> = Band::ALL
        .into_iter()
        .map(|band| {
            let lowest = band.lowest_score();
            if lowest > 0.0 {
                format!("{band} ≥ {lowest}")
            } else {
                format!("{band} below")
            }
        })
        .collect();
    html! {
        (ranking.entries().len()) " shown of " (ranking.ranked_count()) " ranked; " (ranking.excluded_count()) " excluded; "
        (ranking.out_of()) " considered. Method: " (ranking.method().as_str().replace('-', " ")) ". Bands: " (bands.join(", ")) "."
    }
}

/// The legend's items: each criterion's colour, name and weight.
#[must_use]
pub(super) fn legend(ranking: &Ranking) -> Markup {
    html! {
        @for criterion in ranking.criteria() {
            li {
                svg.swatch viewBox="0 0 10 10" aria-hidden="true" { rect class=(format!("c-{}", criterion.as_str())) width="10" height="10" {} }
                (labels::criterion(*criterion)) " " (format!("{:.2}", ranking.weight(*criterion)))
            }
        }
    }
}

/// The comparison button's status: what to do, and the words the script shows as boxes are
/// ticked (`{count}` stands for the number ticked), with the bounds the comparison accepts.
fn compare_status() -> Markup {
    let (least, most) = (Selector::MIN_COMPARED, Selector::MAX_COMPARED);
    let advice = format!(" Tick {least} to {most} programs in the table.");
    html! {
        span #compare-status aria-live="polite" data-least=(least) data-most=(most) data-none=(advice)
            data-ok=" {count} chosen." data-out=(format!(" {{count}} chosen: choose {least} to {most}.")) { (advice) }
    }
}

/// The table's rows, one `tbody` a program (the script asks for them again as the profile
/// changes).
#[must_use]
pub(super) fn rows(form: &ProfileForm, ranking: &Ranking, selector: &Selector) -> Markup {
    html! {
        @for entry in ranking.entries() {
            @if let Some(program) = selector.program(entry.id().as_str()) {
                tbody.entry #(format!("entry-{}", entry.id())) {
                    tr.main {
                        td.pick data-label="Compare" {
                            input type="checkbox" name="id" value=(entry.id()) form="compare"
                                id=(format!("pick-{}", entry.id())) checked[form.ids.iter().any(|id| id == entry.id().as_str())];
                            label.visually-hidden for=(format!("pick-{}", entry.id())) { "Compare " (program.name()) }
                        }
                        td.rank data-label="Rank" { span.rank-number { (entry.rank()) } }
                        td.program data-label="Program" { (program_summary(program, entry.distance())) }
                        td.score data-label="Score" {
                            span class=(format!("band band-{}", entry.band())) { (entry.band()) }
                            " " span.score-number { (format!("{:.3}", entry.score())) }
                            (score_bar(entry))
                        }
                        td.accreditation data-label="Accreditation" { (accreditation(program)) }
                        td.credentials data-label="Credentials" { (eligibility(program)) }
                        td.cost data-label="Total cost" { (total_cost(entry)) }
                        td.payback data-label="Payback" { (entry.payback()) }
                    }
                    tr.more {
                        td colspan="8" { (explain::on_demand(form, entry, program)) }
                    }
                }
            }
        }
    }
}

/// How stable the top is when each weight moves.
#[must_use]
pub(super) fn stability(sensitivity: &Sensitivity) -> Markup {
    html! {
        section.stability #stability aria-labelledby="stability-heading" {
            h2 #stability-heading { "How stable is the top?" }
            p { "Each weight in turn moved by ±" (format!("{:.0}", sensitivity.change_percent)) "%:" }
            ul {
                @for range in &sensitivity.ranges {
                    li {
                        code { (range.id) } ": rank " (range.rank)
                        @if range.best == range.worst { ", unchanged" } @else { ", between " (range.best) " and " (range.worst) }
                    }
                }
            }
            p {
                @match &sensitivity.displacement {
                    Some(change) => {
                        "The leader changes to " code { (change.new_leader) } " if the weight of "
                        (labels::criterion(change.criterion)) " goes from " (format!("{:.3}", change.from)) " to "
                        (format!("{:.3}", change.to)) " (" (format!("{:+.0}", change.relative_change * 100.0)) "%)."
                    }
                    None => "No change of a single weight displaces the leader.",
                }
            }
        }
    }
}
