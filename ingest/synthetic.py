"""Synthetic accounts of any size, for benchmarks and large-map tests.

Not demo data: names are plain ("联系人 0042"), structure is regular. One
company with ``contacts`` people in a five-level reporting tree (about one
manager per six people), ``contacts`` influence edges, ten reps who know
about a fifth of the people, two touches per relationship and two competitors.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from graph.domain.fields import Record
from graph.domain.model import Company, Competitor, CompetitorRelationship, Contact, Influence, Relationship, Rep, Touch

__all__ = ["synthetic_account", "synthetic_csv"]

_ROLES = ("unknown", "unknown", "user", "influencer", "technical_evaluator", "champion", "blocker")
_STANCES = ("unknown", "neutral", "supporter", "opponent")
_KINDS = ("advice", "informal", "friend", "former_colleague", "other")


def synthetic_account(
    contacts: int, company_id: str = "co-syn", seed: int = 1, today: dt.date = dt.date(2026, 11, 1)
) -> list[Record]:
    """Records for one company with ``contacts`` people and everything around them.

    >>> records = synthetic_account(50)
    >>> sum(isinstance(r, Contact) for r in records)
    50
    """
    rng = random.Random(seed)
    records: list[Record] = [Company(id=company_id, name=f"Synthetic {contacts}", tier=1, employees=contacts * 10)]
    people: list[Contact] = []
    by_level: dict[int, list[str]] = {}
    for number in range(contacts):
        level = 1 if number == 0 else min(5, 2 + int(number / max(contacts / 4, 1)))
        managers = by_level.get(level - 1, [])
        role = (
            "economic_buyer" if number == 0 else "decision_maker" if level == 2 and number < 4 else rng.choice(_ROLES)
        )
        people.append(
            Contact(
                id=f"{company_id}-p{number:05d}",
                name=f"联系人 {number:05d}",
                company_id=company_id,
                title="总经理" if number == 0 else f"L{level} 职员",
                level=level,
                reports_to=(managers[(number * 7) % len(managers)],) if managers else (),
                buying_role=role,
                stance=rng.choice(_STANCES),
            )
        )
        by_level.setdefault(level, []).append(people[-1].id)
    records.extend(people)
    seen: set[tuple[str, str, str]] = set()
    for _ in range(contacts):
        a, b = rng.sample(people, 2)
        kind = rng.choice(_KINDS)
        if (a.id, b.id, kind) not in seen:
            seen.add((a.id, b.id, kind))
            records.append(Influence(from_id=a.id, to_id=b.id, kind=kind, weight=round(rng.uniform(0.1, 1.0), 2)))
    reps = [Rep(id=f"{company_id}-rep{n}", name=f"Rep {n}") for n in range(10)]
    records.extend(reps)
    for person in rng.sample(people, max(1, contacts // 5)):
        rep = rng.choice(reps)
        records.append(
            Relationship(
                rep_id=rep.id,
                contact_id=person.id,
                closeness=rng.randint(1, 5),
                solution_acceptance=rng.randint(1, 5),
                price_acceptance=rng.randint(1, 5),
            )
        )
        for days in rng.sample(range(1, 500), 2):
            records.append(
                Touch(date=today - dt.timedelta(days=days), rep_id=rep.id, contact_id=person.id, kind="call")
            )
    records.append(Competitor(id=f"{company_id}-rival", name="Rival"))
    for person in rng.sample(people, max(1, contacts // 20)):
        records.append(CompetitorRelationship(competitor_id=f"{company_id}-rival", contact_id=person.id, strength=4))
    return records


def synthetic_csv(folder: Path, contacts: int, seed: int = 3) -> int:
    """Write companies.csv, contacts.csv and influence.csv for a large import; return the data rows written.

    Streams to disk, so a million contacts need no memory to speak of.
    """
    rng = random.Random(seed)
    (folder / "companies.csv").write_text("id,name,tier\nco-bench,Bench Co,1\n", encoding="utf-8")
    with open(folder / "contacts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "company_id", "level", "reports_to", "phone"])
        for n in range(contacts):
            manager = f"p{(n - 1) // 6}" if n else ""
            level = 1 if n == 0 else min(1 + len(str(n)), 9)
            writer.writerow([f"p{n}", f"联系人{n}", "co-bench", level, manager, f"13{n:09d}"])
    with open(folder / "influence.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["from_id", "to_id", "kind", "weight"])
        for n in range(2 * contacts):
            a, b = rng.randrange(contacts), rng.randrange(contacts)
            if a != b:
                writer.writerow([f"p{a}", f"p{b}", "advice" if n % 2 else "friend", round(rng.random(), 2)])
    return 1 + contacts + 2 * contacts
