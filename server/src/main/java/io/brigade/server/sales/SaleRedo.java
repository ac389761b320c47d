package io.brigade.server.sales;

import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the commit journal keeps of a new sale: the sale as JSON (for a v3 push, the request body as it
 * came) and everything the server gave it (ids, times, status), so that redoing it after a crash stores
 * the very sale the client was answered about. The JSON is parsed and normalised again on redo, which
 * gives the same sale; keeping the request's bytes costs far less on the live path than writing the
 * parsed sale out again. Without a journal nothing is kept for a redo, and {@code saleJson} is null.
 */
record SaleRedo(SaleRecord record, String idempotencyKey, String requestHash, String responseBody, byte[] saleJson) {
    private static final int FORMAT = 1;

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(saleJson.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            SaleRecord r = record;
            out.writeByte(FORMAT);
            out.writeUTF(r.orgId());
            out.writeUTF(r.saleId());
            out.writeUTF(r.propertyId());
            out.writeUTF(r.displayId());
            out.writeLong(r.menuRevisionId());
            out.writeUTF(r.dateTime().toString());
            out.writeUTF(r.businessDate().toString());
            out.writeUTF(r.createdAt().toString());
            out.writeUTF(r.dispatchTime().toString());
            out.writeUTF(r.status().name());
            out.writeUTF(idempotencyKey);
            out.writeUTF(requestHash);
            writeBytes(out, responseBody.getBytes(StandardCharsets.UTF_8));
            writeBytes(out, saleJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SaleRedo parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IOException("unknown sale record format " + format);
            }
            String orgId = in.readUTF();
            String saleId = in.readUTF();
            String propertyId = in.readUTF();
            String displayId = in.readUTF();
            long revisionId = in.readLong();
            Instant dateTime = Instant.parse(in.readUTF());
            LocalDate businessDate = LocalDate.parse(in.readUTF());
            Instant createdAt = Instant.parse(in.readUTF());
            Instant dispatchTime = Instant.parse(in.readUTF());
            SaleStatus status = SaleStatus.valueOf(in.readUTF());
            String key = in.readUTF();
            String hash = in.readUTF();
            String response = new String(readBytes(in), StandardCharsets.UTF_8);
            byte[] request = readBytes(in);
            Sale sale = SaleIntake.normalise(Json.mapper().readValue(request, Sale.class));
            SaleRecord record = new SaleRecord(sale, saleId, orgId, propertyId, displayId, revisionId, dateTime,
                    businessDate, createdAt, dispatchTime, SaleValidator.totals(sale), status);
            return new SaleRedo(record, key, hash, response, request);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable sale in the commit journal", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }
}
