from os import PathLike
from typing import Any, Optional, Sequence, Tuple, Union

ERROR_FIELDS: Tuple[Tuple[str, str], ...]
ERRORS_TYPE: str

def classify(
    body: Any,
    status: Optional[Any] = ...,
    headers: Optional[Any] = ...,
    *,
    vendor: str = ...,
    profiles: Sequence[Union[str, "PathLike[str]"]] = ...,
    arrow: Optional[bool] = ...,
) -> Any:
    """A PySpark Column: array<struct<vendor, code, message, retry, retryable,
    retry_after_secs, http_status, command, index, name, detail>>."""
