"""The people of `make load`: applicants, reviewers, officers and the donor, as Locust users.

Each simulated person holds a demo account's session (made by `skillbridge
bench_targets`, passed in LOAD_SESSIONS as JSON) and walks the pages that role
opens most, with 1 to 3 seconds to read each. Run by `skillbridge.demo.load`.
"""

import json
import os
import random

from locust import HttpUser, between, task

SETUP = json.loads(os.environ.get("LOAD_SESSIONS", "{}"))
PAGES = SETUP.get("pages", {})


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    role = ""

    def on_start(self):
        self.client.headers["X-Forwarded-Proto"] = "https"
        self.client.cookies.set(SETUP["cookie"], SETUP["sessions"][self.role])

    def open(self, name: str) -> None:
        page = PAGES[name]
        self.client.get(page["url"], name=name)


class Applicant(Person):
    weight = 4
    role = "applicant"

    @task(3)
    def dashboard(self):
        self.open("applicant dashboard")

    @task
    def open_calls(self):
        self.client.get("/calls/", name="open calls")


class Reviewer(Person):
    weight = 2
    role = "reviewer1"

    @task
    def my_reviews(self):
        self.open("my reviews")


class Officer(Person):
    weight = 3
    role = "officer"

    @task(3)
    def proposals(self):
        self.open("proposals list")

    @task(2)
    def ranking(self):
        self.open("ranking")

    @task(2)
    def grants(self):
        self.open("grants list")

    @task(2)
    def pool(self):
        self.open("experts pool")

    @task
    def results(self):
        self.open("results dashboard")


class Donor(Person):
    weight = 1
    role = "donor"

    @task(3)
    def dashboard(self):
        self.open("donor dashboard")

    @task
    def report(self):
        if random.random() < 0.5:  # noqa: S311  (who clicks, not a secret)
            self.open("donor report PDF (closed period)")
