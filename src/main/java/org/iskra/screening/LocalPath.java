package org.iskra.screening;

/** The page a form was sent from: a path on this site only, never another site's address (no open redirect). */
public final class LocalPath {

    private LocalPath() {
    }

    public static String orNull(String value) {
        if (value == null || value.length() > 300 || !value.matches("/[A-Za-z0-9\\-._~/%?=&+]*") || value.startsWith("//")
                || value.contains("/../") || value.contains("\\")) {
            return null;
        }
        return value;
    }
}
