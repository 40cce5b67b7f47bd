//! Ranks HIM programs for a student profile and explains the result: by default the real
//! programs of the national catalogue (`Dataset::national`), built from IPEDS and College
//! Scorecard files; `--illustrative` ranks the fictional illustrative catalogue instead.
//!
//! ```text
//! cargo run --example select
//! cargo run --example select -- --illustrative
//! cargo run --example select -- --method topsis --top 5
//! cargo run --example select -- --programs my-programs.json --profile me.json --format json
//! cargo run --example select -- --explain lakeside-cc-hit-aas
//! cargo run --example select -- --programs mine.csv --scorecard Most-Recent-Cohorts-Field-of-Study.csv --scorecard-year 2024
//! cargo run --example select -- --accreditation cahiim.csv
//! ```
//!
//! Without `--profile` the profile is `StudentProfile::example(UsState::Ohio)`: a student in
//! Ohio who wants an accredited associate or bachelor's program, online or hybrid, with the
//! default weights, wanting coding, EHR and data analytics skills and preferring online study.

#[macro_use]
#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use himkit::program::{Accreditation, AccreditationState, AwardLevel, DeliveryState};
use himkit::select::{Method, RankedProgram};
use himkit::{Credential, Eligibility, Program, Ranking, Selector, StudentProfile};

/// Ranks HIM programs for a student profile and explains the result (the national catalogue of
/// real programs unless --illustrative or --programs)
#[derive(clap::Parser, Debug)]
#[command(name = "select")]
struct Options {
    #[command(flatten)]
    catalogue: common::flags::NationalByDefault,
    /// Attach College Scorecard field-of-study outcomes (median earnings and debt) from FILE
    #[arg(long, value_name = "FILE")]
    scorecard: Option<String>,
    #[command(flatten)]
    scorecard_year: common::flags::ScorecardYear,
    #[command(flatten)]
    accreditation: common::flags::Accreditation,
    #[command(flatten)]
    profile: common::flags::Profile,
    /// The scoring method (the profile's own without it)
    #[arg(long, value_name = "weighted-sum|topsis")]
    method: Option<Method>,
    #[command(flatten)]
    top: common::flags::Top,
    /// A table for people, or the ranking's JSON
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// The full breakdown of one program's score, or every reason it was excluded
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
}

/// What `select` prints.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// The ranking as a table, with a legend, the exclusions and the stability of the top.
    Table,
    /// The ranking's JSON, as the library writes it.
    Json,
}

fn main() -> ExitCode {
    match run(&clap::Parser::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("select: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let (mut catalog, dataset) = common::load_catalog(
        options.catalogue.programs.programs.as_deref(),
        options.catalogue.illustrative,
    )?;
    if let Some(path) = &options.scorecard {
        catalog = common::attach_scorecard(&catalog, path, options.scorecard_year.scorecard_year)?;
    }
    if let Some(path) = &options.accreditation.accreditation {
        catalog = common::apply_accreditation(&catalog, path)?;
    }
    let mut profile = common::load_profile(options.profile.profile.as_deref())?;
    if let Some(method) = options.method {
        profile = profile.with_method(method);
    }
    let json = options.format == Format::Json;
    let selector = Selector::new(&catalog, dataset.wages());
    let ranking = match options.top.top {
        Some(top) => selector.rank_top(&profile, top.get()),
        None => selector.rank(&profile),
    }
    .map_err(|error| error.to_string())?;

    let mut out = String::new();
    if let Some(id) = &options.explain {
        explain(&mut out, &selector, &ranking, id, json)?;
    } else if ranking.entries().is_empty() {
        return Err(everything_excluded(&ranking));
    } else if json {
        outln!(out, "{}", ranking.to_json().map_err(|error| error.to_string())?);
    } else {
        print_table(&mut out, &selector, &ranking);
        print_stability(&mut out, &selector, &profile)?;
    }
    common::emit(&out)
}

fn everything_excluded(ranking: &Ranking) -> String {
    let mut message = format!(
        "the profile excludes {}; nothing to rank. Reasons:\n",
        match ranking.exclusions().len() {
            1 => "the only program".to_owned(),
            all => format!("all {all} programs"),
        }
    );
    for exclusion in ranking.exclusions() {
        let reasons: Vec<String> = exclusion.reasons().iter().map(ToString::to_string).collect();
        outln!(message, "  {}: {}", exclusion.id(), reasons.join("; "));
    }
    message.trim_end().to_owned()
}

/// The total cost as the table shows it: an estimate is marked `est.`, an unknown cost says so.
fn total_cost(entry: &RankedProgram) -> String {
    match entry.total_cost() {
        Some(total) if entry.cost_is_estimate() => format!("est. {total}"),
        Some(total) => total.to_string(),
        None => "unknown".to_owned(),
    }
}

/// The credentials graduates may sit; `RHIT?` where eligibility waits on facts not known
/// (accreditation not verified).
fn eligibility(program: &Program) -> String {
    let credentials: Vec<String> = [Credential::Rhit, Credential::Rhia]
        .into_iter()
        .filter_map(|credential| match program.eligibility(credential) {
            Eligibility::Eligible { .. } => Some(credential.abbreviation().to_owned()),
            Eligibility::Unknown { .. } => Some(format!("{}?", credential.abbreviation())),
            _ => None,
        })
        .collect();
    if credentials.is_empty() {
        "none".to_owned()
    } else {
        credentials.join(",")
    }
}

/// How many programs were ranked, and how many of them are shown when `--top` cut the list.
fn ranked(ranking: &Ranking) -> String {
    let ranked = ranking.ranked_count();
    let shown = ranking.entries().len();
    let count = common::count(ranked, "program", "programs");
    if shown < ranked {
        format!("{count} ranked (the best {shown} shown)")
    } else {
        format!("{count} ranked")
    }
}

fn helped_most(entry: &RankedProgram) -> String {
    entry
        .top_contributions(2)
        .iter()
        .map(|contribution| format!("{} +{:.2}", contribution.criterion, contribution.contribution))
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_table(out: &mut String, selector: &Selector, ranking: &Ranking) {
    outln!(
        out,
        "{}, {} excluded, out of {} ({}; weights: {})\n",
        ranked(ranking),
        ranking.excluded_count(),
        ranking.out_of(),
        ranking.method(),
        ranking
            .criteria()
            .iter()
            .map(|criterion| format!("{criterion} {:.2}", ranking.weight(*criterion)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    outln!(
        out,
        "{:>4} {:>5} {:<6} {:<40} {:<14} {:<10} {:<17} {:<9} {:>12}",
        "rank",
        "score",
        "band",
        "program / institution",
        "level",
        "delivery",
        "accreditation",
        "eligible",
        "total cost"
    );
    for entry in ranking.entries() {
        let Some(program) = selector.program(entry.id().as_str()) else {
            continue;
        };
        let status = match program.accreditation() {
            AccreditationState::Known(accreditation) => accreditation.status().to_string(),
            AccreditationState::NotVerified => "not verified".to_owned(),
            _ => "none".to_owned(),
        };
        let delivery = match program.delivery() {
            DeliveryState::Known(delivery) => delivery.mode().as_str(),
            DeliveryState::InstitutionOffersDistancePrograms => "distance?",
            DeliveryState::NoDistancePrograms => "not online",
            _ => "unknown",
        };
        outln!(
            out,
            "{:>4} {:>5.3} {:<6} {:<40} {:<14} {:<10} {:<17} {:<9} {:>12}",
            entry.rank(),
            entry.score(),
            entry.band().to_string(),
            common::fit(program.name(), 40),
            common::fit(&level(program), 14),
            delivery,
            common::fit(&status, 17),
            eligibility(program),
            total_cost(entry),
        );
        outln!(
            out,
            "{:18}{:<40} {}helped most: {}",
            "",
            common::fit(
                &format!(
                    "{}, {}",
                    program.institution().name(),
                    program.institution().state()
                ),
                40
            ),
            entry
                .distance()
                .map_or_else(String::new, |distance| format!("{distance}; ")),
            helped_most(entry),
        );
    }
    print_legend(out, selector, ranking);
    print_exclusions(out, ranking);
}

/// The award level where the program has one (`associate`, `cert. 1-2 yr`), else the degree
/// level.
fn level(program: &Program) -> String {
    let Some(award) = program.award_level() else {
        return program.degree_level().to_string();
    };
    match award {
        AwardLevel::CertificateUnderTwelveWeeks => "cert. <12 wk",
        AwardLevel::CertificateTwelveWeeksToOneYear => "cert. 12wk-1yr",
        AwardLevel::CertificateUnderOneYear => "cert. <1 yr",
        AwardLevel::CertificateOneToTwoYears => "cert. 1-2 yr",
        AwardLevel::CertificateTwoToFourYears => "cert. 2-4 yr",
        AwardLevel::Associate => "associate",
        AwardLevel::Bachelors => "bachelor's",
        AwardLevel::PostbaccalaureateCertificate => "postbacc cert.",
        AwardLevel::Masters => "master's",
        AwardLevel::PostMastersCertificate => "post-MS cert.",
        _ => "doctorate",
    }
    .to_owned()
}

/// What the marks in the table mean, for the marks it shows.
fn print_legend(out: &mut String, selector: &Selector, ranking: &Ranking) {
    let programs: Vec<&Program> = ranking
        .entries()
        .iter()
        .filter_map(|entry| selector.program(entry.id().as_str()))
        .collect();
    let mut notes: Vec<String> = Vec::new();
    if programs
        .iter()
        .any(|program| *program.accreditation() == AccreditationState::NotVerified)
    {
        notes.push(
            "not verified: federal files do not record CAHIIM accreditation; check the CAHIIM program directory \
             (RHIT?/RHIA?: eligible once accreditation is verified)"
                .to_owned(),
        );
    }
    notes.extend(accreditation_sources(&programs));
    if programs
        .iter()
        .any(|program| *program.delivery() == DeliveryState::InstitutionOffersDistancePrograms)
    {
        notes.push("distance?: the institution offers distance-education programs; whether this one is online is unknown".to_owned());
    }
    if programs
        .iter()
        .any(|program| *program.delivery() == DeliveryState::NoDistancePrograms)
    {
        notes.push(
            "not online: the institution offers no distance-education programs (on campus or hybrid)"
                .to_owned(),
        );
    }
    if ranking.entries().iter().any(RankedProgram::cost_is_estimate) {
        notes.push(
            "est.: an estimate, a year's published tuition and fees times the level's typical length \
             (--explain ID shows the source)"
                .to_owned(),
        );
    }
    if ranking.entries().iter().any(|entry| entry.total_cost().is_none()) {
        notes.push(
            "unknown cost: no published annual charge (clock-hour schools charge by program)".to_owned(),
        );
    }
    if !notes.is_empty() {
        outln!(out);
        for note in notes {
            outln!(out, "{note}");
        }
    }
}

/// How many programs a legend note names before it counts the rest.
const SOURCES_NAMED: usize = 5;

/// Where the accreditation shown came from, one note per accreditation list, naming the
/// programs and rows: `accreditation from the list cahiim.csv for 2 programs shown (a-id line
/// 4, b-id line 9); --explain ID cites the row and the dates`.
fn accreditation_sources(programs: &[&Program]) -> Vec<String> {
    let mut by_list: std::collections::BTreeMap<&str, Vec<String>> = std::collections::BTreeMap::new();
    for program in programs {
        let Some(source) = program.accreditation().known().and_then(Accreditation::source) else {
            continue;
        };
        let row = match source.line() {
            Some(line) => format!("{} line {line}", program.id()),
            None => program.id().to_string(),
        };
        by_list.entry(source.list()).or_default().push(row);
    }
    by_list
        .into_iter()
        .map(|(list, rows)| {
            let count = common::count(rows.len(), "program", "programs");
            let more = rows.len().saturating_sub(SOURCES_NAMED);
            let mut named = rows.into_iter().take(SOURCES_NAMED).collect::<Vec<_>>().join(", ");
            if more > 0 {
                named = format!("{named} and {more} more");
            }
            format!(
                "accreditation from the list {list} for {count} shown ({named}); --explain ID cites the row and \
                 the dates"
            )
        })
        .collect()
}

/// Every exclusion with its reasons; past 20, the count of each reason instead (`--explain ID`
/// or `--format json` give every one).
fn print_exclusions(out: &mut String, ranking: &Ranking) {
    let exclusions = ranking.exclusions();
    if exclusions.is_empty() {
        return;
    }
    if exclusions.len() <= 20 {
        outln!(out, "\nExcluded:");
        for exclusion in exclusions {
            let reasons: Vec<String> = exclusion.reasons().iter().map(ToString::to_string).collect();
            outln!(out, "  {}: {}", exclusion.id(), reasons.join("; "));
        }
        return;
    }
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for reason in exclusions.iter().flat_map(himkit::select::Exclusion::reasons) {
        let name = serde_json::to_value(reason)
            .ok()
            .and_then(|value| value.get("constraint")?.as_str().map(str::to_owned))
            .unwrap_or_else(|| "other".to_owned());
        *counts.entry(name).or_default() += 1;
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(name, count)| format!("{name} {count}"))
        .collect();
    outln!(
        out,
        "\nExcluded: {} programs (reasons: {}); --explain ID says why one was, --format json lists all",
        exclusions.len(),
        counts.join(", ")
    );
}

fn print_stability(out: &mut String, selector: &Selector, profile: &StudentProfile) -> Result<(), String> {
    let sensitivity = selector
        .sensitivity(profile, 3, 20.0)
        .map_err(|error| error.to_string())?;
    outln!(out, "\nStability with each weight moved by ±20%:");
    for range in &sensitivity.ranges {
        outln!(
            out,
            "  {}: rank {} (between {} and {})",
            range.id,
            range.rank,
            range.best,
            range.worst
        );
    }
    if let Some(change) = &sensitivity.displacement {
        outln!(
            out,
            "  the leader changes to {} if the {} weight goes from {:.3} to {:.3} ({:+.0}%)",
            change.new_leader,
            change.criterion,
            change.from,
            change.to,
            change.relative_change * 100.0
        );
    } else {
        outln!(out, "  no change of a single weight displaces the leader");
    }
    Ok(())
}

/// The program's accreditation, with the list and line it came from where it was read from
/// one, and RHIT and RHIA eligibility, each eligible one citing that accreditation.
fn print_accreditation(out: &mut String, program: &Program) {
    outln!(out, "accreditation: {}", program.accreditation());
    for credential in [Credential::Rhit, Credential::Rhia] {
        outln!(
            out,
            "{}: {}",
            credential.abbreviation(),
            program.eligibility(credential)
        );
    }
}

fn explain(
    out: &mut String,
    selector: &Selector,
    ranking: &Ranking,
    id: &str,
    json: bool,
) -> Result<(), String> {
    let program = selector
        .program(id)
        .ok_or_else(|| format!("--explain: no program with id {id:?} in the catalogue"))?;
    if json {
        let text = match (ranking.entry(id), ranking.exclusion(id)) {
            (Some(entry), _) => serde_json::to_string_pretty(entry),
            (None, Some(exclusion)) => serde_json::to_string_pretty(exclusion),
            (None, None) => return Err(format!("{id} is neither ranked nor excluded (outside --top)")),
        };
        outln!(out, "{}", text.map_err(|error| error.to_string())?);
        return Ok(());
    }
    outln!(out, "{program}  [{id}]");
    if let Some(exclusion) = ranking.exclusion(id) {
        outln!(out, "Excluded, for every reason below:");
        for reason in exclusion.reasons() {
            outln!(out, "  - {reason}");
        }
        print_accreditation(out, program);
        return Ok(());
    }
    let Some(entry) = ranking.entry(id) else {
        return Err(format!(
            "{id} is ranked below the --top cut; run without --top to explain it"
        ));
    };
    if let Some(distance) = entry.distance() {
        outln!(
            out,
            "Campus: {}, {} ({distance})",
            program.institution().city(),
            program.institution().state()
        );
    }
    outln!(
        out,
        "Rank {} of {} ranked ({} considered), score {:.3}, band {}\n",
        entry.rank(),
        ranking.ranked_count(),
        ranking.out_of(),
        entry.score(),
        entry.band()
    );
    outln!(
        out,
        "{:<22} {:<34} {:>10} {:>7} {:>12}",
        "criterion",
        "value",
        "normalised",
        "weight",
        "contribution"
    );
    for part in entry.contributions() {
        outln!(
            out,
            "{:<22} {:<34} {:>10.3} {:>7.3} {:>12.4}",
            part.criterion.as_str(),
            common::fit(&part.value, 34),
            part.normalised,
            part.weight,
            part.contribution
        );
    }
    let total: f64 = entry.contributions().iter().map(|part| part.contribution).sum();
    outln!(
        out,
        "{:<22} {:<34} {:>10} {:>7} {:>12.4}",
        "total",
        "",
        "",
        "",
        total
    );
    print_details(out, entry, program);
    Ok(())
}

/// What follows the contributions in `--explain`: values in full, missing criteria, the
/// earnings' source, payback, the accreditation and the unknown answers.
fn print_details(out: &mut String, entry: &RankedProgram, program: &Program) {
    // A value too long for its column (whose figure it is, and what it measures) in full.
    for part in entry
        .contributions()
        .iter()
        .filter(|part| part.value.chars().count() > 34)
    {
        outln!(out, "{}: {}", part.criterion, part.value);
    }
    for missing in entry.missing() {
        outln!(
            out,
            "missing: {} is {} ({})",
            missing.criterion,
            missing.why,
            missing.treatment
        );
    }
    if let Some(source) = entry.earnings_source() {
        outln!(out, "expected earnings: {source}");
    }
    outln!(
        out,
        "payback: {} (total cost {} {})",
        entry.payback(),
        total_cost(entry),
        entry.residency()
    );
    print_accreditation(out, program);
    for flag in entry.flags() {
        outln!(out, "unknown: {flag}");
    }
}
