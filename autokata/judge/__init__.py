"""The judge: learner code runs in a process of its own; verdicts are decided outside it.

Two halves, named for whom they trust:

- `learner_process` (untrusted half): forked from a warm checking process, it
  imports the learner's kata file, runs its functions when asked, and answers
  with *data*. It is fenced in by `sandbox` (time, memory, no writes outside
  its scratch folder, no network) where the kernel allows.
- `proxy` (trusted half): what checks call. `RemoteAttempt.embed(...)` sends
  the call, waits for the reply, and rebuilds what came back from data alone
  (`values`): plain values, tensors, and *twins* of models and tokenizers,
  rebuilt from their class name, config and weights. Nothing the learner side
  sends is ever unpickled, so no learner object reaches the checking process.

`wire` frames the messages on the socket between them.
"""
