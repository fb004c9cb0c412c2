"""One hidden-check module per kata, named like the kata file (`01_embeddings.py`)."""
