"""The drafted narrative: "Báo cáo tổng kết công tác năm N, phương hướng
nhiệm vụ năm N+1" as a Word document (python-docx) in the administrative
form of Decree 30/2020/NĐ-CP, for staff to finish in Word or LibreOffice.

Section I is written from the records only (plan figures, awards); section
II leaves its headings for staff to fill; section III lists next year's
targets when a plan is set. Nothing is written that the records do not say.
"""

from django.conf import settings
from django.utils import timezone, translation

from coopportal.lib.scope import Scope
from reports import sentences
from reports.figures import plan_lines
from reports.workbook import MOTTO, Context

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
GAP = "…"  # where staff write


def _set_font(style_or_run, size=None, bold=None, italic=None):
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = FONT
    # Word reads the East Asian and complex-script slots too; name them all.
    fonts = style_or_run.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    font.color.rgb = RGBColor(0, 0, 0)


class Writer:
    """A document with the few paragraph kinds a report uses."""

    def __init__(self):
        from docx import Document
        from docx.shared import Cm

        self.document = Document()
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        for name in ("Normal", "Heading 1", "Heading 2", "Title"):
            style = self.document.styles[name]
            _set_font(style, size=14, bold=name != "Normal", italic=False)
        for name in ("Heading 1", "Heading 2"):
            fmt = self.document.styles[name].paragraph_format
            fmt.space_before, fmt.space_after, fmt.keep_with_next = Cm(0.2), Cm(0.1), True
        self._page_numbers(section)

    def _page_numbers(self, section):
        """Page numbers centred at the top, none on the first page."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        _set_font(run, size=13)
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)

    def paragraph(self, text="", *, size=14, bold=False, italic=False, align="justify", indent=True, cell=None):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        target = cell if cell is not None else self.document
        paragraph = target.add_paragraph()
        paragraph.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[align]
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(6) if cell is None else Pt(0)
        if indent and cell is None:
            fmt.first_line_indent = Cm(1)
        if text:
            run = paragraph.add_run(text)
            _set_font(run, size=size, bold=bold, italic=italic)
        return paragraph

    def heading(self, text, level):
        paragraph = self.document.add_heading(text, level=level)
        paragraph.paragraph_format.first_line_indent = self.document.styles["Normal"].paragraph_format.first_line_indent
        for run in paragraph.runs:
            _set_font(run, size=14, bold=True, italic=False)
        return paragraph

    def two_columns(self, left, right, widths=(7.5, 9)):
        """A borderless two-column block: [(text, size, bold, italic)] each."""
        from docx.oxml import OxmlElement
        from docx.shared import Cm

        table = self.document.add_table(rows=1, cols=2)
        table.autofit = False
        # The block stays on one page: its row never splits.
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for cell, lines, width in zip(table.rows[0].cells, (left, right), widths, strict=True):
            cell.width = Cm(width)
            cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
            for text, size, bold, italic, align in lines:
                self.paragraph(text, size=size, bold=bold, italic=italic, align=align, cell=cell)
        return table


def _form_header(writer, context):
    report = context.settings
    left = [
        (report.parent_body.upper(), 13, False, False, "center"),
        (report.issuing_body.upper(), 12, True, False, "center"),
        ("", 6, False, False, "center"),
        (report.number_line, 13, False, False, "center"),
    ]
    right = [
        (MOTTO[0], 12, True, False, "center"),
        (MOTTO[1], 13, True, False, "center"),
        ("", 6, False, False, "center"),
        (report.date_line, 14, False, True, "center"),
    ]
    if not report.parent_body:
        left.pop(0)
    table = writer.two_columns(left, right, widths=(7, 10))
    # The motto and the issuing body are underlined, as the decree's rule under them.
    for cell in table.rows[0].cells:
        for paragraph in cell.paragraphs:
            if paragraph.text in (MOTTO[1], report.issuing_body.upper()):
                paragraph.runs[0].font.underline = True


def _signature(writer, context):
    report = context.settings
    left = [("Nơi nhận:", 12, True, True, "left")] + [
        (f"- {r}", 11, False, False, "left") for r in report.recipient_lines
    ]
    right = [
        (t, 14, True, False, "center") for t in (report.signer_authority.upper(), report.signer_title.upper()) if t
    ]
    right += [("", 14, False, False, "center")] * 3 + [(report.signer_name, 14, True, False, "center")]
    writer.paragraph("")
    writer.two_columns(left, right, widths=(7.5, 8.5))


def write_narrative(year, stream, made_on=None, scope=None):
    """Write the drafted narrative for ``year`` to ``stream``."""
    made_on = made_on or timezone.localdate()
    scope = scope or Scope(province=settings.HOME_PROVINCE_CODE)
    with translation.override("vi"):
        context = Context(year, scope, made_on)
        writer = Writer()
        _form_header(writer, context)
        writer.paragraph("")
        writer.paragraph("BÁO CÁO", bold=True, align="center", indent=False)
        writer.paragraph(
            f"Tổng kết công tác năm {year}, phương hướng nhiệm vụ năm {year + 1}",
            bold=True,
            align="center",
            indent=False,
        )
        writer.paragraph(context.area, italic=True, align="center", indent=False)
        writer.paragraph("")

        writer.heading(f"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}", 1)
        lines = plan_lines(year, scope)
        parts = [*sentences.results(year, scope, lines), sentences.awards(year, scope)]
        number = 0
        for title, texts in parts:
            if not texts:
                continue
            number += 1
            writer.heading(f"{number}. {title}", 2)
            for text in texts:
                writer.paragraph(text)
        if not number:
            writer.paragraph(f"Chưa có số liệu thực hiện năm {year}.")

        writer.heading("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", 1)
        for number, title in enumerate(["Tồn tại, hạn chế", "Nguyên nhân", "Bài học kinh nghiệm"], start=1):
            writer.heading(f"{number}. {title}", 2)
            writer.paragraph(GAP)

        writer.heading(f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", 1)
        writer.heading("1. Các chỉ tiêu chủ yếu", 2)
        targets = sentences.targets(plan_lines(year + 1, scope))
        for text in targets or [f"Kế hoạch năm {year + 1} chưa được giao trên hệ thống."]:
            writer.paragraph(text)
        writer.heading("2. Nhiệm vụ, giải pháp chủ yếu", 2)
        writer.paragraph(GAP)
        writer.heading("IV. KIẾN NGHỊ, ĐỀ XUẤT", 1)
        writer.paragraph(GAP)

        writer.paragraph(
            f"(Số liệu tính từ cơ sở dữ liệu HTX, THT ngày {made_on:%d/%m/%Y}.)", size=12, italic=True, indent=False
        )
        _signature(writer, context)
        writer.document.core_properties.title = f"Báo cáo tổng kết công tác năm {year}"
        writer.document.core_properties.author = "coopportal"
        writer.document.save(stream)
