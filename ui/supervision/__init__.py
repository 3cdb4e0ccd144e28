"""Supervision screens: the team's supervision for a coordinator or service manager, a
person's own supervision records to acknowledge, and the manager's quality reviews."""
