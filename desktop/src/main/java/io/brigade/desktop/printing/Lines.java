package io.brigade.desktop.printing;

import java.util.ArrayList;
import java.util.List;

/** Lays a block's text out in lines of a fixed number of columns, as a receipt printer's font prints them. */
final class Lines {
    private Lines() {
    }

    /** Characters per line of the printer's normal font: 32 on 58 mm paper, 48 on 80 mm. */
    static int columns(int paperWidth) {
        return paperWidth == 58 ? 32 : 48;
    }

    /** Printable dots across: 384 on 58 mm paper, 576 on 80 mm (203 dpi). */
    static int dots(int paperWidth) {
        return paperWidth == 58 ? 384 : 576;
    }

    /** How many times wider than normal a character of {@code size} prints. */
    static int factor(PrintDoc.Size size) {
        return switch (size) {
            case NORMAL -> 1;
            case LARGE -> 2;
            case HUGE -> 3;
        };
    }

    /** The lines of a TEXT or ROW block, {@code columns} wide at its size. */
    static List<String> of(PrintDoc.Block b, int columns) {
        int width = Math.max(8, columns / factor(b.size()));
        if (b.kind() == PrintDoc.Kind.ROW) {
            return row(b.text() == null ? "" : b.text(), b.right() == null ? "" : b.right(), width);
        }
        return wrap(b.text() == null ? "" : b.text(), width);
    }

    /** {@code left} and {@code right} on one line; a left part too long for it wraps above the amount. */
    static List<String> row(String left, String right, int width) {
        int room = width - right.length() - 1;
        if (room < 4) {
            List<String> out = new ArrayList<>(wrap(left, width));
            out.add(pad(right, width, true));
            return out;
        }
        List<String> wrapped = wrap(left, room);
        List<String> out = new ArrayList<>(wrapped.subList(0, wrapped.size() - 1));
        String last = wrapped.get(wrapped.size() - 1);
        out.add(last + " ".repeat(width - last.length() - right.length()) + right);
        return out;
    }

    /** Words kept whole where they fit; a word longer than the line is cut. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            // A paragraph's indent (a modifier's, a note's) stays on each of its lines.
            String indent = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            if (indent.length() > width / 2) {
                indent = "";
            }
            int room = width - indent.length();
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                while (word.length() > room) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, room));
                    word = word.substring(room);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (!word.isEmpty()) {
                    line.append(line.length() > 0 ? " " : "").append(word);
                }
            }
            lines.add(line.toString());
            for (String l : lines) {
                out.add(l.isEmpty() ? l : indent + l);
            }
        }
        return out;
    }

    static String pad(String text, int width, boolean right) {
        if (text.length() >= width) {
            return text;
        }
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }

    static String align(String text, int width, PrintDoc.Align align) {
        return switch (align) {
            case LEFT -> text;
            case RIGHT -> pad(text, width, true);
            case CENTER -> " ".repeat(Math.max(0, (width - text.length()) / 2)) + text;
        };
    }
}
