/**
 * A self-signed certificate for 127.0.0.1 made for the tests only (openssl req -x509, EC P-256, 100 years): no secret. No
 * trusted authority signed it — a server with it is refused (tls-verification.test.ts) unless a test trusts it itself
 * (part-reads-tls.test.ts).
 */
export const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgZjo5gcRX623ZhB+h
tBkhQ5s+gBm1f0julZfUXgtMjv2hRANCAATYKYNd1YphMf1K0uElUszs1whAGv07
Lhl7bNwFFW9/0jQ+AWokJxUi8zfiLJ7AF7GqU8gtCEdjgE3YMIRu4k8a
-----END PRIVATE KEY-----`;
export const CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUB11Uid6mQLdspez/cFGtdWxaqBEwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTIwNjEwNTExNVoYDzIxMjYxMTEy
MTA1MTE1WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATYKYNd1YphMf1K0uElUszs1whAGv07Lhl7bNwFFW9/0jQ+AWokJxUi
8zfiLJ7AF7GqU8gtCEdjgE3YMIRu4k8ao2QwYjAdBgNVHQ4EFgQUT/w9hytSL3ZH
A8evzhaaf9qv5gQwHwYDVR0jBBgwFoAUT/w9hytSL3ZHA8evzhaaf9qv5gQwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IFPi0d7T3a+2fbtc/7RkU7yWDSS4J9oILQCFfLooGTyOAiEAlBV1EOKV+jCHqaDL
gW3PEkQP2n8ziOrhKk6SMtTRuDQ=
-----END CERTIFICATE-----`;
