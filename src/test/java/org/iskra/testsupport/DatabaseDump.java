package org.iskra.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole database as text, as someone who walks off with a dump would read it: H2's SCRIPT (with the
 * {@code U&'\\0436…'} escapes it writes for non-ASCII text decoded, so Cyrillic and Arabic values can be found), or
 * pg_dump of the test application's schema on PostgreSQL.
 */
public final class DatabaseDump {

    private static final Pattern H2_ESCAPE = Pattern.compile("\\\\(\\+[0-9a-fA-F]{6}|[0-9a-fA-F]{4})");

    private DatabaseDump() {
    }

    /** {@code databaseUrl}: the application's {@code spring.datasource.url}. */
    public static String of(JdbcClient jdbc, String databaseUrl) throws IOException, InterruptedException {
        return TestDatabase.onPostgres() ? pgDump(databaseUrl) : h2Script(jdbc);
    }

    private static String h2Script(JdbcClient jdbc) {
        String script = jdbc.sql("script").query((rs, n) -> rs.getString(1)).list().stream().collect(Collectors.joining("\n"));
        Matcher escape = H2_ESCAPE.matcher(script);
        StringBuilder decoded = new StringBuilder(script.length());
        while (escape.find()) {
            String hex = escape.group(1);
            int codePoint = Integer.parseInt(hex.startsWith("+") ? hex.substring(1) : hex, 16);
            escape.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        escape.appendTail(decoded);
        return decoded.toString();
    }

    private static String pgDump(String databaseUrl) throws IOException, InterruptedException {
        URI uri = URI.create(databaseUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        String schema = databaseUrl.replaceAll(".*currentSchema=([^&]+).*", "$1");
        Process dump = new ProcessBuilder("pg_dump", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-U", System.getProperty("iskra.test.db.user", "postgres"), "-n", schema, "--no-owner", database)
                .redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + out);
        }
        return out;
    }
}
