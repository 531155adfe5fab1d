import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from skillbridge.common.uploads import PDF_ONLY, validate_upload


def test_a_real_pdf_within_the_limit_is_accepted():
    validate_upload(
        SimpleUploadedFile("cv.pdf", b"%PDF-1.7 body"), extensions=PDF_ONLY, max_megabytes=1
    )


def test_another_type_is_refused_with_the_accepted_types():
    with pytest.raises(ValidationError, match="Accepted types: PDF"):
        validate_upload(SimpleUploadedFile("cv.exe", b"MZ"), extensions=PDF_ONLY, max_megabytes=1)


def test_a_disguised_file_is_refused():
    with pytest.raises(ValidationError, match="does not match its type"):
        validate_upload(
            SimpleUploadedFile("cv.pdf", b"MZ\x90\x00"), extensions=PDF_ONLY, max_megabytes=1
        )


def test_a_file_over_the_limit_is_refused_with_the_limit():
    big = SimpleUploadedFile("cv.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="The limit is 1 MB"):
        validate_upload(big, extensions=PDF_ONLY, max_megabytes=1)
