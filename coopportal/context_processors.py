from django.conf import settings
from django.utils.functional import SimpleLazyObject


def portal(request):
    """Values every page may show: the portal's province and the demo flag.

    The province is lazy so that pages which do not print it cost no query.
    """
    from places.models import Province

    return {
        "home_province": SimpleLazyObject(Province.objects.home),
        "demo_mode": settings.DEBUG,
        # shown on the lockout page (django-axes renders it with this context)
        "cooloff_minutes": round(settings.AXES_COOLOFF_TIME * 60),
    }
