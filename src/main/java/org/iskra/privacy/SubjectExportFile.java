package org.iskra.privacy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The download a data subject is given: everything held about them as JSON (for a machine) or as a readable page
 * in their language where Iskra has it (else the administrator's). The export is audited by {@link DataSubjects}.
 */
@Service
class SubjectExportFile {

    /** The formats an export comes in, as the form names them. */
    static final List<String> FORMATS = List.of("json", "html");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A file to download: its bytes, their type and the name to save it under. */
    record File(byte[] body, MediaType type, String filename) {
    }

    private final DataSubjects subjects;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    SubjectExportFile(DataSubjects subjects, Languages languages, PageFrames frames, PageRenderer renderer) {
        this.subjects = subjects;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** @param format one of {@link #FORMATS}; {@code fallback} is the language of a page for a subject without one */
    File export(String email, String format, Language fallback, Actor actor) {
        List<HeldRecord> records = subjects.export(email, format, actor);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String filename = "personal-data-" + now.toLocalDate() + "." + format;
        if (format.equals("json")) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("exportedAt", now.toString());
            document.put("records", records.stream().map(SubjectExportFile::json).toList());
            return new File(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document), MediaType.APPLICATION_JSON,
                    filename);
        }
        Language language = records.stream().map(HeldRecord::language)
                .filter(code -> code != null && languages.supports(code)).findFirst()
                .flatMap(languages::find).orElse(fallback);
        Messages t = frames.messages(language);
        byte[] page = renderer.render("privacy/subject-export.jte",
                new SubjectExport(frames.documentFrame(language, t.get("privacy.subjects.export.title")), now, records));
        return new File(page, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), filename);
    }

    private static Map<String, Object> json(HeldRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", record.kind());
        json.put("reference", record.reference());
        record.fields().forEach(f -> json.put(f.name(), f.value()));
        if (!record.timeline().isEmpty()) {
            json.put("timeline", record.timeline().stream().map(event -> {
                Map<String, Object> e = new LinkedHashMap<>();
                event.forEach(f -> e.put(f.name(), f.value()));
                return e;
            }).toList());
        }
        return json;
    }
}
