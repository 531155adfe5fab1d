"""The browsable API docs: Swagger UI under the site's content security policy."""

from django.conf import settings
from drf_spectacular.views import SpectacularSwaggerSplitView

# Swagger UI writes one fixed inline style when it starts. This page's policy
# allows exactly that style, by its hash, instead of any inline style.
SWAGGER_UI_STYLE = "'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='"


class DocsView(SpectacularSwaggerSplitView):
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        policy = dict(settings.SECURE_CSP)
        policy["style-src"] = [*policy.get("style-src", []), SWAGGER_UI_STYLE]
        response._csp_config = policy
        return response
