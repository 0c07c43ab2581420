"""The one place that decides which records a user may see.

``scope_for(user)`` reads the user's profile; ``restrict(queryset, user)``
narrows any registry, plan or award queryset to it. Views, the admin, the
API and the exports all go through these, so a record outside the scope is
a 404 everywhere."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _

from coopportal.lib.scope import EVERYWHERE, Scope
from places.models import Commune

NATIONAL = EVERYWHERE  # a user's national scope is the one "everywhere" scope


def scope_for(user):
    """The user's scope: national for a superuser or a profile without
    province; else the profile's province, and its communes if any."""
    if not user.is_authenticated:
        raise Http404
    if user.is_superuser:
        return NATIONAL
    cached = getattr(user, "_coopportal_scope", None)
    if cached is not None:
        return cached
    from accounts.models import UserProfile

    profile = UserProfile.objects.filter(user=user).prefetch_related("communes").first()
    if profile is None:
        # A user made without a profile works in the portal's own province.
        scope = Scope(province=settings.HOME_PROVINCE_CODE)
    elif profile.province_id is None:
        scope = NATIONAL
    else:
        communes = frozenset(c.code for c in profile.communes.all()) or None
        scope = Scope(province=profile.province_id, communes=communes)
    user._coopportal_scope = scope
    return scope


def narrow(scope, commune_code):
    """``scope`` narrowed to one commune (?commune=); a commune outside the
    scope, or unknown, is a 404. Returns (scope, commune or None)."""
    if not commune_code:
        return scope, None
    commune = Commune.objects.filter(code=commune_code).first()
    if commune is None or not scope.allows(commune):
        raise Http404(_("No commune has the code %(code)s.") % {"code": commune_code})
    return Scope(province=commune.province_id, communes=frozenset([commune.code])), commune


# How each model reaches its commune; a model absent here is not scoped.
COMMUNE_PATHS = {
    "registry.cooperative": "",
    "registry.cooperativegroup": "",
    "registry.cooperativereport": "cooperative__",
    "registry.groupreport": "group__",
    "registry.ocopproduct": "cooperative__",
    "registry.valuechainmodel": "cooperative__",
    "registry.cooperativestatuschange": "cooperative__",
    "places.commune": None,  # the commune itself
}
COMMUNE_OR_PROVINCE = {"planning.target", "planning.manualactual"}
PROVINCE_FIELDS = {
    # Awards are kept by a province's Alliance: scoped by province, not commune.
    "awards.decision": "province",
    "awards.person": "province",
    "awards.collective": "province",
    "awards.awardline": "decision__province",
    "places.province": "code",
    "accounts.userprofile": "province",
    "reports.reportsettings": "province",
}


def restrict(queryset, user):
    """``queryset`` limited to the user's scope."""
    scope = scope_for(user)
    if scope is NATIONAL:
        return queryset
    label = queryset.model._meta.label_lower
    if label in COMMUNE_PATHS:
        path = COMMUNE_PATHS[label]
        if path is None:
            return queryset.filter(scope.q_commune_itself())
        return queryset.filter(scope.q(path))
    if label == "auth.user":
        # A provincial administrator manages the users of the province.
        return queryset.filter(is_superuser=False, profile__province_id=scope.province)
    if label in COMMUNE_OR_PROVINCE:
        # A plan row is a commune's or (no commune) the whole province's;
        # a user limited to communes sees and writes only those communes'.
        if scope.communes:
            return queryset.filter(commune_id__in=sorted(scope.communes))
        return queryset.filter(province_id=scope.province)
    if label in PROVINCE_FIELDS:
        field = PROVINCE_FIELDS[label]
        return queryset.filter(**{field if field == "code" else f"{field}_id": scope.province})
    return queryset


def in_scope(user, obj):
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), user).exists()


ALL_PROVINCES = "all"


def request_scope(request):
    """The scope a page shows: the user's, narrowed by ?province= (national
    users only; they see the portal's own province unless they ask for
    ?province=all) and by ?commune=. Returns (scope, commune or None,
    scope before the commune narrowing, for the commune picker)."""
    scope = scope_for(request.user)
    asked = request.GET.get("province", "").strip()
    commune_code = request.GET.get("commune", "").strip()
    if scope.province is None:
        # A commune asked for without a province speaks for its own province.
        of_commune = Commune.objects.filter(code=commune_code).values_list("province_id", flat=True).first()
        code = asked or of_commune or settings.HOME_PROVINCE_CODE
        if code != ALL_PROVINCES:
            from places.models import Province

            if not Province.objects.filter(code=code).exists():
                raise Http404(_("No province has the code %(code)s.") % {"code": code})
            scope = Scope(province=code)
    elif asked and asked != scope.province:
        raise Http404(_("No province has the code %(code)s.") % {"code": asked})
    wide = scope
    scope, commune = narrow(scope, commune_code)
    return scope, commune, wide
