"""The admin pages name the site's icon, so browsers do not ask for a missing /favicon.ico."""

from django.templatetags.static import static

from tests.people.mfa import enable_totp


def test_the_admin_index_links_the_site_icon_and_keeps_its_branding(admin_client, admin_user):
    enable_totp(admin_user)
    page = admin_client.get("/admin/").content.decode()
    icon = static("skillbridge/favicon.svg")
    assert f'<link rel="icon" href="{icon}" type="image/svg+xml">' in page
    assert '<div id="site-name"><a href="/admin/">' in page
