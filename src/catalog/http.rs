#![doc = include_str!("http.md")]

use super::{Entry, num};
use crate::retry::RetryClass::{self, Permanent, Reauth, Throttled, Transient};

/// A status row: the reason phrase is its name.
const fn e(status: u16, name: &'static str, description: &'static str, retry: RetryClass) -> Entry {
    num(status as i64, name, description, retry)
}

/// The catalog, by status.
pub(crate) const ENTRIES: &[Entry] = &[
    e(400, "Bad Request", "The server cannot process the request as sent.", Permanent),
    e(401, "Unauthorized", "Credentials are missing, invalid or expired: authenticate again.", Reauth),
    e(402, "Payment Required", "The account must pay or upgrade first.", Permanent),
    e(403, "Forbidden", "The credentials do not allow this request.", Permanent),
    e(404, "Not Found", "No resource at this address.", Permanent),
    e(405, "Method Not Allowed", "The resource does not accept this method.", Permanent),
    e(406, "Not Acceptable", "No representation matches the Accept headers.", Permanent),
    e(407, "Proxy Authentication Required", "A proxy on the way wants credentials.", Permanent),
    e(408, "Request Timeout", "The server gave up waiting for the request.", Transient),
    e(409, "Conflict", "The request conflicts with the resource's current state.", Permanent),
    e(410, "Gone", "The resource was removed for good.", Permanent),
    e(411, "Length Required", "The request needs a Content-Length.", Permanent),
    e(412, "Precondition Failed", "A request precondition did not hold.", Permanent),
    e(413, "Content Too Large", "The request body is larger than the server accepts.", Permanent),
    e(414, "URI Too Long", "The request URI is longer than the server accepts.", Permanent),
    e(415, "Unsupported Media Type", "The server does not accept this Content-Type.", Permanent),
    e(416, "Range Not Satisfiable", "The requested range is outside the resource.", Permanent),
    e(417, "Expectation Failed", "The Expect header cannot be met.", Permanent),
    e(421, "Misdirected Request", "The request reached a server that cannot answer it.", Permanent),
    e(422, "Unprocessable Content", "The request is well-formed but its content is invalid.", Permanent),
    e(423, "Locked", "The resource is locked.", Permanent),
    e(424, "Failed Dependency", "A request this one depends on failed.", Permanent),
    e(425, "Too Early", "The server will not process a request that might be replayed.", Permanent),
    e(426, "Upgrade Required", "The server requires another protocol.", Permanent),
    e(428, "Precondition Required", "The server requires a conditional request.", Permanent),
    e(429, "Too Many Requests", "A rate limit was hit: retry after the delay the server gives.", Throttled),
    e(431, "Request Header Fields Too Large", "The request headers are larger than the server accepts.", Permanent),
    e(451, "Unavailable For Legal Reasons", "The resource is withheld for legal reasons.", Permanent),
    e(
        500,
        "Internal Server Error",
        "The server failed while handling the request; SOAP 1.1 sends faults with this status.",
        Transient,
    ),
    e(501, "Not Implemented", "The server does not support this request.", Permanent),
    e(502, "Bad Gateway", "A gateway or proxy got a bad answer from the server behind it.", Transient),
    e(503, "Service Unavailable", "The server is overloaded or down for maintenance.", Transient),
    e(504, "Gateway Timeout", "A gateway or proxy got no answer in time from the server behind it.", Transient),
    e(505, "HTTP Version Not Supported", "The server does not support this HTTP version.", Permanent),
    e(506, "Variant Also Negotiates", "The server's content negotiation is misconfigured.", Permanent),
    e(507, "Insufficient Storage", "The server is out of storage for now.", Transient),
    e(508, "Loop Detected", "The server found an infinite loop handling the request.", Permanent),
    e(510, "Not Extended", "The request needs extensions the server wants.", Permanent),
    e(
        511,
        "Network Authentication Required",
        "A captive portal wants the client to authenticate to the network.",
        Reauth,
    ),
];

/// The entry for `status`, if it is a known error status.
pub(crate) fn entry(status: u16) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.num() == Some(i64::from(status)))
}
