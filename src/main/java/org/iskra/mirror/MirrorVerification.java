package org.iskra.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a mirror against its manifest and the manifest's signature: the signature must be the key's, every listed
 * file must be there with its size and SHA-256, and no other file may be there (a page added by someone else is as
 * much a change as a page altered). Needs nothing but the folder and, to know the signature is the site's, its
 * public key.
 */
final class MirrorVerification {

    /** What a check found; {@code problems} is empty for a faithful mirror. */
    record Result(int files, String keyFingerprint, boolean keyFromMirror, List<String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final int MAX_PROBLEMS = 50;

    private MirrorVerification() {
    }

    /** @param key the site's public key, or null to use the copy the mirror carries (which proves integrity only) */
    static Result verify(Path dir, PublicKey key) throws IOException {
        List<String> problems = new ArrayList<>();
        boolean keyFromMirror = key == null;
        Path manifestFile = dir.resolve(Manifest.FILE);
        Path signatureFile = dir.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(signatureFile)) {
            return new Result(0, null, keyFromMirror, List.of("no " + Manifest.FILE + " and " + Manifest.SIGNATURE + " in " + dir));
        }
        if (key == null) {
            Path pem = dir.resolve(Manifest.PUBLIC_KEY);
            if (!Files.isRegularFile(pem)) {
                return new Result(0, null, true, List.of("no public key given and no " + Manifest.PUBLIC_KEY + " in " + dir));
            }
            key = SigningKey.fromPem(Files.readString(pem, StandardCharsets.US_ASCII));
        }
        String fingerprint = SigningKey.fingerprint(key);
        byte[] manifestBytes = Files.readAllBytes(manifestFile);
        if (!SigningKey.verify(key, manifestBytes, Files.readAllBytes(signatureFile))) {
            return new Result(0, fingerprint, keyFromMirror, List.of("the manifest's signature is not this key's"));
        }
        Manifest manifest;
        try {
            manifest = Manifest.parse(manifestBytes);
        } catch (IllegalArgumentException malformed) {
            return new Result(0, fingerprint, keyFromMirror, List.of(malformed.getMessage()));
        }
        Manifest listed = manifest;
        for (Map.Entry<String, Manifest.Entry> entry : listed.entries().entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            if (!file.startsWith(dir)) {
                problems.add(entry.getKey() + ": outside the mirror");
            } else if (!Files.isRegularFile(file)) {
                problems.add(entry.getKey() + ": missing");
            } else if (Files.size(file) != entry.getValue().size() || !sha256(file).equals(entry.getValue().sha256())) {
                problems.add(entry.getKey() + ": changed");
            }
            if (problems.size() >= MAX_PROBLEMS) {
                return new Result(manifest.entries().size(), fingerprint, keyFromMirror, problems);
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> !Manifest.ownFile(path) && !listed.entries().containsKey(path))
                    .limit(MAX_PROBLEMS)
                    .forEach(path -> problems.add(path + ": not in the manifest"));
        }
        return new Result(manifest.entries().size(), fingerprint, keyFromMirror, problems);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
