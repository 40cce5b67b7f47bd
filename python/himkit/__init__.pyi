"""Type stubs for himkit: the native classes, the records results are read through, and the
exceptions. Records also carry any field the library's JSON form adds (read as attributes)."""

import enum
import os
from typing import Any, Dict, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Union, overload

__version__: str
LIBRARY_VERSION: str

_Path = Union[str, "os.PathLike[str]"]
_ProfileLike = Union["Profile", Mapping[str, Any], str]

# Exceptions

class ErrorKind(str, enum.Enum):
    INVALID = "invalid"
    UNKNOWN_NAME = "unknown-name"
    MALFORMED = "malformed"
    TOO_LARGE = "too-large"
    DUPLICATE_PROGRAM_ID = "duplicate-program-id"
    UNKNOWN_PROGRAM = "unknown-program"
    IO = "io"
    OTHER = "other"

class Location:
    source: Optional[str]
    sheet: Optional[str]
    line: Optional[int]
    column: Optional[int]
    column_name: Optional[str]
    path: Optional[str]
    def __init__(
        self,
        source: Optional[str] = ...,
        sheet: Optional[str] = ...,
        line: Optional[int] = ...,
        column: Optional[int] = ...,
        column_name: Optional[str] = ...,
        path: Optional[str] = ...,
    ) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Error(ValueError):
    kind: ErrorKind
    location: Optional[Location]
    field: Optional[str]
    value: Optional[str]
    reason: str
    index: int
    def __init__(
        self,
        message: str = ...,
        *,
        location: Optional[Location] = ...,
        field: Optional[str] = ...,
        value: Optional[str] = ...,
        reason: Optional[str] = ...,
    ) -> None: ...

class InvalidValueError(Error): ...
class UnknownNameError(Error): ...
class MalformedInputError(Error): ...
class InputTooLargeError(Error): ...
class DuplicateProgramIdError(Error): ...
class UnknownProgramError(Error, LookupError): ...
class IoError(Error, OSError): ...

# Records

class Record:
    def __init__(self, data: Mapping[str, Any]) -> None: ...
    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, name: str) -> Any: ...
    def __contains__(self, name: object) -> bool: ...
    def fields(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Contribution(Record):
    criterion: str
    value: str
    normalised: float
    weight: float
    contribution: float

class MissingCriterion(Record):
    criterion: str
    why: str
    treatment: str

class Flag(Record):
    constraint: str
    why: str

class EarningsSource(Record):
    source: str

class Payback(Record):
    payback: str

class ExclusionReason(Record):
    constraint: str

class AccreditationSource(Record):
    list: str
    line: Optional[int]
    def __str__(self) -> str: ...

class Accreditation(Record):
    accreditor: str
    status: str
    last_confirmed: str
    next_review_year: Optional[int]
    source: Optional[AccreditationSource]
    def __str__(self) -> str: ...

class Entry(Record):
    rank: int
    id: str
    score: float
    band: Literal["strong", "good", "weaker"]
    total_cost: Optional[int]
    cost_is_estimate: bool
    residency: str
    distance_miles: Optional[float]
    distance_from: Optional[str]
    contributions: List[Contribution]
    missing: List[MissingCriterion]
    earnings_source: Optional[EarningsSource]
    payback: Payback
    accreditation: Union[Accreditation, str]
    flags: List[Flag]
    def top_contributions(self, count: int = ...) -> List[Contribution]: ...

class Exclusion(Record):
    id: str
    reasons: List[ExclusionReason]

class RankRange(Record):
    id: str
    rank: int
    best: int
    worst: int

class WeightChange(Record):
    criterion: str
    to: float
    relative_change: float
    new_leader: str

class ComparisonCell(Record):
    cell: str

class ComparisonRow(Record):
    criterion: str
    weight: float
    cells: List[ComparisonCell]

class Eligibility(Record):
    eligibility: str
    accreditation: Accreditation
    def __bool__(self) -> bool: ...
    def __str__(self) -> str: ...

class WageStatistics(Record): ...
class JobOutlook(Record): ...

class CandidateInstitution(Record):
    unitid: Optional[int]
    name: str
    city: str
    state: str
    levels: List[str]
    same_city: bool
    shared_words: List[str]

class UnappliedEntry(Record):
    line: int
    institution: str
    why: str
    candidates: List[str]
    institutions: List[CandidateInstitution]

class VariantMatch(Record):
    line: int
    institution: str
    program: str
    matched: str
    unitid: Optional[int]
    variants: List[str]

class RowProblem(Record):
    file: str
    unitid: int
    cip: Optional[str]
    award_level: Optional[str]
    why: str
    text: str

class BuildSummary(Record):
    cips: List[str]
    files: List[str]
    programs: int
    institutions: int
    by_award_level: Dict[str, int]
    by_degree_level: Dict[str, int]
    zero_awards: int
    at_inactive_institutions: int
    awards_not_reported: int
    accreditation_not_verified: int
    accreditation_from_list: int
    accreditation_unapplied: List[UnappliedEntry]
    accreditation_by_variant: List[VariantMatch]
    delivery_online: int
    delivery_institution_offers_distance: int
    delivery_no_distance: int
    delivery_unknown_no_row: int
    delivery_unknown_not_reported: int
    delivery_unknown: int
    cost_estimated_ipeds: int
    cost_estimated_scorecard: int
    cost_estimated: int
    cost_unknown_no_row: int
    cost_unknown_charge_missing: int
    cost_unknown: int
    scorecard_attached: int
    scorecard_unmatched: int
    institution_completion_rates: int
    institution_graduation_rates: int
    institution_earnings: int
    institutions_without_outcomes: List[int]
    rows_other_cips: int
    rows_second_major: int
    problems: List[RowProblem]
    skipped: List[Error]
    report: str

class BuiltCatalog(Record):
    catalog: Catalog
    summary: BuildSummary
    def __iter__(self) -> Iterator[Any]: ...

class AccreditationMatches(Record):
    catalog: Catalog
    matched: Dict[str, int]
    by_variant: List[VariantMatch]
    unmatched: List[UnappliedEntry]
    ambiguous: List[UnappliedEntry]
    skipped: List[Error]
    report: str

class ScorecardAttachment(Record):
    catalog: Catalog
    attached: List[str]
    unmatched: List[str]
    unidentified: List[str]
    skipped: List[Error]

# Native classes

class Dataset:
    @staticmethod
    def national() -> Dataset: ...
    @staticmethod
    def embedded() -> Dataset: ...
    @staticmethod
    def national_summary() -> BuildSummary: ...
    @property
    def catalog(self) -> Catalog: ...
    @property
    def wages(self) -> WageTable: ...
    @property
    def outlooks(self) -> List[JobOutlook]: ...

class Program:
    @property
    def id(self) -> str: ...
    accreditation: Union[Accreditation, str]
    def eligibility(self, credential: str) -> Eligibility: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __getattr__(self, name: str) -> Any: ...

class Catalog:
    def __init__(self, programs: Optional[Sequence[Program]] = ...) -> None: ...
    @staticmethod
    def from_json(text: Union[str, bytes], source: str = ...) -> Catalog: ...
    @staticmethod
    def read_json(path: _Path) -> Catalog: ...
    @staticmethod
    def from_csv(data: Union[str, bytes], source: str = ...) -> Catalog: ...
    @staticmethod
    def read_csv(path: _Path) -> Catalog: ...
    def to_json(self) -> str: ...
    def to_csv(self) -> str: ...
    @property
    def ids(self) -> List[str]: ...
    def get(self, id: str, default: Any = ...) -> Any: ...
    def apply_accreditation_list(self, path: _Path, *, lenient: bool = ...) -> AccreditationMatches: ...
    def attach_scorecard(
        self, path: _Path, *, year: Union[int, str, None] = ..., lenient: bool = ...
    ) -> ScorecardAttachment: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Program]: ...
    def __getitem__(self, key: Union[str, int]) -> Program: ...
    def __contains__(self, id: object) -> bool: ...

class WageTable:
    def __init__(self) -> None: ...
    @staticmethod
    def read(
        path: _Path,
        *,
        period: Optional[str] = ...,
        occupations: Optional[Sequence[str]] = ...,
        areas: Optional[Sequence[str]] = ...,
        industries: Optional[Sequence[str]] = ...,
        lenient: bool = ...,
        top_code: Optional[int] = ...,
    ) -> WageTable: ...
    @staticmethod
    def from_csv(
        data: Union[str, bytes],
        source: str,
        *,
        period: Optional[str] = ...,
        occupations: Optional[Sequence[str]] = ...,
        areas: Optional[Sequence[str]] = ...,
        industries: Optional[Sequence[str]] = ...,
        lenient: bool = ...,
        top_code: Optional[int] = ...,
    ) -> WageTable: ...
    @property
    def skipped(self) -> List[Error]: ...
    @property
    def filtered(self) -> int: ...
    def to_json(self) -> str: ...
    def to_records(self) -> List[Dict[str, Any]]: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> WageStatistics: ...
    def __iter__(self) -> Iterator[WageStatistics]: ...

class Profile:
    def __init__(self, spec: _ProfileLike, *, source: str = ...) -> None: ...
    @staticmethod
    def read(path: _Path) -> Profile: ...
    @staticmethod
    def example(home_state: str) -> Profile: ...
    def with_method(self, method: Literal["weighted-sum", "topsis"]) -> Profile: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __getattr__(self, name: str) -> Any: ...

class Ranking:
    @property
    def entries(self) -> List[Entry]: ...
    @property
    def exclusions(self) -> List[Exclusion]: ...
    @property
    def excluded_count(self) -> int: ...
    method: str
    bounds: str
    criteria: Dict[str, float]
    out_of: int
    def weight(self, criterion: str) -> float: ...
    def entry(self, id: str) -> Optional[Entry]: ...
    def exclusion(self, id: str) -> Optional[Exclusion]: ...
    def to_json(self, *, count_exclusions: bool = ...) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_records(self) -> List[Dict[str, Any]]: ...
    def __getattr__(self, name: str) -> Any: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Entry]: ...
    def __getitem__(self, key: Union[int, str]) -> Entry: ...

class Sensitivity:
    change_percent: float
    ranges: List[RankRange]
    displacement: Optional[WeightChange]
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __getattr__(self, name: str) -> Any: ...

class Comparison:
    ids: List[str]
    ranks: List[Optional[Tuple[int, float]]]
    exclusions: List[List[ExclusionReason]]
    payback: List[Payback]
    accreditation: List[Union[Accreditation, str]]
    rows: List[ComparisonRow]
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __getattr__(self, name: str) -> Any: ...

class Selector:
    def __init__(self, catalog: Catalog, wages: Optional[WageTable] = ...) -> None: ...
    def rank(self, profile: _ProfileLike) -> Ranking: ...
    def rank_top(self, profile: _ProfileLike, k: int) -> Ranking: ...
    @overload
    def rank_many(
        self, profiles: Sequence[_ProfileLike], k: Optional[int] = ..., *, errors: Literal["raise"] = ...
    ) -> List[Ranking]: ...
    @overload
    def rank_many(
        self, profiles: Sequence[_ProfileLike], k: Optional[int] = ..., *, errors: Literal["return"]
    ) -> List[Union[Ranking, Exception]]: ...
    def sensitivity(
        self, profile: _ProfileLike, top: Optional[int] = ..., change_percent: float = ...
    ) -> Sensitivity: ...
    def pareto(self, profile: _ProfileLike) -> List[str]: ...
    def compare(self, profile: _ProfileLike, ids: Sequence[str]) -> Comparison: ...
    def program(self, id: str) -> Optional[Program]: ...
    @property
    def ids(self) -> List[str]: ...
    def __len__(self) -> int: ...

def build_catalog(
    *,
    hd: _Path,
    completions: _Path,
    ic: Optional[_Path] = ...,
    ic_ay: Optional[_Path] = ...,
    scorecard_fos: Optional[_Path] = ...,
    scorecard_institutions: Union[_Path, Sequence[_Path], None] = ...,
    accreditation: Optional[_Path] = ...,
    outcome_measures: Optional[_Path] = ...,
    graduation_rates: Optional[_Path] = ...,
    cip: Union[str, Sequence[str], None] = ...,
    lenient: bool = ...,
    year: Union[int, str, None] = ...,
    ic_year: Union[int, str, None] = ...,
    scorecard_year: Union[int, str, None] = ...,
    scorecard_release: Union[str, Sequence[str], None] = ...,
    outcome_measures_year: Union[int, str, None] = ...,
    graduation_rates_year: Union[int, str, None] = ...,
) -> BuiltCatalog: ...
