"""The rule extractor's reasoning: who in an item is a victim, and what happened to them when.

A person is a victim only on structural evidence in a sentence: the person is the one an event
word acts on ("X was arrested", "police detained X", "the release of X", "detained lawyer X",
"X, who disappeared in 2004"). A person who only speaks, is credited, holds an office, or is
someone's lawyer is mentioned, not a victim. Precision is favoured over recall: a missed person
costs a reviewer a search, a wrong one costs trust in the queue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hrdwatch.extraction.rules import clauses, places
from hrdwatch.extraction.rules.charges import find_charges
from hrdwatch.extraction.rules.dating import Dating
from hrdwatch.extraction.rules.events import Trigger, find_terms, find_triggers
from hrdwatch.extraction.rules.names import other_forms
from hrdwatch.extraction.rules.nocase import near_trigger
from hrdwatch.extraction.rules.people import Mention, Person, group_people
from hrdwatch.extraction.rules.reading import Reading
from hrdwatch.extraction.rules.segment import Item, Sentence
from hrdwatch.extraction.rules.when import DateMention, find_dates
from hrdwatch.extraction.schema import ExtractedEvent, ExtractedVictim


def _better_date(current: str | None, candidate: str | None) -> str | None:
    """Keep the first date found, unless the candidate says the same more precisely."""
    if not current:
        return candidate
    if candidate and len(candidate) > len(current) and candidate.startswith(current):
        return candidate
    return current


@dataclass
class Claim:
    """What one sentence says about one person."""

    index: int
    sentence: Sentence
    mention: Mention | None
    triggers: list[Trigger]


@dataclass
class Assessment:
    """Everything gathered about a person before the victim decision."""

    person: Person
    strong: int = 0
    speaker: int = 0
    official: bool = False
    claims: list[Claim] = field(default_factory=list)
    borrowed: set[int] = field(default_factory=set)


def _masked(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """``text[start:end]`` with other names replaced by NAME, so patterns can step over lists."""
    pieces = []
    cursor = start
    for mention in mentions:
        if mention.end <= start or mention.start >= end:
            continue
        pieces.append(text[cursor : max(cursor, mention.start)])
        pieces.append("NAME")
        cursor = max(cursor, mention.end)
    pieces.append(text[cursor:end])
    return "".join(pieces)


def _share_verdict_date(events: dict[str, ExtractedEvent]) -> None:
    """A conviction and its sentence are one verdict: each takes the other's date if it has none."""
    if "conviction" in events and "sentence" in events:
        conviction, sentence_event = events["conviction"], events["sentence"]
        conviction.date = _better_date(conviction.date, sentence_event.date)
        sentence_event.date = _better_date(sentence_event.date, conviction.date)


def _confidence(assessment: Assessment) -> float:
    """How sure the rules are: more sentences showing the person persecuted raise it; a person
    who also speaks, or whose name was found without capitals, lowers it."""
    score = 0.55 + 0.1 * min(assessment.strong - 1, 2)
    if assessment.speaker:
        score -= 0.15
    if assessment.borrowed:
        score -= 0.05
    return score


def _role_of(match_text: str) -> str:
    for pattern, role in clauses.ROLE_CODES:
        if pattern.fullmatch(match_text):
            return role
    return "human rights defender"


class ItemReader(Dating):
    """Reads one item of a document: people, their victim status and their events."""

    def __init__(
        self,
        text: str,
        item: Item,
        reading: Reading,
        base: dt.date | None,
        countries: list[places.CountryMention],
        fallback_country: str | None,
        first_item: bool = True,
    ) -> None:
        self.text = text
        self.reading = reading
        self.first_item = first_item
        self.item = item
        self.base = base
        self.countries = countries
        self.fallback_country = fallback_country
        self.mentions: list[Mention] = []
        self.victim_numbers: set[int] = set()
        self.by_sentence: list[list[Mention]] = []
        for sentence in item.sentences:
            found = [
                m
                for m in reading.find(text, sentence.start, sentence.end)
                if not clauses.NOT_PERSON.match(text, m.end, min(m.end + 40, sentence.end))
            ]
            self.by_sentence.append(found)
            self.mentions.extend(found)
        self.people = group_people(text, self.mentions, reading.form, reading.whole)
        # A place word inside a person's name ("Carlos Lima") says nothing about the country.
        self.countries = [
            c
            for c in countries
            if not any(m.person >= 0 and m.start <= c.start < m.end for m in self.mentions)
        ]
        self.triggers = [find_triggers(text, s.start, s.end) for s in item.sentences]
        self.dates = self._dates_by_sentence()
        if self.base is None:
            # A listing item's "posted on" date anchors its relative dates.
            posted = [d for dates in self.dates[:2] for d in dates if d.posted and d.value]
            if posted and len(posted[0].value or "") == 10:
                self.base = dt.date.fromisoformat(posted[0].value or "")
                self.dates = self._dates_by_sentence()
        self.terms = [find_terms(text, s.start, s.end) for s in item.sentences]
        self.charges = [find_charges(text[s.start : s.end]) for s in item.sentences]

    def _dates_by_sentence(self) -> list[list[DateMention]]:
        """Dates of the item, found in one pass, offsets made absolute, grouped by sentence."""
        found = find_dates(self.text[self.item.start : self.item.end], self.base)
        grouped: list[list[DateMention]] = [[] for _ in self.item.sentences]
        for mention in found:
            start = mention.start + self.item.start
            for index, sentence in enumerate(self.item.sentences):
                if sentence.start <= start < sentence.end:
                    grouped[index].append(
                        DateMention(
                            start,
                            mention.end + self.item.start,
                            mention.value,
                            mention.since,
                            mention.posted,
                        )
                    )
                    break
        return grouped

    def _assess_mention(self, assessment: Assessment, index: int, mention: Mention) -> bool:
        """Record cues about the person at this mention; True when it shows them persecuted."""
        sentence = self.item.sentences[index]
        if mention.modifier:
            return False
        if self.reading.proximity is not None:
            verdict = near_trigger(
                self.text,
                mention,
                (sentence.start, sentence.end),
                self.triggers[index],
                self.reading.proximity,
            )
            assessment.official |= verdict == "official"
            assessment.speaker += verdict == "speaker"
            return verdict == "victim"
        others = [m for m in self.by_sentence[index] if m is not mention]
        before = _masked(self.text, max(sentence.start, mention.start - 320), mention.start, others)
        after = _masked(self.text, mention.end, min(sentence.end, mention.end + 240), others)
        if clauses.OFFICIAL_BEFORE.search(before):
            assessment.official = True
        if (
            clauses.SPEAKS_AFTER.match(after)
            or clauses.SPEECH_BEFORE.search(before)
            or clauses.POSSESSED_BEFORE.search(before)
        ):
            assessment.speaker += 1
            return False
        if self.triggers[index] and (
            clauses.PASSIVE.match(after)
            or clauses.HEADLINE_PARTICIPLE.match(after)
            or clauses.RELATIVE.match(after)
            or clauses.STATUS.match(after)
            or clauses.RECEIVED_TERM.match(after)
            or clauses.DIED.match(after)
            or clauses.OBJECT_BEFORE.search(before)
            or (
                clauses.ELLIPTIC_TERM.match(after)
                and any("sentence" in t.types for t in self.triggers[index])
            )
        ):
            return True
        if self._verb_final(index, mention, after):
            return True
        recent = [i for i in range(max(0, index - 3), index + 1) if self.triggers[i]]
        if recent and clauses.GROUP_INTRO.search(before):
            assessment.borrowed.update(recent)
            return True
        return False

    def _verb_final(self, index: int, mention: Mention, after: str) -> bool:
        """Verb-final languages: the person named before the event word of the clause, nobody
        speaking in between ("Gazeteci X ... gözaltına alındı")."""
        window = self.reading.verb_final
        if not window:
            return False
        for trigger in self.triggers[index]:
            gap = trigger.start - mention.end
            if (
                trigger.types
                and 0 <= gap <= window
                and not clauses.SPEECH_INSIDE.search(after[:gap])
            ):
                return True
        return False

    def _roles(self, assessment: Assessment) -> list[str]:
        roles: list[str] = []
        for mention in assessment.person.mentions:
            window_before = self.text[max(0, mention.start - 60) : mention.start]
            window_after = self.text[mention.end : mention.end + 60]
            found = list(clauses.ROLE.finditer(window_before))
            if found:
                roles.append(_role_of(found[-1].group()))
            after = clauses.ROLE_AFTER.match(window_after)
            if after:
                last = list(clauses.ROLE.finditer(after.group()))[-1]
                roles.append(_role_of(last.group()))
        return list(dict.fromkeys(roles))

    def victims(self) -> list[tuple[Person, list[Claim]]]:
        """The item's victims in order of first mention, with the sentences about each."""
        assessments = [Assessment(person) for person in self.people]
        for index, mentions in enumerate(self.by_sentence):
            linked = [m for m in mentions if m.person >= 0]
            shown = [self._assess_mention(assessments[m.person], index, m) for m in linked]
            self._spread_along_lists(linked, shown, mentions)
            for mention, strong in zip(linked, shown, strict=True):
                assessments[mention.person].strong += strong
        chosen = [
            number
            for number, assessment in enumerate(assessments)
            if not assessment.official
            and assessment.strong > 0
            and (self.reading.whole or len(assessment.person.name.split()) >= 2)
            and not assessment.person.titles
            & {"judge", "president", "minister", "king", "general", "prosecutor"}
        ]
        self.victim_numbers = set(chosen)
        self.confidence = {number: _confidence(assessments[number]) for number in chosen}
        return [
            (assessments[number].person, self._claims(number, assessments[number].borrowed))
            for number in chosen
        ]

    def _spread_along_lists(
        self, mentions: list[Mention], shown: list[bool], masks: list[Mention]
    ) -> None:
        """Names listed together ("A, lawyer B and C were ...") share what the list says."""
        changed = True
        while changed:
            changed = False
            for i in range(len(mentions) - 1):
                if shown[i] == shown[i + 1] or mentions[i].modifier or mentions[i + 1].modifier:
                    continue
                between = _masked(self.text, mentions[i].end, mentions[i + 1].start, masks)
                if len(between) < 120 and clauses.LIST_JOIN.match(between):
                    shown[i] = shown[i + 1] = True
                    changed = True

    def _claims(self, person_index: int, borrowed: set[int]) -> list[Claim]:
        """Sentences whose events belong to the person: named, pronoun, group reference, or the
        sentence that introduced the group the person was listed in."""
        claims: list[Claim] = []
        last_person: int | None = None
        for index, sentence in enumerate(self.item.sentences):
            mentions = [m for m in self.by_sentence[index] if m.person >= 0]
            own = [m for m in mentions if m.person == person_index]
            named_victims = [m for m in mentions if m.person in self.victim_numbers]
            triggers = self.triggers[index]
            if own:
                claims.append(
                    Claim(index, sentence, own[0], self._triggers_for(index, own, mentions))
                )
            elif index in borrowed:
                claims.append(Claim(index, sentence, None, triggers))
            elif triggers and not named_victims:
                head = self.text[sentence.start : sentence.start + 40]
                if last_person == person_index and clauses.SINGULAR_REF.match(head):
                    claims.append(Claim(index, sentence, None, triggers))
                elif clauses.PLURAL_REF.search(self.text[sentence.start : sentence.end]):
                    # A group named as the subject shares more than a group mentioned in passing.
                    subject = clauses.PLURAL_REF.search(
                        self.text, sentence.start, min(sentence.end, sentence.start + 60)
                    )
                    excluded = (
                        {"harassment"} if subject else {"harassment", "torture", "travel_ban"}
                    )
                    shared = [t for t in triggers if not excluded & set(t.types)]
                    claims.append(Claim(index, sentence, None, shared))
            if mentions:
                last_person = mentions[-1].person
        claims.sort(key=lambda claim: claim.mention is None)
        return claims

    def _triggers_for(
        self, index: int, own: list[Mention], mentions: list[Mention]
    ) -> list[Trigger]:
        """Event words in the sentence closer to this person than to anyone else named there."""
        others = [m for m in mentions if m.person != own[0].person]
        if not others:
            return self.triggers[index]
        kept = []
        for trigger in self.triggers[index]:
            mine = min(self._distance(trigger, m, mentions) for m in own)
            theirs = min(self._distance(trigger, m, mentions) for m in others)
            if mine <= theirs:
                kept.append(trigger)
        return kept

    def _distance(self, trigger: Trigger, mention: Mention, mentions: list[Mention]) -> int:
        """Characters between an event word and a name, with lists of names counted as one block."""
        start, end = mention.start, mention.end
        ordered = sorted(mentions, key=lambda m: m.start)
        for other in ordered:
            if (
                other.start >= end
                and clauses.JOINER.match(self.text[end : other.start])
                and other.start - end < 60
            ):
                end = other.end
        for other in reversed(ordered):
            if (
                other.end <= start
                and clauses.JOINER.match(self.text[other.end : start])
                and start - other.end < 60
            ):
                start = other.start
        if trigger.start >= end:
            return trigger.start - end
        if trigger.end <= start:
            return start - trigger.end + 15
        return 0

    def build(self, person: Person, claims: list[Claim]) -> ExtractedVictim:
        """The victim record: events with dates, terms, charges, places and evidence spans."""
        events: dict[str, ExtractedEvent] = {}
        for claim in claims:
            sentence = claim.sentence
            index = claim.index
            terms, charges = self.terms[index], self.charges[index]
            place = clauses.PLACE.search(self.text, sentence.start, sentence.end)
            for trigger in claim.triggers:
                date = (
                    self._date_for(index, trigger)
                    or self._carried_date(index, trigger)
                    or self._lead_date(index)
                )
                for event_type in trigger.types:
                    event = events.get(event_type)
                    if event is None:
                        event = events[event_type] = ExtractedEvent.model_validate(
                            {"type": event_type}
                        )
                    span = (trigger.start, trigger.end)
                    if span not in event.evidence:
                        event.evidence.append(span)
                    event.date = _better_date(event.date, date)
                    if event_type == "sentence" and event.sentence_months is None:
                        event.sentence_months = self._term_for(claim.mention, terms, trigger)
                    if event_type in {"charge", "conviction", "sentence", "trial"}:
                        for _, _, wording in charges:
                            if wording not in event.charges:
                                event.charges.append(wording)
                    if (
                        place
                        and not event.place
                        and event_type in {"detention", "torture", "death_in_custody"}
                    ):
                        event.place = place.group().strip()
        _share_verdict_date(events)
        assessment_roles = self._roles(Assessment(person))
        confidence = self.confidence.get(self.people.index(person), 0.5)
        confidence += 0.05 * (any(e.date for e in events.values()) + bool(assessment_roles))
        return ExtractedVictim(
            name=person.name,
            aliases=other_forms(person.name, person.aliases, self.reading.language),
            confidence=round(min(confidence, 0.95), 2),
            country=self._country(person, claims),
            roles=assessment_roles,
            events=list(events.values()),
        )

    def _country(self, person: Person, claims: list[Claim]) -> str | None:
        for claim in claims:
            code = places.vote(self.countries, claim.sentence.start, claim.sentence.end)
            if code:
                return code
        paragraphs = {claim.sentence.paragraph for claim in claims}
        for sentence in self.item.sentences:
            if sentence.paragraph in paragraphs:
                code = places.vote(self.countries, sentence.start, sentence.end)
                if code:
                    return code
        return (
            places.vote(self.countries, self.item.start, self.item.end)
            or self.fallback_country
            or places.vote(self.countries, self.item.start, self.item.end, minimum=0)
        )
