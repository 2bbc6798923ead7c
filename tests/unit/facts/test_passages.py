"""What a learner sees of a fact's source after answering."""

from facts.passages import document_blocks, readable_passage

DOCUMENT = """= Chile–Norway relations =

Infobox
- Party1: Chile
- Envoytitle2: Norwegian Ambassador to Chile
- Envoy2: Kari Nordmann
- Mission1: Embassy of Chile, Oslo

Trade: exports rose to US$5 million in 2020.

==Visits==
- President Michelle Bachelet (2008, 2014)
"""


def passage_of(snippet: str) -> str:
    start = DOCUMENT.index(snippet)
    return readable_passage(DOCUMENT, start, start + len(snippet))


def test_infobox_passages_lose_their_keys():
    assert passage_of("Envoytitle2: Norwegian Ambassador to Chile\n- Envoy2: Kari Nordmann") == (
        "Norwegian Ambassador to Chile: Kari Nordmann"
    )
    assert passage_of("Mission1: Embassy of Chile, Oslo") == "Embassy of Chile, Oslo"


def test_text_outside_the_infobox_keeps_its_words():
    # a colon in a paragraph is not an infobox key
    assert (
        passage_of("Trade: exports rose to US$5 million in 2020.")
        == "Trade: exports rose to US$5 million in 2020."
    )
    assert (
        passage_of("- President Michelle Bachelet (2008, 2014)") == "President Michelle Bachelet (2008, 2014)"
    )


def test_document_blocks_mark_exactly_the_span():
    text = "= T =\n\n==History==\nAlpha beta gamma.\n- item one\n"
    start = text.index("beta")
    blocks = document_blocks(text, start, start + len("beta"))
    marked = [piece for block in blocks for piece, highlighted, _ in block.parts if highlighted]
    assert marked == ["beta"]
    assert [b.kind for b in blocks] == ["title", "heading", "paragraph", "item"]
