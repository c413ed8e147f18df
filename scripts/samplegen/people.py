"""Synthetic people, organisations, addresses and identifiers.

Every value is drawn from a ``random.Random`` passed in by the caller, so a fixed seed gives the
same people.  Phone numbers use the fictional 555-01xx block, e-mail addresses reserved domains
(``example.com``, ``.example``, ``.test``), SSNs the 9xx area the SSA never issues, and NPIs carry
a valid Luhn check digit (as real NPIs do) while being random.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

# (first, middle, last, gender) grouped by origin; a middle of "" means none.
NAMES: dict[str, list[tuple[str, str, str, str]]] = {
    "dutch": [
        ("Pieter", "J", "Achterberg", "M"),
        ("Femke", "", "Dijkstra", "F"),
        ("Joris", "W", "Verhoeven", "M"),
        ("Anouk", "M", "van der Meulen", "F"),
        ("Maarten", "", "Brouwer", "M"),
        ("Sanne", "E", "Hoekstra", "F"),
    ],
    "nigerian": [
        ("Chidinma", "N", "Okonkwo", "F"),
        ("Adaeze", "", "Okafor", "F"),
        ("Oluwaseun", "T", "Adeyemi", "M"),
        ("Babatunde", "", "Balogun", "M"),
        ("Ngozi", "A", "Eze", "F"),
        ("Emeka", "C", "Nwachukwu", "M"),
    ],
    "vietnamese": [
        ("Thi Mai", "", "Nguyen", "F"),
        ("Minh", "Q", "Truong", "M"),
        ("Bao", "", "Pham", "M"),
        ("Linh", "T", "Hoang", "F"),
        ("Quang", "D", "Vu", "M"),
        ("Thu", "", "Huynh", "F"),
    ],
    "irish": [
        ("Siobhan", "M", "Gallagher", "F"),
        ("Aoife", "", "Brennan", "F"),
        ("Declan", "P", "O'Sullivan", "M"),
        ("Ciaran", "", "Fitzgerald", "M"),
        ("Niamh", "R", "Byrne", "F"),
        ("Eamon", "", "Kavanagh", "M"),
    ],
    "hispanic": [
        ("Maria", "G", "Hernandez", "F"),
        ("Alejandro", "", "Ruiz", "M"),
        ("Lucia", "B", "Morales", "F"),
        ("José", "L", "Ramírez", "M"),
        ("Ximena", "", "Castillo", "F"),
        ("Rodrigo", "A", "Mendoza", "M"),
    ],
    "indian": [
        ("Priya", "", "Raghunathan", "F"),
        ("Arjun", "K", "Mehta", "M"),
        ("Kavita", "S", "Deshpande", "F"),
        ("Rohan", "", "Iyer", "M"),
        ("Sunita", "", "Venkataraman", "F"),
        ("Vikram", "N", "Chaudhary", "M"),
    ],
    "anglo": [
        ("John", "A", "Smithers", "M"),
        ("Rebecca", "L", "Hollis", "F"),
        ("Thomas", "", "Whitcombe", "M"),
        ("Margaret", "E", "Ashdown", "F"),
        ("Daniel", "R", "Pruitt", "M"),
        ("Caroline", "", "Beckwith", "F"),
    ],
    "east_asian": [
        ("Ji-woo", "", "Seo", "F"),
        ("Wei", "", "Zhang", "M"),
        ("Haruto", "", "Takahashi", "M"),
        ("Mei", "L", "Chen", "F"),
    ],
}

# People for samples added after the pool above ran out (the first samples use every surname in
# it): a separate list, so drawing from it leaves the earlier samples' draws as they were.
LATER_NAMES: list[tuple[str, str, str, str]] = [
    ("Marisol", "", "Quintanilla", "F"),
    ("Tobias", "R", "Lindqvist", "M"),
    ("Grainne", "", "Mulcahy", "F"),
    ("Kwame", "O", "Asante", "M"),
    ("Anjali", "", "Subramaniam", "F"),
    ("Dmitri", "", "Volkonsky", "M"),
]

# city, state abbreviation, state name, ZIP prefix, area codes
CITIES: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("Dallas", "TX", "Texas", "752", ("214", "469")),
    ("Plano", "TX", "Texas", "750", ("972",)),
    ("Houston", "TX", "Texas", "770", ("713", "832")),
    ("Columbus", "OH", "Ohio", "432", ("614",)),
    ("Chicago", "IL", "Illinois", "606", ("312", "773")),
    ("San Jose", "CA", "California", "951", ("408",)),
    ("Newark", "NJ", "New Jersey", "071", ("973",)),
    ("Atlanta", "GA", "Georgia", "303", ("404", "678")),
    ("Phoenix", "AZ", "Arizona", "850", ("602",)),
    ("Seattle", "WA", "Washington", "981", ("206",)),
    ("Denver", "CO", "Colorado", "802", ("303", "720")),
    ("Boston", "MA", "Massachusetts", "021", ("617",)),
    ("Minneapolis", "MN", "Minnesota", "554", ("612",)),
    ("Raleigh", "NC", "North Carolina", "276", ("919",)),
]

STREETS = [
    "Oak Hollow Drive", "Magnolia Lane", "Ridgecrest Road", "Harbor Point Boulevard",
    "West Alder Street", "Cedar Bluff Court", "Larkspur Avenue", "North Quarry Road",
    "Willow Bend Parkway", "Sycamore Trail", "Lakeshore Terrace", "Brookfield Way",
    "East Fulton Street", "Juniper Ridge Drive", "Old Mill Road", "Cypress Glen Circle",
]

BUSINESS_STREETS = [
    "Ross Avenue", "Market Street", "Peachtree Street NE", "Congress Avenue",
    "North Wacker Drive", "Commerce Parkway", "Technology Drive", "Enterprise Boulevard",
]

ORG_FIRST = [
    "Brightwater", "Kestrel", "Northgate", "Bluestem", "Ironwood", "Silverline", "Harborline",
    "Cobalt Ridge", "Lumen Ridge", "Meridian", "Tallgrass", "Redfern", "Stonebridge", "Copperleaf",
    "Fairhaven", "Westmark", "Halcyon", "Granite Peak",
]
ORG_SECOND = [
    "Analytics", "Freight", "Logistics", "Software", "Components", "Outdoor Equipment",
    "Therapeutics", "Medical Devices", "Data Systems", "Foods", "Industrial Supply", "Labs",
]
ORG_SUFFIX = ["Inc.", "LLC", "Corporation", "Inc.", "L.P.", "Holdings, Inc."]

EMAIL_DOMAINS = ["example.com", "mail.example", "inbox.test", "post.example"]


@dataclass(frozen=True)
class Person:
    """A synthetic person and the surface forms of their name."""

    first: str
    middle: str
    last: str
    gender: str

    @property
    def full(self) -> str:
        """``First M. Last`` (middle initial only if the person has one)."""
        mid = f" {self.middle}." if self.middle else ""
        return f"{self.first}{mid} {self.last}"

    @property
    def plain(self) -> str:
        """``First Last``."""
        return f"{self.first} {self.last}"

    @property
    def last_first(self) -> str:
        """``LAST, FIRST`` as patient banners print it."""
        return f"{self.last}, {self.first}".upper()

    @property
    def honorific(self) -> str:
        return "Mr." if self.gender == "M" else "Ms."

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "M" else "she"

    @property
    def objective(self) -> str:
        return "him" if self.gender == "M" else "her"

    @property
    def possessive(self) -> str:
        return "his" if self.gender == "M" else "her"


@dataclass(frozen=True)
class Address:
    """A one-line US postal address."""

    street: str
    city: str
    state: str
    state_name: str
    zip: str
    area_codes: tuple[str, ...]

    def line(self, long_state: bool = False) -> str:
        state = self.state_name if long_state else self.state
        return f"{self.street}, {self.city}, {state} {self.zip}"


@dataclass(frozen=True)
class Profile:
    """A person's personal details, the same in every document that mentions them."""

    address: Address
    dob: dt.date
    phone: str
    email: str


class Faker:
    """Draws synthetic values from one random generator, never repeating a surname."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._used_last: set[str] = set()
        self._used_org: set[str] = set()
        self._profiles: dict[Person, Profile] = {}

    def profile(self, person: Person) -> Profile:
        """Home address, date of birth, phone and e-mail of ``person`` (drawn once, then reused)."""
        if person not in self._profiles:
            address = self.home_address()
            dob = dt.date(self.rng.randint(1952, 1996), self.rng.randint(1, 12),
                          self.rng.randint(1, 28))
            self._profiles[person] = Profile(address, dob, self.phone(address, 0),
                                             self.email(person))
        return self._profiles[person]

    def person(self, origin: str | None = None, gender: str | None = None) -> Person:
        """A person whose surname is not yet used by this faker."""
        origins = [origin] if origin else sorted(NAMES)
        choices = [
            n for o in origins for n in NAMES[o]
            if n[2] not in self._used_last and (gender is None or n[3] == gender)
        ]
        if not choices:  # pools exhausted (long corpora): allow reuse
            choices = [n for o in origins for n in NAMES[o]]
        first, middle, last, g = self.rng.choice(choices)
        self._used_last.add(last)
        return Person(first, middle, last, g)

    def later_person(self) -> Person:
        """A person from :data:`LATER_NAMES` whose surname is not yet used by this faker."""
        first, middle, last, g = self.rng.choice(
            [n for n in LATER_NAMES if n[2] not in self._used_last] or LATER_NAMES)
        self._used_last.add(last)
        return Person(first, middle, last, g)

    def people(self, n: int) -> list[Person]:
        """``n`` people of different origins where possible."""
        origins = sorted(NAMES)
        self.rng.shuffle(origins)
        return [self.person(origins[i % len(origins)]) for i in range(n)]

    def home_address(self) -> Address:
        city, st, st_name, zp, areas = self.rng.choice(CITIES)
        street = f"{self.rng.randint(100, 9899)} {self.rng.choice(STREETS)}"
        if self.rng.random() < 0.25:
            street += f", Apt. {self.rng.randint(1, 40)}{self.rng.choice('ABCD')}"
        return Address(street, city, st, st_name, zp + f"{self.rng.randint(1, 99):02d}", areas)

    def business_address(self, city_name: str | None = None) -> Address:
        """An office address, in ``city_name`` if given (one of :data:`CITIES`)."""
        city, st, st_name, zp, areas = self.rng.choice(
            [c for c in CITIES if city_name in (None, c[0])])
        street = f"{self.rng.randint(100, 4999)} {self.rng.choice(BUSINESS_STREETS)}"
        street += f", Suite {self.rng.randint(1, 40) * 100}"
        return Address(street, city, st, st_name, zp + f"{self.rng.randint(1, 99):02d}", areas)

    def phone(self, address: Address | None = None, style: int | None = None) -> str:
        """A fictional 555-01xx number in one of three common layouts."""
        area = self.rng.choice(address.area_codes if address else ("214", "312", "617", "404"))
        line = f"01{self.rng.randint(0, 99):02d}"
        style = self.rng.randrange(3) if style is None else style
        return (f"({area}) 555-{line}", f"{area}-555-{line}", f"{area}.555.{line}")[style]

    def email(self, person: Person, domain: str | None = None) -> str:
        local = self.rng.choice([
            f"{person.first[0]}{person.last}", f"{person.first}.{person.last}",
            f"{person.first}{person.last[0]}",
        ])
        local = "".join(ch for ch in local.lower() if ch.isascii() and (ch.isalnum() or ch == "."))
        return f"{local}@{domain or self.rng.choice(EMAIL_DOMAINS)}"

    def organisation(self, second: str | None = None) -> tuple[str, str]:
        """A fictional company: (legal name, short name), e.g. ``Kestrel Freight, Inc.``."""
        free = [f for f in ORG_FIRST if f not in self._used_org] or ORG_FIRST
        short = self.rng.choice(free)
        self._used_org.add(short)
        suffix = self.rng.choice(ORG_SUFFIX)
        sep = ", " if suffix == "Inc." else " "
        return f"{short} {second or self.rng.choice(ORG_SECOND)}{sep}{suffix}", short

    def ssn(self) -> str:
        area, group, serial = (self.rng.randint(0, 99), self.rng.randint(10, 99),
                               self.rng.randint(1000, 9999))
        return f"9{area:02d}-{group}-{serial}"

    def npi(self) -> str:
        return npi_with_check_digit(f"{self.rng.choice('12')}{self.rng.randint(0, 10**8 - 1):08d}")

    def mrn(self) -> str:
        return f"{self.rng.randint(0, 10**8 - 1):08d}"

    def member_id(self) -> str:
        letters = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        return f"{letters}{self.rng.randint(10**8, 10**9 - 1)}"

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))


def luhn_ok(number: str) -> bool:
    """True if the digit string passes the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def npi_with_check_digit(base9: str) -> str:
    """Append the NPI check digit: Luhn over the ``80840`` prefix plus the nine digits."""
    for d in "0123456789":
        if luhn_ok("80840" + base9 + d):
            return base9 + d
    raise AssertionError("unreachable: one digit always satisfies Luhn")
