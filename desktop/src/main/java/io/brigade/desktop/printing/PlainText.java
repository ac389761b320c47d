package io.brigade.desktop.printing;

/** A document as plain monospaced text: the on-screen receipt, readable and the same as what prints. */
public final class PlainText {
    private PlainText() {
    }

    /** {@code doc} laid out {@code columns} wide (images and codes shown by what they hold). */
    public static String render(PrintDoc doc, int columns) {
        StringBuilder s = new StringBuilder();
        for (PrintDoc.Block b : doc.blocks()) {
            switch (b.kind()) {
                case TEXT, ROW -> {
                    // On screen every size is the normal one; large type is for the far side of a kitchen.
                    PrintDoc.Block normal = new PrintDoc.Block(b.kind(), b.text(), b.right(), PrintDoc.Size.NORMAL,
                            b.bold(), b.align());
                    for (String line : Lines.of(normal, columns)) {
                        s.append(stripEnd(Lines.align(line, columns, b.align()))).append('\n');
                    }
                }
                case RULE -> s.append("-".repeat(columns)).append('\n');
                case FEED -> s.append('\n');
                case IMAGE, QR -> {
                    // The logo and the code are drawn only where images are (the printer, the preview image).
                }
            }
        }
        return s.toString();
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
