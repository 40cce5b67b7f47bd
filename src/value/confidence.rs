//! How far a published fact can be trusted, by where it was read: the grade every sourced
//! figure carries, whether a wage table, a projection or an eligibility rule.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// How far a fact can be trusted, by where it was read.
    ///
    /// Wage figures ([`Provenance`](crate::wage::Provenance)), credential rules
    /// ([`EligibilityRule`](crate::credential::EligibilityRule)) and a ranking's earnings
    /// source carry one.
    ///
    /// ```
    /// use himkit::value::Confidence;
    ///
    /// assert_eq!("third-party".parse::<Confidence>()?, Confidence::ThirdParty);
    /// # Ok::<(), himkit::Error>(())
    /// ```
    pub enum Confidence("confidence") {
        /// Read on the issuing body's own page (bls.gov, cahiim.org, ahima.org) or a verbatim copy.
        Confirmed,
        /// From a secondary source that cites the issuing body.
        ThirdParty,
    }
}
