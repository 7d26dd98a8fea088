package org.iskra.articles;

/** Someone saved the translation after the form was loaded: saving now would silently drop their work. */
public class EditConflictException extends Exception {

    private final long translationId;
    private final int currentVersion;

    public EditConflictException(long translationId, int currentVersion) {
        super("translation " + translationId + " is at version " + currentVersion);
        this.translationId = translationId;
        this.currentVersion = currentVersion;
    }

    public long translationId() {
        return translationId;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
