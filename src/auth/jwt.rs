//! NOAH's per-request JWT: ES384 or ES256 chosen by
//! the key's curve, raw R‖S signatures (RFC 7518, not DER), base64url.
//! Pure-Rust RustCrypto; the claims bind method, path, query and body, so
//! every request gets a fresh token.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

/// A private EC key, on P-384 (ES384, recommended by NOAH) or P-256 (ES256).
pub enum EcKey {
    P384(p384::ecdsa::SigningKey),
    P256(p256::ecdsa::SigningKey),
}

impl std::fmt::Debug for EcKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EcKey({})", self.alg())
    }
}

impl EcKey {
    /// Parse a PKCS#8 (`BEGIN PRIVATE KEY`) or SEC1 (`BEGIN EC PRIVATE KEY`)
    /// PEM. The error never contains the key.
    pub fn from_pem(pem: &str) -> Result<EcKey, String> {
        use p256::pkcs8::DecodePrivateKey as _;
        let pem = pem.trim();
        if !pem.starts_with("-----BEGIN") {
            return Err("not a PEM file (expected -----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)".into());
        }
        if let Ok(k) =
            p384::SecretKey::from_pkcs8_pem(pem).or_else(|_| p384::SecretKey::from_sec1_pem(pem))
        {
            return Ok(EcKey::P384(k.into()));
        }
        if let Ok(k) =
            p256::SecretKey::from_pkcs8_pem(pem).or_else(|_| p256::SecretKey::from_sec1_pem(pem))
        {
            return Ok(EcKey::P256(k.into()));
        }
        if pem.contains("ENCRYPTED") {
            return Err(
                "encrypted keys are not supported: decrypt it with `openssl pkcs8 -topk8 -nocrypt`"
                    .into(),
            );
        }
        Err("not an EC private key on P-384 or P-256 (NOAH accepts ES384 and ES256 only)".into())
    }

    pub fn alg(&self) -> &'static str {
        match self {
            EcKey::P384(_) => "ES384",
            EcKey::P256(_) => "ES256",
        }
    }

    /// Raw R‖S: 96 bytes for ES384 (SHA-384), 64 for ES256 (SHA-256).
    fn sign(&self, message: &[u8]) -> Vec<u8> {
        use p256::ecdsa::signature::Signer as _;
        match self {
            EcKey::P384(k) => {
                let sig: p384::ecdsa::Signature = k.sign(message);
                sig.to_bytes().to_vec()
            }
            EcKey::P256(k) => {
                let sig: p256::ecdsa::Signature = k.sign(message);
                sig.to_bytes().to_vec()
            }
        }
    }
}

/// What one request's token asserts.
pub struct Claims<'a> {
    pub aud: &'a str,
    pub iat: i64,
    /// Seconds the token is valid for (NOAH allows at most 900).
    pub ttl: i64,
    pub method: &'a str,
    pub path: &'a str,
    /// Query parameters as sent, decoded, in order; the claim is omitted when empty.
    pub query: &'a [(String, String)],
    /// Lower-case hex SHA-256 of the body; the claim is omitted without a body.
    pub body_hash: Option<String>,
}

impl Claims<'_> {
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("aud".into(), json!(self.aud));
        m.insert("iat".into(), json!(self.iat));
        m.insert("exp".into(), json!(self.iat + self.ttl));
        m.insert("method".into(), json!(self.method));
        m.insert("path".into(), json!(self.path));
        if !self.query.is_empty() {
            let params: Map<String, Value> = self
                .query
                .iter()
                .map(|(k, v)| (k.clone(), json!(v)))
                .collect();
            m.insert("queryParams".into(), Value::Object(params));
        }
        if let Some(h) = &self.body_hash {
            m.insert("bodyHash".into(), json!(h));
        }
        Value::Object(m)
    }
}

/// `base64url(header) . base64url(claims) . base64url(R‖S)`.
pub fn sign(key: &EcKey, claims: &Claims) -> String {
    let header = json!({"alg": key.alg(), "typ": "JWT"});
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_json().to_string())
    );
    let signature = URL_SAFE_NO_PAD.encode(key.sign(signing_input.as_bytes()));
    format!("{signing_input}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::signature::Verifier as _;
    use p256::pkcs8::DecodePublicKey as _;

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn decode(token: &str) -> (Value, Value, Vec<u8>, String) {
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let header = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
        let claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        let sig = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
        (header, claims, sig, format!("{}.{}", parts[0], parts[1]))
    }

    fn claims(query: &[(String, String)]) -> Claims<'_> {
        Claims {
            aud: "https://api.noah.com",
            iat: 1_773_403_200,
            ttl: 300,
            method: "GET",
            path: "/v1/transactions",
            query,
            body_hash: None,
        }
    }

    #[test]
    fn es384_token_decodes_to_the_claims_and_verifies() {
        let key = EcKey::from_pem(&read("sandbox/src/examples/noah-demo-es384.pem")).unwrap();
        let query = vec![
            ("PageSize".to_owned(), "20".to_owned()),
            ("SortDirection".to_owned(), "DESC".to_owned()),
        ];
        let token = sign(&key, &claims(&query));
        let (header, claims, sig, input) = decode(&token);
        assert_eq!(header, json!({"alg": "ES384", "typ": "JWT"}));
        assert_eq!(
            claims.to_string(),
            r#"{"aud":"https://api.noah.com","iat":1773403200,"exp":1773403500,"method":"GET","path":"/v1/transactions","queryParams":{"PageSize":"20","SortDirection":"DESC"}}"#
        );
        assert_eq!(sig.len(), 96, "raw R||S, not DER");
        let public = p384::ecdsa::VerifyingKey::from_public_key_pem(&read(
            "sandbox/src/examples/noah-demo-es384.pub.pem",
        ))
        .unwrap();
        let sig = p384::ecdsa::Signature::from_slice(&sig).unwrap();
        public.verify(input.as_bytes(), &sig).unwrap();
    }

    #[test]
    fn es256_from_p256_keys_and_claims_omitted_when_empty() {
        let key = EcKey::from_pem(&read("sandbox/src/examples/noah-demo-es256.pem")).unwrap();
        assert_eq!(key.alg(), "ES256");
        let token = sign(&key, &claims(&[]));
        let (header, claims, sig, input) = decode(&token);
        assert_eq!(header["alg"], "ES256");
        assert!(claims.get("queryParams").is_none() && claims.get("bodyHash").is_none());
        assert_eq!(sig.len(), 64);
        let public = p256::ecdsa::VerifyingKey::from_public_key_pem(&read(
            "sandbox/src/examples/noah-demo-es256.pub.pem",
        ))
        .unwrap();
        public
            .verify(
                input.as_bytes(),
                &p256::ecdsa::Signature::from_slice(&sig).unwrap(),
            )
            .unwrap();
    }

    #[test]
    fn sec1_pem_is_accepted_and_other_curves_are_not() {
        assert_eq!(
            EcKey::from_pem(&read("tests/fixtures/noah-demo-es384.sec1.pem"))
                .unwrap()
                .alg(),
            "ES384"
        );
        let e = EcKey::from_pem(&read("tests/fixtures/noah-p521.pem")).unwrap_err();
        assert!(e.contains("P-384 or P-256"), "{e}");
        let e = EcKey::from_pem("garbage").unwrap_err();
        assert!(e.contains("not a PEM"));
        let pem = read("sandbox/src/examples/noah-demo-es384.pem");
        let truncated = &pem[..pem.len() / 2];
        let e = EcKey::from_pem(truncated).unwrap_err();
        assert!(
            !e.contains(&truncated[30..60]),
            "the error never echoes the key"
        );
    }
}
