"""Lecture rooms: a lecturer moves a class through a lesson; students follow, vote, and see the reveal.

Where votes live: in this process's memory. A lecture lasts an hour and its votes are anonymous and disposable;
a restart of the Space drops every student's connection anyway, and a Space's disk is wiped by a rebuild, so a
SQLite file would keep rooms nobody can reach. Memory keeps a vote a dictionary write (the bars refresh every
second). Everything here is bounded: rooms, voters per room, tries per client.

Who may do what:
- the lecturer's calls need the key in LAB_LECTURER_KEY (a Space secret), compared in constant time; without
  that variable no lecturer call succeeds;
- a student joins with the room's code (6 letters from 31: about 900 million codes; a client that misses
  MAX_MISSES times in a minute is refused for the rest of it) and gets a voter token the server signed, so
  a vote cannot be forged or counted twice: one token, one vote per step, changeable until the reveal;
- votes are taken only for the room's current step, before its reveal, and at most VOTES_PER_MINUTE per token.
"""
from __future__ import annotations

import collections
import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

KEY_VARIABLE = "LAB_LECTURER_KEY"
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I/L: read off a projector
CODE_LENGTH = 6
MAX_ROOMS = 100
MAX_VOTERS = 500
ROOM_IDLE_S = 6 * 3600
MAX_MISSES = 10
VOTES_PER_MINUTE = 30


class RoomError(Exception):
    """A refused room call; `key` names its sentence in demo/texts/lessons.py (room_<key>)."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


@dataclass
class Room:
    lesson: int = 0
    step: int = 0
    revealed: bool = False
    version: int = 0
    touched: float = field(default_factory=time.monotonic)
    voters: set = field(default_factory=set)
    votes: dict = field(default_factory=dict)   # (lesson, step) -> {voter: option}

    def public(self) -> dict:
        return {"lesson": self.lesson, "step": self.step, "revealed": self.revealed, "version": self.version}


class Rooms:
    def __init__(self, clock=time.monotonic):
        self._rooms: dict[str, Room] = {}
        self._lock = threading.Lock()
        self._secret = secrets.token_bytes(32)   # tokens die with the process, as its rooms do
        self._clock = clock
        self._misses: dict[str, collections.deque] = collections.defaultdict(collections.deque)
        self._votes: dict[str, collections.deque] = collections.defaultdict(collections.deque)

    # The lecturer's calls -------------------------------------------------------------------------------------

    def check_key(self, key: str | None) -> None:
        expected = os.environ.get(KEY_VARIABLE, "")
        if not expected:
            raise RoomError("lecture_off")
        if not isinstance(key, str) or not hmac.compare_digest(key.encode(), expected.encode()):
            raise RoomError("wrong_key")

    def open(self, key: str | None) -> str:
        self.check_key(key)
        with self._lock:
            self._forget_idle()
            if len(self._rooms) >= MAX_ROOMS:
                raise RoomError("full")
            code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
            self._rooms[code] = Room(touched=self._clock())
            return code

    def go(self, code: str, key: str | None, lesson: int, step: int) -> dict:
        self.check_key(key)
        with self._lock:
            room = self._room(code)
            room.lesson, room.step, room.revealed = int(lesson), int(step), False
            room.version, room.touched = room.version + 1, self._clock()
            return room.public()

    def reveal(self, code: str, key: str | None) -> dict:
        self.check_key(key)
        with self._lock:
            room = self._room(code)
            room.revealed = True
            room.version, room.touched = room.version + 1, self._clock()
            return room.public()

    def counts(self, code: str, key: str | None, options: int) -> dict:
        """The current step's votes: {'counts' per option, 'voters' in the room, and the room's state}."""
        self.check_key(key)
        with self._lock:
            room = self._room(code)
            ballots = room.votes.get((room.lesson, room.step), {}).values()
            counts = [sum(1 for option in ballots if option == i) for i in range(options)]
            return {**room.public(), "counts": counts, "voters": len(room.voters)}

    # Everyone's calls -----------------------------------------------------------------------------------------

    def status(self, code: str, client: str = "") -> dict:
        with self._lock:
            return self._room(code, client).public()

    def join(self, code: str, client: str = "", token: str | None = None) -> str:
        """A voter token for `code` (the same one back if `token` is already this room's)."""
        with self._lock:
            room = self._room(code, client)
            voter = self._voter(code, token)
            if voter is None:
                if len(room.voters) >= MAX_VOTERS:
                    raise RoomError("full")
                voter = secrets.token_hex(8)
                token = f"{code}.{voter}.{self._sign(code, voter)}"
            room.voters.add(voter)
            return token

    def vote(self, code: str, token: str | None, lesson: int, step: int, option: int, options: int,
             client: str = "") -> None:
        with self._lock:
            room = self._room(code, client)
            voter = self._voter(code, token)
            if voter is None or voter not in room.voters:
                raise RoomError("not_joined")
            if (int(lesson), int(step)) != (room.lesson, room.step):
                raise RoomError("other_step")
            if room.revealed:
                raise RoomError("revealed")
            if not isinstance(option, int) or isinstance(option, bool) or not 0 <= option < options:
                raise RoomError("bad_option")
            if not self._within_rate(self._votes[voter], VOTES_PER_MINUTE):
                raise RoomError("too_fast")
            room.votes.setdefault((room.lesson, room.step), {})[voter] = option
            room.touched = self._clock()

    # Inside ---------------------------------------------------------------------------------------------------

    def _room(self, code, client: str = "") -> Room:
        misses = self._misses[client]
        if client and len(misses) >= MAX_MISSES and self._clock() - misses[0] < 60:
            raise RoomError("too_many_tries")
        room = self._rooms.get(code) if isinstance(code, str) else None
        if room is None:
            if client:
                self._within_rate(misses, MAX_MISSES)
            raise RoomError("unknown_room")
        return room

    def _within_rate(self, times: collections.deque, per_minute: int) -> bool:
        now = self._clock()
        while times and now - times[0] >= 60:
            times.popleft()
        if len(times) >= per_minute:
            return False
        times.append(now)
        return True

    def _sign(self, code: str, voter: str) -> str:
        return hmac.new(self._secret, f"{code}.{voter}".encode(), hashlib.sha256).hexdigest()[:24]

    def _voter(self, code: str, token) -> str | None:
        if not isinstance(token, str) or token.count(".") != 2:
            return None
        token_code, voter, signature = token.split(".")
        if token_code != code or not hmac.compare_digest(signature, self._sign(code, voter)):
            return None
        return voter

    def _forget_idle(self) -> None:
        now = self._clock()
        for code in [code for code, room in self._rooms.items() if now - room.touched > ROOM_IDLE_S]:
            del self._rooms[code]
        if len(self._misses) > 10_000:   # one entry per client that ever missed: kept bounded
            self._misses.clear()


ROOMS = Rooms()
