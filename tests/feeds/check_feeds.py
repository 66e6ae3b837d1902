"""Checks Accord's Atom feed and iCalendar file with independent parsers.

Starts `accord serve --demo` on a fresh store, signs in as a secretariat
account made with `accord user add`, publishes a public statement and puts a
restricted statement and a restricted document beside it, then parses

  /processes/gcm/feed.atom     with feedparser
  /processes/gcm/meetings.ics  with icalendar

and checks entries, dates and that nothing restricted appears.

    ACCORD_BIN=target/debug/accord python3 tests/feeds/check_feeds.py
"""

import datetime
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

import feedparser
import icalendar

BIN = os.path.abspath(os.environ.get("ACCORD_BIN", "target/debug/accord"))
PASSWORD = "a long enough passphrase"


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def main():
    data = tempfile.mkdtemp(prefix="accord-feeds-")
    db = f"sqlite://{data}/accord.db"
    made = subprocess.run(
        [BIN, "user", "add", "--email", "sec@example.org", "--name", "Feed Tester",
         "--role", "secretariat", "--password-stdin", "--database", db],
        input=PASSWORD + "\n", text=True, capture_output=True)
    check(made.returncode == 0, f"user add: {made.stderr}")
    server = subprocess.Popen(
        [BIN, "serve", "--demo", "--addr", "127.0.0.1:0", "--database", db],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "ACCORD_LOG": "warn"})
    try:
        line = server.stdout.readline()
        match = re.search(r"http://[^/ ]+", line)
        check(match, f"no address in {line!r}")
        run(match.group(0))
    finally:
        server.kill()
        server.wait()


def run(base):
    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(path):
        with web.open(base + path) as r:
            return r.read().decode()

    def post(path, form):
        req = urllib.request.Request(base + path, data=urllib.parse.urlencode(form).encode())
        with web.open(req) as r:
            return r.read().decode()

    # Sign in through the form, then make an API token.
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', get("/login")).group(1)
    post("/login", {"email": "sec@example.org", "password": PASSWORD, "csrf": token, "next": "/"})
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', get("/account")).group(1)
    req = urllib.request.Request(base + "/api/v1/tokens", method="POST",
                                 data=json.dumps({"name": "feeds", "days": 1}).encode(),
                                 headers={"X-CSRF-Token": csrf, "Content-Type": "application/json"})
    with web.open(req) as r:
        bearer = json.load(r)["token"]

    def api(method, path, body=None):
        req = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {bearer}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            return json.load(r)

    meetings = []
    path = "/api/v1/processes/gcm/meetings?limit=200"
    while path:
        page = api("GET", path)
        meetings += page["items"]
        path = page["next_cursor"] and f"/api/v1/processes/gcm/meetings?limit=200&cursor={page['next_cursor']}"
    session = next(m for m in meetings if m["kind"] == "thematic_session")

    def statement(title, distribution):
        return api("POST", "/api/v1/processes/gcm/statements", {
            "meeting": session["id"], "actor": "MEX", "title": title,
            "delivered_on": session["start_date"], "distribution": distribution, "synthetic": True,
            "texts": [{"language": "en", "text": "A synthetic test statement."}],
        })

    statement("Feed check: a public statement & <friends>", "public")
    statement("Feed check: a restricted statement", "restricted")
    api("POST", "/api/v1/processes/gcm/documents", {
        "slug": "feed-check-restricted", "title": "Feed check: a restricted letter", "kind": "letter",
        "date": "2018-01-01", "languages": ["en"], "distribution": "restricted",
    })
    with urllib.request.urlopen(base + "/api/v1/processes/gcm/documents?limit=200") as r:
        documents = json.load(r)["items"]  # as the public sees them
    check(not any("restricted" in d["title"] for d in documents), "the public API hides the letter")

    # Atom, read by feedparser (as the public: no cookie).
    atom = urllib.request.urlopen(base + "/processes/gcm/feed.atom")
    check(atom.headers["Content-Type"].startswith("application/atom+xml"), "Atom content type")
    feed = feedparser.parse(atom.read())
    check(not feed.bozo, f"feedparser found the feed malformed: {feed.get('bozo_exception')}")
    check(feed.feed.title.startswith("Global Compact for Safe, Orderly and Regular Migration"), feed.feed.title)
    titles = [e.title for e in feed.entries]
    check("Feed check: a public statement & <friends>" in titles, f"the public statement is missing: {titles}")
    check(not any("restricted" in t for t in titles), f"something restricted is in the feed: {titles}")
    check(len(feed.entries) == len(documents) + 1, f"{len(feed.entries)} entries for {len(documents)} public documents and 1 statement")
    dates = [datetime.datetime(*e.updated_parsed[:6]) for e in feed.entries]
    check(dates == sorted(dates, reverse=True), "entries are newest first")
    mine = next(e for e in feed.entries if e.title.startswith("Feed check"))
    check(datetime.date(*mine.updated_parsed[:3]).isoformat() == session["start_date"], "the statement's date")
    check(len({e.id for e in feed.entries}) == len(feed.entries), "entry ids are unique")

    # iCalendar, read by icalendar.
    ics = urllib.request.urlopen(base + "/processes/gcm/meetings.ics")
    check(ics.headers["Content-Type"].startswith("text/calendar"), "calendar content type")
    calendar = icalendar.Calendar.from_ical(ics.read())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    check(len(events) == len(meetings), f"{len(events)} events for {len(meetings)} meetings")
    by_title = {}
    for e in events:
        by_title.setdefault(str(e["SUMMARY"]), []).append(e)
    check(len({str(e["UID"]) for e in events}) == len(events), "UIDs are unique")
    for m in meetings:
        found = [e for e in by_title.get(m["title"], [])
                 if e["DTSTART"].dt.isoformat() == m["start_date"]]
        check(found, f"no event for {m['title']} on {m['start_date']}")
        end = found[0]["DTEND"].dt - datetime.timedelta(days=1)
        check(end.isoformat() == m["end_date"], f"{m['title']}: ends {end}, not {m['end_date']}")
        if m.get("venue"):
            check(m["venue"]["city"] in str(found[0]["LOCATION"]), f"{m['title']}: location")
    print(f"feeds: Atom {len(feed.entries)} entries and iCalendar {len(events)} events check out")


if __name__ == "__main__":
    main()
