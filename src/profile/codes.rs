//! A profile's catalog (`[codes]`): its rows in file order, and an index
//! sorted by code for lookups without allocating.

use std::cmp::Ordering;

use crate::retry::RetryClass;
use crate::vendor::Code;

/// One row of a profile's `[codes]`: the code, its class, and the name and
/// description the profile gives it. New fields may be added: read rows,
/// don't build them.
///
/// ```
/// use vendor_errors::{Code, Profile, RetryClass};
/// let profile: Profile = serde_json::from_str(r#"{"vendor": "acme", "codes": {
///     "1001": "permanent",
///     "QUOTA": {"retry": "throttled", "name": "QuotaExceeded"}}}"#).unwrap();
/// let row = profile.entry(&Code::from("quota")).unwrap();
/// assert_eq!((row.retry, row.name.as_deref()), (RetryClass::Throttled, Some("QuotaExceeded")));
/// assert_eq!(profile.entry(&Code::Num(1001)).unwrap().description, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProfileCode {
    /// The code: a number when written as digits (an optional leading `-`).
    pub code: Code,
    /// What a caller may do about it.
    pub retry: RetryClass,
    /// The symbolic name the profile gives it.
    pub name: Option<String>,
    /// What it means, as the profile says.
    pub description: Option<String>,
}

/// The rows, in file order, and their positions sorted by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CodeTable {
    rows: Box<[ProfileCode]>,
    sorted: Box<[usize]>,
}

/// Codes in lookup order: numbers by value, then texts ignoring ASCII case.
fn compare(a: &Code, b: &Code) -> Ordering {
    match (a.as_num(), b.as_num(), a, b) {
        (Some(a), Some(b), ..) => a.cmp(&b),
        (Some(_), None, ..) => Ordering::Less,
        (None, Some(_), ..) => Ordering::Greater,
        (None, None, Code::Text(a), Code::Text(b)) => {
            a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
        }
        // A code that is no number is text.
        (None, None, ..) => Ordering::Equal,
    }
}

impl CodeTable {
    /// The table of these rows; when two codes are the same (texts ignoring
    /// ASCII case, numbers by value), the positions of the first two such,
    /// the earlier first.
    pub(crate) fn new(rows: Vec<ProfileCode>) -> Result<CodeTable, (usize, usize)> {
        let mut sorted: Vec<usize> = (0..rows.len()).collect();
        // Stable: equal codes stay in file order, so each pair is (earlier, later).
        sorted.sort_by(|&a, &b| compare(&rows[a].code, &rows[b].code));
        let same = sorted.windows(2).filter(|w| compare(&rows[w[0]].code, &rows[w[1]].code).is_eq());
        if let Some(pair) = same.min_by_key(|w| w[1]) {
            return Err((pair[0], pair[1]));
        }
        Ok(CodeTable { rows: rows.into(), sorted: sorted.into() })
    }

    /// No row.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows, in file order.
    pub(crate) fn rows(&self) -> &[ProfileCode] {
        &self.rows
    }

    /// The row for `code` (texts compared ignoring ASCII case, as the
    /// built-in catalogs compare them).
    pub(crate) fn entry(&self, code: &Code) -> Option<&ProfileCode> {
        let found = self.sorted.binary_search_by(|&i| compare(&self.rows[i].code, code)).ok()?;
        self.sorted.get(found).and_then(|&i| self.rows.get(i))
    }

    /// The row for `code` as a person writes it: a code (numbers when
    /// digits), else a row's name, ignoring ASCII case.
    pub(crate) fn lookup(&self, code: &str) -> Option<&ProfileCode> {
        let code = code.trim();
        self.entry(&Code::parse(code))
            .or_else(|| self.rows.iter().find(|row| row.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(code))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, retry: RetryClass) -> ProfileCode {
        ProfileCode { code: Code::parse(code), retry, name: None, description: None }
    }

    #[test]
    fn lookups_by_number_text_and_name() {
        let mut named = row("Q", RetryClass::Throttled);
        named.name = Some("QuotaExceeded".into());
        let rows = vec![
            row("E1001", RetryClass::Permanent),
            row("-5", RetryClass::Transient),
            named,
            row("7", RetryClass::Reauth),
        ];
        let table = CodeTable::new(rows).unwrap();
        assert_eq!(table.entry(&Code::from("e1001")).unwrap().retry, RetryClass::Permanent);
        assert_eq!(table.entry(&Code::Num(-5)).unwrap().retry, RetryClass::Transient);
        assert_eq!(table.entry(&Code::Num(7)).unwrap().retry, RetryClass::Reauth);
        assert_eq!(table.entry(&Code::from("7")).unwrap().retry, RetryClass::Reauth, "decimal text is its number");
        assert_eq!(table.entry(&Code::Text("007".into())).unwrap().retry, RetryClass::Reauth);
        assert!(table.entry(&Code::Num(1001)).is_none());
        assert_eq!(table.lookup(" 007 ").unwrap().code, Code::Num(7));
        assert_eq!(table.lookup("quotaexceeded").unwrap().code, Code::from("Q"));
        assert!(table.lookup("nothing").is_none());
        let order: Vec<String> = table.rows().iter().map(|r| r.code.to_string()).collect();
        assert_eq!(order, ["E1001", "-5", "Q", "7"]);
        assert!(CodeTable::default().is_empty() && CodeTable::default().entry(&Code::Num(1)).is_none());
    }

    #[test]
    fn the_same_code_twice_is_found() {
        let rows = ["A", "7", "b", "B", "007", "a"].map(|c| row(c, RetryClass::Permanent)).to_vec();
        assert_eq!(CodeTable::new(rows), Err((2, 3)));
        let rows = ["A", "7", "007"].map(|c| row(c, RetryClass::Permanent)).to_vec();
        assert_eq!(CodeTable::new(rows), Err((1, 2)));
    }
}
