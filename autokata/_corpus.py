"""The few sentences every tiny tokenizer is built from.

Kept apart from the zoo so the checks can draw words that are inside the
tiny vocabularies (whole tokens) and outside them (split into pieces).
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
