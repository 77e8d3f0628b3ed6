//! The providers' bodies as the hostile-server tests write them, one
//! builder per shape: what a test changes is in its own arguments.

use crate::hostile::Hostile;

/// One Boca conversion, as the provider writes it.
pub fn boca_item(id: &str, created_at: &str) -> String {
    format!(
        r#"{{"conversionId":"{id}","createdAt":"{created_at}","type":"conversion","from":{{"currency":"CAD","amount":"10.00"}},"to":{{"currency":"BTC","amount":"0.00011765"}},"rate":"85000.00"}}"#
    )
}

/// `n` Boca conversions from `conv-<from>` on, all at one instant.
pub fn boca_items(from: usize, n: usize) -> Vec<String> {
    (from..from + n)
        .map(|i| boca_item(&format!("conv-{i:06}"), "2026-01-01T00:00:00Z"))
        .collect()
}

/// A Boca transactions page of these items, pointing to `next`.
pub fn boca_page(items: &[String], next: Option<&str>) -> String {
    let next = next.map_or("null".to_owned(), |c| format!("\"{c}\""));
    format!(
        r#"{{"externalId":"u-1","userId":"550e8400-e29b-41d4-a716-446655440000","nextCursor":{next},"items":[{}]}}"#,
        items.join(",")
    )
}

/// A Boca page of `(id, createdAt)` items.
pub fn boca_page_of(items: &[(&str, &str)], next: Option<&str>) -> String {
    let items: Vec<String> = items.iter().map(|(i, t)| boca_item(i, t)).collect();
    boca_page(&items, next)
}

/// An Ibanera success envelope: `details` (the items, without brackets),
/// page `page` of `pages` (as written: a test may send `1.5` or `"3"`).
pub fn ibanera_envelope(details: &str, page_size: u32, page: u32, pages: &str) -> String {
    format!(
        r#"{{"status":"1","errors":[],"id":null,"details":[{details}],"pageSize":{page_size},"pageNumber":{page},"numberOfPages":{pages}}}"#
    )
}

/// How many times the Ibanera server was asked to log in.
pub fn logins(srv: &Hostile) -> usize {
    srv.requests()
        .iter()
        .filter(|r| r.path().ends_with("/auth/login"))
        .count()
}
