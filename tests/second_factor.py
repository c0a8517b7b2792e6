"""Authenticator-app codes computed by the tests themselves (RFC 6238: HMAC-SHA1 over the
30-second step, six digits), as a phone would, so a test checks that allauth agrees with real
authenticator apps rather than with itself."""

import base64
import hashlib
import hmac
import struct
import time

# Every staff account the factories make has this authenticator-app secret (base32).
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = SECRET, *, step: int = 0, at: float | None = None) -> str:
    """The code an app shows now (step 0), one step (30 s) later (+1) or earlier (-1)."""
    counter = int((time.time() if at is None else at) // 30) + step
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_second_factor(user, secret: str = SECRET):
    """An authenticator app, activated as allauth activates one."""
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, secret).instance


class CodeSource:
    """Codes for signing one person in several times within a test: allauth accepts each code
    once, and (MFA_TOTP_TOLERANCE = 1) the codes of the neighbouring steps too, so the next
    sign-in takes the next unused one of the three."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def next(self, secret: str = SECRET) -> str:
        for step in (0, 1, -1):
            code = totp_code(secret, step=step)
            if code not in self.used:
                self.used.add(code)
                return code
        raise AssertionError("three sign-ins within 30 seconds: no unused code left")
