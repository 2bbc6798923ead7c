import subprocess
import sys

from django.test import override_settings

from facts.language import nlp


def test_parse_finds_sentences_and_named_places():
    doc = nlp.parse("Poland recognised Kyrgyzstan on 27 December 1991. The embassy opened in Bishkek.")
    assert len(list(doc.sents)) == 2
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Bishkek") == "GPE"
    assert labels.get("27 December 1991") == "DATE"


def test_model_name_is_a_setting():
    with override_settings(FACTDECK_SPACY_MODEL="some_other_model"):
        assert nlp.model_name() == "some_other_model"


def test_importing_django_and_the_urls_does_not_load_spacy():
    code = (
        "import django, os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings'); django.setup();"
        "import config.urls; from django.test import Client; Client().get('/healthz');"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")
