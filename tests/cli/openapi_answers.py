"""Checks the server's real JSON answers against the schemas web/openapi.json gives them.

Usage: openapi_answers.py BASE_URL ADMIN_NAME ADMIN_PASSWORD
Walks the API as its clients do: signs in as the admin, reads every GET route with the ids the
lists give, adds a reviewer and a recorder, makes and revokes a token, reviews a commitment,
records an event (twice: the second is already recorded) and corrects it, and makes requests
the server refuses (400, 404, 422). Every documented JSON answer of a 200 or 201 is met at least
once, and each answer is validated against the schema documented for its status with JSON Schema
2020-12, types and nested members included. Prints one line per problem (request, member path,
what is wrong) and exits 1 if there is any; an answer of a status other than the one expected
ends the walk, after the problems found so far.
"""

import json
import sys
import urllib.error
import urllib.parse
import urllib.request

from jsonschema import Draft202012Validator

base, admin_name, admin_password = sys.argv[1:4]
doc = json.load(urllib.request.urlopen(base + "/api/v1/openapi.json"))
met = set()  # (method, route, status) of the answers validated
problems = []


class Unexpected(Exception):
    """An answer of another status than the walk expected: the walk cannot go on."""


class Client:
    """One signed-in user: their session cookie and its CSRF token."""

    def __init__(self, name, password):
        # Kept by hand: the cookie is Secure, which a browser sends to 127.0.0.1 and cookiejar not.
        self.cookie = ""
        self.csrf = ""
        self.csrf = self.call("POST", "/api/v1/session", "/api/v1/session", {"name": name, "password": password})["csrf"]

    def call(self, method, route, path, body=None, expected=(200, 201)):
        """The answer to METHOD path (route: its template in the document), validated; raises
        Unexpected for a status not in `expected`."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(base + path, data=data, method=method)
        request.add_header("X-CSRF-Token", self.csrf)
        request.add_header("Cookie", self.cookie)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request) as answer:
                status, value = answer.status, json.load(answer)
                session = answer.headers.get("Set-Cookie", "").split(";")[0]
                self.cookie = session or self.cookie
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
            try:
                value = json.loads(body)
            except json.JSONDecodeError:
                raise Unexpected(f"{method} {path}: {status} answers no JSON: {body[:300]!r}")
        if status not in expected:
            raise Unexpected(f"{method} {path}: {status}, expected {expected}: {json.dumps(value)[:300]}")
        validate(method, route, status, path, value)
        return value

    def get(self, route, path=None):
        return self.call("GET", route, path or route)


def validate(method, route, status, path, value):
    operation = doc["paths"].get(route, {}).get(method.lower())
    if operation is None:
        problems.append(f"{method} {route}: not in the document")
        return
    answer = operation["responses"].get(str(status), {})
    if "$ref" in answer:  # "#/components/responses/NAME"
        answer = doc["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    schema = answer.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        problems.append(f"{method} {path}: {status} answers JSON, which the document does not describe")
        return
    met.add((method, route, status))
    # The answer's schema at the root, with the document's components beside it for its $refs.
    validator = Draft202012Validator(dict(schema, components=doc["components"]))
    for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(the answer)"
        problems.append(f"{method} {path}: {where}: {error.message[:300]}")


def walk():
    admin = Client(admin_name, admin_password)
    agreement = admin.get("/api/v1/agreements")["agreements"][0]["id"]
    commitments = admin.get("/api/v1/commitments")["commitments"]
    commitment = commitments[0]["id"]
    eid = admin.get("/api/v1/provisions")["provisions"][0]["eId"]
    events = admin.get("/api/v1/events", "/api/v1/events?limit=1000")["events"]
    event = events[-1]["id"]
    heads = sorted(head["tree_size"] for head in admin.get("/api/v1/tree-heads")["tree_heads"])
    for route, path in [
        ("/healthz", None),
        ("/api/v1/openapi.json", None),
        ("/api/v1/agreements/{id}", f"/api/v1/agreements/{agreement}"),
        ("/api/v1/provisions", "/api/v1/provisions?lang=lv"),
        ("/api/v1/provisions/{eid}", f"/api/v1/provisions/{eid}"),
        ("/api/v1/provisions/{eid}", f"/api/v1/provisions/{eid}?lang=lv"),
        ("/api/v1/commitments", "/api/v1/commitments?at=2025-06-01"),
        ("/api/v1/commitments", "/api/v1/commitments?status=in_progress&at=2024-06-01"),
        ("/api/v1/commitments/{id}", f"/api/v1/commitments/{commitment}"),
        ("/api/v1/commitments/{id}", f"/api/v1/commitments/{commitment}?at=2025-06-01"),
        ("/api/v1/search", "/api/v1/search?q=" + urllib.parse.quote("military support")),
        ("/api/v1/search", "/api/v1/search?q=atbalsts&lang=lv"),
        ("/api/v1/events", "/api/v1/events?type=disbursement&limit=2"),
        ("/api/v1/events/{id}", f"/api/v1/events/{event}"),
        ("/api/v1/events/{id}/proof", f"/api/v1/events/{event}/proof"),
        ("/api/v1/events/{id}/proof", f"/api/v1/events/{event}/proof?size={heads[-1]}"),
        ("/api/v1/tree-heads/latest", None),
        ("/api/v1/consistency", f"/api/v1/consistency?from={heads[0]}&to={heads[-1]}"),
        ("/api/v1/me", None),
        ("/api/v1/users", None),
        ("/api/v1/tokens", None),
        ("/api/v1/status", None),
        ("/api/v1/status", "/api/v1/status?at=2024-04-11"),
        ("/api/v1/status", "/api/v1/status?at=2034-06-01"),
        ("/api/v1/deadlines", "/api/v1/deadlines?at=2025-06-01"),
    ]:
        admin.get(route, path)

    token = admin.call("POST", "/api/v1/tokens", "/api/v1/tokens", {"label": "openapi check", "expires_in_days": 7})
    admin.call("DELETE", "/api/v1/tokens/{id}", f"/api/v1/tokens/{token['id']}")
    for name in ("rev", "rec"):
        user = {"name": name, "password": f"{name}-password-0123", "role": "reviewer"}
        admin.call("POST", "/api/v1/users", "/api/v1/users", user)
    admin.call("PATCH", "/api/v1/users/{name}", "/api/v1/users/rec", {"role": "recorder", "institution": "lv-mod"})

    reviewer = Client("rev", "rev-password-0123")
    # A correction of a field that the package's review file leaves as extracted.
    accepted = next(c for c in commitments if c["review"] == "accepted")
    reviews = f"/api/v1/commitments/{accepted['id']}/reviews"
    beneficiary = accepted["beneficiary"]
    change = {"field": "beneficiary", "from": beneficiary, "to": "LV" if beneficiary == "UA" else "UA"}
    reviewer.call("POST", "/api/v1/commitments/{id}/reviews", reviews, dict(change, decision="correct", note="checked"))
    reviewer.get("/api/v1/commitments/{id}/reviews", reviews)
    reviewer.get("/api/v1/reviews")

    recorder = Client("rec", "rec-password-0123")
    disbursement = {
        "type": "disbursement",
        "participant": "LV",
        "date": "2024-06-01",
        "commitments": [commitment],
        "amount": {"currency": "EUR", "minor_units": 500},
        "description": "Checked against the API's document",
        "evidence": [],
        "classification": "public",
        "idempotency_key": "openapi-check-1",
    }
    # Each sent twice: the second is already recorded (200).
    recorded = recorder.call("POST", "/api/v1/events", "/api/v1/events", disbursement)
    recorder.call("POST", "/api/v1/events", "/api/v1/events", disbursement)
    correction = {"action": "retract", "description": "Recorded to check the API", "evidence": [], "idempotency_key": "openapi-check-2"}
    corrections = f"/api/v1/events/{recorded['id']}/corrections"
    recorder.call("POST", "/api/v1/events/{id}/corrections", corrections, correction)
    recorder.call("POST", "/api/v1/events/{id}/corrections", corrections, correction)

    # Refusals: each answered with the error its status documents.
    admin.call("GET", "/api/v1/events", "/api/v1/events?limit=0", expected=(400,))
    admin.call("GET", "/api/v1/events/{id}", "/api/v1/events/01966b1e-0000-7000-8000-000000000000", expected=(404,))
    admin.call("POST", "/api/v1/users", "/api/v1/users", {"name": "kim", "password": "short", "role": "reader"}, expected=(422,))


try:
    walk()
except Unexpected as unexpected:
    problems.append(str(unexpected))
for route, operations in doc["paths"].items():
    for method, operation in operations.items():
        for status, answer in operation["responses"].items():
            if status in ("200", "201") and "application/json" in answer.get("content", {}):
                if (method.upper(), route, int(status)) not in met:
                    problems.append(f"{method.upper()} {route}: the {status} answer documented is never checked")
for problem in problems:
    print(problem)
print(f"{len(met)} documented answers checked against their schemas, {len(problems)} problems")
sys.exit(1 if problems else 0)
