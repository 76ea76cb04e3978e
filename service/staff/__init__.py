"""The 211 staff console (`/staff`)."""

from service.staff.console import console

__all__ = ["console"]
