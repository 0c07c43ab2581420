"""The one place that decides which records a user may see and change.

``scope_for(user)`` reads the user's profile; ``restrict(queryset, user,
action)`` narrows a queryset to the records the user may ``view``,
``change``, ``add`` or ``delete`` there. Every scoped model's queryset has
the same as a method (``Cooperative.objects.restrict(user, "change")``,
through ``accounts.querysets.RestrictedQuerySet``); views, the admin, the
API and the exports go through one or the other, so a record outside the
scope is a 404 everywhere.

``RULES`` says how each model is scoped. A model missing from it cannot be
restricted at all: ``restrict`` raises ``UnscopedModel`` rather than hand
out every row. Data every province shares (roles, indicators, titles, base
salaries, administrative units…) is marked ``SHARED``: any user with the
view permission reads it, and only a national user (no province on the
profile, or a superuser) may write it. A new shared model opts in with one
line in ``RULES``."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from coopportal.lib.scope import EVERYWHERE, Scope
from places.models import Commune, Province

NATIONAL = EVERYWHERE  # a user's national scope is the one "everywhere" scope

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
ACTIONS = (VIEW, ADD, CHANGE, DELETE)


class UnscopedModel(LookupError):
    """A queryset of a model the scoping rules do not know: refusing it is
    safer than showing every row."""


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


def is_national(user):
    """May change what every province shares: a superuser, or a user whose
    scope is the whole country."""
    return user.is_authenticated and scope_for(user) is NATIONAL


def narrow(scope, commune_code):
    """``scope`` narrowed to one commune (?commune=); a commune outside the
    scope, or unknown, is a 404. Returns (scope, commune or None)."""
    if not commune_code:
        return scope, None
    commune = Commune.objects.filter(code=commune_code).first()
    if commune is None or not scope.allows(commune):
        raise Http404(_("No commune has the code %(code)s.") % {"code": commune_code})
    return Scope(province=commune.province_id, communes=frozenset([commune.code])), commune


# The rules. Each turns a (non-national) scope into a filter; ``None`` means
# no row at all.


@dataclass(frozen=True)
class ByCommune:
    """Records of a commune, reached through ``path`` ("" for the record's own)."""

    path: str = ""

    def q(self, scope, user):
        return scope.q(self.path)


@dataclass(frozen=True)
class CommuneItself:
    def q(self, scope, user):
        return scope.q_commune_itself()


@dataclass(frozen=True)
class ByProvince:
    """Records kept by a province (awards): the province, whatever the communes."""

    field: str

    def q(self, scope, user):
        return Q(**{self.field: scope.province})


@dataclass(frozen=True)
class CommuneOrProvince:
    """A plan row is a commune's or (no commune) the whole province's; a
    user limited to communes sees and writes only those communes'."""

    def q(self, scope, user):
        if scope.communes:
            return Q(commune_id__in=sorted(scope.communes))
        return Q(province_id=scope.province)


@dataclass(frozen=True)
class ProvinceUsers:
    """A provincial administrator manages the users of the province."""

    def q(self, scope, user):
        return Q(is_superuser=False, profile__province_id=scope.province)


@dataclass(frozen=True)
class ProvinceLogins:
    """Login and lockout records (django-axes) of the province's users."""

    def q(self, scope, user):
        users = get_user_model().objects.filter(ProvinceUsers().q(scope, user))
        return Q(username__in=users.values("username"))


@dataclass(frozen=True)
class Owner:
    """Records that belong to one user (background jobs and their files):
    the owner's own, whatever the scope, even a national one; a superuser's
    all."""

    field: str = "owner"
    national_too = True  # restrict() applies it to national users as well

    def q(self, scope, user):
        return Q() if user.is_superuser else Q(**{self.field: user})


@dataclass(frozen=True)
class Shared:
    """Data every province shares: read within ``view`` (everything when
    None), written by national users only."""

    view: object = None

    def q(self, scope, user, action=VIEW):
        if action != VIEW:
            return None
        return self.view.q(scope, user) if self.view else Q()


SHARED = Shared()

RULES = {
    # The registry: by commune.
    "registry.cooperative": ByCommune(),
    "registry.cooperativegroup": ByCommune(),
    "registry.cooperativereport": ByCommune("cooperative__"),
    "registry.groupreport": ByCommune("group__"),
    "registry.ocopproduct": ByCommune("cooperative__"),
    "registry.valuechainmodel": ByCommune("cooperative__"),
    "registry.cooperativestatuschange": ByCommune("cooperative__"),
    # Marks of communes whose figures changed, and the plan's summary rows
    # (planning.summary): by commune (a row for every commune has none).
    "registry.stalecommune": ByCommune(),
    "planning.figuresummary": ByCommune(),
    # The plan: a commune's rows or the province's.
    "planning.target": CommuneOrProvince(),
    "planning.manualactual": CommuneOrProvince(),
    # Awards are kept by a province's Alliance: scoped by province, not commune.
    "awards.decision": ByProvince("province_id"),
    "awards.person": ByProvince("province_id"),
    "awards.collective": ByProvince("province_id"),
    "awards.awardline": ByProvince("decision__province_id"),
    # Users and their logins: the province's.
    "auth.user": ProvinceUsers(),
    "accounts.userprofile": ByProvince("province_id"),
    # The year-end report's form (issuing body, signer): each province's own.
    "reports.reportsettings": ByProvince("province_id"),
    # A background job and its file: its owner's.
    "jobs.job": Owner(),
    "axes.accessattempt": ProvinceLogins(),
    "axes.accesslog": ProvinceLogins(),
    "axes.accessfailurelog": ProvinceLogins(),
    # Shared by every province.
    "auth.group": SHARED,  # the roles
    "auth.permission": SHARED,
    "planning.indicator": SHARED,
    "awards.title": SHARED,
    "awards.basesalary": SHARED,
    # The law as dated data (awards/models/rates.py): national, like the titles.
    "awards.titlecoefficient": SHARED,
    "awards.collectivemultiplier": SHARED,
    "awards.roundingrule": SHARED,
    "awards.fightersharecap": SHARED,
    "places.province": Shared(view=ByProvince("code")),
    "places.commune": Shared(view=CommuneItself()),
    # The Alliance's own records: placed by their organisation's commune
    # (a class by where it is held, a loan by its borrower); trade events are
    # kept by the province's Alliance.
    "support.membership": ByCommune(),
    "support.membershipfee": ByCommune("membership__"),
    "support.loan": ByCommune("borrower__"),
    "support.disbursement": ByCommune("loan__borrower__"),
    "support.installment": ByCommune("loan__borrower__"),
    "support.repayment": ByCommune("loan__borrower__"),
    "support.trainingclass": ByCommune(),
    "support.trainingparticipant": ByCommune(),
    "support.supportcase": ByCommune(),
    "support.tradeparticipation": ByCommune(),
    "support.supportedhousehold": ByCommune(),
    "support.tradeevent": ByProvince("province_id"),
}


def _label(model):
    # A historical model (django-simple-history) follows its record's rule:
    # its rows keep the record's commune, province or owner.
    model = getattr(model, "instance_type", model)
    return model._meta.label_lower


def rule_for(model):
    try:
        return RULES[_label(model)]
    except KeyError:
        raise UnscopedModel(f"{_label(model)} has no scoping rule in accounts.scoping.RULES") from None


def is_shared(model):
    return isinstance(rule_for(model), Shared)


def may_write(user, model):
    """Whether the scope lets ``user`` write ``model`` at all (the role's
    permissions are checked apart): shared data is national users' only."""
    return not is_shared(model) or is_national(user)


def restrict(queryset, user, action=VIEW):
    """``queryset`` limited to the records ``user`` may ``action`` in scope."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    rule = rule_for(queryset.model)
    scope = scope_for(user)
    if scope is NATIONAL and not getattr(rule, "national_too", False):
        return queryset
    condition = rule.q(scope, user, action) if isinstance(rule, Shared) else rule.q(scope, user)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


def in_scope(user, obj, action=VIEW):
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), user, action).exists()


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
        communes = Commune.objects
        of_commune = communes.filter(code=commune_code).values_list("province_id", flat=True).first()
        code = asked or of_commune or settings.HOME_PROVINCE_CODE
        if code != ALL_PROVINCES:
            if not Province.objects.filter(code=code).exists():
                raise Http404(_("No province has the code %(code)s.") % {"code": code})
            scope = Scope(province=code)
    elif asked and asked != scope.province:
        raise Http404(_("No province has the code %(code)s.") % {"code": asked})
    wide = scope
    scope, commune = narrow(scope, commune_code)
    return scope, commune, wide
