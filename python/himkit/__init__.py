"""himkit for Python: Health Information Management programs, their CAHIIM accreditation,
AHIMA credential eligibility, outcomes and BLS wages as a validated model, and an explainable
program ranking.

A first program::

    import himkit

    dataset = himkit.Dataset.national()            # the real programs, with BLS wages
    selector = himkit.Selector(dataset.catalog, dataset.wages)
    ranking = selector.rank_top({"home_state": "OH", "degree_levels": ["associate"]}, 5)
    for entry in ranking:
        print(entry.rank, round(entry.score, 3), entry.band, entry.id)

Every error is a ``himkit.Error`` (a ``ValueError``) of a subclass by kind, carrying the
library's located message.
"""

from ._errors import (
    DuplicateProgramIdError,
    Error,
    ErrorKind,
    InputTooLargeError,
    InvalidValueError,
    IoError,
    Location,
    MalformedInputError,
    UnknownNameError,
    UnknownProgramError,
)
from ._native import (
    LIBRARY_VERSION,
    Catalog,
    Comparison,
    Dataset,
    Profile,
    Program,
    Ranking,
    Selector,
    Sensitivity,
    WageTable,
    build_catalog,
)
from ._records import (
    Accreditation,
    AccreditationMatches,
    AccreditationSource,
    BuildSummary,
    BuiltCatalog,
    CandidateInstitution,
    ComparisonCell,
    ComparisonRow,
    Contribution,
    EarningsSource,
    Eligibility,
    Entry,
    Exclusion,
    ExclusionReason,
    Flag,
    JobOutlook,
    MissingCriterion,
    Payback,
    RankRange,
    Record,
    RowProblem,
    ScorecardAttachment,
    UnappliedEntry,
    VariantMatch,
    WageStatistics,
    WeightChange,
)

__version__ = LIBRARY_VERSION

__all__ = [
    "Accreditation",
    "AccreditationMatches",
    "AccreditationSource",
    "BuildSummary",
    "BuiltCatalog",
    "CandidateInstitution",
    "Catalog",
    "Comparison",
    "ComparisonCell",
    "ComparisonRow",
    "Contribution",
    "Dataset",
    "DuplicateProgramIdError",
    "EarningsSource",
    "Eligibility",
    "Entry",
    "Error",
    "ErrorKind",
    "Exclusion",
    "ExclusionReason",
    "Flag",
    "InputTooLargeError",
    "InvalidValueError",
    "IoError",
    "JobOutlook",
    "LIBRARY_VERSION",
    "Location",
    "MalformedInputError",
    "MissingCriterion",
    "Payback",
    "Profile",
    "Program",
    "RankRange",
    "Ranking",
    "Record",
    "RowProblem",
    "ScorecardAttachment",
    "Selector",
    "Sensitivity",
    "UnappliedEntry",
    "UnknownNameError",
    "UnknownProgramError",
    "VariantMatch",
    "WageStatistics",
    "WageTable",
    "WeightChange",
    "build_catalog",
]
