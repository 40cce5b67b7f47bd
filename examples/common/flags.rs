//! The flags more than one example takes, defined once so that a flag means the same in every
//! example (each example flattens the ones it takes into its own command line).

use std::num::NonZeroUsize;

use himkit::Year;

/// `--programs FILE`: the user's programs instead of an embedded catalogue.
#[derive(clap::Args, Debug)]
pub(crate) struct Programs {
    /// The programs to work on: a JSON array of programs, or a catalogue CSV (by its .csv
    /// extension)
    #[arg(long, value_name = "FILE.json|FILE.csv")]
    pub programs: Option<String>,
}

/// The national catalogue of real programs by default, `--illustrative` or `--programs FILE`
/// for another.
#[derive(clap::Args, Debug)]
pub(crate) struct NationalByDefault {
    #[command(flatten)]
    pub programs: Programs,
    /// Use the embedded illustrative catalogue of fictional programs instead of the national
    /// catalogue of real ones
    #[arg(long, conflicts_with = "programs")]
    pub illustrative: bool,
}

/// `--profile FILE`: the student.
#[derive(clap::Args, Debug)]
pub(crate) struct Profile {
    /// The student profile, a JSON object (without it, the example profile: a student in Ohio
    /// who wants an accredited associate or bachelor's program, online or hybrid)
    #[arg(long, value_name = "FILE.json")]
    pub profile: Option<String>,
}

/// `--top N`: how many of the best entries to keep. Zero is refused everywhere: a ranking that
/// keeps nothing answers no question.
#[derive(clap::Args, Debug)]
pub(crate) struct Top {
    /// Keep the best N entries of each ranking (N from 1); the exclusions are always complete
    #[arg(long, value_name = "N", value_parser = positive)]
    pub top: Option<NonZeroUsize>,
}

/// `--accreditation FILE`: a CAHIIM accreditation list applied to the programs.
#[derive(clap::Args, Debug)]
pub(crate) struct Accreditation {
    /// Apply a CAHIIM accreditation list (the CSV kept from CAHIIM's program directory) to the
    /// programs; the rows it cannot apply are reported on standard error
    #[arg(long, value_name = "FILE.csv")]
    pub accreditation: Option<String>,
}

/// `--scorecard-year YYYY`: the year College Scorecard field-of-study outcomes describe.
#[derive(clap::Args, Debug)]
pub(crate) struct ScorecardYear {
    /// The year the College Scorecard field-of-study outcomes describe (without it, the first
    /// four-digit year in the file's name)
    #[arg(long, value_name = "YYYY")]
    pub scorecard_year: Option<Year>,
}

/// `--national`: the national catalogue of real programs instead of the illustrative one.
#[derive(clap::Args, Debug)]
pub(crate) struct National {
    /// Use the national catalogue of real programs (IPEDS 2024 and College Scorecard) instead
    /// of the illustrative one
    #[arg(long)]
    pub national: bool,
}

/// `--lenient`: skip bad rows, and say which.
#[derive(clap::Args, Debug)]
pub(crate) struct Lenient {
    /// Skip the rows the reader refuses, listing each one with its error, instead of stopping
    /// at the first
    #[arg(long)]
    pub lenient: bool,
}

/// A whole number from 1, refused with the rule.
pub(crate) fn positive(text: &str) -> Result<NonZeroUsize, String> {
    text.parse::<NonZeroUsize>()
        .map_err(|_| format!("{text:?} is not a positive whole number"))
}

/// The usage line of a command (`Usage: compare [OPTIONS] [ID]...`), for a message that ends
/// by saying how the command is called.
pub(crate) fn usage<T: clap::CommandFactory>() -> String {
    T::command().render_usage().to_string()
}
