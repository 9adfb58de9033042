"""The default cache without REDIS_URL: files under var/cache, shared by every process of one machine.

Django's FileBasedCache, with two changes the page cache needs when several gunicorn workers and
cron's ``publish_scheduled`` share it:

- ``add()`` is atomic across processes (the entry is written to a temporary file and linked into
  place, which fails if the key exists), so the page cache's fill lock lets one process render;
- ``raise_to()`` keeps the larger of a stored number and a new one under a lock file (the replica
  fence must never move back when two processes record a change at once);
- old entries are culled on one write in ``CULL_EVERY`` instead of listing the directory on every
  write (a version bump of many keys would otherwise list it once per key).
"""

import fcntl
import os
import pickle
import tempfile
import zlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 50


class SharedFileCache(FileBasedCache):
    _writes = 0

    def _cull(self):
        SharedFileCache._writes += 1
        if SharedFileCache._writes % CULL_EVERY == 1:
            super()._cull()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        fname = self._key_to_file(key, version)
        self._createdir()
        for _attempt in range(2):
            fd, tmp_path = tempfile.mkstemp(dir=self._dir)
            try:
                with open(fd, "wb") as f:
                    expiry = self.get_backend_timeout(timeout)
                    f.write(pickle.dumps(expiry, self.pickle_protocol))
                    f.write(zlib.compress(pickle.dumps(value, self.pickle_protocol)))
                try:
                    os.link(tmp_path, fname)
                    return True
                except FileExistsError:
                    pass
            finally:
                os.remove(tmp_path)
            # Taken, unless the entry there has expired (reading it then removes it): try once more.
            try:
                with open(fname, "rb") as f:
                    if not self._is_expired(f):
                        return False
            except FileNotFoundError:
                pass
        return False

    def raise_to(self, key, value: int, version=None) -> int:
        """Keep the larger of the stored number and ``value`` under ``key`` (no expiry); atomic
        across the processes of this machine. Returns the number now stored."""
        self._createdir()
        with open(os.path.join(self._dir, "raise.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                current = self.get(key, version=version)
                stored = max(int(value), int(current or 0))
                if stored != current:
                    self.set(key, stored, timeout=None, version=version)
                return stored
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
