package io.brigade.server.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A certificate the operator provides instead of the store's own authority: PEM files ({@code serve --tls-cert
 * FILE --tls-key FILE}, the chain leaf first, the key unencrypted as PKCS#8, PKCS#1 or SEC1) or a PKCS#12/JKS
 * key store ({@code --tls-keystore FILE --tls-keystore-password P}). Devices pin the last certificate of the chain
 * (the issuer when the chain includes it), so a renewal from the same issuer needs no new pairing.
 */
public final class OperatorCertificate implements TlsMaterial {
    private static final String PASSWORD = "brigade-operator";
    private final KeyStore store;
    private final X509Certificate anchor;
    private final Instant notAfter;

    private OperatorCertificate(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException,
            IOException {
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("the certificate file holds no certificate");
        }
        if (!matches(key, chain.get(0))) {
            throw new GeneralSecurityException("the private key does not belong to the first certificate");
        }
        this.store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
        this.anchor = chain.get(chain.size() - 1);
        this.notAfter = chain.get(0).getNotAfter().toInstant();
    }

    /** The chain in {@code certFile} (PEM, leaf first) with the key in {@code keyFile} (PEM). */
    public static OperatorCertificate fromPem(Path certFile, Path keyFile) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            try (InputStream in = Files.newInputStream(certFile)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    chain.add((X509Certificate) c);
                }
            }
            return new OperatorCertificate(readKey(keyFile), chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the certificate " + certFile + " with the key " + keyFile
                    + ": " + e.getMessage(), e);
        }
    }

    /** The first key entry of a PKCS#12 or JKS key store (the key's password is the store's). */
    public static OperatorCertificate fromKeyStore(Path file, String password) {
        try {
            KeyStore source = KeyStore.getInstance(file.toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                source.load(in, password.toCharArray());
            }
            for (String alias : Collections.list(source.aliases())) {
                if (source.isKeyEntry(alias)) {
                    Key key = source.getKey(alias, password.toCharArray());
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : source.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new OperatorCertificate((PrivateKey) key, chain);
                }
            }
            throw new GeneralSecurityException("the key store holds no private key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path keyFile) throws IOException {
        try (Reader reader = Files.newBufferedReader(keyFile); PEMParser parser = new PEMParser(reader)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                // SEC1 "EC PRIVATE KEY" files may leave out the public key.
                return pair.getPublicKeyInfo() == null ? converter.getPrivateKey(pair.getPrivateKeyInfo())
                        : converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("no unencrypted private key (PKCS#8, PKCS#1 or SEC1 PEM) in " + keyFile);
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            java.security.Signature s = java.security.Signature.getInstance(algorithm);
            s.initSign(key);
            byte[] probe = "brigade".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            s.update(probe);
            byte[] signature = s.sign();
            s.initVerify(cert.getPublicKey());
            s.update(probe);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public KeyStore keyStore() {
        return store;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public X509Certificate anchor() {
        return anchor;
    }

    @Override
    public Instant notAfter() {
        return notAfter;
    }
}
