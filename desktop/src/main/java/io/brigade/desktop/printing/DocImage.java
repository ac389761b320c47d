package io.brigade.desktop.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a document, or one line of it, as a black-and-white image the width of the paper: what a printer prints
 * where its character table lacks a script (Greek on a Latin code page, say), and a faithful preview of a receipt.
 * Text is drawn in the JVM's monospaced font, whose fallbacks cover the scripts the operating system has fonts for.
 */
public final class DocImage {
    /** The height of one line of normal text, in dots, as the printer's 12x24 font. */
    private static final int LINE = 26;

    private DocImage() {
    }

    /** The whole document, {@code paperWidth} mm wide (58 or 80), as the printer would put it on paper. */
    public static BufferedImage render(PrintDoc doc, int paperWidth) {
        int width = Lines.dots(paperWidth);
        int columns = Lines.columns(paperWidth);
        List<BufferedImage> parts = new ArrayList<>();
        for (PrintDoc.Block b : doc.blocks()) {
            switch (b.kind()) {
                case TEXT, ROW -> Lines.of(b, columns).forEach(line -> parts.add(line(Lines.align(line,
                        columns / Lines.factor(b.size()), b.align()), b.size(), b.bold(), width, columns)));
                case RULE -> parts.add(line("-".repeat(columns), PrintDoc.Size.NORMAL, false, width, columns));
                case FEED -> parts.add(blank(width, LINE));
                case IMAGE -> parts.add(centered(logo(b.text(), width / 2), width));
                case QR -> parts.add(centered(qr(b.text(), 200), width));
            }
        }
        int height = parts.stream().mapToInt(BufferedImage::getHeight).sum() + 2 * LINE;
        BufferedImage out = blank(width, height);
        Graphics2D g = out.createGraphics();
        int y = LINE;
        for (BufferedImage p : parts) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        return out;
    }

    /**
     * One line of text, already laid out in its columns, drawn {@code width} dots wide: a character takes the width
     * of one of {@code columns} columns (times its size), as the printer's own font would.
     */
    static BufferedImage line(String text, PrintDoc.Size size, boolean bold, int width, int columns) {
        int factor = Lines.factor(size);
        int cell = width / columns * factor;
        int height = LINE * factor;
        BufferedImage img = blank(width, height);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.BLACK);
        Font font = new Font(Font.MONOSPACED, bold ? Font.BOLD : Font.PLAIN, 20 * factor);
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        int baseline = (height - m.getHeight()) / 2 + m.getAscent();
        int x = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cp != ' ') {
                int w = m.stringWidth(ch);
                g.drawString(ch, x + Math.max(0, (cell - w) / 2), baseline);
            }
            x += cell;
            i += Character.charCount(cp);
        }
        g.dispose();
        return img;
    }

    /** The image as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logo (a PNG in base64), at most {@code maxWidth} dots wide; nothing when it cannot be read. */
    static BufferedImage logo(String base64, int maxWidth) {
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            if (src == null) {
                return blank(1, 1);
            }
            double scale = Math.min(1.0, (double) maxWidth / src.getWidth());
            int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
            BufferedImage out = blank(w, h);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
            g.dispose();
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return blank(1, 1);
        }
    }

    /** A QR code of {@code data}, {@code size} dots square. */
    static BufferedImage qr(String data, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.MARGIN, 1));
            BufferedImage out = blank(m.getWidth(), m.getHeight());
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        out.setRGB(x, y, 0xFF000000);
                    }
                }
            }
            return out;
        } catch (WriterException e) {
            return blank(1, 1);
        }
    }

    private static BufferedImage centered(BufferedImage img, int width) {
        BufferedImage out = blank(width, img.getHeight() + 8);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, Math.max(0, (width - img.getWidth()) / 2), 4, null);
        g.dispose();
        return out;
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }
}
