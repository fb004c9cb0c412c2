"""The few sentences every tiny tokenizer is built from.

Checks import it to draw words that are inside the tiny vocabularies (whole
tokens) and outside them (split into pieces); the zoo calibrates its
three-label heads on texts made from it (`calibration_texts`).
"""

SENTENCES: tuple[str, ...] = (
    "the cat sat on the mat and looked at the bird",
    "a dog runs in the park every morning with his friend",
    "the movie was great and the actors were very good",
    "the food was terrible and the service was slow",
    "i love this book because the story is warm and funny",
    "she reads the news before she goes to work",
    "paris is the capital of france and berlin is the capital of germany",
    "the river flows through the old city to the sea",
    "we will meet at the station at nine tomorrow",
    "the model predicts the next word from the words before it",
    "he bought bread milk and apples at the market",
    "the weather is cold today but it will be sunny soon",
    "my sister plays the piano and my brother sings",
    "the teacher asked a question and the students answered",
    "this phone is fast cheap and easy to use",
    "rain fell all night and the streets were wet",
    "the team won the game after a long hard season",
    "open the window please it is too hot in here",
    "the scientist found a new star in the night sky",
    "they travel by train from london to rome in summer",
    "what is the name of the tallest mountain in the world",
    "good music makes a long drive feel short",
    "the children built a small house from red blocks",
    "the answer to the question is in the second paragraph",
)

WORDS: tuple[str, ...] = tuple(sorted({word for line in SENTENCES for word in line.split()}))

#: Words no tiny vocabulary holds whole: tokenizers split them into pieces.
RARE_WORDS: tuple[str, ...] = (
    "xylophone", "quizzical", "zephyr", "jukebox", "wobbly", "kumquat",
    "buzzword", "vortex", "jigsaw", "oxygen", "unbelievable", "mischief",
)



def calibration_groups(seed: int, size: int = 24) -> dict[str, list[str]]:
    """Texts like the ones checks draw, by kind: corpus sentences, and word salads
    (about one word in five rare) that are short, medium, and far over any tiny
    model's limit. `size` texts of each kind, the same ones for the same seed."""
    import random

    draw = random.Random(seed)

    def salad(low: int, high: int) -> str:
        words = (draw.choice(RARE_WORDS if draw.random() < 0.2 else WORDS) for _ in range(draw.randint(low, high)))
        return " ".join(words)

    return {
        "sentences": list(SENTENCES[:size]),
        "short": [salad(1, 5) for _ in range(size)],
        "medium": [salad(6, 30) for _ in range(size)],
        "long": [salad(150, 300) for _ in range(size)],
    }
