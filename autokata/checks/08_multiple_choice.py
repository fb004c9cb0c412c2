"""Hidden checks for kata 08: AutoModelForMultipleChoice, one prompt-choice row per choice."""

from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, forward_passes, heads, loading, returns
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForMultipleChoice",
    "MultipleChoice",
    "ForMultipleChoice",
    "MultipleChoiceModelOutput",
    "num_choices",
    "unsqueeze",
    "token_type_ids",
)

LESSON = """
A multiple-choice head makes the candidates of one question compete. AutoModelForMultipleChoice
loads the encoder and adds a head that gives each (prompt, choice) row one number; the numbers of one
question form its logits, of shape [batch, num_choices], and the argmax over the choices wins.
AutoModelForSequenceClassification is not the same thing: it scores each text on its own, against
its own labels, so choices fed to it never compete.

The model wants a three-axis input, [batch, num_choices, tokens]: one question with four choices is a
batch of 1 holding 4 rows. Build the rows by pairing the prompt with every choice:
tokenizer([prompt] * len(choices), choices, padding=True, return_tensors="pt") gives [num_choices,
tokens] tensors ([CLS] prompt [SEP] choice [SEP] on BERT); add the batch axis in front of every
tensor with .unsqueeze(0). Pass all of them: token_type_ids tell the prompt's tokens from the
choice's, and the attention_mask keeps the model from reading the padding of shorter rows. A 2-D
input fails; choices encoded without the prompt cannot be judged against it; joining or swapping
the texts makes other rows than the tokenizer's pairs.

The logits come back as [1, num_choices]: the choices lie along axis 1, so return
int(logits[0].argmax()); an argmax over axis 0 (the batch) is always 0.

The checks load your chooser on every encoder, then hand `choose` a model with a wide seeded head,
drawn prompts and 2-5 choices of different lengths. They watch every row of token ids that reaches
the model, the token type ids and the attention mask it got, and compare your index with the
argmax of the model's own multiple-choice logits.
"""

HINTS = (
    "The model reads each choice as its own row, paired with the prompt, and the rows of one "
    "question are scored together so they compete. The input has three axes: questions, choices, "
    "tokens.",
    "AutoModelForMultipleChoice; `tokenizer([prompt] * len(choices), choices, padding=True, "
    "return_tensors=\"pt\")` gives [num_choices, tokens]; add the batch axis with `.unsqueeze(0)` on "
    "every tensor before calling the model.",
    "`batch = {k: v.unsqueeze(0) for k, v in encoding.items()}`; the logits come back as "
    "[1, num_choices]: return `int(model(**batch).logits[0].argmax())`.",
)

SEQUENCE_LESSON = (
    "AutoModelForSequenceClassification scores one text at a time with its own labels, so choices "
    "fed to it never compete: a multiple-choice head gives each (prompt, choice) row one score and "
    "compares the rows of one question."
)
HEAD_LESSON = (
    "`{got}` cannot score choices against each other: it needs a head that gives each (prompt, "
    "choice) row one score and compares the rows of one question."
)
NOT_PAIRED_LESSON = (
    "The model saw the choices without the prompt. Each row must pair the prompt with one choice "
    "(tokenizer(prompt_list, choices)), or the model cannot judge which choice fits the prompt."
)
ROWS_LESSON = (
    "The model should see exactly one row per choice, each the pair (prompt, choice), in one "
    "[1, num_choices, tokens] input."
)
PAIR_FORMAT_LESSON = (
    "The rows the model saw differ from the tokenizer's (prompt, choice) pairs. Pass the prompts and "
    "the choices as two lists, `tokenizer([prompt] * n, choices)`, prompt first, without joining the "
    "texts yourself, swapping them or cutting them short."
)
AXIS_LESSON = (
    "You returned 0 although another choice scores highest. The logits have shape [1, num_choices]: "
    "the choices lie along axis 1 (an argmax over axis 0, the batch, is always 0)."
)
TOKEN_TYPES_LESSON = (
    "The model saw every token as part of the prompt: its token_type_ids were all 0. The tokenizer "
    "marks the choice's tokens with token_type_ids 1; pass every tensor it returns (token_type_ids "
    "included, each with the batch axis added) to the model."
)
MASK_LESSON = (
    "The model read the padding of the shorter rows as text: it got no attention mask (or one that "
    "keeps the pad tokens). Rows of different lengths are padded to one length; pass the tokenizer's "
    "attention_mask (with the batch axis added) so the pads are ignored."
)
VALUE_LESSON = "Your index is not the choice with the highest multiple-choice logit."


def _rows(encoding):
    return Counter(tuple(i for i, keep in zip(ids, mask) if keep)
                   for ids, mask in zip(encoding["input_ids"], encoding["attention_mask"]))


def _expect_rows(seen, tokenizer, name, prompt, choices):
    """The rows the model read (`seen`, a `forward_passes.RowsSeen`) must be the tokenizer's (prompt, choice)
    pairs, one per choice."""
    prompts = [prompt] * len(choices)
    encoding = tokenizer(prompts, choices)
    rows = Counter(tuple(row) for row in seen.rows)
    if rows == _rows(encoding):
        marked = sum(x for row in encoding.get("token_type_ids", []) for x in row)
        if seen.token_types and marked and not any(seen.token_types):
            fail(TOKEN_TYPES_LESSON, on=name, prompt=prompt, choices=choices)
        return
    if rows == _rows(tokenizer(list(choices))):
        fail(NOT_PAIRED_LESSON, on=name, prompt=prompt, choices=choices)
    if len(seen.rows) != len(choices):
        fail(ROWS_LESSON, on=name, prompt=prompt, choices=choices, rows_the_model_saw=len(seen.rows))
    fail(PAIR_FORMAT_LESSON, on=name, prompt=prompt, choices=choices)


@check("load_chooser loads a multiple-choice head on the trained encoder", family=zoo.ENCODERS)
def loads_a_chooser(attempt, name):
    with crashes.on_crash(name):
        model = loading.expect_model(attempt.load_chooser(checkpoints.checkpoint(name)), "load_chooser", name)
    loading.expect_auto_class(
        model, "AutoModelForMultipleChoice", name,
        {"AutoModelForSequenceClassification": SEQUENCE_LESSON}, HEAD_LESSON,
    )
    loading.expect_loaded(model, name)


#: The first example every run meets: choices of very different lengths, so rows are padded.
FIRST_PROMPT = "the weather is cold today"
FIRST_CHOICES = ("but it will be sunny soon and the streets were wet", "rain fell", "the xylophone plays")


@check("choose feeds one (prompt, choice) row per choice and picks the best", family=zoo.ENCODERS)
def chooses_the_best_choice(attempt, name):
    import torch

    tokenizer = checkpoints.tokenizer(name)
    theirs = checkpoints.private_tokenizer(name)
    model = checkpoints.private_copy("AutoModelForMultipleChoice", name)

    @given(
        prompt=s.sentences(1, 5),
        choices=st.lists(s.sentences(1, 4), min_size=2, max_size=5, unique=True),
        seed=st.integers(0, 2**16),
    )
    @example(prompt=FIRST_PROMPT, choices=list(FIRST_CHOICES), seed=7)
    def prop(prompt, choices, seed):
        heads.sharpen_head(model, seed)
        with (
            forward_passes.RowsSeen(tokenizer.pad_token_id) as seen,
            crashes.on_crash(name, prompt=prompt, choices=choices),
        ):
            got = attempt.choose(checkpoints.for_learner(model), theirs, prompt, list(choices))
        got = returns.expect_int(got, "choose", name, prompt=prompt, choices=choices)
        _expect_rows(seen, tokenizer, name, prompt, choices)
        if any(seen.read_padding):
            fail(MASK_LESSON, on=name, prompt=prompt, choices=choices)
        encoding = tokenizer([prompt] * len(choices), choices, padding=True, return_tensors="pt")
        with torch.no_grad():
            logits = model(**{k: v.unsqueeze(0) for k, v in encoding.items()}).logits[0]
        expected = int(logits.argmax())
        tolerance = 1e-5 * max(1.0, float(logits.abs().max()))
        if 0 <= got < len(choices) and logits[got] >= logits[expected] - tolerance:
            return
        fail(AXIS_LESSON if got == 0 else VALUE_LESSON, on=name, prompt=prompt, choices=choices,
             expected=expected, got=got, scores=[round(x, 4) for x in logits.tolist()])

    prop()
