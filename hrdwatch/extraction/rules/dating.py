"""When an event happened, and for how long a person was sentenced: the date written nearest
the event word, carried from the sentence before, or the publication date of a news lead."""

from __future__ import annotations

import datetime as dt

from hrdwatch.extraction.rules import clauses
from hrdwatch.extraction.rules.events import Trigger
from hrdwatch.extraction.rules.people import Mention
from hrdwatch.extraction.rules.segment import Item
from hrdwatch.extraction.rules.when import DateMention


class Dating:
    """Dates and terms of an item's events (mixed into ``engine.ItemReader``)."""

    text: str
    item: Item
    base: dt.date | None
    first_item: bool
    dates: list[list[DateMention]]
    triggers: list[list[Trigger]]

    def _date_for(self, index: int, trigger: Trigger) -> str | None:
        """The date written nearest the event word in its sentence (after it preferred)."""
        best: tuple[int, DateMention] | None = None
        for mention in self.dates[index]:
            if mention.value is None or mention.posted:
                continue
            start, end = mention.start, mention.end
            if mention.since and not set(trigger.types) & clauses.ONGOING:
                continue
            if start >= trigger.end:
                distance = start - trigger.end
            else:
                distance = (trigger.start - end) * 2 + 10
            # A date nearer another event word of the sentence belongs to that one first.
            if any(
                self._gap(mention, other) < self._gap(mention, trigger)
                for other in self.triggers[index]
            ):
                distance += 100
            if best is None or distance < best[0]:
                best = (distance, mention)
        return best[1].value if best else None

    def _carried_date(self, index: int, trigger: Trigger) -> str | None:
        """An undated event told again right after a dated one of the same type ("On 5 April
        the court sentenced A. B received nine years.") takes its date, within the paragraph."""
        paragraph = self.item.sentences[index].paragraph
        for previous in range(index - 1, max(-1, index - 3), -1):
            if self.item.sentences[previous].paragraph != paragraph:
                break
            for other in self.triggers[previous]:
                if set(other.types) & set(trigger.types):
                    date = self._date_for(previous, other)
                    if date:
                        return date
        return None

    def _lead_date(self, index: int) -> str | None:
        """News leads tell what "has" just happened: such an event is dated by publication."""
        if self.base is None or not self.first_item or index > 2:
            return None
        sentence = self.item.sentences[index]
        if clauses.JUST_HAPPENED.search(self.text, sentence.start, sentence.end):
            return self.base.isoformat()
        return None

    @staticmethod
    def _gap(date: DateMention, trigger: Trigger) -> int:
        if date.start >= trigger.end:
            return date.start - trigger.end
        return (trigger.start - date.end) * 2 + 10

    def _term_for(
        self, mention: Mention | None, terms: list[tuple[int, int, int]], trigger: Trigger
    ) -> int | None:
        """The term written after the person's name (each co-defendant's own), else after the
        event word."""
        if not terms:
            return None
        if mention is not None:
            following = [t for t in terms if t[0] >= mention.end]
            if following:
                return following[0][2]
        after = [t for t in terms if t[0] >= trigger.start]
        return (after or terms)[0][2]
