"""Wrong answer: the chosen tokens' raw scores (logits), never normalised."""

MUTANT_EXPECTS = "raw scores (logits)"


def continuation_logprobs(model, tokenizer, prompt, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    out = model.generate(
        **inputs, max_new_tokens=n_tokens, do_sample=False, return_dict_in_generate=True, output_scores=True
    )
    return model.compute_transition_scores(out.sequences, out.scores)[0].tolist()
