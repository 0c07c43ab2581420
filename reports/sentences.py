"""The narrative's sentences, in the Vietnamese of the Alliance's reports,
written from the plan figures and the awards only ("Thành lập mới 87 HTX,
đạt 133,8% kế hoạch; 1.183 THT, đạt 118,3% kế hoạch.")."""

from planning.measures import MEASURES, figures
from reports.figures import ocop_cooperatives, plan_area_scope, vn_number


def _reached(line):
    """ ", đạt 133,8% kế hoạch" for a count with a target; for a rate, the
    target and whether it is met; nothing without a target."""
    if line.target is None:
        return ""
    if line.is_rate:
        verdict = "đạt kế hoạch" if line.met else "chưa đạt kế hoạch"
        return f" (kế hoạch {line.target_words()}), {verdict}"
    return f", đạt {vn_number(line.percent)}% kế hoạch"


def _unit(line):
    return line.unit if line.unit == "%" else f" {line.unit}"


def _amount(line):
    decimals = 1 if line.is_rate else 0
    return f"{vn_number(line.actual, decimals)}{_unit(line)}"


def _sentence(line, year, area):
    """One figure as a clause, worded for the measures the reports name."""
    n = vn_number(line.actual)
    reached = _reached(line)
    wording = {
        "htx_converted": f"Có {n} HTX chuyển đổi thành HTX kiểu mới{reached}",
        "value_chain_models": f"Xây dựng {n} mô hình HTX sản xuất gắn với chuỗi giá trị{reached}",
        "htx_good_or_fair": f"Có {n} HTX hoạt động hiệu quả, bền vững (xếp loại khá trở lên){reached}",
    }
    if line.measure == "ocop_supported":
        holders = ocop_cooperatives(year, area)
        return f"Tư vấn, hỗ trợ {n} sản phẩm OCOP cho {vn_number(holders)} HTX{reached}"
    if line.measure in wording:
        return wording[line.measure]
    return f"{line.name}: {_amount(line)}{reached}"


def results(year, scope, lines):
    """Section I's parts: [(title, [paragraph])], from the year's figures;
    what the lines do not hold is counted over the plan's area too."""
    area = plan_area_scope(year, scope)
    done = [line for line in lines if line.actual is not None]
    by_section = {}
    for line in done:
        by_section.setdefault(line.section, []).append(line)

    development = []
    new = {line.measure: line for line in done if line.measure in ("htx_registered", "tht_established")}
    if new:
        clauses = []
        if "htx_registered" in new:
            line = new["htx_registered"]
            clauses.append(f"{vn_number(line.actual)} HTX{_reached(line)}")
        if "tht_established" in new:
            line = new["tht_established"]
            clauses.append(f"{vn_number(line.actual)} THT{_reached(line)}")
        development.append(f"Trong năm {year}, thành lập mới " + "; ".join(clauses) + ".")
    others = [
        _sentence(line, year, area)
        for key in ("htx", "union", "tht")
        for line in by_section.get(key, [])
        if line.measure not in new
    ]
    if others:
        development.append(_clauses(others))

    quality = [_sentence(line, year, area) for key in ("quality", "income") for line in by_section.get(key, [])]
    alliance = []
    for line in by_section.get("alliance", []):
        alliance.append(_sentence(line, year, area) + ".")
        if line.evidence:
            alliance.append(line.evidence)
    alliance += alliance_work(year, area)
    return [
        ("Phát triển hợp tác xã, tổ hợp tác", development),
        ("Chất lượng, hiệu quả hoạt động", [_clauses(quality)] if quality else []),
        ("Hoạt động tư vấn, hỗ trợ của Liên minh HTX", alliance),
    ]


# The Alliance's own figures the narrative speaks of (support registers
# them into planning's measures under these codes).
ALLIANCE_CODES = (
    "fund_loans_disbursed",
    "fund_loans_amount",
    "fund_loans_outstanding",
    "fund_loans_overdue_share",
    "training_classes",
    "training_participants",
    "support_cases",
    "htx_founded_with_support",
    "trade_events",
    "trade_contracts_value",
    "alliance_members",
)


def alliance_work(year, area):
    """Sentences on the Alliance's own work (the support fund's loans,
    training, the Centre's advice, trade promotion, membership), from the
    Alliance's records within ``area`` (the plan's area, from results()); a
    kind of work with no record in the year is not mentioned."""
    available = [code for code in ALLIANCE_CODES if code in MEASURES]
    if not available:
        return []
    found = figures(set(available), [year], area)
    value = {code: found[(code, year)].value for code in available}

    def has(code):
        return bool(value.get(code))

    sentences = []
    if has("fund_loans_disbursed"):
        text = (
            f"Hỗ trợ {vn_number(value['fund_loans_disbursed'])} khoản vay từ Quỹ hỗ trợ phát triển HTX, "
            f"tổng số tiền giải ngân {vn_number(value['fund_loans_amount'])} đồng"
        )
        if has("fund_loans_outstanding"):
            text += f"; dư nợ đến 31/12/{year} là {vn_number(value['fund_loans_outstanding'])} đồng"
            if has("fund_loans_overdue_share"):
                text += f", nợ quá hạn chiếm {vn_number(value['fund_loans_overdue_share'], 1)}% dư nợ"
        sentences.append(text + ".")
    if has("training_classes"):
        sentences.append(
            f"Tổ chức {vn_number(value['training_classes'])} lớp bồi dưỡng, tập huấn"
            + (
                f" với {vn_number(value['training_participants'])} lượt học viên"
                if has("training_participants")
                else ""
            )
            + "."
        )
    if has("support_cases"):
        text = f"Trung tâm tư vấn hỗ trợ thành viên tư vấn, hỗ trợ {vn_number(value['support_cases'])} vụ việc"
        if has("htx_founded_with_support"):
            text += f", trong đó hỗ trợ thành lập mới {vn_number(value['htx_founded_with_support'])} HTX"
        sentences.append(text + ".")
    if has("trade_events"):
        text = f"Tổ chức, tham gia {vn_number(value['trade_events'])} hoạt động xúc tiến thương mại"
        if has("trade_contracts_value"):
            text += f"; các hợp đồng được ký kết trị giá {vn_number(value['trade_contracts_value'])} đồng"
        sentences.append(text + ".")
    if has("alliance_members"):
        sentences.append(f"Đến 31/12/{year}, Liên minh có {vn_number(value['alliance_members'])} thành viên.")
    return sentences


def awards(year, scope):
    """The year's awards by title: "Chiến sĩ thi đua cơ sở cho 1 cá nhân
    (Nguyễn Đức Lâm, Giám đốc …); Lao động tiên tiến cho 6 cá nhân"."""
    from awards.models import AwardLine

    lines = AwardLine.objects.for_report(year)
    if scope.province:
        lines = lines.filter(decision__province_id=scope.province)
    titles, total, count = {}, 0, 0
    for line in lines:
        people, collectives = titles.setdefault(line.title.name, ([], []))
        (collectives if line.is_collective else people).append(line.recipient)
        total += line.reward_amount or 0
        count += 1
    if not count:
        return ("Công tác thi đua, khen thưởng", [])
    parts = []
    for name, (people, collectives) in titles.items():
        receivers = []
        if people:
            shown = ""
            if len(people) <= 3:
                shown = " (" + "; ".join(_person(p) for p in people) + ")"
            receivers.append(f"{vn_number(len(people))} cá nhân{shown}")
        if collectives:
            receivers.append(f"{vn_number(len(collectives))} tập thể")
        parts.append(f"{name} cho " + " và ".join(receivers))
    text = (
        f"Năm {year} có {vn_number(count)} lượt khen thưởng: " + "; ".join(parts) + f". Tổng số tiền thưởng "
        f"{vn_number(total)} đồng."
    )
    return ("Công tác thi đua, khen thưởng", [text])


def _person(person):
    where = ", ".join(p for p in (person.job_title, person.unit) if p)
    return f"{person.full_name} – {where}" if where else person.full_name


def _clauses(texts):
    """Clauses joined into one sentence: "Có 30 HTX …; xây dựng 5 mô hình …"."""
    return "; ".join([texts[0]] + [_lower_first(t) for t in texts[1:]]) + "."


def _lower_first(text):
    """ "Xây dựng …" -> "xây dựng …", but "HTX …" stays."""
    if text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def targets(lines):
    """Next year's targets as the plan words them: "Thành lập mới HTX: 80 HTX;"."""
    planned = [line for line in lines if line.target is not None]
    texts = []
    for index, line in enumerate(planned):
        end = "." if index == len(planned) - 1 else ";"
        texts.append(f"- {line.name}: {line.target_words()}{end}")
    return texts
