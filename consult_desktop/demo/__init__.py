"""Demo hospital: deterministic synthetic Belgian patient records and a FHIR R4 server on the loopback interface.

The embedded demo of the application and the peer of integration tests and benchmarks. Never imported by
the core packages. `DemoHospital` holds the data and `DemoServer` serves it over HTTP; both are thread-safe
and may be used from any thread.
"""

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.server import DemoServer
from consult_desktop.demo.ssin import ssin_is_valid

__all__ = ["DemoHospital", "DemoServer", "ssin_is_valid"]
