"""The rules an award line must meet before it is recorded (see
awards/law.py): no title twice a year, one form per achievement in a
decision, and the titles a higher title rests on."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards import law
from awards.models.rates import FighterShareCap
from awards.models.titles import Title


class AwardLineRules:
    """Mixed into AwardLine; checks the line against the recipient's other
    counting lines, stored or entered in the same form."""

    def rule_errors(self, siblings=None):
        """What stops this line from being recorded, as a list of errors.

        ``siblings`` are the other lines of the same decision as entered
        together (unsaved ones included), which then replace what the
        database holds for that decision. Revoked lines count nowhere.
        """
        decision = self._decision()
        if not self.title_id or self.recipient is None or decision is None or not decision.year:
            return []
        peers = self._peers(decision, siblings)
        if self.status != self.Status.VALID:
            return self._revocation_errors(decision, peers)
        errors = []
        names = {"recipient": self.recipient.name, "title": self.title, "year": decision.year}
        for peer in peers:
            if peer.decision is decision:
                if peer.title_id == self.title_id:
                    errors.append(
                        ValidationError(
                            _("%(recipient)s already receives “%(title)s” in this decision."),
                            code="twice_in_decision",
                            params=names,
                        )
                    )
                elif self.title.is_commendation and peer.title.is_commendation:
                    errors.append(
                        ValidationError(
                            _(
                                "%(recipient)s already receives “%(other)s” in this decision: "
                                "one achievement earns one form of commendation."
                            ),
                            code="two_forms",
                            params={**names, "other": peer.title},
                        )
                    )
            elif self.title.is_title and peer.title_id == self.title_id and peer.decision.year == decision.year:
                errors.append(
                    ValidationError(
                        _("%(recipient)s already has “%(title)s” for %(year)s (decision %(number)s)."),
                        code="twice_in_year",
                        params={**names, "number": peer.decision.number},
                    )
                )
        required = law.prerequisite(self.title.code, decision.year)
        if required:
            errors.extend(self._prerequisite_errors(decision.year, peers, *required))
        if self.title.code == law.CSTD_CO_SO:
            errors.extend(self._share_errors(decision, siblings))
        return errors

    def _share_errors(self, decision, siblings):
        """Chiến sĩ thi đua cơ sở within the share of the body's Lao động
        tiên tiến of the year that the law in force on the decision's date
        sets, if any. The body: decisions of the same level and province."""
        cap = FighterShareCap.objects.in_force_on(decision.issued_on) if decision.issued_on else None
        if cap is None or cap.percent is None:
            return []
        same_body = Q(decision__year=decision.year, decision__level=decision.level)
        same_body &= Q(decision__province_id=decision.province_id)
        stored = type(self).objects.counting().filter(same_body, title__code__in=[law.LDTT, law.CSTD_CO_SO])
        if self.pk:
            stored = stored.exclude(pk=self.pk)
        if siblings is not None and decision.pk:
            stored = stored.exclude(decision_id=decision.pk)
        codes = list(stored.values_list("title__code", flat=True))
        codes += [line.title.code for line in siblings or [] if line.status == line.Status.VALID and line.title_id]
        codes.append(law.CSTD_CO_SO)
        ldtt, cstd = codes.count(law.LDTT), codes.count(law.CSTD_CO_SO)
        allowed = law.cap_allows(cap.percent, ldtt)
        if cstd <= allowed:
            return []
        return [
            ValidationError(
                _(
                    "%(count)s “Chiến sĩ thi đua cơ sở” for %(year)s against %(ldtt)s “Lao động tiên tiến”: "
                    "%(source)s allows at most %(percent)s%%, that is %(allowed)s."
                ),
                code="share",
                params={
                    "count": cstd,
                    "year": decision.year,
                    "ldtt": ldtt,
                    "source": cap.legal_basis,
                    "percent": cap.percent,
                    "allowed": allowed,
                },
            )
        ]

    def _peers(self, decision, siblings):
        """This recipient's other counting lines: from the database, and
        from ``siblings`` in place of the decision's stored lines."""
        recipient = Q(person_id=self.person_id) if self.person_id else Q(collective_id=self.collective_id)
        stored = type(self).objects.counting().filter(recipient).select_related("title", "decision")
        if self.pk:
            stored = stored.exclude(pk=self.pk)
        peers = []
        if siblings is not None:
            if decision.pk:
                stored = stored.exclude(decision_id=decision.pk)
            peers = [
                line
                for line in siblings
                if line.status == line.Status.VALID
                and line.title_id
                and (line.person_id, line.collective_id) == (self.person_id, self.collective_id)
            ]
        for line in stored:
            if decision.pk and line.decision_id == decision.pk:
                line.decision = decision
            peers.append(line)
        return peers

    def _prerequisite_errors(self, year, peers, code, years):
        held = {peer.decision.year for peer in peers if peer.title.code == code}
        missing = [str(y) for y in years if y not in held]
        if not missing:
            return []
        required = Title.objects.filter(code=code).first() or code
        params = {"recipient": self.recipient.name, "title": self.title, "year": year, "required": required}
        if years == [year]:
            message = _(
                "“%(title)s” for %(year)s requires “%(required)s” for the same year, which %(recipient)s lacks."
            )
        elif years == list(range(years[0], year + 1)):
            message = _(
                "“%(title)s” for %(year)s requires “%(required)s” in each of the %(count)s years "
                "%(first)s–%(year)s; %(recipient)s lacks it for %(missing)s."
            )
            params.update(count=len(years), first=years[0], missing=", ".join(missing))
        else:
            message = _(
                "“%(title)s” for %(year)s requires “%(required)s” twice in a row, for %(years)s; "
                "%(recipient)s lacks it for %(missing)s."
            )
            params.update(years=", ".join(str(y) for y in years), missing=", ".join(missing))
        return [ValidationError(message, code="prerequisite", params=params)]

    def _revocation_errors(self, decision, peers):
        errors = []
        year = decision.year
        for code, years in law.dependants(self.title.code, year):
            for peer in peers:
                if peer.title.code == code and peer.decision.year in years:
                    errors.append(
                        ValidationError(
                            _("Revoke “%(other)s” for %(year)s (decision %(number)s) first: it rests on this award."),
                            code="dependant",
                            params={"other": peer.title, "year": peer.decision.year, "number": peer.decision.number},
                        )
                    )
        return errors
