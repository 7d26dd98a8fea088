package org.iskra.accounts;

import java.util.List;
import java.util.Optional;

import org.iskra.site.BackOfficeLanguage;
import org.iskra.site.Language;
import org.springframework.stereotype.Component;

/**
 * A staff member's choice of the back office's language: the interface languages offered on their account page,
 * each in its own name, and keeping the one they pick on their account. Until they pick one, their browser's first
 * choice applies ({@link BackOfficeLanguage}).
 */
@Component
class LanguageChoices {

    private final BackOfficeLanguage backOffice;
    private final StaffAccounts accounts;

    LanguageChoices(BackOfficeLanguage backOffice, StaffAccounts accounts) {
        this.backOffice = backOffice;
        this.accounts = accounts;
    }

    LanguageChoice of(String email, String acceptLanguage) {
        String chosen = accounts.interfaceLanguageOf(email).flatMap(backOffice::choice).map(Language::code).orElse(null);
        List<LanguageChoice.Option> options = backOffice.choices().stream()
                .map(language -> new LanguageChoice.Option(language.code(), language.nativeName(), language.dir(),
                        language.code().equals(chosen)))
                .toList();
        return new LanguageChoice(chosen, backOffice.browsers(acceptLanguage), options);
    }

    /**
     * Keeps this language for the staff member, or forgets their choice when {@code code} is empty.
     *
     * @return false when {@code code} names no interface language, and nothing was changed
     */
    boolean choose(String email, String code) {
        if (code == null || code.isEmpty()) {
            accounts.chooseInterfaceLanguage(email, null);
            return true;
        }
        Optional<Language> language = backOffice.choice(code);
        language.ifPresent(chosen -> accounts.chooseInterfaceLanguage(email, chosen.code()));
        return language.isPresent();
    }
}
