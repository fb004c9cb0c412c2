"""Kata 20 · Save model and tokenizer for serving

A model you fine-tuned lives in memory until you save it. To serve it, or to
hand it to a colleague, you want a folder that anyone can load back with
the Auto classes, exactly as you load a checkpoint from the hub:

    model = AutoModelForSequenceClassification.from_pretrained(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)

`save_pretrained(folder)` writes what that needs: for a model, `config.json`
(the architecture, its sizes, the label names) and the weights file; for a
tokenizer, its vocabulary and settings. Model and tokenizer go in the SAME
folder, so one path reloads both.

`torch.save(model.state_dict(), ...)` stores only the tensors: no config, so
no Auto class can tell which architecture to build or what the labels are
called. And a folder without the tokenizer cannot turn text into the ids the
model was trained on (AutoTokenizer may even "load" it without complaint and
give you a tokenizer with an empty vocabulary).

Your task: `save_for_serving(model, tokenizer, out_dir)` saves both into the
folder `out_dir` (it exists and is empty), so that the Auto class matching the
model (`AutoModelForSequenceClassification` for a classifier, `AutoModel`
for a bare encoder, ...) and `AutoTokenizer` reload them with the same
labels, the same tokenization and the same outputs.

Run `pytest katas/20_save_reload.py`; stuck? `autokata hint 20`.
"""


def save_for_serving(model, tokenizer, out_dir) -> None:
    """Write model and tokenizer into `out_dir` so the Auto classes reload them."""
    # TODO: save the model and the tokenizer into the same folder.
    raise NotImplementedError
