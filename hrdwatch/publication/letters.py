"""The call to action moved to ``hrdwatch.advocacy.letters`` (letters, authorities, CLDR grammar)."""

from hrdwatch.advocacy.letters import Letter, Recipient, letter_for, recipients_for

__all__ = ["Letter", "Recipient", "letter_for", "recipients_for"]
