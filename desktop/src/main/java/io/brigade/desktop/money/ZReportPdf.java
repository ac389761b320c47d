package io.brigade.desktop.money;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.brigade.protocol.money.MoneyReport;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A Z (or X) report as a PDF on A4: the same lines as the back office shows, figures in two columns with the amounts
 * right-aligned, sections under bold headings. Written with the PDF standard fonts (Helvetica, WinAnsi): every
 * reader shows them without fonts embedded, and they cover the letters of English, German and Spanish and the euro.
 */
final class ZReportPdf {
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

    private ZReportPdf() {
    }

    static byte[] render(MoneyReport report, MoneyTexts texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            List<ReportText.Line> lines = ReportText.lines(report, texts);
            document.addTitle(lines.get(0).label());
            document.addCreator("Brigade");
            document.open();
            PdfPTable figures = null;
            for (ReportText.Line line : lines) {
                if (line.kind() == ReportText.Kind.FIGURE) {
                    if (figures == null) {
                        figures = new PdfPTable(new float[] {3, 2});
                        figures.setWidthPercentage(70);
                        figures.setHorizontalAlignment(Element.ALIGN_LEFT);
                    }
                    figures.addCell(cell(line.label(), Element.ALIGN_LEFT));
                    figures.addCell(cell(line.value(), Element.ALIGN_RIGHT));
                    continue;
                }
                if (figures != null) {
                    document.add(figures);
                    figures = null;
                }
                switch (line.kind()) {
                    case TITLE -> {
                        Paragraph title = new Paragraph(line.label(), TITLE);
                        title.setSpacingAfter(12);
                        document.add(title);
                    }
                    case HEADING -> {
                        Paragraph heading = new Paragraph(line.label(), HEADING);
                        heading.setSpacingBefore(10);
                        heading.setSpacingAfter(2);
                        document.add(heading);
                    }
                    default -> {
                        Paragraph item = new Paragraph(line.label(), TEXT);
                        item.setIndentationLeft(12);
                        document.add(item);
                    }
                }
            }
            if (figures != null) {
                document.add(figures);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the PDF could not be written", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, TEXT));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(1);
        cell.setPaddingBottom(3);
        return cell;
    }
}
