package org.iskra.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's Ed25519 key that signs mirror manifests, from the JDK (no library). It lives beside the
 * personal-data key file and is kept like it: readable by its owner only, created on first use, never in the
 * database or a backup, the same file on every node (so every node's well-known address shows the same key). Plain
 * text: {@code private {base64 PKCS#8}} and {@code public {base64 X.509}} lines.
 */
final class SigningKey {

    static final String FILE_NAME = "mirror-signing.key";
    private static final String ALGORITHM = "Ed25519";

    private SigningKey() {
    }

    /** The key pair in {@code file}, created there first if there is none; two processes at once end with one key. */
    static KeyPair loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        try {
            PrivateKey privateKey = null;
            PublicKey publicKey = null;
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && fields[0].equals("private")) {
                    privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(fields[1])));
                } else if (fields.length == 2 && fields[0].equals("public")) {
                    publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(fields[1])));
                }
            }
            if (privateKey == null || publicKey == null) {
                throw new IllegalStateException("The mirror signing key file " + file + " lacks its private or public line;"
                        + " restore it from your copy (a new key would not match the one readers know)");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mirror signing key file " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The mirror signing key file " + file + " is malformed", e);
        }
    }

    private static void create(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            String text = """
                    # Iskra mirror signing key (Ed25519). SECRET: whoever has it can sign a mirror as this site's.
                    # Keep a copy apart from the backups, like the personal-data key file beside it; every node needs it.
                    private %s
                    public %s
                    """.formatted(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temp;
            try {
                temp = Files.createTempFile(folder, ".mirror-signing-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException noPosix) {
                temp = Files.createTempFile(folder, ".mirror-signing-", ".tmp");
            }
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    // a hard link fails if the name exists: of two processes creating a key, the first one's stays
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException other) {
                    // the other process's key is the one
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(file)) {
                        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mirror signing key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make Ed25519 keys", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as PEM ({@code openssl pkey -pubin} reads it). */
    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM form");
        }
    }

    /** A short name of the key to compare by eye: the SHA-256 of its X.509 form, in hex. */
    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
