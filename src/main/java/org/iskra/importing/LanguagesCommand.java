package org.iskra.importing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.iskra.IskraApplication;
import org.iskra.articles.ArticleDesk;
import org.iskra.site.Command;
import org.iskra.site.CommandLine;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar iskra.jar languages list} and {@code languages remove CODE [--force]}: the site's languages, and
 * taking back one that {@code import --add-languages} added.
 *
 * <p>A language that still has translations is not removed unless {@code --force} says so: its articles' pages and
 * addresses would answer 404 from then on, and an address that once showed an article should keep leading to it.
 * Forced, the translations stay in the database, unseen, and are served again if the language is added again.
 * Languages that {@code ISKRA_LANGUAGES} names are changed there, not here.
 */
public final class LanguagesCommand extends Command<LanguagesCommand.Asked> {

    static final String USAGE_TEXT = "usage: java -jar iskra.jar languages list|remove CODE [--force] [--iskra.data=DIR] [--spring.datasource.url=…]";

    /** {@code code} and {@code force} only for remove. */
    record Asked(String action, String code, boolean force) {
    }

    public LanguagesCommand() {
        super("languages", IskraApplication.class);
    }

    /** Exit status: 0 done, 1 refused (see the message), 2 for bad usage. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new LanguagesCommand().execute(args, out, err);
    }

    @Override
    protected Start<Asked> prepare(String[] args, PrintStream err) {
        List<String> given = new ArrayList<>(List.of(args));
        boolean force = given.remove("--force");
        CommandLine.Arguments arguments = arguments(given.toArray(String[]::new));
        List<String> operands = arguments.operands();
        Asked asked = null;
        if (operands.equals(List.of("list")) && !force) {
            asked = new Asked("list", null, false);
        } else if (operands.size() == 2 && operands.get(0).equals("remove")) {
            asked = new Asked("remove", operands.get(1), force);
        }
        if (asked == null) {
            err.println(USAGE_TEXT);
            return null;
        }
        return new Start<>(asked, arguments.settings(), List.of(), List.of());
    }

    @Override
    protected int work(Asked asked, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        Languages languages = context.getBean(Languages.class);
        ArticleDesk desk = context.getBean(ArticleDesk.class);
        if (asked.action().equals("list")) {
            for (Language language : languages.all()) {
                out.printf("%-8s %-24s %-32s %d translation(s)%n", language.code(), language.nativeName(),
                        languages.configured(language.code()) ? "named by ISKRA_LANGUAGES" : "added (languages remove can take it back)",
                        translationsIn(desk, language));
            }
            return OK;
        }
        Optional<Language> found = languages.find(asked.code());
        if (found.isEmpty()) {
            err.println(asked.code() + " is not one of the site's languages (languages list names them)");
            return FAILED;
        }
        Language language = found.get();
        if (languages.configured(language.code())) {
            err.println(language.code() + " is named by ISKRA_LANGUAGES (iskra.languages): remove it there, then restart");
            return FAILED;
        }
        long translations = translationsIn(desk, language);
        if (translations > 0 && !asked.force()) {
            err.println(language.code() + " still has " + translations + " translation(s). Removed, their pages and addresses"
                    + " would answer 404; the translations would stay in the database, unseen, until the language is"
                    + " added again. To remove it anyway: java -jar iskra.jar languages remove " + language.code() + " --force");
            return FAILED;
        }
        languages.remove(language);
        out.println("Removed " + language.code() + " (" + language.nativeName() + ") from the site's languages"
                + (translations > 0 ? "; its " + translations + " translation(s) stay in the database, unseen" : "")
                + ". Running nodes stop serving it within ISKRA_CHANGE_POLL_INTERVAL.");
        return OK;
    }

    private static long translationsIn(ArticleDesk desk, Language language) {
        return desk.list(new ArticleDesk.Filter(language.code(), null, null, null, null, false, null), 1, 1).total();
    }
}
