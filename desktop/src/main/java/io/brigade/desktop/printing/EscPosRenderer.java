package io.brigade.desktop.printing;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;
import io.brigade.protocol.store.StorePrinter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Writes a document as the ESC/POS bytes one printer needs (through escpos-coffee): its character table selected
 * and every line encoded in it, a line the table cannot hold drawn as a raster image instead (never a row of
 * question marks), the drawer's pulse first when the document opens it, and a partial cut at the end.
 */
public final class EscPosRenderer {
    private EscPosRenderer() {
    }

    /** The bytes of {@code doc} for {@code printer}. */
    public static byte[] render(PrintDoc doc, StorePrinter printer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EscPos escpos = new EscPos(out);
            int paper = printer.paperWidth() == null ? 80 : printer.paperWidth();
            int columns = Lines.columns(paper);
            int dots = Lines.dots(paper);
            EscPos.CharacterCodeTable table = EscPos.CharacterCodeTable.valueOf(printer.codePage());
            escpos.initializePrinter();
            escpos.setCharacterCodeTable(table);
            CharsetEncoder encoder = Charset.forName(table.charsetName).newEncoder();
            if (doc.openDrawer() && printer.drawer() != null) {
                // First, so the drawer is open while the receipt prints.
                StorePrinter.CashDrawer d = printer.drawer();
                escpos.pulsePin(d.pin() == 5 ? EscPos.PinConnector.Pin_5 : EscPos.PinConnector.Pin_2,
                        Math.min(255, d.onMs() / 2), Math.min(255, d.offMs() / 2));
            }
            for (PrintDoc.Block b : doc.blocks()) {
                switch (b.kind()) {
                    case TEXT, ROW -> {
                        Style style = style(b);
                        for (String line : Lines.of(b, columns)) {
                            if (encoder.canEncode(line)) {
                                escpos.writeLF(style, line);
                            } else {
                                int width = columns / Lines.factor(b.size());
                                raster(escpos, DocImage.line(Lines.align(line, width, b.align()), b.size(), b.bold(),
                                        dots, columns));
                            }
                        }
                    }
                    case RULE -> escpos.writeLF(new Style(), "-".repeat(columns));
                    case FEED -> escpos.feed(1);
                    case IMAGE -> raster(escpos, centered(DocImage.logo(b.text(), dots / 2), dots));
                    case QR -> escpos.write(new QRCode().setSize(6).setJustification(EscPosConst.Justification.Center),
                            b.text()).feed(1);
                }
            }
            escpos.feed(4).cut(EscPos.CutMode.PART);
            escpos.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ESC/POS to memory", e);
        }
    }

    /** The cash drawer's pulse alone (a no-sale): nothing printed, nothing cut. */
    public static byte[] drawerOnly(StorePrinter printer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EscPos escpos = new EscPos(out);
            StorePrinter.CashDrawer d = printer.drawer() == null ? StorePrinter.CashDrawer.STANDARD : printer.drawer();
            escpos.initializePrinter();
            escpos.pulsePin(d.pin() == 5 ? EscPos.PinConnector.Pin_5 : EscPos.PinConnector.Pin_2,
                    Math.min(255, d.onMs() / 2), Math.min(255, d.offMs() / 2));
            escpos.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ESC/POS to memory", e);
        }
    }

    private static Style style(PrintDoc.Block b) {
        Style.FontSize size = switch (b.size()) {
            case NORMAL -> Style.FontSize._1;
            case LARGE -> Style.FontSize._2;
            case HUGE -> Style.FontSize._3;
        };
        return new Style().setFontSize(size, size).setBold(b.bold()).setJustification(switch (b.align()) {
            case LEFT -> EscPosConst.Justification.Left_Default;
            case CENTER -> EscPosConst.Justification.Center;
            case RIGHT -> EscPosConst.Justification.Right;
        });
    }

    private static void raster(EscPos escpos, BufferedImage image) throws IOException {
        escpos.write(new RasterBitImageWrapper(), new EscPosImage(new CoffeeImageImpl(image), new BitonalThreshold()));
    }

    private static BufferedImage centered(BufferedImage img, int width) {
        BufferedImage out = new BufferedImage(width, img.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, img.getHeight());
        g.drawImage(img, Math.max(0, (width - img.getWidth()) / 2), 0, null);
        g.dispose();
        return out;
    }
}
