#!/usr/bin/env python3
"""Prints an HS256 JWT for the demo configuration (example.yml); standard library only. Development only.

    python3 deploy/security/dev-token.py --sub ci --roles writer --subjects team-a.
    python3 deploy/security/dev-token.py --sub ops --roles admin          # no --subjects: every subject
"""
import argparse, base64, hashlib, hmac, json, time

SECRET = b"dev-only-jwt-secret-change-me-0123456789"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


p = argparse.ArgumentParser()
p.add_argument("--sub", default="dev")
p.add_argument("--roles", default="reader", help="comma-separated")
p.add_argument("--subjects", help="comma-separated subject prefixes (absent: every subject)")
p.add_argument("--ttl", type=int, default=3600, help="seconds until exp")
a = p.parse_args()
claims = {"sub": a.sub, "iss": "registry-dev", "aud": "registry", "iat": int(time.time()),
          "exp": int(time.time()) + a.ttl, "roles": a.roles.split(",")}
if a.subjects is not None:
    claims["subjects"] = [s for s in a.subjects.split(",") if s]
signing_input = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
signature = hmac.new(SECRET, signing_input.encode(), hashlib.sha256).digest()
print(signing_input + "." + b64(signature))
