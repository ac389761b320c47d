package io.brigade.desktop.printing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to print, before any printer is chosen: lines of text (normal, large or huge; bold; left, centred or right),
 * label-and-amount rows, rules, a logo, a QR code, and whether the cash drawer opens first. It is stored as it is
 * (JSON) with its job, and drawn for the printer that finally prints it: its paper width and character table, or as
 * an image where the table lacks a script.
 */
public record PrintDoc(List<Block> blocks, boolean openDrawer) {

    public PrintDoc {
        blocks = List.copyOf(blocks);
    }

    public enum Kind { TEXT, ROW, RULE, IMAGE, QR, FEED }

    public enum Size { NORMAL, LARGE, HUGE }

    public enum Align { LEFT, CENTER, RIGHT }

    /**
     * One block: {@code TEXT} prints {@code text}; {@code ROW} prints {@code text} on the left and {@code right} on
     * the right of one line; {@code RULE} a line of dashes; {@code IMAGE} the PNG in {@code text} (base64); {@code QR}
     * a QR code of {@code text}; {@code FEED} an empty line.
     */
    public record Block(Kind kind, String text, String right, Size size, boolean bold, Align align) {
        public Block {
            Objects.requireNonNull(kind, "kind == null");
            size = size == null ? Size.NORMAL : size;
            align = align == null ? Align.LEFT : align;
        }
    }

    /** The document's text lines, without images and codes: what a test or a screen reader sees. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind() == Kind.TEXT) {
                out.add(b.text());
            } else if (b.kind() == Kind.ROW) {
                out.add(b.text() + " " + b.right());
            }
        }
        return out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a document line by line. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private boolean drawer;

        public Builder text(String text) {
            return add(new Block(Kind.TEXT, text, null, Size.NORMAL, false, Align.LEFT));
        }

        public Builder text(String text, Size size, boolean bold, Align align) {
            return add(new Block(Kind.TEXT, text, null, size, bold, align));
        }

        public Builder centered(String text) {
            return add(new Block(Kind.TEXT, text, null, Size.NORMAL, false, Align.CENTER));
        }

        /** Each line of {@code text} (split at line breaks), centred; nothing for null or blank text. */
        public Builder centeredLines(String text) {
            if (text != null && !text.isBlank()) {
                text.strip().lines().forEach(this::centered);
            }
            return this;
        }

        public Builder row(String left, String right) {
            return add(new Block(Kind.ROW, left, right, Size.NORMAL, false, Align.LEFT));
        }

        public Builder row(String left, String right, Size size, boolean bold) {
            return add(new Block(Kind.ROW, left, right, size, bold, Align.LEFT));
        }

        public Builder rule() {
            return add(new Block(Kind.RULE, null, null, Size.NORMAL, false, Align.LEFT));
        }

        public Builder image(String pngBase64) {
            return pngBase64 == null || pngBase64.isBlank() ? this
                    : add(new Block(Kind.IMAGE, pngBase64, null, Size.NORMAL, false, Align.CENTER));
        }

        public Builder qr(String data) {
            return add(new Block(Kind.QR, data, null, Size.NORMAL, false, Align.CENTER));
        }

        public Builder feed() {
            return add(new Block(Kind.FEED, null, null, Size.NORMAL, false, Align.LEFT));
        }

        public Builder openDrawer(boolean open) {
            this.drawer = open;
            return this;
        }

        public Builder add(Block b) {
            blocks.add(b);
            return this;
        }

        public PrintDoc build() {
            return new PrintDoc(blocks, drawer);
        }
    }
}
