package org.iskra.editor;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.media.UnsupportedImageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An image uploaded from the editor: checked (a file, alt text, a credit of sensible length), stored as the
 * importer stores images, and written as a figure: at the end of the body when the form was sent without script,
 * at the cursor when the script sent the image alone ({@link FigureController}). Nothing is saved yet: the form
 * comes back with the user's words and the figure, and Save keeps both.
 */
@Component
class FigureInsertion {

    /** Either the form with the figure in it, or why there is none (a message key) and the status to answer with. */
    record Outcome(EditorForm form, String problem, HttpStatus status) {

        boolean inserted() {
            return problem == null;
        }
    }

    /** The figure as the body writes it, or why there is none. */
    record Figure(String shortcode, String problem, HttpStatus status) {

        boolean stored() {
            return problem == null;
        }
    }

    private final MediaLibrary media;

    FigureInsertion(MediaLibrary media) {
        this.media = media;
    }

    Outcome insert(EditorForm form, FigureUpload figure) {
        Figure stored = store(figure);
        return stored.stored() ? new Outcome(form.withFigure(stored.shortcode()), null, HttpStatus.OK)
                : new Outcome(null, stored.problem(), stored.status());
    }

    Figure store(FigureUpload figure) {
        if (figure.file() == null || figure.file().isEmpty()) {
            return refused("editor.figure.missing", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (figure.cleanAlt().isEmpty()) {
            return refused("editor.error.alt-missing", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (figure.cleanCredit().length() > FigureUpload.MAX_CREDIT) {
            return refused("editor.error.credit-invalid", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        MediaImage image;
        try {
            image = media.store(figure.file().getBytes(), figure.cleanCredit().isEmpty() ? null : figure.cleanCredit(), null);
        } catch (UnsupportedImageException e) {
            return refused(e.reason(), status(e.reason()));
        } catch (IllegalArgumentException e) {
            return refused("editor.error.credit-invalid", HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Figure(figure.shortcode(image.hash()), null, HttpStatus.OK);
    }

    private static Figure refused(String problem, HttpStatus status) {
        return new Figure(null, problem, status);
    }

    private static HttpStatus status(String reason) {
        if (reason.endsWith("not-an-image") || reason.endsWith("unsupported-format")) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        return reason.endsWith("too-large") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
