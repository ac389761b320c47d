package io.brigade.server.network;

import io.brigade.server.db.DataFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own certificate authority and the server certificate it signs, kept in a directory of the server's
 * data ({@code store-ca.p12}, {@code server.p12}, owner-only). Made at first start; the server certificate is
 * renewed from the same authority before it ends, so paired devices (which pin the authority) keep working.
 * The authority signs nothing but this server's certificates. Keys are EC P-256.
 */
public final class StoreAuthority implements TlsMaterial {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAuthority.class);
    /** Protects the PKCS#12 files' structure; their secrecy comes from owner-only file permissions. */
    static final String PASSWORD = "brigade-store";
    static final Duration AUTHORITY_LIFETIME = Duration.ofDays(20 * 365);
    static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final X509Certificate authority;
    private final PrivateKey authorityKey;
    private final KeyStore server;
    private final Instant notAfter;
    private final Clock clock;

    private StoreAuthority(Path directory, X509Certificate authority, PrivateKey authorityKey, KeyStore server,
                           Clock clock) throws GeneralSecurityException {
        this.directory = directory;
        this.authority = authority;
        this.authorityKey = authorityKey;
        this.server = server;
        this.notAfter = ((X509Certificate) server.getCertificate(ALIAS)).getNotAfter().toInstant();
        this.clock = clock;
    }

    /** The authority and server certificate in {@code directory}, made there first when missing. */
    public static StoreAuthority loadOrCreate(Path directory, Clock clock) {
        try {
            DataFiles.directory(directory); // the store's keys: for the account that runs the server only
            Path caFile = directory.resolve("store-ca.p12");
            Path serverFile = directory.resolve("server.p12");
            KeyStore ca;
            if (Files.exists(caFile)) {
                ca = read(caFile);
            } else {
                ca = newAuthority(clock.instant());
                write(ca, caFile);
                LOG.info("made the store's certificate authority in {}", caFile);
            }
            X509Certificate caCert = (X509Certificate) ca.getCertificate("authority");
            PrivateKey caKey = (PrivateKey) ca.getKey("authority", PASSWORD.toCharArray());
            KeyStore server = Files.exists(serverFile) ? read(serverFile) : null;
            if (server == null || !issuedBy(server, caCert)) {
                server = newServer(caCert, caKey, clock.instant());
                write(server, serverFile);
            }
            return new StoreAuthority(directory, caCert, caKey, server, clock)
                    .renewedIfDue(clock.instant(), Duration.ofDays(30));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or make the store's certificates in " + directory, e);
        }
    }

    @Override
    public KeyStore keyStore() {
        return server;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public X509Certificate anchor() {
        return authority;
    }

    @Override
    public Instant notAfter() {
        return notAfter;
    }

    @Override
    public StoreAuthority renewedIfDue(Instant now, Duration margin) {
        if (now.plus(margin).isBefore(notAfter)) {
            return this;
        }
        try {
            KeyStore renewed = newServer(authority, authorityKey, now);
            write(renewed, directory.resolve("server.p12"));
            LOG.info("renewed the store server's certificate (the old one ended {}); paired devices keep working",
                    notAfter);
            return new StoreAuthority(directory, authority, authorityKey, renewed, clock);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("could not renew the store server's certificate; it ends {}", notAfter, e);
            return this;
        }
    }

    private static boolean issuedBy(KeyStore server, X509Certificate authority) throws GeneralSecurityException {
        Certificate[] chain = server.getCertificateChain(ALIAS);
        if (chain == null || chain.length == 0) {
            return false;
        }
        try {
            chain[0].verify(authority.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore newAuthority(Instant now) throws GeneralSecurityException, IOException {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=Brigade store authority " + Long.toHexString(RANDOM.nextLong()));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(AUTHORITY_LIFETIME)), name,
                keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate cert = sign(builder, keys.getPrivate());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("authority", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
        return store;
    }

    private static KeyStore newServer(X509Certificate authority, PrivateKey authorityKey, Instant now)
            throws GeneralSecurityException, IOException {
        KeyPair keys = ecKeys();
        String host = hostName();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVER_LIFETIME)),
                new X500Name("CN=" + host), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host)))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(authority))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate cert = sign(builder, authorityKey);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert, authority});
        return store;
    }

    /**
     * The names the certificate carries: this host's name, {@code name.local}, localhost and the addresses of its
     * interfaces. Devices check the chain against the pinned authority, not these names (a store PC's address
     * changes with DHCP), so they only help people and ordinary tools that look at the certificate.
     */
    private static GeneralName[] names(String host) {
        Set<String> dns = new LinkedHashSet<>(List.of(host, "localhost"));
        if (!host.contains(".")) {
            dns.add(host + ".local");
        }
        List<GeneralName> out = new ArrayList<>();
        dns.forEach(n -> out.add(new GeneralName(GeneralName.dNSName, n)));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!a.isLinkLocalAddress()) {
                        String literal = a.getHostAddress();
                        int zone = literal.indexOf('%');
                        out.add(new GeneralName(GeneralName.iPAddress, zone < 0 ? literal : literal.substring(0, zone)));
                    }
                }
            }
        } catch (SocketException e) {
            out.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        }
        return out.toArray(GeneralName[]::new);
    }

    /** This computer's name, as the certificate and the logs give it. */
    public static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "brigade-store" : name;
        } catch (IOException e) {
            return "brigade-store";
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate", e);
        }
    }

    private static KeyStore read(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** Written to a temporary file first and moved into place, so a crash never leaves half a key store. */
    private static void write(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the file inherits the data directory's ACL.
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
