"""The programme demo step: who signs its documents and the partners named on them."""

from PIL import Image

from skillbridge.demo.people import seed_organisations
from skillbridge.demo.programmes import demo_programme, seed_programme


def test_the_demo_programme_has_a_signatory_and_partners_with_logos_seeded_once(
    db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed_organisations()
    seed_programme()
    first = list(demo_programme().document_partners.values_list("name", "logo"))
    seed_programme()

    programme = demo_programme()
    assert (programme.signatory_name, programme.signatory_title) == (
        "Aline Uwase",
        "Programme Manager, IOM Rwanda",
    )
    partners = list(programme.document_partners.all())
    assert [partner.name for partner in partners] == [
        "IOM – International Organization for Migration",
        "Rwanda Polytechnic",
        "Kingdom of Belgium – Enabel",
    ]
    assert list(programme.document_partners.values_list("name", "logo")) == first
    for partner in partners:
        with partner.logo.open("rb") as logo, Image.open(logo) as image:
            assert (image.format, image.size) == ("PNG", (96, 96))
            assert image.getpixel((95, 95)) == image.getpixel((0, 0))  # decodes the whole square
