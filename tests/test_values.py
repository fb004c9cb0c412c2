"""Values cross between the learner process and the checking process as data, and come back whole.

A twin rebuilt from data behaves like the learner's model (same outputs, dtype,
frozen parameters, tied weights); a tokenizer keeps its settings; what the
checking side would have to unpickle, or a class transformers does not define,
is refused or arrives as an `Opaque` stand-in.
"""

from __future__ import annotations

import pickle

import pytest
import torch

from autokata import runner, zoo
from autokata.judge import values
from autokata.kit import checkpoints


@pytest.fixture(scope="module", autouse=True)
def warm():
    runner.prepare()
    zoo.ensure()


def across(value, from_learner: bool = True):
    """Pack on one side, unpack on the other (a learner's reply by default)."""
    packer = values.Packer(values.Pairs("L"), trusted=not from_learner)
    data = packer.pack(value)
    return values.Unpacker(values.Pairs("T"), packer.finish(), trusted_sender=not from_learner).unpack(data)


@pytest.mark.parametrize("name, auto", [("bert", "AutoModelForMaskedLM"), ("gpt2", "AutoModelForCausalLM"),
                                        ("t5", "AutoModelForSeq2SeqLM")])
def test_a_twin_computes_what_the_learners_model_computes(name, auto):
    model = checkpoints.private_copy(auto, name)
    model.to(torch.bfloat16)
    for parameter in list(model.parameters())[:3]:
        parameter.requires_grad = False
    twin = across(model)
    assert type(twin) is type(model) and twin is not model
    assert twin.dtype == torch.bfloat16 and not twin.training
    frozen = {n for n, p in model.named_parameters() if not p.requires_grad}
    assert frozen == {n for n, p in twin.named_parameters() if not p.requires_grad}
    assert len(list(twin.parameters())) == len(list(model.parameters()))  # tied weights stay tied
    batch = checkpoints.tokenizer(name)(["the cat sat"], return_tensors="pt")
    inputs = dict(batch, decoder_input_ids=batch["input_ids"]) if model.config.is_encoder_decoder else dict(batch)
    with torch.no_grad():
        assert torch.equal(model(**inputs).logits, twin(**inputs).logits)


@pytest.mark.parametrize("name", ["bert", "roberta"])
def test_a_head_swapped_by_hand_crosses_as_it_is(name):
    model = checkpoints.private_copy("AutoModelForSequenceClassification", name)
    model.classifier = torch.nn.Sequential(torch.nn.Dropout(0.2), torch.nn.Linear(model.config.hidden_size, 5))
    model.eval()
    twin = across(model)
    assert [type(x) for x in twin.classifier] == [torch.nn.Dropout, torch.nn.Linear] and twin.classifier[0].p == 0.2
    assert set(twin.state_dict()) == set(model.state_dict())
    batch = checkpoints.tokenizer(name)(["the cat sat"], return_tensors="pt")
    with torch.no_grad():
        assert torch.equal(model(**batch).logits, twin(**batch).logits)  # [1, 5] or [1, tokens, 5], as the learner's


def test_a_module_of_the_learners_own_class_is_refused():
    class Head(torch.nn.Linear):
        pass

    model = checkpoints.private_copy("AutoModelForSequenceClassification", "bert")
    model.classifier = Head(model.config.hidden_size, 5)
    with pytest.raises(values.Refused, match="classifier"):
        across(model)


def test_config_maps_keep_their_key_types():
    model = checkpoints.private_copy("AutoModel", "bert")
    model.config.id2label = {"0": "negative", "1": "positive"}
    assert across(model).config.id2label == {"0": "negative", "1": "positive"}


def test_a_tokenizer_keeps_its_settings():
    tokenizer = checkpoints.private_tokenizer("gpt2")
    tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "left"
    twin = across(tokenizer)
    assert (twin.pad_token, twin.padding_side, len(twin)) == (tokenizer.pad_token, "left", len(tokenizer))
    assert twin(["a b", "a"], padding=True)["input_ids"] == tokenizer(["a b", "a"], padding=True)["input_ids"]


def test_plain_values_tensors_and_classes_cross_exactly():
    import transformers

    value = {1: ("a", 2.5, None, True), "s": {3, 4}, "t": torch.arange(3), "cls": transformers.AutoModel}
    got = across(value)
    assert got["cls"] is transformers.AutoModel and torch.equal(got["t"], torch.arange(3))
    assert got[1] == ("a", 2.5, None, True) and got["s"] == {3, 4}


def test_numpy_arrays_come_back_numpy_arrays_each_with_its_own_values():
    import numpy

    # several arrays packed one after the other: each becomes a temporary tensor, and none may
    # take the place of another whose id it happens to reuse
    value = {key: numpy.full((1, 4), number) for number, key in enumerate(("ids", "types", "mask"))}
    got = across(value)
    assert all(type(got[key]) is numpy.ndarray for key in value)
    assert all((got[key] == value[key]).all() for key in value)


class EqualToEverything:
    def __eq__(self, other):
        return True


class CleverString(str):
    def __eq__(self, other):
        return True


def test_a_learners_own_object_arrives_as_an_opaque_stand_in():
    got = across([EqualToEverything(), CleverString("x")])
    assert isinstance(got[0], values.Opaque) and got[0] != "anything"
    assert type(got[1]) is str and got[1] == "x" and got[1] != "y"


def test_the_checking_side_refuses_pickles_and_foreign_classes():
    unpacker = values.Unpacker(values.Pairs("T"), {"b0": pickle.dumps(1)}, trusted_sender=False)
    with pytest.raises(values.Refused):
        unpacker.unpack({"$pickle": "b0"})
    assert isinstance(unpacker.unpack({"$type": "os:system"}), values.Opaque)
    with pytest.raises(values.Refused):
        values.Unpacker(values.Pairs("T"), {}, trusted_sender=False).unpack({"$evil": 1})


def test_a_loader_asked_again_answers_from_data_with_a_model_of_its_own(tmp_path):
    """The same checkpoint asked twice loads once; each check still gets a twin of its own, and a
    twin handed back to learner code arrives whole (not as the learner's first model)."""
    from autokata.judge.proxy import RemoteAttempt

    file = tmp_path / "05_sentiment.py"
    file.write_text(
        "from transformers import AutoModelForSequenceClassification\n"
        "LOADS = []\n"
        "def load_sentiment_classifier(path):\n"
        "    LOADS.append(path)\n"
        "    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)\n"
        "def loads():\n"
        "    return len(LOADS)\n"
        "def first_weight(model):\n"
        "    return float(next(model.parameters()).detach().flatten()[0])\n"
    )
    path = checkpoints.checkpoint("bert")
    attempt = RemoteAttempt.load(file)
    try:
        first = attempt.load_sentiment_classifier(path)
        second = attempt.load_sentiment_classifier(path)
        assert attempt.loads() == 1
        assert first is not second and type(first) is type(second)
        assert all(torch.equal(a, b) for a, b in zip(first.state_dict().values(), second.state_dict().values()))
        with torch.no_grad():
            next(second.parameters()).flatten()[0] = 7.0
        assert float(next(first.parameters()).detach().flatten()[0]) != 7.0
        assert attempt.first_weight(second) == 7.0 and attempt.first_weight(first) != 7.0
        attempt.load_sentiment_classifier(checkpoints.checkpoint("roberta"))
        assert attempt.loads() == 2
    finally:
        attempt.close()
