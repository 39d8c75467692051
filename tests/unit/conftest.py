"""Fixtures shared by the unit tests: the local web site (127.0.0.1 only) of the fetch tests."""

from tests.unit.test_fetch import site  # noqa: F401 - a fixture, found by pytest by name
