package io.brigade.server.webhooks;

import io.brigade.protocol.webhooks.WebhookSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The published menu carried by menu.published.v1. The outbox stores the event with {@code "menu":null} and a
 * reference to the revision; at posting time the revision's snapshot is streamed into that place, signed as it
 * goes, and a body over {@link #COMPRESS_ABOVE} bytes is sent gzip-compressed ({@code Content-Encoding: gzip}):
 * a 100,000-item menu is ~70 MB of JSON and ~7 MB on the wire. The signature covers the JSON itself, which is
 * what a receiver reads once its HTTP stack has undone the content coding.
 */
public final class MenuAttachment {
    static final String FIELD = "menu";
    static final int COMPRESS_ABOVE = 1 << 20;
    private static final String PREFIX = "menu-revision:";
    private static final String PLACE = "\"" + FIELD + "\":null";

    /** Writes a revision's menu JSON; false when the revision does not exist. */
    @FunctionalInterface
    public interface Source {
        boolean writeMenu(String menuId, long revisionId, OutputStream out) throws IOException;
    }

    /** A body ready to post, with its signature header. */
    record Body(byte[] bytes, boolean gzip, String signature) {
    }

    private MenuAttachment() {
    }

    static String reference(String menuId, long revisionId) {
        return PREFIX + menuId + ":" + revisionId;
    }

    /** The body with the referenced menu in place, or null when the reference names no revision (any more). */
    static Body render(String payload, String reference, Source source, WebhookSignature.Signer signer)
            throws IOException {
        if (!reference.startsWith(PREFIX) || reference.lastIndexOf(':') <= PREFIX.length()) {
            throw new IllegalArgumentException("unknown attachment " + reference);
        }
        String menuId = reference.substring(PREFIX.length(), reference.lastIndexOf(':'));
        long revisionId = Long.parseLong(reference.substring(reference.lastIndexOf(':') + 1));
        // The first "menu":null outside a string is the property's: inside a JSON string every quote is escaped.
        int at = payload.indexOf(PLACE);
        if (at < 0) {
            throw new IllegalArgumentException("payload has no place for its attachment");
        }
        SignedSink sink = new SignedSink(signer);
        sink.write(payload.substring(0, at + FIELD.length() + 3).getBytes(StandardCharsets.UTF_8));
        if (!source.writeMenu(menuId, revisionId, sink)) {
            return null;
        }
        sink.write(payload.substring(at + PLACE.length()).getBytes(StandardCharsets.UTF_8));
        sink.close();
        return new Body(sink.bytes(), sink.gzip != null, signer.header());
    }

    /**
     * Signs every byte and keeps the body: plain while it is small, gzip-compressed (fastest level) from the
     * moment it passes {@link #COMPRESS_ABOVE}, so a large body is never held uncompressed.
     */
    private static final class SignedSink extends OutputStream {
        private final WebhookSignature.Signer signer;
        private final ByteArrayOutputStream plain = new ByteArrayOutputStream(8192);
        private ByteArrayOutputStream compressed;
        private GZIPOutputStream gzip;

        SignedSink(WebhookSignature.Signer signer) {
            this.signer = signer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            signer.update(b, off, len);
            if (gzip == null && plain.size() + len > COMPRESS_ABOVE) {
                compressed = new ByteArrayOutputStream(1 << 20);
                gzip = new GZIPOutputStream(compressed, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
                plain.writeTo(gzip);
                plain.reset();
            }
            if (gzip != null) {
                gzip.write(b, off, len);
            } else {
                plain.write(b, off, len);
            }
        }

        @Override
        public void close() throws IOException {
            if (gzip != null) {
                gzip.close();
            }
        }

        byte[] bytes() {
            return gzip != null ? compressed.toByteArray() : plain.toByteArray();
        }
    }
}
