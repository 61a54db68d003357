from django.template.response import TemplateResponse


def permission_denied(request, exception=None):
    return TemplateResponse(request, "403.html", status=403).render()


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404).render()
