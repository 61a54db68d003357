"""The demo's training report reads as a real programme would: people took days, not 0."""

import datetime
import io

import pytest
from django.utils import timezone

from courses.demo import seed
from courses.models import Enrolment
from home.demo import seed as home_seed
from people.demo import seed as people_seed
from reports.training import training_report

pytestmark = pytest.mark.django_db


def test_the_demo_median_days_to_complete_is_not_zero():
    people_seed(stdout=io.StringIO())
    home_seed(stdout=io.StringIO())
    seed(stdout=io.StringIO())
    # Nobody in the demo finished before they were enrolled (the report leaves those out).
    completed = Enrolment.objects.filter(completed_at__isnull=False)
    assert completed.count() > 10
    assert all(e.completed_at >= e.enrolled_at for e in completed)
    today = timezone.localdate()
    report = training_report(start=today - datetime.timedelta(days=400), end=today)
    basic = next(r for r in report.tables[0].rows if r["course"] == "Social media basic training")
    assert basic["median_days"] and basic["median_days"] > 0.5
