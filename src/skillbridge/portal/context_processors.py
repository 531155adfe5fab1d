from skillbridge.portal.navigation import menu_for


def navigation(request) -> dict:
    return {"menu": menu_for(request.user)}
