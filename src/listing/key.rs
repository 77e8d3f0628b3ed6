//! Which listing: the one name of a provider's list of records that the
//! ledger keeps positions and rows under and a state file's mark names,
//! so `sync` and `get-transactions --state-file` speak of the same listing
//! the same way.

use serde_json::{Map, Value};

/// A provider's listing at one base URL, for one profile and subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingKey {
    pub provider: &'static str,
    pub profile: String,
    /// The provider's base URL (`sandbox:<prefix>` for the sandbox): a
    /// staging and a production history never share a position or an id.
    pub base_url: String,
    /// The user or account; `""` for a listing of the whole account (NOAH, Ibanera cards).
    pub subject: String,
    /// `balances`, `transactions`, `card_balances`, `card_transactions`.
    pub list: &'static str,
}

/// What a state file names: the listing, and what its command line narrowed
/// it to, so a state file is never applied to another listing.
#[derive(Debug, Clone)]
pub struct StateKey {
    pub listing: ListingKey,
    /// What the listing's subject is, as the state file spells it.
    pub subject_is: SubjectIs,
    /// What the command line narrowed a listing of several cards to;
    /// `None` for a listing that cannot be narrowed.
    pub narrowed: Option<Narrowed>,
}

/// A card and a window of dates (`--card`, `--from`, `--to`), each `None`
/// when not given. The listing's subject is the card, `""` for every card.
#[derive(Debug, Clone)]
pub struct Narrowed {
    pub card: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What a listing is of: one of the partner's users (`"subject"` in a
/// state file), one account (`"account"`), or the whole account, whose
/// list is named instead (`"list"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectIs {
    User,
    Account,
    Whole,
}

impl StateKey {
    /// The key as the state files of version 2 have always spelled it, so
    /// earlier files still match: `provider`, `profile`, `base_url`, then
    /// the list's own words: `card`, `from`, `to` (each `null` when not
    /// given) for a narrowed listing; else `subject`, `account` or `list`.
    pub fn to_json(&self) -> Value {
        let k = &self.listing;
        let mut m = Map::new();
        m.insert("provider".into(), k.provider.into());
        m.insert("profile".into(), k.profile.clone().into());
        m.insert("base_url".into(), k.base_url.clone().into());
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::String);
        match (&self.narrowed, self.subject_is) {
            (Some(n), _) => {
                m.insert("card".into(), text(&n.card));
                m.insert("from".into(), text(&n.from));
                m.insert("to".into(), text(&n.to));
            }
            (None, SubjectIs::Whole) => {
                m.insert("list".into(), k.list.into());
            }
            (None, SubjectIs::User) => {
                m.insert("subject".into(), k.subject.clone().into());
            }
            (None, SubjectIs::Account) => {
                m.insert("account".into(), k.subject.clone().into());
            }
        }
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(subject: &str, list: &'static str, subject_is: SubjectIs) -> StateKey {
        StateKey {
            listing: ListingKey {
                provider: "p",
                profile: "d".into(),
                base_url: "b".into(),
                subject: subject.into(),
                list,
            },
            subject_is,
            narrowed: None,
        }
    }

    #[test]
    fn state_keys_keep_the_shapes_earlier_releases_wrote() {
        let head = r#"{"provider":"p","profile":"d","base_url":"b","#;
        let json = |k: StateKey| k.to_json().to_string();
        let user = key("u", "transactions", SubjectIs::User);
        assert_eq!(json(user), format!(r#"{head}"subject":"u"}}"#));
        let list = key("", "transactions", SubjectIs::Whole);
        assert_eq!(json(list), format!(r#"{head}"list":"transactions"}}"#));
        let account = key("1002", "transactions", SubjectIs::Account);
        assert_eq!(json(account), format!(r#"{head}"account":"1002"}}"#));
        // An account named by an empty string is still an account.
        let empty = key("", "transactions", SubjectIs::Account);
        assert_eq!(json(empty), format!(r#"{head}"account":""}}"#));
        let narrowed = |card: Option<&str>, to: Option<&str>| Narrowed {
            card: card.map(Into::into),
            from: None,
            to: to.map(Into::into),
        };
        let cards = StateKey {
            narrowed: Some(narrowed(Some("c1"), Some("2026-03-31"))),
            ..key("c1", "card_transactions", SubjectIs::Account)
        };
        assert_eq!(
            json(cards),
            format!(r#"{head}"card":"c1","from":null,"to":"2026-03-31"}}"#)
        );
        let every_card = StateKey {
            narrowed: Some(narrowed(None, None)),
            ..key("", "card_transactions", SubjectIs::Account)
        };
        assert_eq!(
            json(every_card),
            format!(r#"{head}"card":null,"from":null,"to":null}}"#)
        );
    }
}
