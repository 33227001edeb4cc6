"""Type stubs of vendor_errors: every error in a SOAP/XML or JSON business
API response, as one type."""

from os import PathLike
from typing import Any, BinaryIO, Iterable, Iterator, List, Literal, Mapping, Optional, Protocol, Sequence, Tuple, Union, overload

from . import spark as spark
from . import tenacity as tenacity

__version__: str

RetryKind = Literal["permanent", "transient", "throttled", "reauth"]

class _Readable(Protocol):
    def read(self, n: int = ..., /) -> bytes: ...

Body = Union[bytes, bytearray, memoryview, str, _Readable, BinaryIO]
HeaderPart = Union[str, bytes]
Headers = Union[Mapping[Any, Any], Iterable[Tuple[HeaderPart, HeaderPart]], None]
ProfilePath = Union[str, "PathLike[str]"]

class VendorError(Exception):
    """One error found in a response; its attributes are the CLI's JSON fields (None when absent)."""

    vendor: str
    code: Union[int, str]
    message: str
    retryable: bool
    retry: RetryKind
    name: Optional[str]
    retry_after_secs: Optional[int]
    http_status: Optional[int]
    fault_code: Optional[str]
    subcodes: Optional[List[str]]
    actor: Optional[str]
    node: Optional[str]
    role: Optional[str]
    lang: Optional[str]
    reasons: Optional[List[dict]]
    command: Optional[str]
    index: Optional[int]
    detail: Optional[str]
    truncated: Optional[bool]
    informational: Optional[bool]
    incomplete: Optional[bool]
    def to_dict(self) -> dict:
        """The CLI's JSON object for this error (absent fields omitted, the CLI's order)."""

class ParseError(ValueError):
    """The body was not understood; the message is the CLI's."""

    offset: Optional[int]
    def __init__(self, message: str, offset: Optional[int] = ...) -> None: ...

class Retry:
    """A retry decision."""

    @property
    def kind(self) -> RetryKind: ...
    @property
    def after_secs(self) -> Optional[float]: ...
    @property
    def retryable(self) -> bool: ...
    def __init__(self, kind: RetryKind, after_secs: Optional[float] = ...) -> None: ...

class Report:
    """The errors of one response body, and the one decision for it."""

    @property
    def errors(self) -> List[VendorError]: ...
    @property
    def omitted(self) -> int: ...
    @property
    def notes(self) -> List[str]: ...
    @property
    def incomplete(self) -> Optional[str]: ...
    def retry(self) -> Optional[Retry]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[VendorError]: ...
    def __getitem__(self, index: int) -> VendorError: ...
    def __bool__(self) -> bool: ...

def parse(
    body: Body,
    status: Optional[int] = ...,
    headers: Headers = ...,
    vendor: str = ...,
    profiles: Sequence[ProfilePath] = ...,
) -> Report:
    """Every error in one response body."""

@overload
def explain(vendor: str, code: None = ..., profiles: Sequence[ProfilePath] = ...) -> List[dict]: ...
@overload
def explain(vendor: str, code: Union[str, int], profiles: Sequence[ProfilePath] = ...) -> Optional[dict]: ...
def vendors() -> List[str]:
    """The names vendor= takes."""

def from_response(response: Any, vendor: str = ..., profiles: Sequence[ProfilePath] = ...) -> Report:
    """The Report of a requests.Response or httpx.Response whose body was read."""

def from_response_stream(
    response: Any, vendor: str = ..., profiles: Sequence[ProfilePath] = ..., chunk_size: int = ...
) -> Report:
    """The Report of a response opened as a stream, read as it arrives."""
