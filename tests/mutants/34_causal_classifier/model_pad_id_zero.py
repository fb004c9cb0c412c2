"""Wrong answer: the model is told pad id 0 while the tokenizer pads with EOS (ids differ on Llama)."""

MUTANT_EXPECTS = "The two ids must be the same"

import torch
from transformers import AutoModelForSequenceClassification
def load_causal_classifier(path, num_labels):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels, pad_token_id=0)
def predict_batch(model, tokenizer, texts):
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits.argmax(-1).tolist()
