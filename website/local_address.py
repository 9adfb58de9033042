"""The address ``make run`` serves (``HOST:PORT``, as runserver takes it) as a reader types it."""

import errno
import re
import socket
from dataclasses import dataclass

# The forms runserver accepts: "8001", "127.0.0.1:8001", "localhost:8001", "[::1]:8001".
ADDRESS = re.compile(r"^(?:(?P<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):)?(?P<port>\d+)$")
EVERY_INTERFACE = {"0.0.0.0", "[::]", "0"}  # noqa: S104 (recognised, not chosen: HOST is the user's)


class AddressError(ValueError):
    """An address that cannot be served; the message is one line for the command."""


@dataclass(frozen=True)
class LocalAddress:
    host: str
    port: int

    @property
    def url(self) -> str:
        """What to open in a browser: an address on every interface is opened as 127.0.0.1."""
        host = "127.0.0.1" if self.host in EVERY_INTERFACE else self.host
        return f"http://{host}:{self.port}/"

    @property
    def everywhere(self) -> bool:
        return self.host in EVERY_INTERFACE


def parse_address(text: str) -> LocalAddress:
    match = ADDRESS.match((text or "").strip())
    if not match:
        raise AddressError(f"“{text}” is not an address such as 127.0.0.1:8000 or 8000.")
    port = int(match["port"])
    if not 0 < port < 65536:
        raise AddressError(f"Port {port} is not between 1 and 65535.")
    return LocalAddress(match["host"] or "127.0.0.1", port)


def ensure_free(address: LocalAddress) -> None:
    """Refuse an address something else already listens on, before the demo says it serves there."""
    host = address.host.strip("[]")
    host = "0.0.0.0" if host == "0" else host  # noqa: S104 (runserver's shorthand, the user's choice)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, address.port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise AddressError(
                    f"Port {address.port} is already in use on {address.host} (another `make run`?); "
                    f"choose another: make run PORT={address.port + 1}"
                ) from None
            raise AddressError(f"Cannot serve on {address.host}:{address.port}: {error.strerror}.") from None
