"""The toolkit hidden checks are written with: declare, call the learner, compare, fail with a lesson.

Each module is a room named after the one idea it holds, so a check imports the
rooms it needs by name (`from autokata.kit import loading, label_maps`, then
`loading.load_with(...)`): `checkpoints`, `loading`, `heads`, `label_maps`,
`returns`, `crashes`, `generate_spy`, `generate_watches`, `decoders`,
`streaming`, `forward_passes`, `pipelines`, `library_calls`; underneath them
`attempt`, `handover`, `instruments`, `outcomes`, `registry`, `profiles` and
`strategies`. The README's Layout says what each one holds.
"""

from autokata.kit.attempt import Attempt
from autokata.kit.outcomes import KataFailure, NotStarted, fail
from autokata.kit.registry import check

__all__ = ["Attempt", "KataFailure", "NotStarted", "check", "fail"]
