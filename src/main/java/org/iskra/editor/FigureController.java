package org.iskra.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.iskra.articles.EditorialUser;
import org.iskra.site.Reader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An image dropped on the editor's text or its image panel: the script sends it alone, gets the figure as the
 * body writes it, and puts it at the cursor. Without script the form's upload button does the same, at the end.
 */
@Controller
class FigureController {

    private final FigureInsertion figures;

    FigureController(FigureInsertion figures) {
        this.figures = figures;
    }

    @PostMapping(value = "/admin/articles/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> upload(FigureUpload upload, EditorialUser user, Reader reader) {
        FigureInsertion.Figure figure = figures.store(upload);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (figure.stored()) {
            answer.put("figure", figure.shortcode());
            answer.put("message", reader.t().get("editor.figure.inserted-at-cursor"));
        } else {
            answer.put("message", reader.t().get(figure.problem()));
        }
        return ResponseEntity.status(figure.status()).cacheControl(CacheControl.noStore()).body(answer);
    }
}
