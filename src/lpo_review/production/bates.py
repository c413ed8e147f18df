"""Bates numbers: a prefix and a zero-padded counter that runs on across a production."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BatesCounter:
    """Hands out consecutive Bates numbers (``ABC000001``, ``ABC000002``...)."""

    prefix: str
    next_number: int = 1
    padding: int = 6

    def format(self, number: int) -> str:
        digits = str(number).zfill(self.padding)
        if len(digits) > self.padding:
            raise ValueError(f"Bates number {number} does not fit in {self.padding} digits")
        return f"{self.prefix}{digits}"

    def take(self, pages: int) -> list[str]:
        """The numbers of the next ``pages`` pages."""
        numbers = [self.format(self.next_number + i) for i in range(pages)]
        self.next_number += pages
        return numbers
