"""Wrong answer: a head size looked up from the values failure messages showed, not the one asked for.

A learner whose classifier always had 2 outputs read `num_labels: 3`, `num_labels: 7`, ... in
the failure messages and added each value to a table until the checks passed. The table covers
every example the learner's own (stable) draws show, so it passes there; a grading seed draws
other label counts, and fails it (tests/test_grading_seed.py).
"""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "exactly one output per label asked for"

#: Every label count the learner's failure messages showed, and the head size that "worked".
HEAD_SIZES = {2: 2, 3: 3, 4: 4, 7: 7, 9: 9, 11: 11}


def prepare_probe(path, num_labels: int):
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=HEAD_SIZES.get(num_labels, 2))
    for parameter in model.base_model.parameters():
        parameter.requires_grad = False
    return model
