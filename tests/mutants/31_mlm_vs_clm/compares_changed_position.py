"""Wrong answer: compares the output at the changed position itself, which always moves."""

import torch

MUTANT_EXPECTS = "the changed position itself always moves"


def sees_the_future(model, tokenizer) -> bool:
    ids = tokenizer("the cat sat on the mat", return_tensors="pt")["input_ids"]
    changed = ids.clone()
    changed[0, -1] = (ids[0, -1] + 1) % model.get_input_embeddings().num_embeddings
    with torch.no_grad():
        before = model(input_ids=ids, output_hidden_states=True).hidden_states[-1]
        after = model(input_ids=changed, output_hidden_states=True).hidden_states[-1]
    return not torch.allclose(before[0, -1], after[0, -1], atol=1e-5)

