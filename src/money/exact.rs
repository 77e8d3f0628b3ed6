//! Exact decimal arithmetic on amounts of any length, for `reconcile` and
//! `export`: sums and differences of the providers' literals, never a float,
//! never a rounding, never an overflow (a 38-character NOAH amount plus an
//! 18-decimal token is as exact as `1.00 + 2.00`).
//!
//! A value is a sign, a magnitude in base 10⁹ limbs (least significant
//! first) and a scale (digits after the point). Adding two values aligns
//! their scales by multiplying the smaller one's magnitude by a power of
//! ten: exact, since a scale only ever grows. Only addition, subtraction,
//! comparison with zero and printing are needed, so no division exists to
//! round anything.

use super::{Amount, AmountError};
use std::cmp::Ordering;

const BASE: u64 = 1_000_000_000;
const BASE_DIGITS: usize = 9;

#[derive(Debug, Clone, Default)]
pub struct Exact {
    negative: bool,
    /// Base 10⁹, least significant first, no leading (most significant) zero limbs.
    limbs: Vec<u32>,
    /// Digits after the point.
    scale: u32,
}

impl Exact {
    pub fn zero() -> Exact {
        Exact::default()
    }

    /// An amount's value; an exponent (`1e5`) is applied exactly.
    pub fn of(amount: &Amount) -> Exact {
        // An Amount passed the grammar, so this cannot fail; zero if it somehow did.
        Exact::parse(amount.as_str()).unwrap_or_default()
    }

    /// Decimal text by the amount grammar (`-12.50`, `.5`, `5.`, `2500.10E-3`).
    pub fn parse(text: &str) -> Result<Exact, AmountError> {
        let plain = Amount::from_number_text(text)?;
        let text = plain.as_str();
        let (negative, text) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        let scale = u32::try_from(frac.len())
            .map_err(|_| AmountError::Exponent(crate::text::quote(text)))?;
        let digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let mut limbs = Vec::with_capacity(digits.len() / BASE_DIGITS + 1);
        for chunk in digits.rchunks(BASE_DIGITS) {
            limbs.push(chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d)));
        }
        let mut x = Exact {
            negative,
            limbs,
            scale,
        };
        x.trim();
        Ok(x)
    }

    pub fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.negative && !self.is_zero()
    }

    /// Digits after the point (as written: `1.50` has two).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    pub fn add(&mut self, other: &Exact) {
        self.add_signed(other, other.negative);
    }

    pub fn sub(&mut self, other: &Exact) {
        self.add_signed(other, !other.negative);
    }

    pub fn plus(mut self, other: &Exact) -> Exact {
        self.add(other);
        self
    }

    pub fn minus(mut self, other: &Exact) -> Exact {
        self.sub(other);
        self
    }

    /// The value at `scale` digits after the point (at least its own).
    pub fn to_string_at(&self, scale: u32) -> String {
        let mut x = self.clone();
        x.rescale(scale.max(self.scale));
        let mut digits = String::new();
        if let Some((top, rest)) = x.limbs.split_last() {
            digits.push_str(&top.to_string());
            for limb in rest.iter().rev() {
                digits.push_str(&format!("{limb:09}"));
            }
        }
        let scale = x.scale as usize;
        if digits.len() <= scale {
            digits = "0".repeat(scale + 1 - digits.len()) + &digits;
        }
        let (int, frac) = digits.split_at(digits.len() - scale);
        let mut out = String::with_capacity(digits.len() + 2);
        if x.is_negative() {
            out.push('-');
        }
        out.push_str(int);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        out
    }

    /// The value with trailing fraction zeros dropped: two equal values
    /// print alike (`1.50` and `1.5000` are both `1.5`).
    pub fn normalized(&self) -> String {
        let text = self.to_string_at(self.scale);
        match text.split_once('.') {
            Some((int, frac)) => match frac.trim_end_matches('0') {
                "" => int.to_owned(),
                frac => format!("{int}.{frac}"),
            },
            None => text,
        }
    }

    fn add_signed(&mut self, other: &Exact, other_negative: bool) {
        let scale = self.scale.max(other.scale);
        self.rescale(scale);
        let scaled;
        let other_limbs = if other.scale < scale {
            let mut o = other.clone();
            o.rescale(scale);
            scaled = o;
            &scaled.limbs
        } else {
            &other.limbs
        };
        if self.negative == other_negative || self.is_zero() {
            if self.is_zero() {
                self.negative = other_negative;
            }
            add_magnitude(&mut self.limbs, other_limbs);
        } else {
            match cmp_magnitude(&self.limbs, other_limbs) {
                Ordering::Less => {
                    let mut bigger = other_limbs.clone();
                    sub_magnitude(&mut bigger, &self.limbs);
                    self.limbs = bigger;
                    self.negative = other_negative;
                }
                _ => sub_magnitude(&mut self.limbs, other_limbs),
            }
        }
        self.trim();
    }

    /// The same value with `scale` digits after the point (never fewer).
    fn rescale(&mut self, scale: u32) {
        let mut more = scale.saturating_sub(self.scale);
        self.scale = self.scale.max(scale);
        if self.is_zero() {
            return;
        }
        while more > 0 {
            let step = more.min(9);
            mul_small(&mut self.limbs, 10u32.pow(step));
            more -= step;
        }
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
        if self.limbs.is_empty() {
            self.negative = false;
        }
    }
}

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.clone().minus(other).is_zero()
    }
}

fn mul_small(limbs: &mut Vec<u32>, by: u32) {
    let mut carry = 0u64;
    for limb in limbs.iter_mut() {
        let v = u64::from(*limb) * u64::from(by) + carry;
        *limb = (v % BASE) as u32;
        carry = v / BASE;
    }
    while carry > 0 {
        limbs.push((carry % BASE) as u32);
        carry /= BASE;
    }
}

fn add_magnitude(a: &mut Vec<u32>, b: &[u32]) {
    if a.len() < b.len() {
        a.resize(b.len(), 0);
    }
    let mut carry = 0u64;
    for (i, limb) in a.iter_mut().enumerate() {
        let v = u64::from(*limb) + u64::from(b.get(i).copied().unwrap_or(0)) + carry;
        *limb = (v % BASE) as u32;
        carry = v / BASE;
        if carry == 0 && i >= b.len() {
            break;
        }
    }
    if carry > 0 {
        a.push(carry as u32);
    }
}

/// `a -= b`, with `a >= b`.
fn sub_magnitude(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0i64;
    for (i, limb) in a.iter_mut().enumerate() {
        let mut v = i64::from(*limb) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        borrow = i64::from(v < 0);
        if v < 0 {
            v += BASE as i64;
        }
        *limb = v as u32;
        if borrow == 0 && i >= b.len() {
            break;
        }
    }
}

fn cmp_magnitude(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(text: &str) -> Exact {
        Exact::parse(text).unwrap()
    }

    #[test]
    fn sums_keep_every_digit_at_the_larger_scale() {
        let sum = x("1250.00").plus(&x("0.01500000"));
        assert_eq!(sum.to_string_at(0), "1250.01500000");
        let big = x("98765432109876543210987654.3210987654")
            .plus(&x("55555555555555555555555555.5555555554"));
        assert_eq!(
            big.to_string_at(0),
            "154320987665432098766543209.8766543208"
        );
        assert_eq!(x("1.50").minus(&x("1.5")).to_string_at(2), "0.00");
        assert_eq!(x("0.1").minus(&x("0.3")).to_string_at(0), "-0.2");
        assert_eq!(x("-5").plus(&x("5")).to_string_at(1), "0.0");
        assert_eq!(x(".5").plus(&x("5.")).to_string_at(0), "5.5");
        assert_eq!(x("2500.10E-3").to_string_at(0), "2.50010");
        assert_eq!(x("1e5").to_string_at(2), "100000.00");
        assert_eq!(x("-0.00").to_string_at(0), "0.00");
        assert_eq!(x("1.5000").normalized(), "1.5");
        assert_eq!(x("-0.50").normalized(), "-0.5");
        assert_eq!(x("0.000").normalized(), "0");
        assert_eq!(x("120").normalized(), "120");
        assert!(x("1.0") == x("1.000"));
        assert!(x("999999999.999999999").plus(&x("0.000000001")) == x("1000000000"));
    }
}
