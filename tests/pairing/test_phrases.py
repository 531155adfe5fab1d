from django.utils import translation

from skillbridge.pairing.phrases import diagnosis_text


def test_a_need_that_lost_its_one_qualifying_professional_reads_in_the_singular():
    taken = {"code": "taken_elsewhere", "values": {"count": 1}}
    assert diagnosis_text(taken).startswith("1 professional qualifies, but their place went")
    taken["values"]["count"] = 3
    assert diagnosis_text(taken).startswith("3 professionals qualify, but their places went")


def test_a_diagnosis_without_values_is_read_in_the_readers_language():
    with translation.override("fr"):
        assert (
            diagnosis_text({"code": "nobody_free"}) != "No approved professional has a free place."
        )
