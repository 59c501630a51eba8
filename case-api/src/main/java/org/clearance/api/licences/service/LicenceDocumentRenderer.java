package org.clearance.api.licences.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.clearance.api.licences.domain.Licence;
import org.clearance.api.licences.domain.LicenceItem;
import org.clearance.api.licences.domain.LicenceParty;

/**
 * Renders the licence document with PDFBox: title, number, holder, validity, items with their
 * limits, destinations, parties, conditions and the issuing authority. Rendered once at issue and
 * stored, so downloads never change.
 */
@ApplicationScoped
public class LicenceDocumentRenderer {

  private static final float MARGIN = 50;
  private static final float LEADING = 14;
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
  private static final DateTimeFormatter ISSUED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public byte[] render(Licence licence, String issuingAuthority) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Export licence " + licence.number());
      info.setSubject("Export licence for case " + licence.caseReference());
      info.setProducer("Clearance");
      Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      issued.setTimeInMillis(licence.issuedAt().toEpochMilli());
      info.setCreationDate(issued);
      try (Writer out = new Writer(document)) {
        out.line(Writer.BOLD, 18, "EXPORT LICENCE");
        out.line(Writer.BOLD, 14, "Licence number: " + licence.number());
        out.gap();
        out.line(Writer.REGULAR, 10, "Case reference: " + licence.caseReference());
        out.line(
            Writer.REGULAR,
            10,
            "Valid from " + licence.validFrom() + " to " + licence.validUntil() + " (inclusive)");
        out.line(Writer.REGULAR, 10, "Issued: " + ISSUED.format(licence.issuedAt()));
        out.gap();
        out.line(Writer.BOLD, 12, "Licence holder");
        out.line(Writer.REGULAR, 10, "Organisation: " + licence.holder().organisation());
        out.line(
            Writer.REGULAR,
            10,
            "Contact: "
                + orDash(licence.holder().contactName())
                + " <"
                + orDash(licence.holder().contactEmail())
                + ">");
        out.gap();
        out.line(Writer.BOLD, 12, "Items and limits");
        out.row(Writer.BOLD, "#", "ECCN", "Description", "Quantity limit", "Value limit");
        int position = 1;
        for (LicenceItem item : licence.items()) {
          out.row(
              Writer.REGULAR,
              String.valueOf(position++),
              item.eccn(),
              item.description(),
              quantity(item.quantityLimit()) + " " + item.unit(),
              money(item.valueLimit()) + " " + item.currency());
        }
        out.gap();
        out.line(Writer.BOLD, 12, "Destinations");
        out.line(Writer.REGULAR, 10, String.join(", ", licence.destinations()));
        out.gap();
        out.line(Writer.BOLD, 12, "End users and consignees");
        for (LicenceParty party : licence.parties()) {
          out.wrapped(
              Writer.REGULAR,
              10,
              role(party.role())
                  + ": "
                  + party.name()
                  + ", "
                  + orDash(party.address())
                  + " ("
                  + orDash(party.country())
                  + ")");
        }
        out.gap();
        out.line(Writer.BOLD, 12, "Conditions");
        if (licence.conditions().isEmpty()) {
          out.line(Writer.REGULAR, 10, "None beyond the applicable export regulations.");
        }
        int condition = 1;
        for (String text : licence.conditions()) {
          out.wrapped(Writer.REGULAR, 10, (condition++) + ". " + text);
        }
        out.gap();
        out.gap();
        out.wrapped(Writer.BOLD, 10, issuingAuthority);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render licence " + licence.number(), e);
    }
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private static String quantity(BigDecimal value) {
    return value == null ? "-" : new DecimalFormat("#,##0.####", SYMBOLS).format(value);
  }

  private static String money(BigDecimal value) {
    return value == null ? "-" : new DecimalFormat("#,##0.00", SYMBOLS).format(value);
  }

  /** END_USER reads as "End user". */
  private static String role(String role) {
    String words = role.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Writes lines top-down and starts a new page when one is full. */
  private static final class Writer implements AutoCloseable {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float[] COLUMNS = {0, 20, 80, 330, 420};
    private static final float[] COLUMN_WIDTHS = {18, 58, 245, 88, 75};

    private final PDDocument document;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    void line(PDType1Font font, float size, String text) throws IOException {
      ensureRoom(size + 4);
      show(font, size, MARGIN, safe(text));
      y -= size + 4;
    }

    void wrapped(PDType1Font font, float size, String text) throws IOException {
      for (String part : wrap(font, size, safe(text), PAGE.getWidth() - 2 * MARGIN)) {
        line(font, size, part);
      }
    }

    /** One row of the items table; long cells wrap within their column. */
    void row(PDType1Font font, String... cells) throws IOException {
      float size = 9;
      List<List<String>> wrappedCells = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < cells.length; i++) {
        List<String> cell = wrap(font, size, safe(cells[i]), COLUMN_WIDTHS[i]);
        wrappedCells.add(cell);
        lines = Math.max(lines, cell.size());
      }
      ensureRoom(lines * LEADING);
      for (int line = 0; line < lines; line++) {
        for (int i = 0; i < cells.length; i++) {
          List<String> cell = wrappedCells.get(i);
          if (line < cell.size()) {
            show(font, size, MARGIN + COLUMNS[i], cell.get(line));
          }
        }
        y -= LEADING - 2;
      }
      y -= 2;
    }

    void gap() {
      y -= LEADING / 2;
    }

    private void show(PDType1Font font, float size, float x, String text) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
    }

    private void ensureRoom(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PAGE.getHeight() - MARGIN;
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = current.isEmpty() ? word : current + " " + word;
        if (current.isEmpty() || font.getStringWidth(candidate) / 1000 * size <= width) {
          current.setLength(0);
          current.append(candidate);
        } else {
          lines.add(current.toString());
          current.setLength(0);
          current.append(word);
        }
      }
      lines.add(current.toString());
      return lines;
    }

    /** The standard fonts encode WinAnsi only; anything else is shown as '?'. */
    private static String safe(String text) {
      if (text == null) {
        return "";
      }
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              c -> {
                if (Character.isWhitespace(c)) {
                  out.append(' ');
                } else if ((c >= 0x21 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF)) {
                  out.append((char) c);
                } else {
                  out.append('?');
                }
              });
      return out.toString();
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
