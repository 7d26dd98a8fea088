package org.iskra.site;

import java.util.List;

/** The model of an error page: which error, in the reader's language, and where to go instead. */
public record ErrorPage(PageFrame frame, int status, String heading, String explanation, List<LanguageLink> elsewhere) {
}
